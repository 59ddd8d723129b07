import { createHmac } from 'node:crypto';
import { scrubTouched } from '../scrub-touched';
import { ANONYMOUS_NAME } from '../presence';
import type { Feature } from '../hooks';

/**
 * An anonymous workshop: no name stays in a record a member writes (whoever wrote it and
 * whatever their browser believed about the setting at the time), and presence shows a
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
		`anon-${createHmac('sha256', secret).update(`presence:${id}`).digest('base64url').slice(0, 16)}`;
	return {
		name: 'anonymity',
		afterApply(session, doc, tr) {
			if (session.room.kind !== 'board' || !isAnonymous(session.room.workshopId)) return false;
			return scrubTouched(doc, tr) > 0;
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
