import * as Y from 'yjs';
import {
	insertItem,
	moveItem,
	nudgeItem,
	orderedIds,
	orderedMap,
	removedIds,
	removeItem,
	restoreItem,
	setItemFields
} from './ordered';

/**
 * The patient journey: events (Händelse 1, 2, …) as columns and questions (frågeställningar)
 * as rows of the grid. Layout (see docs/realtime.md):
 *
 *   doc.getMap('events')    : Y.Map<eventId, Y.Map{ title: string, facts: string[], order, removedAt }>
 *   doc.getMap('questions') : Y.Map<questionId, Y.Map{ text: string, order, removedAt }>
 */
export interface JourneyEvent {
	id: string;
	title: string;
	facts: string[];
}

export interface Question {
	id: string;
	text: string;
}

export const TITLE_MAX = 200;
export const FACT_MAX = 200;

const events = (doc: Y.Doc) => orderedMap(doc, 'events');
const questions = (doc: Y.Doc) => orderedMap(doc, 'questions');

const cleanLine = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);
const cleanFacts = (facts: string[]) =>
	facts.map((f) => cleanLine(f, FACT_MAX)).filter((f) => f.length > 0);

function readEvent(id: string, map: Y.Map<unknown>): JourneyEvent {
	const title = map.get('title');
	const facts = map.get('facts');
	return {
		id,
		title: typeof title === 'string' ? title : '',
		facts: Array.isArray(facts) ? facts.filter((f): f is string => typeof f === 'string') : []
	};
}

function readQuestion(id: string, map: Y.Map<unknown>): Question {
	const text = map.get('text');
	return { id, text: typeof text === 'string' ? text : '' };
}

export function listEvents(doc: Y.Doc): JourneyEvent[] {
	const map = events(doc);
	return orderedIds(map).map((id) => readEvent(id, map.get(id)!));
}

export function listQuestions(doc: Y.Doc): Question[] {
	const map = questions(doc);
	return orderedIds(map).map((id) => readQuestion(id, map.get(id)!));
}

export function addEvent(
	doc: Y.Doc,
	input: { title: string; facts?: string[]; index?: number; id?: string }
) {
	return insertItem(
		doc,
		events(doc),
		{ title: cleanLine(input.title, TITLE_MAX), facts: cleanFacts(input.facts ?? []) },
		input.index,
		input.id
	);
}

export function updateEvent(doc: Y.Doc, id: string, input: { title?: string; facts?: string[] }) {
	const fields: Record<string, unknown> = {};
	if (input.title !== undefined) fields.title = cleanLine(input.title, TITLE_MAX);
	if (input.facts !== undefined) fields.facts = cleanFacts(input.facts);
	return setItemFields(doc, events(doc), id, fields);
}

export const moveEvent = (doc: Y.Doc, id: string, index: number) =>
	moveItem(doc, events(doc), id, index);
export const nudgeEvent = (doc: Y.Doc, id: string, delta: -1 | 1) =>
	nudgeItem(doc, events(doc), id, delta);
export const removeEvent = (doc: Y.Doc, id: string, now?: number) =>
	removeItem(doc, events(doc), id, now);
export const restoreEvent = (doc: Y.Doc, id: string) => restoreItem(doc, events(doc), id);
export const removedEvents = (doc: Y.Doc) => removedIds(events(doc));

export function addQuestion(doc: Y.Doc, input: { text: string; index?: number; id?: string }) {
	return insertItem(
		doc,
		questions(doc),
		{ text: cleanLine(input.text, TITLE_MAX) },
		input.index,
		input.id
	);
}

export const updateQuestion = (doc: Y.Doc, id: string, text: string) =>
	setItemFields(doc, questions(doc), id, { text: cleanLine(text, TITLE_MAX) });
export const moveQuestion = (doc: Y.Doc, id: string, index: number) =>
	moveItem(doc, questions(doc), id, index);
export const nudgeQuestion = (doc: Y.Doc, id: string, delta: -1 | 1) =>
	nudgeItem(doc, questions(doc), id, delta);
export const removeQuestion = (doc: Y.Doc, id: string, now?: number) =>
	removeItem(doc, questions(doc), id, now);
export const restoreQuestion = (doc: Y.Doc, id: string) => restoreItem(doc, questions(doc), id);
export const removedQuestions = (doc: Y.Doc) => removedIds(questions(doc));
