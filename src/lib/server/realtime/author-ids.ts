import { hmac } from '../auth/tokens';

/**
 * The author id a member signs records with while their workshop is anonymous (a note's
 * `authorId`, the member part of an emotion's key): derived from the membership id with the
 * server's secret, so nobody but the server can tie it to the membership, the presence
 * stand-in (features/anonymity.ts) or another workshop's records, yet it stays the same
 * across a member's tabs, reloads and re-joins, so they keep owning what they wrote.
 */
export function authorPseudonym(secret: string, membershipId: string): string {
	const digest = hmac(secret, `author:${membershipId}`).toString('base64url');
	return `a-${digest.slice(0, 22)}`;
}

/** Every author id that makes a member the owner of a record: their own and their pseudonym. */
export const authorIdsOf = (secret: string, membershipId: string): readonly string[] => [
	membershipId,
	authorPseudonym(secret, membershipId)
];
