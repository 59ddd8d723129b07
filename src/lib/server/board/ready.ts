import { authorIdsOf } from '../realtime/author-ids';
import { workshopSwitches } from '../services/switches';
import type { App } from '../app';
import { admittedParticipants } from './voters';
import type { ReadyParticipant } from '$lib/workshop/records/ready';

/**
 * Who the ready check counts ("14 av 19 klara"): the workshop's admitted participants, the same
 * members as voters.ts's eligibleVoters, in the order they joined, each with the author ids a
 * ready flag of theirs may carry, and their name unless the workshop is anonymous (the
 * facilitator then sees "Anonym N": no name leaves the server).
 */
export async function readyParticipants(
	deps: Pick<App, 'db' | 'realtime' | 'wsSecret'>,
	workshopId: string
): Promise<ReadyParticipant[]> {
	const anonymous = Boolean((await workshopSwitches(deps, workshopId))?.anonymous);
	return (await admittedParticipants(deps.db, workshopId)).map((m) => ({
		ids: authorIdsOf(deps.wsSecret, m.id),
		name: anonymous ? null : m.name
	}));
}
