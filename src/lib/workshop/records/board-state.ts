import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, type Writer } from './declare';

/**
 * Workshop-wide switches in the shared board that only facilitators set:
 *
 *   doc.getMap('state'): { locked: boolean, participantsMayMove: boolean, synonyms: string[][] }
 *
 * `locked`: while true, nobody but facilitators may write to the board.
 * `participantsMayMove`: while true, participants may move insights between areas.
 * `participantsMayComment`: while true, participants may comment on a målbild.
 * `synonyms`: the workshop's own "these words mean the same here", one list per meaning,
 * used by the suggested grouping.
 * `anonymous`, `participantsMayExport`: the workshop's settings, written by the server alone
 * (workshop-switches.ts).
 * `closed`: the workshop is closed (services/lifecycle.ts writes it): read-only for
 * participants, as the lock is, until a facilitator reopens it.
 */
export const stateMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('state');

export function isBoardLocked(doc: Y.Doc): boolean {
	return stateMap(doc).get('locked') === true;
}

export function setBoardLocked(doc: Y.Doc, locked: boolean): void {
	doc.transact(() => stateMap(doc).set('locked', locked));
}

/** Whether the workshop is closed (read-only for participants); only the server writes it. */
export function isBoardClosed(doc: Y.Doc): boolean {
	return stateMap(doc).get('closed') === true;
}

export function setBoardClosed(doc: Y.Doc, closed: boolean): void {
	doc.transact(() => stateMap(doc).set('closed', closed));
}

/** Whether participants may comment on a målbild now (a facilitator's switch). */
export function participantsMayComment(doc: Y.Doc): boolean {
	return stateMap(doc).get('participantsMayComment') === true;
}

export function setParticipantsMayComment(doc: Y.Doc, allowed: boolean, origin?: unknown): void {
	doc.transact(() => stateMap(doc).set('participantsMayComment', allowed), origin);
}

/** Whether participants may move insights between areas now (a facilitator's switch). */
export function participantsMayMove(doc: Y.Doc): boolean {
	return stateMap(doc).get('participantsMayMove') === true;
}

export function setParticipantsMayMove(doc: Y.Doc, allowed: boolean, origin?: unknown): void {
	doc.transact(() => stateMap(doc).set('participantsMayMove', allowed), origin);
}

export const SYNONYM_GROUPS_MAX = 100;
export const SYNONYM_WORDS_MAX = 20;
export const SYNONYM_WORD_MAX = 60;

/** The workshop's synonym lists, read defensively (only lists of words with two or more). */
export function readSynonyms(doc: Y.Doc): string[][] {
	const value = stateMap(doc).get('synonyms');
	if (!Array.isArray(value)) return [];
	return value
		.filter((group): group is unknown[] => Array.isArray(group))
		.map((group) => group.filter((w): w is string => typeof w === 'string' && w.trim() !== ''))
		.filter((group) => group.length >= 2);
}

/** Parses "rollator = gåstol; fast vårdkontakt = kontaktperson" (one meaning per line or ;). */
export function parseSynonyms(text: string): string[][] {
	return text
		.split(/[\n;]/)
		.map((line) =>
			line
				.split(/[=,]/)
				.map((w) => w.trim().slice(0, SYNONYM_WORD_MAX))
				.filter((w) => w !== '')
				.slice(0, SYNONYM_WORDS_MAX)
		)
		.filter((group) => group.length >= 2)
		.slice(0, SYNONYM_GROUPS_MAX);
}

/** The lists back as text, one meaning per line. */
export function formatSynonyms(groups: string[][]): string {
	return groups.map((group) => group.join(' = ')).join('\n');
}

export function setSynonyms(doc: Y.Doc, groups: string[][], origin?: unknown): void {
	doc.transact(() => stateMap(doc).set('synonyms', groups), origin);
}

export const boardStateRecord = declareRecord({
	name: 'board state',
	root: 'state',
	shape: 'singleton',
	key: z.string(),
	fields: {
		locked: z.boolean(),
		participantsMayMove: z.boolean(),
		participantsMayComment: z.boolean(),
		synonyms: z
			.array(z.array(z.string().min(1).max(SYNONYM_WORD_MAX)).max(SYNONYM_WORDS_MAX))
			.max(SYNONYM_GROUPS_MAX),
		anonymous: z.boolean(),
		participantsMayExport: z.boolean(),
		closed: z.boolean()
	},
	text: ['synonyms'],
	refs: {},
	hidden: false,
	create: ['facilitator'],
	change: {
		locked: ['facilitator'],
		participantsMayMove: ['facilitator'],
		participantsMayComment: ['facilitator'],
		synonyms: ['facilitator'],
		// The server's alone: switching anonymity on also removes names and rewrites presence.
		anonymous: [],
		participantsMayExport: [],
		// The server's alone: closing is a workshop's state in the database too (the dashboard).
		closed: []
	},
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

/** The condition the lock sets, judged against the board as it was before an update. */
export function lockCondition(before: Y.Doc, writer: Writer): string | null {
	return writer.role !== 'facilitator' && isBoardLocked(before) ? 'the board is locked' : null;
}

/** A closed workshop is read-only for everyone but its facilitators. */
export function closedCondition(before: Y.Doc, writer: Writer): string | null {
	return writer.role !== 'facilitator' && isBoardClosed(before) ? 'the workshop is closed' : null;
}
