import { describe, expect, it } from 'vitest';
import { listNotes } from '$lib/workshop/doc';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { readPersona } from '$lib/workshop/persona';
import { findTemplate, SEED_TEMPLATE_ID, templateFromDoc } from '$lib/workshop/template';
import { demoDocument } from './demo';

describe('demo workshop "Oskar 83"', () => {
	const doc = demoDocument();

	it('carries the seed persona with its four "what matters to me" statements', () => {
		const persona = readPersona(doc);
		expect(persona).toMatchObject({ name: 'Oskar', age: 83 });
		expect(persona.situation).toContain('Änkling');
		expect(persona.conditions).toContain('Hjärtsvikt');
		expect(persona.matters).toHaveLength(4);
		expect(persona.matters[1]).toMatch(/^Jag känner mig delaktig och trygg/);
	});

	it('has Händelse 1–3 with their facts and the five questions', () => {
		const events = listEvents(doc);
		expect(events.map((e) => e.title)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
		expect(events[0]!.facts).toContain('Ringer 1177');
		expect(events[1]!.facts).toContain('Palliativt beslut saknas');
		expect(listQuestions(doc)).toHaveLength(5);
	});

	it('is the built-in Oskar 83 template plus the quotes: one source of truth', () => {
		const { persona, events, questions } = templateFromDoc(doc, 'x', 'x');
		const seed = findTemplate(SEED_TEMPLATE_ID)!;
		expect({ persona, events, questions }).toEqual({
			persona: seed.persona,
			events: seed.events,
			questions: seed.questions
		});
	});

	it('puts the quotes as citat in the "Vad skaver" and "Önskat läge" rows', () => {
		const questions = listQuestions(doc);
		const rowOf = (text: string) =>
			questions.find((q) => q.id === listNotes(doc).find((n) => n.text === text)?.questionId)?.text;
		expect(listNotes(doc).every((n) => n.kind === 'citat')).toBe(true);
		expect(rowOf('Tidspress, vi har ingen luft i systemet')).toMatch(/^Vad skaver/);
		expect(rowOf('Äkta team som arbetar ihop utifrån plan')).toMatch(/Önskat läge/);
		expect(listNotes(doc)).toHaveLength(15);
	});
});
