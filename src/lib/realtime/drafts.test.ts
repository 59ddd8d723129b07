import { describe, expect, it } from 'vitest';
import { cellDraftKey, DRAFT_TTL_MS, NoteDrafts, noteDraftKey, parseDrafts } from './drafts.svelte';

/** A Storage as the browser's behaves for these three calls. */
function memoryStorage() {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		removeItem: (key: string) => void items.delete(key)
	};
}

describe('NoteDrafts', () => {
	it('keeps what is typed per workshop, member and place, for the next page load', () => {
		const storage = memoryStorage();
		const cell = cellDraftKey('e1', 'q1');
		const before = new NoteDrafts(storage, 'w1', 'm1');
		before.set(cell, 'Ingen ringde tillbaka', 'bottennapp');
		before.set(noteDraftKey('n1'), 'Rättad text', 'note');

		const after = new NoteDrafts(storage, 'w1', 'm1');
		expect(after.get(cell)).toMatchObject({ text: 'Ingen ringde tillbaka', kind: 'bottennapp' });
		expect(after.get(noteDraftKey('n1'))?.text).toBe('Rättad text');
		expect(after.has(cellDraftKey(null, null))).toBe(false);
		expect(new NoteDrafts(storage, 'w2', 'm1').has(cell)).toBe(false);
		// The next person on a shared computer does not get them.
		expect(new NoteDrafts(storage, 'w1', 'm2').has(cell)).toBe(false);
	});

	it('drops a draft when it is emptied or cleared, and the key when none is left', () => {
		const storage = memoryStorage();
		const drafts = new NoteDrafts(storage, 'w1', 'm1');
		drafts.set('cell:a:b', 'text', 'note');
		drafts.set('cell:a:b', '   ', 'note');
		expect(drafts.has('cell:a:b')).toBe(false);
		drafts.set('note:x', 'text', 'citat');
		drafts.clear('note:x');
		expect(storage.items.size).toBe(0);
		expect(new NoteDrafts(storage, 'w1', 'm1').has('note:x')).toBe(false);
	});

	it('forgets old drafts and ignores what it cannot read', () => {
		let now = 1_000_000;
		const storage = memoryStorage();
		new NoteDrafts(storage, 'w1', 'm1', () => now).set('cell:a:b', 'gammal', 'note');
		now += DRAFT_TTL_MS;
		expect(new NoteDrafts(storage, 'w1', 'm1', () => now).has('cell:a:b')).toBe(false);

		expect(parseDrafts('not json', now)).toEqual({});
		expect(parseDrafts('[1]', now)).toEqual({});
		expect(
			parseDrafts(JSON.stringify({ a: { text: 'x', kind: 'nope', at: now }, b: 3 }), now)
		).toEqual({});
	});

	it('lives without storage when the browser refuses it', () => {
		const refusing = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {}
		};
		const drafts = new NoteDrafts(refusing, 'w1', 'm1');
		drafts.set('cell:a:b', 'text', 'note');
		expect(drafts.get('cell:a:b')?.text).toBe('text');
	});
});
