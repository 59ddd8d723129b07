import type { Note } from '$lib/workshop/doc';
import type { JourneyEvent, Question } from '$lib/workshop/journey';
import { quotesByQuestion } from '$lib/workshop/note-index';
import { organisations, professions } from '$lib/workshop/people';

export interface QuoteGroup {
	/** Stable key for keyed lists: the question id, or '' for "Övriga citat". */
	key: string;
	/** The question, or null for the last group of quotes without a (current) question. */
	question: Question | null;
	notes: Note[];
}

const byAge = (a: Note, b: Note) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The quote wall: citat grouped by question in question order, then one last group for
 * citat without a question or whose question has been removed, so no quote ever drops off.
 */
export function quoteWall(notes: Iterable<Note>, questions: Question[]): QuoteGroup[] {
	const quotes = [...notes].filter((note) => note.kind === 'citat');
	const byId = new Map(questions.map((q) => [q.id, q]));
	const groups: QuoteGroup[] = quotesByQuestion(
		quotes,
		questions.map((q) => q.id)
	).map(({ questionId, notes }) => ({
		key: questionId,
		question: byId.get(questionId)!,
		notes
	}));
	const others = quotes
		.filter((note) => !note.questionId || !byId.has(note.questionId))
		.sort(byAge);
	if (others.length > 0) groups.push({ key: '', question: null, notes: others });
	return groups;
}

export const countQuotes = (groups: QuoteGroup[]) =>
	groups.reduce((sum, group) => sum + group.notes.length, 0);

/**
 * Where a quote comes from, as keys for the label functions: the event's title when it is
 * still on the journey, and the author's profession and organisation when they say something
 * ("annan", or a key this version does not know, is left out rather than shown as "Annan").
 */
const known = (keys: readonly string[], key: string) =>
	key !== 'annan' && keys.includes(key) ? key : null;

export function quoteSource(note: Note, events: Map<string, JourneyEvent>) {
	const event = note.eventId ? events.get(note.eventId) : undefined;
	return {
		event: event?.title.trim() || null,
		profession: known(professions, note.profession),
		organisation: known(organisations, note.organisation)
	};
}
