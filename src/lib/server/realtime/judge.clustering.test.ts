import { describe, expect, it } from 'vitest';
import { acceptSuggestion, deleteArea, mergeAreas, splitArea } from '$lib/workshop/clustering';
import { areasMap, createArea, nudgeArea, renameArea } from '$lib/workshop/records/area';
import {
	setParticipantsMayMove,
	setSynonyms,
	participantsMayMove
} from '$lib/workshop/records/board-state';
import {
	addInsight,
	editInsight,
	insightsMap,
	moveInsight,
	removeInsight
} from '$lib/workshop/records/insight';
import { dismissedNotesMap } from '$lib/workshop/records/dismissed-note';
import { rejectSuggestion } from '$lib/workshop/records/rejected-suggestion';
import { board, change, member, replica } from './judge-fixture';

/** A board with two areas and an insight in the pile, written by the facilitator. */
function clusteredBoard() {
	const b = board();
	const areaA = createArea(b.doc, { name: 'Kontinuitet' })!;
	const areaB = createArea(b.doc, { name: 'Information' })!;
	const insight = addInsight(b.doc, {
		text: 'Ingen ringer tillbaka',
		source: 'written',
		createdBy: 'bo'
	});
	return { ...b, areaA, areaB, insight };
}

describe('what a participant may write to insights and areas', () => {
	it('refuses creating, renaming, reordering, merging and deleting areas', () => {
		const b = clusteredBoard();
		setParticipantsMayMove(b.doc, true);
		const anna = member(b, 'anna');
		const edits: ((c: ReturnType<typeof replica>) => unknown)[] = [
			(c) => createArea(c, { name: 'Mitt område' }),
			(c) => renameArea(c, b.areaA, 'Kapad'),
			(c) => nudgeArea(c, b.areaB, -1),
			(c) => mergeAreas(c, b.areaA, b.areaB),
			(c) => deleteArea(c, b.areaA),
			(c) => areasMap(c).get(b.areaA)!.set('parentId', b.areaB)
		];
		for (const edit of edits) {
			const client = replica(b.doc);
			expect(change(b.doc, anna, client, () => edit(client))).toMatch(/area: /);
		}
		expect(areasMap(b.doc).size).toBe(2);
	});

	it('refuses creating, editing and removing insights, and the board switches', () => {
		const b = clusteredBoard();
		setParticipantsMayMove(b.doc, true);
		const pile = addInsight(b.doc, { text: 'Osorterad', source: 'written', createdBy: 'bo' });
		moveInsight(b.doc, b.insight, b.areaA);
		const anna = member(b, 'anna');
		const edits: ((c: ReturnType<typeof replica>) => unknown)[] = [
			(c) => addInsight(c, { text: 'Min insikt', source: 'written', createdBy: 'anna' }),
			(c) => editInsight(c, b.insight, 'Omskriven'),
			(c) => removeInsight(c, b.insight),
			(c) => insightsMap(c).get(b.insight)!.set('sourceNoteIds', [b.boNote]),
			(c) => setParticipantsMayMove(c, false),
			(c) => setSynonyms(c, [['a', 'b']]),
			(c) => acceptSuggestion(c, 'Förslag', [pile]),
			(c) => splitArea(c, b.areaA, [b.insight], 'Del')
		];
		for (const edit of edits) {
			const client = replica(b.doc);
			expect(change(b.doc, anna, client, () => edit(client))).not.toBeNull();
		}
		expect(participantsMayMove(b.doc)).toBe(true);
		expect(insightsMap(b.doc).get(b.insight)!.get('text')).toBe('Ingen ringer tillbaka');
	});

	it('lets a participant move an insight only while the facilitator allows it', () => {
		const b = clusteredBoard();
		const anna = member(b, 'anna');
		const before = replica(b.doc);
		expect(change(b.doc, anna, before, () => moveInsight(before, b.insight, b.areaA))).toMatch(
			/not allowed now/
		);
		setParticipantsMayMove(b.doc, true);
		const allowed = replica(b.doc);
		expect(change(b.doc, anna, allowed, () => moveInsight(allowed, b.insight, b.areaA))).toBeNull();
		expect(insightsMap(b.doc).get(b.insight)!.get('areaId')).toBe(b.areaA);
		expect(change(b.doc, anna, allowed, () => moveInsight(allowed, b.insight, null))).toBeNull();
		setParticipantsMayMove(b.doc, false);
		const after = replica(b.doc);
		expect(change(b.doc, anna, after, () => moveInsight(after, b.insight, b.areaB))).toMatch(
			/not allowed now/
		);
		expect(insightsMap(b.doc).get(b.insight)!.get('areaId')).toBeNull();
	});

	it('refuses a move to a malformed area id even when moving is allowed', () => {
		const b = clusteredBoard();
		setParticipantsMayMove(b.doc, true);
		const anna = member(b, 'anna');
		const client = replica(b.doc);
		expect(
			change(b.doc, anna, client, () =>
				insightsMap(client).get(b.insight)!.set('areaId', 'not an id!')
			)
		).toMatch(/bad value/);
	});

	it('lets a facilitator do everything the clustering page does', () => {
		const b = clusteredBoard();
		const facilitator = member(b, 'bo', 'facilitator');
		const client = replica(b.doc);
		const steps: (() => unknown)[] = [
			() => setParticipantsMayMove(client, true),
			() => setSynonyms(client, [['rollator', 'gåstol']]),
			() => createArea(client, { name: 'Under', parentId: b.areaA }),
			() => renameArea(client, b.areaA, 'Kontinuitet i vården'),
			() => nudgeArea(client, b.areaB, -1),
			() => moveInsight(client, b.insight, b.areaB),
			() => splitArea(client, b.areaB, [b.insight], 'Utbrutet'),
			() => mergeAreas(client, b.areaA, b.areaB),
			() => editInsight(client, b.insight, 'Ingen ringer tillbaka efter besöket'),
			() => deleteArea(client, b.areaA),
			() => removeInsight(client, b.insight)
		];
		for (const step of steps) expect(change(b.doc, facilitator, client, step)).toBeNull();
		expect(insightsMap(b.doc).size).toBe(0);
	});
});

describe('rejected suggestions and dismissed notes', () => {
	it('a facilitator writes both; a participant neither, even while allowed to move', () => {
		const b = clusteredBoard();
		setParticipantsMayMove(b.doc, true);
		const bo = member(b, 'bo', 'facilitator');
		const client = replica(b.doc);
		expect(change(b.doc, bo, client, () => rejectSuggestion(client, ['x', 'y']))).toBeNull();
		expect(change(b.doc, bo, client, () => removeInsight(client, b.insight))).toBeNull();
		expect(change(b.doc, bo, client, () => dismissedNotesMap(client).set('n1', 5))).toBeNull();
		const anna = member(b, 'anna');
		const edits: ((c: ReturnType<typeof replica>) => unknown)[] = [
			(c) => rejectSuggestion(c, ['x', 'z']),
			(c) => dismissedNotesMap(c).set('note1', 1)
		];
		for (const edit of edits) {
			const client = replica(b.doc);
			expect(change(b.doc, anna, client, () => edit(client))).toMatch(
				/rejected suggestion|dismissed note/
			);
		}
	});
});
