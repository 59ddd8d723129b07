import { eq } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';

/**
 * Which member authored each Yjs client id of one document. A client id is bound to the first
 * member whose accepted update introduced it; from then on only that member's sockets (or a
 * facilitator relaying) may write under it.
 */
export interface ClientIds {
	owner(clientId: number): string | undefined;
	bind(clientId: number, membershipId: string): void;
}

/**
 * Bindings kept in the store (`doc_clients`), so they survive restarts, and in memory, because
 * the judge asks synchronously while it judges an update. A document's bindings are read when
 * a socket opens it (load, awaited by the upgrade); a new binding is in memory at once and
 * written through. Only the process holding the room binds its client ids (room affinity), so
 * once a read ran wholly while this process held the room, the memory stays complete until the
 * room leaves the process (forget): the next sockets skip the read (issue 18, connect CPU).
 */
export function storedClientIds(db: DB) {
	const docs = new Map<string, Map<number, string>>();
	/** Documents whose memory is complete while held; the epoch changes when one is forgotten. */
	const complete = new Set<string>();
	const epochs = new Map<string, number>();
	const bindings = (doc: string) => {
		let map = docs.get(doc);
		if (!map) docs.set(doc, (map = new Map()));
		return map;
	};
	return {
		/** `held`: whether this process holds the document's room now. */
		async load(doc: string, held: () => boolean = () => false) {
			if (complete.has(doc) && held()) return;
			const epoch = epochs.get(doc) ?? 0;
			const heldBefore = held();
			const { docClients } = tablesOf(db);
			const rows = await db
				.select({ clientId: docClients.clientId, membershipId: docClients.membershipId })
				.from(docClients)
				.where(eq(docClients.docName, doc));
			const map = bindings(doc);
			for (const row of rows) if (!map.has(row.clientId)) map.set(row.clientId, row.membershipId);
			if (heldBefore && held() && (epochs.get(doc) ?? 0) === epoch) complete.add(doc);
		},
		/** The room left this process: another may bind its client ids from now on. */
		forget(doc: string) {
			complete.delete(doc);
			epochs.set(doc, (epochs.get(doc) ?? 0) + 1);
		},
		of(doc: string): ClientIds {
			const map = bindings(doc);
			return {
				owner: (client) => map.get(client),
				bind: (client, membership) => {
					if (map.has(client)) return;
					map.set(client, membership);
					const { docClients } = tablesOf(db);
					db.insert(docClients)
						.values({ docName: doc, clientId: client, membershipId: membership })
						.onConflictDoNothing()
						.then(
							() => {},
							(error: unknown) => console.error('[realtime] could not store a client id', error)
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
