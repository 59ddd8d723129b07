import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { docClients } from '../db/schema';

/**
 * Which member authored each Yjs client id of one document. A client id is bound to the first
 * member whose accepted update introduced it; from then on only that member's sockets (or a
 * facilitator relaying) may write under it.
 */
export interface ClientIds {
	owner(clientId: number): string | undefined;
	bind(clientId: number, membershipId: string): void;
}

/** Bindings kept in SQLite (`doc_clients`), so they survive restarts. */
export function sqliteClientIds(db: DB): (docName: string) => ClientIds {
	const select = db
		.select({ membershipId: docClients.membershipId })
		.from(docClients)
		.where(
			and(
				eq(docClients.docName, sql.placeholder('doc')),
				eq(docClients.clientId, sql.placeholder('client'))
			)
		)
		.prepare();
	const insert = db
		.insert(docClients)
		.values({
			docName: sql.placeholder('doc'),
			clientId: sql.placeholder('client'),
			membershipId: sql.placeholder('membership')
		})
		.onConflictDoNothing()
		.prepare();
	return (doc) => ({
		owner: (client) => select.get({ doc, client })?.membershipId,
		bind: (client, membership) => {
			insert.run({ doc, client, membership });
		}
	});
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
