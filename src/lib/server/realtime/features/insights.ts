import { backfillInsights, deriveInsights, touchedNotes } from '$lib/workshop/insights-from-notes';
import { boardRecordCount, RECORDS_PER_DOCUMENT } from '$lib/workshop/layout';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';

/**
 * Every bottennapp becomes an insight, written by the server alone so that one record exists
 * per note however many browsers see it (insights-from-notes.ts): after each accepted update
 * of a board, and on loading a board written before insights existed (or put in without
 * passing through the server, such as an import).
 */
export const insightsFeature: Feature = {
	name: 'insights from bottennappar',
	onLoad(docName, doc) {
		if (parseRoom(docName)?.kind !== 'board') return;
		// Never past the cap the judge holds facilitators to.
		backfillInsights(doc, RECORDS_PER_DOCUMENT - boardRecordCount(doc));
	},
	afterApply(session, doc, tr) {
		if (session.room.kind !== 'board') return false;
		return deriveInsights(doc, touchedNotes(doc, tr));
	}
};
