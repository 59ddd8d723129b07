import { describe, expect, it } from 'vitest';
import {
	CloseHistory,
	closeAction,
	RECOVERY_LIMIT,
	RECOVERY_WINDOW_MS,
	RecoveryStore,
	refusalCause,
	REPEAT_LIMIT,
	REPEAT_WINDOW_MS
} from './recovery';

function memoryStorage() {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		removeItem: (key: string) => void items.delete(key)
	};
}

describe('closeAction', () => {
	it('recovers at once after a refusal (4403)', () => {
		expect(closeAction(4403, 1)).toBe('recover');
	});

	it('retries later after other 44xx closes, which y-websocket treats as final', () => {
		expect(closeAction(4429, 1)).toBe('retry-later');
		expect(closeAction(4400, 1)).toBe('retry-later');
	});

	it('stops for good once the member was removed (4410)', () => {
		expect(closeAction(4410, 1)).toBe('stop');
	});

	it('leaves 1001, 1011 and a first 1009 to y-websocket’s own reconnect', () => {
		expect(closeAction(1001, 1)).toBe('reconnect');
		expect(closeAction(1011, 5)).toBe('reconnect');
		expect(closeAction(1009, 1)).toBe('reconnect');
	});

	it('treats a 1009 or 4400 that keeps coming back as a refusal, never a loop', () => {
		expect(closeAction(1009, REPEAT_LIMIT)).toBe('recover');
		expect(closeAction(4400, REPEAT_LIMIT)).toBe('recover');
		expect(closeAction(4429, REPEAT_LIMIT + 10)).toBe('retry-later');
	});
});

describe('CloseHistory', () => {
	it('counts a code’s closes within the window only', () => {
		let now = 0;
		const history = new CloseHistory(() => now);
		expect(history.record(1009)).toBe(1);
		expect(history.record(1009)).toBe(2);
		expect(history.record(4429)).toBe(1);
		now += REPEAT_WINDOW_MS;
		expect(history.record(1009)).toBe(1);
	});
});

describe('RecoveryStore', () => {
	const room = 'w/abc';

	it('keeps the texts across a reload and shows only what the server lacks', () => {
		const storage = memoryStorage();
		const before = new RecoveryStore(storage, room);
		expect(
			before.begin([
				{ id: 'n1', text: 'kom fram' },
				{ id: 'n2', text: 'skrevs under låset' }
			])
		).toBe(true);

		// The page reloads: a new store over the same sessionStorage.
		const after = new RecoveryStore(storage, room);
		expect(after.pending.map((k) => k.text)).toEqual(['kom fram', 'skrevs under låset']);
		expect(after.settle(['kom fram', 'någon annans'])).toEqual([
			{ id: 'n2', text: 'skrevs under låset' }
		]);
		expect(after.pending).toEqual([]);
		expect(new RecoveryStore(storage, room).unsaved).toEqual([
			{ id: 'n2', text: 'skrevs under låset' }
		]);
	});

	it('shows nothing once dismissed, and keeps documents apart', () => {
		const storage = memoryStorage();
		const board = new RecoveryStore(storage, room);
		board.begin([{ id: 'n1', text: 'utkast' }]);
		const mine = new RecoveryStore(storage, 'w/abc/p/m1');
		expect(mine.pending).toEqual([]);
		board.settle([]);
		board.dismiss();
		expect(board.unsaved).toEqual([]);
	});

	it('caps automatic reloads: a refusal right after recoveries turns into an error', () => {
		const storage = memoryStorage();
		let now = 1_000;
		const store = new RecoveryStore(storage, room, () => now);
		for (let i = 0; i < RECOVERY_LIMIT; i++) {
			expect(store.begin([{ id: `n${i}`, text: `text ${i}` }])).toBe(true);
			now += 1_000;
		}
		expect(store.begin([{ id: 'last', text: 'sista' }])).toBe(false);
		// Nothing typed is lost on the way: every kept text is still there to copy.
		expect(store.kept.map((k) => k.text)).toEqual(['text 0', 'text 1', 'sista']);
		now += RECOVERY_WINDOW_MS;
		expect(store.begin([])).toBe(true);
	});

	it('compares texts the way notes store them (trimmed, one kind of line break)', () => {
		const storage = memoryStorage();
		const store = new RecoveryStore(storage, room);
		store.begin([{ id: 'n1', text: 'rad ett\r\nrad två ' }]);
		expect(store.settle(['rad ett\nrad två'])).toEqual([]);
	});

	it('survives storage that holds garbage', () => {
		const storage = memoryStorage();
		storage.setItem(`samskapa:recovery:${room}`, '{not json');
		const store = new RecoveryStore(storage, room);
		expect(store.pending).toEqual([]);
		expect(store.begin([{ id: 'n1', text: 'ok' }])).toBe(true);
	});
});

describe('refusalCause', () => {
	it('reads the judge’s close reasons: the lock, the caps, anything else', () => {
		expect(refusalCause('forbidden: the board is locked')).toBe('locked');
		expect(refusalCause('forbidden: note: too many per member')).toBe('limit');
		expect(refusalCause('forbidden: too many records in this board')).toBe('limit');
		expect(refusalCause('forbidden: the board is full')).toBe('limit');
		expect(refusalCause('forbidden: persona: name is not yours to change')).toBe('other');
		expect(refusalCause('')).toBe('other');
	});

	it('is kept across the reload with the texts, and the last refusal’s cause wins', () => {
		const storage = memoryStorage();
		const store = new RecoveryStore(storage, 'w/x', () => 1_000);
		expect(store.cause).toBeNull();
		store.begin([{ id: 'n1', text: 'Tidspress' }], 'locked');
		expect(new RecoveryStore(storage, 'w/x', () => 2_000).cause).toBe('locked');
		store.begin([], 'limit');
		expect(new RecoveryStore(storage, 'w/x', () => 3_000).cause).toBe('limit');
	});
});
