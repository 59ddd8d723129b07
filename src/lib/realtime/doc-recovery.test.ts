import { ObservableV2 } from 'lib0/observable';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocRecovery, RETRY_AFTER_CLOSE_MS } from './doc-recovery.svelte';
import { RECOVERY_LIMIT } from './recovery';

/** Just the part of WebsocketProvider that DocRecovery uses. */
class FakeProvider extends ObservableV2<{
	'connection-close': (event: { code: number } | null) => void;
	sync: (synced: boolean) => void;
}> {
	disconnect = vi.fn();
	connect = vi.fn();
}

function memoryStorage() {
	const items = new Map<string, string>();
	return {
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		removeItem: (key: string) => void items.delete(key)
	};
}

/** One page load of a document: a fresh doc, provider and IndexedDB stand-in over `storage`. */
function pageLoad(storage: ReturnType<typeof memoryStorage>, texts: string[] = []) {
	const doc = new Y.Doc();
	const notes = doc.getMap<string>('mine');
	// Keyed by their text: note ids are unique across page loads.
	for (const text of texts) notes.set(text, text);
	const provider = new FakeProvider();
	const local = { name: 'samskapa:w/abc', clearData: vi.fn(() => Promise.resolve()) };
	const reload = vi.fn();
	const recovery = new DocRecovery({
		room: 'w/abc',
		doc,
		provider: provider as unknown as WebsocketProvider,
		local: local as unknown as IndexeddbPersistence,
		keep: (d) => [...d.getMap<string>('mine').entries()].map(([id, text]) => ({ id, text })),
		storage,
		reload
	});
	const refuse = async () => {
		provider.emit('connection-close', [{ code: 4403 }]);
		await vi.waitFor(() => expect(reload.mock.calls.length + Number(recovery.failed)).toBe(1));
	};
	return { doc, notes, provider, local, reload, recovery, refuse };
}

describe('DocRecovery', () => {
	beforeEach(() => {
		// No IndexedDB in Node: deleting the database fails, which recovery must survive.
		vi.stubGlobal('indexedDB', undefined);
	});
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.useRealTimers();
	});

	it('after a 4403 stops the socket, drops the local copy, reloads, then shows what the server lacks', async () => {
		const storage = memoryStorage();
		const before = pageLoad(storage, ['på servern', 'under låset']);
		await before.refuse();
		expect(before.provider.disconnect).toHaveBeenCalled();
		expect(before.local.clearData).toHaveBeenCalled();
		expect(before.reload).toHaveBeenCalledTimes(1);
		expect(before.recovery.recovering).toBe(true);

		// After the reload the server's copy arrives: only "på servern" made it.
		const after = pageLoad(storage);
		expect(after.recovery.unsaved).toEqual([]);
		after.notes.set('på servern', 'på servern');
		after.provider.emit('sync', [true]);
		expect(after.recovery.unsaved).toEqual([{ id: 'under låset', text: 'under låset' }]);

		after.recovery.dismiss();
		expect(after.recovery.unsaved).toEqual([]);
		expect(pageLoad(storage).recovery.unsaved).toEqual([]);
	});

	it('does not reload forever: refused again right after recovering, it shows an error', async () => {
		const storage = memoryStorage();
		for (let i = 0; i < RECOVERY_LIMIT; i++) {
			const load = pageLoad(storage, [`text ${i}`]);
			await load.refuse();
			expect(load.reload).toHaveBeenCalledTimes(1);
		}
		const last = pageLoad(storage, ['sista']);
		await last.refuse();
		expect(last.reload).not.toHaveBeenCalled();
		expect(last.recovery.failed).toBe(true);
		expect(last.provider.disconnect).toHaveBeenCalled();
		expect(last.recovery.unsaved.map((k) => k.text)).toEqual(['text 0', 'text 1', 'sista']);
	});

	it('reconnects after a 4429 and leaves closes it does not own to y-websocket', () => {
		vi.useFakeTimers();
		const load = pageLoad(memoryStorage());
		load.provider.emit('connection-close', [{ code: 4429 }]);
		load.provider.emit('connection-close', [{ code: 1011 }]);
		load.provider.emit('connection-close', [null]);
		vi.advanceTimersByTime(RETRY_AFTER_CLOSE_MS);
		expect(load.provider.connect).toHaveBeenCalledTimes(1);
		expect(load.provider.disconnect).not.toHaveBeenCalled();
	});

	it('treats a catch-up that is too big on every try (1009) as a refusal', async () => {
		const load = pageLoad(memoryStorage(), ['lång offline-session']);
		load.provider.emit('connection-close', [{ code: 1009 }]);
		load.provider.emit('connection-close', [{ code: 1009 }]);
		expect(load.provider.disconnect).not.toHaveBeenCalled();
		load.provider.emit('connection-close', [{ code: 1009 }]);
		await vi.waitFor(() => expect(load.reload).toHaveBeenCalledTimes(1));
	});
});
