import { describe, expect, it } from 'vitest';
import { addNote } from '$lib/workshop/doc';
import { removeEvent } from '$lib/workshop/journey';
import { isBoardClosed, setBoardClosed } from '$lib/workshop/records/board-state';
import { author, board, change, member, replica } from './judge-fixture';

describe('a closed workshop (issue 17)', () => {
	it('refuses every participant write while closed; facilitators still write', () => {
		const b = board();
		setBoardClosed(b.doc, true);
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		expect(change(b.doc, anna, c, () => addNote(c, { text: 'x', author: author('anna') }))).toBe(
			'the workshop is closed'
		);
		const f = replica(b.doc);
		const fia = member(b, 'fia', 'facilitator');
		expect(change(b.doc, fia, f, () => removeEvent(f, b.eventId))).toBeNull();
	});

	it('lets nobody but the server close or reopen it, not even a facilitator', () => {
		const b = board();
		const fia = member(b, 'fia', 'facilitator');
		const f = replica(b.doc);
		expect(change(b.doc, fia, f, () => setBoardClosed(f, true))).toMatch(/not yours|may not/);
		expect(isBoardClosed(b.doc)).toBe(false);
		setBoardClosed(b.doc, true);
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		expect(change(b.doc, anna, c, () => setBoardClosed(c, false))).not.toBeNull();
		expect(isBoardClosed(b.doc)).toBe(true);
	});
});
