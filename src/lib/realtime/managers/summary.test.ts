import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardSummary } from './summary.svelte';

function pair() {
	const mine = new Y.Doc();
	const theirs = new Y.Doc();
	mine.on('update', (u: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(theirs, u, 'remote');
	});
	theirs.on('update', (u: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(mine, u, 'remote');
	});
	return { mine, theirs };
}

describe('BoardSummary', () => {
	it('adds, edits, moves and removes lines that the other replica reads', () => {
		const { mine, theirs } = pair();
		const summary = new BoardSummary(mine);
		const reader = new BoardSummary(theirs);
		expect(summary.add('bullets', '   ')).toBe(false);
		expect(summary.add('bullets', 'Ingen vet vem som ansvarar')).toBe(true);
		summary.add('bullets', 'Listan följer inte med');
		summary.add('nextSteps', 'Boka uppföljning i mars');
		expect(reader.bullets).toEqual(['Ingen vet vem som ansvarar', 'Listan följer inte med']);
		expect(reader.nextSteps).toEqual(['Boka uppföljning i mars']);

		summary.move('bullets', 1, -1);
		expect(reader.bullets).toEqual(['Listan följer inte med', 'Ingen vet vem som ansvarar']);
		summary.set('bullets', 0, 'Läkemedelslistan följer inte med');
		expect(reader.bullets[0]).toBe('Läkemedelslistan följer inte med');
		summary.set('bullets', 0, '  ');
		expect(reader.bullets).toEqual(['Ingen vet vem som ansvarar']);
		summary.remove('nextSteps', 0);
		expect(reader.nextSteps).toEqual([]);
		summary.destroy();
		reader.destroy();
	});

	it('edits the list as the board holds it now, keeping another facilitator’s new line', () => {
		const { mine, theirs } = pair();
		const summary = new BoardSummary(mine);
		const other = new BoardSummary(theirs);
		summary.add('bullets', 'Första');
		other.add('bullets', 'Andra');
		summary.set('bullets', 0, 'Första, omskriven');
		expect(other.bullets).toEqual(['Första, omskriven', 'Andra']);
		summary.destroy();
		other.destroy();
	});

	it('follows a line others moved, and keeps an edit of a line others removed', () => {
		const { mine, theirs } = pair();
		const summary = new BoardSummary(mine);
		const other = new BoardSummary(theirs);
		for (const line of ['Ett', 'Två', 'Tre']) summary.add('nextSteps', line);
		// I began editing "Tre" at place 2; meanwhile the other facilitator removed "Ett".
		other.remove('nextSteps', 0);
		summary.set('nextSteps', 2, 'Tre, omskriven', 'Tre');
		expect(other.nextSteps).toEqual(['Två', 'Tre, omskriven']);
		other.remove('nextSteps', 0);
		summary.set('nextSteps', 0, 'Två, omskriven', 'Två');
		expect(other.nextSteps).toEqual(['Tre, omskriven', 'Två, omskriven']);
		summary.destroy();
		other.destroy();
	});
});
