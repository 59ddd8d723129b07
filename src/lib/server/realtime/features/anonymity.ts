import * as Y from 'yjs';
import { namedRoots } from '$lib/workshop/anonymity';
import { hmac } from '../../auth/tokens';
import { authorPseudonym } from '../author-ids';
import { scrubTouched } from '../scrub-touched';
import { ANONYMOUS_NAME } from '../presence';
import type { Feature } from '../hooks';

/**
 * An anonymous workshop: no name stays in a record a member writes (whoever wrote it and
 * whatever their browser believed about the setting at the time), a record they create is
 * signed with their author pseudonym instead of their membership id, and presence shows a
 * stand-in instead of the person. Read per update and per presence state, so switching it on
 * holds from the next message on; services/switches.ts rewrites the presence already shown.
 */
export function anonymityFeature(
	secret: string,
	isAnonymous: (workshopId: string) => boolean
): Feature {
	// A stand-in that cannot be matched to a note's author id, yet still tells one person's
	// tabs apart from another's.
	const pseudonym = (id: string) =>
		`anon-${hmac(secret, `presence:${id}`).toString('base64url').slice(0, 16)}`;
	return {
		name: 'anonymity',
		afterApply(session, doc, tr) {
			if (session.room.kind !== 'board' || !isAnonymous(session.room.workshopId)) return false;
			const signed = signCreated(doc, tr, session.membership.id, (id) =>
				authorPseudonym(secret, id)
			);
			return scrubTouched(doc, tr) + signed > 0;
		},
		presence(session, user) {
			if (!isAnonymous(session.room.workshopId)) return user;
			return {
				membershipId: pseudonym(session.membership.id),
				name: ANONYMOUS_NAME,
				profession: '',
				organisation: '',
				role: user.role
			};
		}
	};
}

/**
 * Signs the named records `tr` created with their author's id (a browser that had not yet
 * seen the switch, or a script) with the author's pseudonym instead, in the same transaction:
 * the real id is garbage-collected before the update is stored or sent. A record that existed
 * before keeps its id (docs/realtime.md, Anonymity: rewriting it would tie the pseudonym to a
 * record others saw under the real id). Returns how many it changed.
 */
function signCreated(
	doc: Y.Doc,
	tr: Y.Transaction,
	membershipId: string,
	pseudonym: (membershipId: string) => string
): number {
	let changed = 0;
	for (const root of namedRoots) {
		const records = doc.getMap<unknown>(root);
		const keys = [...tr.changed].find(([type]) => (type as unknown) === records)?.[1];
		for (const key of keys ?? []) {
			const record = key === null ? undefined : records.get(key);
			const item = record instanceof Y.Map ? record._item : null;
			if (!item || item.id.clock < (tr.beforeState.get(item.id.client) ?? 0)) continue;
			if ((record as Y.Map<unknown>).get('authorId') !== membershipId) continue;
			(record as Y.Map<unknown>).set('authorId', pseudonym(membershipId));
			changed++;
		}
	}
	return changed;
}
