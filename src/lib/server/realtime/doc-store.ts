import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { WriteLock } from '../db/write-lock';

/**
 * The origin of the transaction that applies what loadInto read: a room must not append it
 * again (it is on disk already), nor count it as a change since the last snapshot.
 */
export const LOAD_ORIGIN = 'load';

/**
 * The update log and snapshots of Yjs documents, on either store. A method returns its value
 * or a Promise of it: SQLite answers synchronously (the room then broadcasts in the same tick,
 * as it always did), PostgreSQL asynchronously (the room waits for each append before it
 * broadcasts that update; room.ts). Callers handle both.
 */
export interface DocLog {
	/** Appends one update; it is committed when this returns (or resolves). Returns the log id. */
	append(docName: string, update: Uint8Array): number | Promise<number>;
	/** Applies snapshot and tail to `doc`; returns the last log id it contained. */
	loadInto(docName: string, doc: Y.Doc): number | Promise<number>;
	/**
	 * Replaces the log up to `lastId` with one snapshot: `state`, the document's whole state
	 * (Y.encodeStateAsUpdate), encoded by the caller, who then knows its size (room.ts).
	 */
	compact(docName: string, state: Uint8Array, lastId: number): void | Promise<void>;
}

/**
 * The doc log in SQLite. Raw prepared statements rather than drizzle because `append` sits on
 * the hot path of every keystroke; the tables are declared in db/schema.ts like every other.
 * Every call goes through the store's write lock (db/write-lock.ts): synchronous while no
 * transaction is open, after its commit otherwise, so an accepted update never joins (and is
 * never rolled back with) someone else's transaction.
 */
export class SqliteDocLog implements DocLog {
	#append: Database.Statement<[string, Uint8Array]>;
	#snapshot: Database.Statement<[string], { state: Buffer; last_update_id: number }>;
	/** Rows as arrays (raw): better-sqlite3 then builds no row object constructor for it. */
	#tail: Database.Statement<[string, number], [id: number, update: Buffer]>;
	#compact: (docName: string, state: Uint8Array, lastId: number) => void;
	#lock: Pick<WriteLock, 'whenFree'>;

	constructor(sqlite: Database.Database, lock: Pick<WriteLock, 'whenFree'>) {
		this.#lock = lock;
		this.#append = sqlite.prepare('INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)');
		this.#snapshot = sqlite.prepare(
			'SELECT state, last_update_id FROM doc_snapshots WHERE doc_name = ?'
		);
		this.#tail = sqlite
			.prepare<[string, number], [number, Buffer]>(
				'SELECT id, "update" FROM doc_updates WHERE doc_name = ? AND id > ? ORDER BY id'
			)
			.raw(true);
		const upsert = sqlite.prepare(
			`INSERT INTO doc_snapshots (doc_name, state, last_update_id, updated_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT(doc_name) DO UPDATE SET state = excluded.state,
			   last_update_id = excluded.last_update_id, updated_at = excluded.updated_at`
		);
		const prune = sqlite.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?');
		this.#compact = sqlite.transaction((docName: string, state: Uint8Array, lastId: number) => {
			upsert.run(docName, state, lastId, Date.now());
			prune.run(docName, lastId);
		});
	}

	append(docName: string, update: Uint8Array): number | Promise<number> {
		return this.#lock.whenFree(() => Number(this.#append.run(docName, update).lastInsertRowid));
	}

	loadInto(docName: string, doc: Y.Doc): number | Promise<number> {
		return this.#lock.whenFree(() => {
			const snapshot = this.#snapshot.get(docName);
			let lastId = snapshot?.last_update_id ?? 0;
			doc.transact(() => {
				if (snapshot) Y.applyUpdate(doc, snapshot.state);
				for (const [id, update] of this.#tail.all(docName, lastId)) {
					Y.applyUpdate(doc, update);
					lastId = id;
				}
			}, LOAD_ORIGIN);
			return lastId;
		});
	}

	compact(docName: string, state: Uint8Array, lastId: number): void | Promise<void> {
		return this.#lock.whenFree(() => this.#compact(docName, state, lastId));
	}
}
