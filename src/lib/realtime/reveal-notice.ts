import { m } from '$lib/paraglide/messages';
import type { NotRevealed } from './workflow';

/**
 * What the facilitator is told of a reveal that left records private: how many, then each
 * reason that applied, so nothing stays behind unexplained.
 */
export function revealNotice(headline: string, why: NotRevealed): string {
	const reasons = [
		why.full > 0 ? m.reveal_kept_full({ count: why.full }) : null,
		why.own > 0 ? m.reveal_kept_own({ count: why.own }) : null,
		why.clash > 0 ? m.reveal_kept_clash({ count: why.clash }) : null
	];
	return [headline, ...reasons.filter((r) => r !== null)].join(' ');
}
