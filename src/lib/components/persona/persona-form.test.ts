import { describe, expect, it } from 'vitest';
import type { Persona } from '$lib/workshop/persona';
import {
	fromDraft,
	isPersonaEmpty,
	isValidAge,
	personaPatch,
	samePersona,
	textToList,
	toDraft
} from './persona-form';

const oskar: Persona = {
	name: 'Oskar',
	age: 83,
	situation: ['Änkling', 'Socialt nätverk', '"Mår bra"', 'Hemtjänst'],
	conditions: ['Övervikt', 'Hjärtsvikt'],
	matters: ['Jag känner mig delaktig och trygg – de lyssnar på mig och tar mig på allvar.']
};

describe('persona form', () => {
	it('round-trips a persona through the form unchanged', () => {
		expect(fromDraft(toDraft(oskar))).toEqual(oskar);
		expect(toDraft(oskar).situation).toBe('Änkling\nSocialt nätverk\n"Mår bra"\nHemtjänst');
	});

	it('reads one item per line and drops blank lines', () => {
		expect(textToList('  Hjärtsvikt \r\n\n Högt blodtryck\n   \n')).toEqual([
			'Hjärtsvikt',
			'Högt blodtryck'
		]);
		expect(textToList('')).toEqual([]);
	});

	it('accepts an empty age and whole years 0–129 only', () => {
		expect(isValidAge(null)).toBe(true);
		expect(isValidAge(undefined)).toBe(true);
		expect(isValidAge(Number.NaN)).toBe(true);
		expect(isValidAge(0)).toBe(true);
		expect(isValidAge(129)).toBe(true);
		expect(isValidAge(130)).toBe(false);
		expect(isValidAge(-1)).toBe(false);
		expect(isValidAge(83.5)).toBe(false);
		expect(fromDraft({ ...toDraft(oskar), age: null }).age).toBeNull();
		expect(fromDraft({ ...toDraft(oskar), age: undefined }).age).toBeNull();
	});

	it('patches only the fields that changed, so others’ edits to other fields survive', () => {
		const after = fromDraft({ ...toDraft(oskar), age: 84, conditions: 'Hjärtsvikt\nÖvervikt' });
		expect(personaPatch(oskar, after)).toEqual({
			age: 84,
			conditions: ['Hjärtsvikt', 'Övervikt']
		});
		expect(personaPatch(oskar, fromDraft(toDraft(oskar)))).toEqual({});
		expect(samePersona(oskar, { ...oskar })).toBe(true);
		expect(samePersona(oskar, { ...oskar, matters: [] })).toBe(false);
	});

	it('knows an empty persona', () => {
		const empty = { name: ' ', age: null, situation: [], conditions: [], matters: [] };
		expect(isPersonaEmpty(empty)).toBe(true);
		expect(isPersonaEmpty({ ...empty, age: 83 })).toBe(false);
		expect(isPersonaEmpty(oskar)).toBe(false);
	});
});
