import { describe, expect, it } from 'vitest';
import type { Note } from '$lib/workshop/doc';
import type { JourneyEvent, Question } from '$lib/workshop/journey';
import { countQuotes, quoteSource, quoteWall } from './quote-wall';

let seq = 0;
function note(fields: Partial<Note>): Note {
	seq++;
	return {
		id: `n${seq}`,
		text: `text ${seq}`,
		kind: 'citat',
		eventId: null,
		questionId: null,
		authorId: 'm1',
		authorName: null,
		profession: 'lakare',
		organisation: 'region',
		createdAt: seq,
		updatedAt: seq,
		...fields
	};
}

const questions: Question[] = [
	{ id: 'q1', text: 'Vad behöver den enskilde av oss?' },
	{ id: 'q2', text: 'Vad skaver eller utmanar med hur vi jobbar idag?' },
	{ id: 'q3', text: 'Hur skulle ni vilja göra? (Önskat läge)' }
];

describe('quoteWall', () => {
	it('groups citat by question in question order, leaving out other kinds and empty rows', () => {
		const later = note({ questionId: 'q3', createdAt: 50 });
		const earlier = note({ questionId: 'q3', createdAt: 10 });
		const skaver = note({ questionId: 'q2' });
		note({ questionId: 'q1', kind: 'bottennapp' });
		const groups = quoteWall(
			[later, earlier, skaver, note({ questionId: 'q1', kind: 'note' })],
			questions
		);
		expect(groups.map((g) => [g.key, g.question?.text, g.notes.map((n) => n.id)])).toEqual([
			['q2', questions[1]!.text, [skaver.id]],
			['q3', questions[2]!.text, [earlier.id, later.id]]
		]);
		expect(countQuotes(groups)).toBe(3);
	});

	it('puts citat without a question, or with a removed one, last under "Övriga citat"', () => {
		const loose = note({ questionId: null, createdAt: 30 });
		const orphan = note({ questionId: 'removed', createdAt: 20 });
		const placed = note({ questionId: 'q1' });
		const groups = quoteWall([loose, placed, orphan], questions);
		expect(groups.map((g) => g.key)).toEqual(['q1', '']);
		expect(groups[1]!.question).toBeNull();
		expect(groups[1]!.notes.map((n) => n.id)).toEqual([orphan.id, loose.id]);
		expect(countQuotes(groups)).toBe(3);
	});

	it('is empty without citat', () => {
		expect(quoteWall([note({ kind: 'note', questionId: 'q1' })], questions)).toEqual([]);
		expect(quoteWall([], [])).toEqual([]);
	});
});

describe('quoteSource', () => {
	const events = new Map<string, JourneyEvent>([
		['e1', { id: 'e1', title: 'Händelse 1', facts: [] }],
		['e2', { id: 'e2', title: '  ', facts: [] }]
	]);

	it('names the event and the known profession and organisation', () => {
		expect(quoteSource(note({ eventId: 'e1' }), events)).toEqual({
			event: 'Händelse 1',
			profession: 'lakare',
			organisation: 'region'
		});
	});

	it('leaves out "annan", unknown keys, untitled and removed events', () => {
		expect(
			quoteSource(note({ eventId: 'e2', profession: 'annan', organisation: 'okänd' }), events)
		).toEqual({ event: null, profession: null, organisation: null });
		expect(quoteSource(note({ eventId: 'gone' }), events).event).toBeNull();
	});
});
