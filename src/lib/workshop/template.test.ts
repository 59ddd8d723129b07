import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isPersonaEmpty } from '$lib/components/persona/persona-form';
import { listEvents, listQuestions, updateEvent } from './journey';
import { readPersona } from './persona';
import { applyTemplate, builtInTemplates, findTemplate, templateFromDoc } from './template';

describe('templates', () => {
	it('ships the Nära vård journey with three events and the five questions', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, findTemplate('patientresa-nara-vard')!);
		expect(listEvents(doc).map((e) => e.title)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
		expect(listQuestions(doc).map((q) => q.text)).toEqual([
			'Vad behöver den enskilde av oss?',
			'Hur går det till idag?',
			'Vad skaver eller utmanar med hur vi jobbar idag?',
			'Hur skulle ni vilja göra? (Önskat läge)',
			'Vad krävs för att nå dit? (Önskat läge)'
		]);
	});

	it('keeps the Nära vård promise: a persona to fill in and events with room for facts', () => {
		const template = findTemplate('patientresa-nara-vard')!;
		expect(template.description?.sv).toMatch(/^En påhittad persona att fylla i, tre händelser/);
		const doc = new Y.Doc();
		applyTemplate(doc, template);
		const persona = readPersona(doc);
		// Not "Ingen persona ännu": a skeleton whose every section is there to be replaced.
		expect(isPersonaEmpty(persona)).toBe(false);
		expect(persona.name).toBe('Påhittat namn');
		expect(persona.age).toBeNull();
		for (const section of [persona.situation, persona.conditions, persona.matters]) {
			expect(section).toHaveLength(1);
		}
		expect(persona.matters[0]).toMatch(/^Jag … .*jag-form/);
		const events = listEvents(doc);
		expect(events).toHaveLength(3);
		for (const event of events) expect(event.facts.length).toBeGreaterThan(0);
		expect(listQuestions(doc)).toHaveLength(5);
	});

	it('ships the seed workshop Oskar 83 as a template: persona, facts and questions', () => {
		const template = findTemplate('oskar-83-hemsjukvard')!;
		expect(template.name.sv).toBe('Oskar 83 – Hälso- och sjukvård i hemmet');
		const doc = new Y.Doc();
		applyTemplate(doc, template);
		const persona = readPersona(doc);
		expect(persona).toMatchObject({ name: 'Oskar', age: 83 });
		expect(persona.situation).toEqual(['Änkling', 'Socialt nätverk', '"Mår bra"', 'Hemtjänst']);
		expect(persona.conditions).toContain('Hjärtsvikt');
		expect(persona.matters).toHaveLength(4);
		const events = listEvents(doc);
		expect(events.map((e) => e.title)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
		expect(events.map((e) => e.facts.length)).toEqual([5, 6, 5]);
		expect(events[1]!.facts).toContain('Palliativt beslut saknas');
		expect(listQuestions(doc).map((q) => q.text)).toEqual(
			findTemplate('patientresa-nara-vard')!.questions
		);
	});

	it('ships a blank template', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, findTemplate('tom')!);
		expect(listEvents(doc)).toEqual([]);
		expect(builtInTemplates.map((t) => t.id)).toEqual([
			'patientresa-nara-vard',
			'oskar-83-hemsjukvard',
			'tom'
		]);
	});

	it('saves a workshop structure as a template that recreates it', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, findTemplate('patientresa-nara-vard')!);
		updateEvent(doc, listEvents(doc)[0]!.id, { facts: ['Ringer 1177'] });
		const saved = templateFromDoc(doc, 'mine', 'Min mall');
		const copy = new Y.Doc();
		applyTemplate(copy, saved);
		expect(listEvents(copy).map(({ title, facts }) => ({ title, facts }))).toEqual(
			listEvents(doc).map(({ title, facts }) => ({ title, facts }))
		);
		expect(listQuestions(copy).map((q) => q.text)).toEqual(listQuestions(doc).map((q) => q.text));
	});
});
