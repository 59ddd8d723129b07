import { eq, sql } from 'drizzle-orm';
import type { DB } from '../../db';
import { workshops } from '../../db/schema';
import type { Feature } from '../hooks';
import { anonymityFeature } from './anonymity';
import { insightsFeature } from './insights';
import { roundProgressFeature } from './round-progress';

export interface FeatureDeps {
	db: DB;
	secret: string;
	/** Recounts a workshop's round progress (board/rounds.ts); none: progress is not counted. */
	privateChanged?: (workshopId: string) => void;
}

/**
 * The features of the realtime server, in the order their hooks run: the one place a
 * behaviour is plugged into the server (see hooks.ts for the moments). Insights come before
 * anonymity, so an insight derived in the same transaction is scrubbed too.
 */
export function realtimeFeatures(deps: FeatureDeps): Feature[] {
	// Read on every accepted update and presence state, so prepared once.
	const anonymity = deps.db
		.select({ anonymous: workshops.anonymous })
		.from(workshops)
		.where(eq(workshops.id, sql.placeholder('id')))
		.prepare();
	const isAnonymous = (id: string) => Boolean(anonymity.get({ id })?.anonymous);
	return [
		insightsFeature,
		anonymityFeature(deps.secret, isAnonymous),
		...(deps.privateChanged ? [roundProgressFeature(deps.privateChanged)] : [])
	];
}
