import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { tablesOf, transaction, type DB } from '../db';
import { createWorkshop, type Workshop } from './workshops';
import { scrubAuthorNames } from '$lib/workshop/anonymity';
import { newId } from '$lib/workshop/ids';
import { backfillInsights } from '$lib/workshop/insights-from-notes';
import {
	boardRecordCount,
	DOCUMENT_BYTES_MAX,
	PARTICIPANT_SHARE,
	RECORDS_PER_DOCUMENT
} from '$lib/workshop/layout';
import { boardRoom } from '$lib/workshop/rooms';
import { boardDocFrom, remapBoard } from '$lib/workshop/workshop-import';
import type { WorkshopFile } from '$lib/workshop/workshop-json';

/**
 * The largest board an import may make: what participants may fill a board to (judge.ts), so
 * an imported board is one the server would have accepted from its members, and it opens.
 * A file under the upload limit can still make a larger board (every reference gets a 32-digit
 * id; structs cost more than JSON), so the built board itself is measured.
 */
export const IMPORT_BOARD_BYTES_MAX = Math.floor(DOCUMENT_BYTES_MAX * PARTICIPANT_SHARE);
/** The most records an imported board may hold, for the same reason. */
export const IMPORT_BOARD_RECORDS_MAX = Math.floor(RECORDS_PER_DOCUMENT * PARTICIPANT_SHARE);

export type ImportResult =
	{ ok: true; workshop: Workshop } | { ok: false; error: 'import_board_too_large' };

/**
 * Creates a new workshop, owned by `owner`, from a validated workshop file: fresh ids for
 * every record and reference, the file's settings, its board as the first update of the new
 * board's log. One transaction (the doc log lives in the same database), so a failure
 * anywhere leaves nothing behind; a board over IMPORT_BOARD_BYTES_MAX or
 * IMPORT_BOARD_RECORDS_MAX (derived insights included) is refused before it.
 */
export async function importWorkshop(
	db: DB,
	owner: { id: string; displayName: string },
	file: WorkshopFile
): Promise<ImportResult> {
	const { board } = remapBoard(file.board, newId);
	const doc = boardDocFrom(board);
	// The insights the server derives of the file's bottennappar are written now, so the board
	// measured below is the board that opens (loading it then derives nothing more).
	backfillInsights(doc);
	const records = boardRecordCount(doc);
	// A file made anonymous by hand may still hold names; the new workshop holds none then.
	if (file.settings.anonymous) scrubAuthorNames(doc);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	if (update.byteLength > IMPORT_BOARD_BYTES_MAX || records > IMPORT_BOARD_RECORDS_MAX) {
		return { ok: false, error: 'import_board_too_large' };
	}
	const { workshops, docUpdates } = tablesOf(db);
	const workshop = await transaction(db, async (tx) => {
		const { title, purpose, date } = file.workshop;
		const created = await createWorkshop(tx, owner, { title, purpose, date });
		const [workshop] = await tx
			.update(workshops)
			.set(file.settings)
			.where(eq(workshops.id, created.id))
			.returning();
		// Through the transaction, not the doc log: the board's first update commits with its row.
		await tx
			.insert(docUpdates)
			.values({ docName: boardRoom(created.id), update: Buffer.from(update) });
		return workshop!;
	});
	return { ok: true, workshop };
}
