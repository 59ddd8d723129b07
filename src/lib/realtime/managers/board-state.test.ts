import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardState } from './board-state.svelte';

describe('BoardState', () => {
	it('follows the lock in the document, also when another replica sets it', () => {
		const mine = new Y.Doc();
		const theirs = new Y.Doc();
		const state = new BoardState(mine);
		expect(state.locked).toBe(false);

		const facilitator = new BoardState(theirs);
		facilitator.lock();
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
		expect(state.locked).toBe(true);
		expect(state.blocks('participant')).toBe(true);
		expect(state.blocks('observer')).toBe(true);
		expect(state.blocks('facilitator')).toBe(false);

		facilitator.unlock();
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
		expect(state.locked).toBe(false);
		expect(state.blocks('participant')).toBe(false);
		state.destroy();
		facilitator.destroy();
	});
});
