import type { Note } from '$lib/workshop/doc';
import { cellKey, groupByCell } from '$lib/workshop/note-index';

const sameList = (a: Note[], b: Note[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Notes per cell like groupByCell, but a cell whose notes did not change keeps its previous
 * array: a note added in one cell then re-renders that cell only, not all of them.
 */
export function stableCells(notes: Note[], previous: Map<string, Note[]>): Map<string, Note[]> {
	const next = groupByCell(notes);
	for (const [key, list] of next) {
		const before = previous.get(key);
		if (before && sameList(before, list)) next.set(key, before);
	}
	return next;
}

export interface JourneyTotals {
	/** All notes per event id, whatever their question (for "remove event?"). */
	byEvent: Map<string, number>;
	/** All notes per question id. */
	byQuestion: Map<string, number>;
}

export function totals(notes: Note[]): JourneyTotals {
	const byEvent = new Map<string, number>();
	const byQuestion = new Map<string, number>();
	for (const n of notes) {
		if (n.eventId) byEvent.set(n.eventId, (byEvent.get(n.eventId) ?? 0) + 1);
		if (n.questionId) byQuestion.set(n.questionId, (byQuestion.get(n.questionId) ?? 0) + 1);
	}
	return { byEvent, byQuestion };
}

/**
 * Notes outside every visible cell: written without a place, or in an event or question that
 * was removed since. Newest first, so one just added shows under the form.
 */
export function unplacedNotes(notes: Note[], eventIds: string[], questionIds: string[]): Note[] {
	const events = new Set(eventIds);
	const questions = new Set(questionIds);
	const out: Note[] = [];
	for (let i = notes.length - 1; i >= 0; i--) {
		const n = notes[i]!;
		if (!(n.eventId && n.questionId && events.has(n.eventId) && questions.has(n.questionId))) {
			out.push(n);
		}
	}
	return out;
}

export { cellKey };
