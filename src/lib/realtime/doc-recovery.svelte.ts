import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
	CloseHistory,
	closeAction,
	RecoveryStore,
	refusalCause,
	type KeptText,
	type RefusalCause
} from './recovery';

/** After a close y-websocket treats as final (4400–4499) but we do not, try again after this. */
export const RETRY_AFTER_CLOSE_MS = 5_000;
/** Deleting the local copy waits for other tabs of the same board; do not wait longer. */
const CLEAR_TIMEOUT_MS = 3_000;

export interface DocRecoveryOptions {
	/** The document name (`w/<id>` or `w/<id>/p/<membershipId>`), the key of what is kept. */
	room: string;
	doc: Y.Doc;
	provider: WebsocketProvider;
	local: IndexeddbPersistence;
	/** This person's texts in the document, kept for copying when the server refuses them. */
	keep: (doc: Y.Doc) => KeptText[];
	storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
	reload?: () => void;
}

/**
 * Brings one synced document (board or private) back after the server refused what this
 * browser holds (close 4403, or 1009/4400 again and again). y-websocket gives up on every
 * 4400–4499 close, and reconnecting would only offer the refused update again, so this:
 * keeps the person's texts in sessionStorage, stops the socket, deletes the IndexedDB copy
 * and reloads; after the reload and the first sync it shows the kept texts the server does
 * not have. More than RECOVERY_LIMIT refusals in a row end in an error instead of a loop.
 */
export class DocRecovery {
	#unsaved = $state.raw<KeptText[]>([]);
	#failed = $state(false);
	#recovering = $state(false);

	#options: DocRecoveryOptions;
	#store: RecoveryStore;
	#history = new CloseHistory();
	#retryTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(options: DocRecoveryOptions) {
		this.#options = options;
		this.#store = new RecoveryStore(options.storage ?? sessionStorage, options.room);
		this.#unsaved = this.#store.unsaved;
		options.provider.on('connection-close', this.#onClose);
		if (this.#store.pending.length > 0) options.provider.on('sync', this.#onSync);
	}

	/** This person's texts that the server does not hold, until they close the panel. */
	get unsaved(): KeptText[] {
		return this.#unsaved;
	}

	/** Refused again right after recovering: the board stopped syncing and says so. */
	get failed(): boolean {
		return this.#failed;
	}

	/** Between a refusal and the reload. */
	/** Why the server refused what this browser held (kept across the reload). */
	get cause(): RefusalCause | null {
		return this.#store.cause;
	}

	get recovering(): boolean {
		return this.#recovering;
	}

	dismiss() {
		this.#store.dismiss();
		this.#unsaved = [];
	}

	/** Starts over from the server at once (the error state's button). */
	reload() {
		(this.#options.reload ?? (() => location.reload()))();
	}

	destroy() {
		this.#options.provider.off('connection-close', this.#onClose);
		this.#options.provider.off('sync', this.#onSync);
		if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
	}

	#onClose = (event: CloseEvent | null) => {
		// null: closed by this browser (disconnect, the provider's watchdog), not the server.
		if (!event || this.#recovering) return;
		const action = closeAction(event.code, this.#history.record(event.code));
		if (action === 'recover') {
			void this.#recover(refusalCause(event.reason));
		} else if (action === 'retry-later') {
			this.#retryTimer ??= setTimeout(() => {
				this.#retryTimer = null;
				if (!this.#recovering) this.#options.provider.connect();
			}, RETRY_AFTER_CLOSE_MS);
		}
	};

	#onSync = (synced: boolean) => {
		if (!synced) return;
		this.#options.provider.off('sync', this.#onSync);
		const mine = this.#options.keep(this.#options.doc).map((k) => k.text);
		this.#unsaved = this.#store.settle(mine);
	};

	async #recover(cause: RefusalCause) {
		this.#recovering = true;
		const { provider, local, doc, keep } = this.#options;
		// Nothing more leaves this browser: what it holds now is what the server refused.
		provider.disconnect();
		const reloadAllowed = this.#store.begin(keep(doc), cause);
		let timer: ReturnType<typeof setTimeout> | undefined;
		try {
			await Promise.race([
				// clearData() closes the database but does not wait for the delete it starts.
				local.clearData().then(() => deleteDatabase(local.name)),
				new Promise((resolve) => (timer = setTimeout(resolve, CLEAR_TIMEOUT_MS)))
			]);
		} catch {
			// Deleting failed: the reload still starts over, and a refusal there ends in the error.
		} finally {
			clearTimeout(timer);
		}
		if (reloadAllowed) {
			this.reload();
			return;
		}
		this.#failed = true;
		this.#unsaved = this.#store.kept;
	}
}

/** Resolves once the database is gone (or could not be deleted); waits while another tab holds it. */
function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => resolve();
	});
}
