import type Database from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * The update log and snapshots of Yjs documents in SQLite. Raw prepared statements rather
 * than drizzle because `append` sits on the hot path of every keystroke; the tables are
 * declared in db/schema.ts like every other.
 */
export class DocStore {
	#append: Database.Statement<[string, Uint8Array]>;
	#snapshot: Database.Statement<[string], { state: Buffer; last_update_id: number }>;
	#tail: Database.Statement<[string, number], { id: number; update: Buffer }>;
	#compact: (docName: string, state: Uint8Array, lastId: number) => void;

	constructor(sqlite: Database.Database) {
		this.#append = sqlite.prepare('INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)');
		this.#snapshot = sqlite.prepare(
			'SELECT state, last_update_id FROM doc_snapshots WHERE doc_name = ?'
		);
		this.#tail = sqlite.prepare(
			'SELECT id, "update" FROM doc_updates WHERE doc_name = ? AND id > ? ORDER BY id'
		);
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

	/** Appends one update; it is committed when this returns. Returns the log id. */
	append(docName: string, update: Uint8Array): number {
		return Number(this.#append.run(docName, update).lastInsertRowid);
	}

	/** Applies snapshot and tail to `doc`; returns the last log id it contained. */
	loadInto(docName: string, doc: Y.Doc): number {
		const snapshot = this.#snapshot.get(docName);
		let lastId = snapshot?.last_update_id ?? 0;
		doc.transact(() => {
			if (snapshot) Y.applyUpdate(doc, snapshot.state);
			for (const row of this.#tail.iterate(docName, lastId)) {
				Y.applyUpdate(doc, row.update);
				lastId = row.id;
			}
		}, 'load');
		return lastId;
	}

	/** Replaces the log up to `lastId` with one snapshot of the document's current state. */
	compact(docName: string, doc: Y.Doc, lastId: number) {
		this.#compact(docName, Y.encodeStateAsUpdate(doc), lastId);
	}
}
