import { eq, sql } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';
import { preparedRead, preparedWrite } from '../db/prepared';

/**
 * Which member authored each Yjs client id of one document. A client id is bound to the first
 * member whose accepted update introduced it; from then on only that member's sockets (or a
 * facilitator relaying) may write under it.
 */
export interface ClientIds {
	owner(clientId: number): string | undefined;
	bind(clientId: number, membershipId: string): void;
}

/** Read at every load of a board. */
const bindingsOf = preparedRead<{ clientId: number; membershipId: string }, { docName: string }>(
	'doc_client_bindings',
	(db) => {
		const { docClients } = tablesOf(db);
		return db
			.select({ clientId: docClients.clientId, membershipId: docClients.membershipId })
			.from(docClients)
			.where(eq(docClients.docName, sql.placeholder('docName')));
	}
);

/** Written through at every new binding, from the judge's verdict (each new browser's first write). */
const storeBinding = preparedWrite<{ docName: string; clientId: number; membershipId: string }>(
	'doc_client_bind',
	(db) => {
		const { docClients } = tablesOf(db);
		return db
			.insert(docClients)
			.values({
				docName: sql.placeholder('docName'),
				clientId: sql.placeholder('clientId'),
				membershipId: sql.placeholder('membershipId')
			})
			.onConflictDoNothing();
	}
);

/**
 * Bindings kept in the store (`doc_clients`), so they survive restarts, and in memory, because
 * the judge asks synchronously while it judges an update. A board's bindings are read as part of
 * every load of its room (authorize.ts beforeLoad), and the judge only runs in a loaded room: only
 * the process holding a room binds its client ids (room affinity), so what was stored when the
 * room loaded, plus what this process bound since, is complete for as long as the room stays
 * loaded; a room that leaves the process (unloaded, evicted, its workshop deleted) is forgotten
 * here and loaded, and read, again. Kept past its room, every board the process ever opened would
 * stay in memory for the process's life. Sockets joining a loaded room read nothing (issue 18,
 * connect CPU). A new binding is in memory at once and written through; one whose write has not
 * landed yet outlives a forget, so a room loaded again at once (after a storage error) still has it.
 */
export function storedClientIds(db: DB) {
	const docs = new Map<string, Map<number, string>>();
	/** Bindings written through but not yet answered by the store, per document. */
	const writing = new Map<string, Map<number, string>>();
	const bindings = (doc: string) => {
		let map = docs.get(doc);
		if (!map) docs.set(doc, (map = new Map()));
		return map;
	};
	const written = (doc: string, client: number) => {
		const pending = writing.get(doc);
		pending?.delete(client);
		if (pending?.size === 0) writing.delete(doc);
	};
	return {
		/** Reads what the store holds of `doc` into memory: call while loading its room. */
		async load(doc: string) {
			const rows = await bindingsOf(db, { docName: doc });
			const map = bindings(doc);
			for (const row of rows) if (!map.has(row.clientId)) map.set(row.clientId, row.membershipId);
			for (const [client, membership] of writing.get(doc) ?? []) {
				if (!map.has(client)) map.set(client, membership);
			}
		},
		/** The room of `doc` left this process: its next load reads the store again. */
		forget(doc: string) {
			docs.delete(doc);
		},
		/** Looks the document's bindings up at each call: a forget must not leave a stale copy. */
		of(doc: string): ClientIds {
			return {
				owner: (client) => docs.get(doc)?.get(client),
				bind: (client, membership) => {
					const map = bindings(doc);
					if (map.has(client)) return;
					map.set(client, membership);
					let pending = writing.get(doc);
					if (!pending) writing.set(doc, (pending = new Map()));
					pending.set(client, membership);
					storeBinding(db, { docName: doc, clientId: client, membershipId: membership }).then(
						() => written(doc, client),
						(error: unknown) => {
							written(doc, client);
							console.error('[realtime] could not store a client id', error);
						}
					);
				}
			};
		}
	};
}

/** Bindings in memory (tests, tools). */
export function memoryClientIds(): ClientIds {
	const owners = new Map<number, string>();
	return {
		owner: (client) => owners.get(client),
		bind: (client, membership) => {
			if (!owners.has(client)) owners.set(client, membership);
		}
	};
}
