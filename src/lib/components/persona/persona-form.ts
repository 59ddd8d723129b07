import type { Persona } from '$lib/workshop/persona';

/** The edit form's fields: lists as text, one item per line; age as the number input gives it. */
export interface PersonaDraft {
	name: string;
	age: number | null | undefined;
	situation: string;
	conditions: string;
	matters: string;
}

export const AGE_MAX = 129;

export const listToText = (items: string[]) => items.join('\n');

/** One item per line; blank lines and surrounding spaces dropped. */
export const textToList = (text: string) =>
	text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line.length > 0);

export function toDraft(persona: Persona): PersonaDraft {
	return {
		name: persona.name,
		age: persona.age,
		situation: listToText(persona.situation),
		conditions: listToText(persona.conditions),
		matters: listToText(persona.matters)
	};
}

/** An empty field means "no age"; anything else must be a whole number of years, 0–129. */
export function isValidAge(age: number | null | undefined): boolean {
	if (age === null || age === undefined || (typeof age === 'number' && Number.isNaN(age))) {
		return true;
	}
	return Number.isInteger(age) && age >= 0 && age <= AGE_MAX;
}

export function fromDraft(draft: PersonaDraft): Persona {
	const age = draft.age;
	return {
		name: draft.name.trim(),
		age: typeof age === 'number' && Number.isInteger(age) ? age : null,
		situation: textToList(draft.situation),
		conditions: textToList(draft.conditions),
		matters: textToList(draft.matters)
	};
}

const sameList = (a: string[], b: string[]) =>
	a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Only the fields this person changed since they opened the form, so saving does not undo
 * what another facilitator changed in the other fields meanwhile.
 */
export function personaPatch(before: Persona, after: Persona): Partial<Persona> {
	const patch: Partial<Persona> = {};
	if (after.name !== before.name) patch.name = after.name;
	if (after.age !== before.age) patch.age = after.age;
	for (const key of ['situation', 'conditions', 'matters'] as const) {
		if (!sameList(after[key], before[key])) patch[key] = after[key];
	}
	return patch;
}

export function samePersona(a: Persona, b: Persona): boolean {
	return Object.keys(personaPatch(a, b)).length === 0;
}

export function isPersonaEmpty(persona: Persona): boolean {
	return (
		!persona.name.trim() &&
		persona.age === null &&
		persona.situation.length === 0 &&
		persona.conditions.length === 0 &&
		persona.matters.length === 0
	);
}
