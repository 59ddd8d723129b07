import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listEvents, listQuestions, updateEvent } from './journey';
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

	it('ships a blank template', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, findTemplate('tom')!);
		expect(listEvents(doc)).toEqual([]);
		expect(builtInTemplates.map((t) => t.id)).toEqual(['patientresa-nara-vard', 'tom']);
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
