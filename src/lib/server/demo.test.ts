import { describe, expect, it } from 'vitest';
import { listNotes } from '$lib/workshop/doc';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { readPersona } from '$lib/workshop/persona';
import { findTemplate, SEED_TEMPLATE_ID, templateFromDoc } from '$lib/workshop/template';
import { listInsights } from '$lib/workshop/records/insight';
import { buildReportModel } from '$lib/report/model';
import { demoDocument, demoWorkshopDocument } from './demo';

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

describe('demo workshop as it is seeded: the whole method', () => {
	const doc = demoWorkshopDocument();
	const model = buildReportModel({
		workshop: { title: 'Oskar 83', purpose: '', date: null, anonymous: false },
		facilitators: [],
		members: [],
		board: doc,
		viewer: 'facilitator',
		options: { includeFlagged: false }
	});

	it('keeps the seed quotes and adds bottennappar and höjdpunkter to every event', () => {
		expect(listNotes(doc).filter((n) => n.kind === 'citat')).toHaveLength(15);
		for (const event of model.journey) {
			expect(event.bottennappar.length).toBeGreaterThan(0);
			expect(event.hojdpunkter.length).toBeGreaterThan(0);
		}
		expect(model.journey[1]!.bottennappar).toContain(
			'Möjlighet till hembesök av läkare är begränsad'
		);
	});

	it('has every bottennapp as an insight, sorted into areas (Klustring is not empty)', () => {
		const insights = listInsights(doc);
		const lowPoints = listNotes(doc).filter((n) => n.kind === 'bottennapp');
		for (const note of lowPoints) {
			const insight = insights.find((i) => i.sourceNoteIds.includes(note.id));
			expect(insight?.areaId, note.text).toBeTruthy();
		}
		expect(model.areas.length).toBeGreaterThanOrEqual(4);
		expect(model.areas.every((a) => a.insights > 0)).toBe(true);
	});

	it('has a revealed scoring round, prioritised areas with målbild, ideas and actions', () => {
		expect(model.matrix?.rows.length).toBeGreaterThanOrEqual(4);
		expect(model.prioritised.length).toBeGreaterThanOrEqual(2);
		for (const area of model.prioritised) {
			expect(area.goal.summary).not.toBe('');
			expect(area.ideas.length + area.actions.length).toBeGreaterThan(0);
		}
		expect(model.actions.every((a) => a.owner !== '')).toBe(true);
		expect(new Set(model.actions.map((a) => a.statusKey))).toEqual(
			new Set(['planerad', 'pagar', 'genomford'])
		);
	});

	it("ends with the seed's summary bullets", () => {
		expect(model.summary.bullets).toContain('Resurser finns inte nära patienten när de behövs');
		expect(model.summary.nextSteps.length).toBeGreaterThan(0);
	});
});
