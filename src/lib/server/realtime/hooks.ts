import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { RoomName } from '$lib/workshop/rooms';
import type { PresenceUser } from '$lib/realtime/presence';
import type { Membership } from '../services/workshops';
import type { WriteCheck } from './judge';

/**
 * The realtime server's moments, one named hook each (as Hocuspocus names them):
 *
 * | hook           | moment                                                              |
 * | -------------- | ------------------------------------------------------------------- |
 * | `authenticate` | an upgrade request: who is it, which document, or a refusal          |
 * | `judge`        | before apply: what this session may write (observers nothing)         |
 * | `beforeLoad`   | a document is about to be loaded from disk: reads what judging needs  |
 * | `afterApply`   | in the transaction of an accepted update; may change the document     |
 * | `onLoad`       | a document just loaded from disk (also a read-only copy for exports)  |
 * | `onStore`      | an update was appended to the log, before it is broadcast             |
 * | `presence`     | the person a socket's presence shows, on every state it announces     |
 *
 * `authenticate` and `judge` are the server's own (authorize.ts); features (features/*.ts,
 * registered in features/index.ts) plug into the others, and run in registration order.
 */

/** What a socket may write: nothing (observers), anything, or what a check allows. */
export type WriteAccess = 'none' | 'any' | WriteCheck;

/** An authenticated socket: the member, and the document they opened. */
export interface Session {
	docName: string;
	room: RoomName;
	membership: Membership;
}

export type Authentication =
	{ ok: true; session: Session } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

export interface Feature {
	/** Named in logs when one of its hooks fails. */
	readonly name: string;
	/**
	 * Brings a document just loaded from disk up to date, as the server (one `'server'`
	 * transaction for all features): stored and sent like any change. Also runs on read-only
	 * copies (exports), where nothing is stored. A failure leaves the document as on disk.
	 */
	onLoad?(docName: string, doc: Y.Doc): void;
	/**
	 * Runs in the same transaction as an update `session` sent and the judge accepted; may
	 * change the document further and returns whether it did. What it changes is stored and
	 * sent with the update (also back to the sender), so what it removes never leaves the
	 * server. A failure closes that socket (1011); the update stays, as judged.
	 */
	afterApply?(session: Session, doc: Y.Doc, tr: Y.Transaction): boolean;
	/**
	 * After an update (a client's or the server's) is in the log and before anyone receives
	 * it. For work outside the transaction (recounts); a failure is logged and costs nothing.
	 * A load from the log comes here too (origin LOAD_ORIGIN) with no bytes: the log has them.
	 */
	onStore?(docName: string, update: Uint8Array, tr: Y.Transaction): void;
	/** What presence shows of `session`'s member, given what the features before it made. */
	presence?(session: Session, user: PresenceUser): PresenceUser;
	/**
	 * The document left this process (unloaded, dropped, or its workshop evicted or deleted):
	 * write what is held back of it, forget what only holding it kept true.
	 */
	onUnload?(docName: string): void;
	/** Writes everything held back; resolves once written (server close, readers of it). */
	flush?(): Promise<void>;
}

export interface RealtimeHooks {
	/** May answer later (a PostgreSQL store reads asynchronously); the upgrade waits. */
	authenticate(req: IncomingMessage, docName: string): Authentication | Promise<Authentication>;
	/** What a session may write; called once per socket, the check runs before every apply. */
	judge(session: Session): WriteAccess;
	/**
	 * Reads what the judge and the features ask synchronously of the database, as part of
	 * loading the document (and of a read-only copy, `copy`, which nothing judges): read when a
	 * socket authenticated, it could be stale by the time the room loads. The load waits for it.
	 */
	beforeLoad?(docName: string, copy?: 'copy'): void | Promise<void>;
	features: readonly Feature[];
}

/** Calls of one hook across the features, each guarded as its hook's contract says. */
export class FeatureHooks {
	constructor(readonly features: readonly Feature[]) {}

	onLoad(docName: string, doc: Y.Doc) {
		for (const feature of this.features) {
			if (!feature.onLoad) continue;
			try {
				feature.onLoad(docName, doc);
			} catch (error) {
				console.error(`[realtime] ${feature.name}: onLoad failed`, error);
			}
		}
	}

	/** Throws the first failure after every feature had its turn. */
	afterApply(session: Session, doc: Y.Doc, tr: Y.Transaction): boolean {
		let changed = false;
		let failure: unknown = null;
		for (const feature of this.features) {
			if (!feature.afterApply) continue;
			try {
				if (feature.afterApply(session, doc, tr)) changed = true;
			} catch (error) {
				console.error(`[realtime] ${feature.name}: afterApply failed`, error);
				failure ??= error;
			}
		}
		if (failure !== null) throw failure;
		return changed;
	}

	get hasAfterApply() {
		return this.features.some((feature) => feature.afterApply);
	}

	onStore(docName: string, update: Uint8Array, tr: Y.Transaction) {
		for (const feature of this.features) {
			if (!feature.onStore) continue;
			try {
				feature.onStore(docName, update, tr);
			} catch (error) {
				console.error(`[realtime] ${feature.name}: onStore failed`, error);
			}
		}
	}

	onUnload(docName: string) {
		for (const feature of this.features) {
			if (!feature.onUnload) continue;
			try {
				feature.onUnload(docName);
			} catch (error) {
				console.error(`[realtime] ${feature.name}: onUnload failed`, error);
			}
		}
	}

	async flush() {
		await Promise.all(this.features.map((feature) => feature.flush?.()));
	}

	presence(session: Session, user: PresenceUser): PresenceUser {
		return this.features.reduce(
			(shown, feature) => feature.presence?.(session, shown) ?? shown,
			user
		);
	}
}

/** What presence shows of a membership before any feature rewrote it. */
export function ownPresence(membership: Membership): PresenceUser {
	return {
		membershipId: membership.id,
		name: membership.displayName,
		profession: membership.profession,
		organisation: membership.organisation,
		role: membership.role
	};
}
