import type * as Y from 'yjs';
import { z } from 'zod';
import { AGENDA_STEPS_MAX } from './agenda';
import { declareRecord, ID_PATTERN, MEMBERS } from './declare';
import { facilitationField } from './facilitation';

const id = ID_PATTERN.source.slice(1, -1);

/**
 * A participant's "Klar" for one step of the agenda, keyed `<stepId>|<authorId>`: keyed by step
 * so the ready check starts empty at every step without anyone clearing it. The author id is
 * the one the member signs records with now (their author pseudonym in an anonymous workshop),
 * so the board never ties a pseudonym's flag to a membership.
 *
 *   doc.getMap('ready'): Y.Map<`<stepId>|<authorId>`, true>
 */
export const readyRecord = declareRecord({
	name: 'ready',
	root: 'ready',
	shape: 'entry',
	key: z.string().regex(new RegExp(`^${id}\\|${id}$`)),
	fields: { value: z.literal(true) },
	text: [],
	refs: {},
	keyRef: { kind: 'ids', to: ['agenda', MEMBERS], separator: '|' },
	hidden: false,
	create: ['owner'],
	change: { value: ['owner'] },
	fixed: [],
	remove: ['facilitator', 'owner'],
	ownedBy: 'the member after the `|` in the key',
	owner: (key) => key.slice(key.indexOf('|') + 1),
	check: (_get, _writer, before, key) => readyCheck(before, key),
	checks: 'the step in the key is the current step (`facilitation.stepId`)',
	perOwner: AGENDA_STEPS_MAX
});

export const readyMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('ready');

export const readyKey = (stepId: string, authorId: string) => `${stepId}|${authorId}`;

/** Why a participant may not mark `key` ready now: only for the step the room is on. */
export function readyCheck(before: Y.Doc, key: string): string | null {
	const current = facilitationField(before, 'stepId');
	if (typeof current !== 'string') return 'no current step';
	return key.slice(0, key.indexOf('|')) === current ? null : 'not the current step';
}

/** The author ids marked ready for `stepId`. */
export function readyAuthors(doc: Y.Doc, stepId: string): string[] {
	const out: string[] = [];
	const prefix = `${stepId}|`;
	readyMap(doc).forEach((value, key) => {
		if (value === true && key.startsWith(prefix)) out.push(key.slice(prefix.length));
	});
	return out;
}

/** Marks (or unmarks) this member ready for the step. */
export function setReady(doc: Y.Doc, stepId: string, authorId: string, ready: boolean) {
	const map = readyMap(doc);
	const key = readyKey(stepId, authorId);
	if (ready && map.get(key) !== true) map.set(key, true);
	else if (!ready && map.has(key)) map.delete(key);
}

/** A participant the ready check counts: their author ids and, outside anonymity, their name. */
export interface ReadyParticipant {
	ids: readonly string[];
	name: string | null;
}

/**
 * "14 av 19 klara": of the workshop's admitted participants, who has marked the step ready,
 * and who has not yet, in the order given (names, or null in an anonymous workshop).
 */
export function readyCount(participants: readonly ReadyParticipant[], authors: readonly string[]) {
	const ready = new Set(authors);
	const notYet: ReadyParticipant[] = [];
	let done = 0;
	for (const p of participants) {
		if (p.ids.some((i) => ready.has(i))) done++;
		else notYet.push(p);
	}
	return { done, total: participants.length, notYet };
}
