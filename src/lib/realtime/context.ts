import { getContext, setContext } from 'svelte';
import type { Role } from '$lib/workshop/roles';
import type { WorkshopSession } from './session.svelte';

/** Who this browser is in the workshop, as the server said in the layout load. */
export interface Me {
	membershipId: string;
	/**
	 * The author id this member signs records with while the workshop is anonymous (never their
	 * membership id: server/realtime/author-ids.ts); records written so stay theirs.
	 */
	authorPseudonym: string;
	role: Role;
	displayName: string;
	profession: string;
	organisation: string;
}

/**
 * What every page under /w/[id] shares: the one live connection (null until the browser has
 * created it), this person, and the workshop's settings. Provided by /w/[id]/+layout.svelte.
 */
export interface BoardContext {
	readonly board: WorkshopSession | null;
	readonly me: Me;
	readonly workshop: { id: string; title: string; anonymous: boolean };
	/** Says something to screen readers through the layout's live region. */
	announce(message: string): void;
}

/**
 * This member's author ids, the one a record written now carries first: the pseudonym while
 * the workshop is anonymous.
 */
export const authorIdsNow = (me: Me, anonymous: boolean): readonly [string, string] =>
	anonymous ? [me.authorPseudonym, me.membershipId] : [me.membershipId, me.authorPseudonym];

/** The author id a record written now carries. */
export const authorIdNow = (me: Me, anonymous: boolean) => authorIdsNow(me, anonymous)[0];

/** Whether `authorId` (a record's, or an emotion key's member part) is this member's. */
export const isMine = (me: Me, authorId: string) =>
	authorId === me.membershipId || authorId === me.authorPseudonym;

const KEY = Symbol('samskapa.board');

export function setBoardContext(context: BoardContext) {
	setContext(KEY, context);
}

export function getBoardContext(): BoardContext {
	const context = getContext<BoardContext | undefined>(KEY);
	if (!context) throw new Error('getBoardContext() outside /w/[id]');
	return context;
}
