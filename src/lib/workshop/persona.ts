import type * as Y from 'yjs';
import type { RecordValue } from './records/declare';
import type { personaRecord } from './records/persona';

/**
 * The persona of a workshop: fictional, never a real patient.
 *
 *   doc.getMap('persona') : { name: string, age: number | null, situation: string[],
 *                             conditions: string[], matters: string[] }
 *
 * Lists are whole values (last writer wins): only facilitators edit the persona, rarely at once.
 */
/**
 * `situation`: life situation facts ("Änkling", "Hemtjänst" …); `conditions`: "Hjärtsvikt",
 * "Högt blodtryck" …; `matters`: "what matters to me", in the first person.
 */
export type Persona = RecordValue<typeof personaRecord>;

export const PERSONA_LINE_MAX = 300;
export const PERSONA_NAME_MAX = 100;

export function personaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('persona');
}

const lines = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

export function readPersona(doc: Y.Doc): Persona {
	const map = personaMap(doc);
	const name = map.get('name');
	const age = map.get('age');
	return {
		name: typeof name === 'string' ? name : '',
		age: typeof age === 'number' && Number.isInteger(age) && age >= 0 && age < 130 ? age : null,
		situation: lines(map.get('situation')),
		conditions: lines(map.get('conditions')),
		matters: lines(map.get('matters'))
	};
}

const clean = (items: string[]) =>
	items
		.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, PERSONA_LINE_MAX))
		.filter((s) => s.length > 0);

/** Sets the given persona fields in one transaction. */
export function updatePersona(doc: Y.Doc, patch: Partial<Persona>) {
	const map = personaMap(doc);
	doc.transact(() => {
		if (patch.name !== undefined) map.set('name', patch.name.trim().slice(0, PERSONA_NAME_MAX));
		if (patch.age !== undefined) {
			const ok = patch.age !== null && Number.isInteger(patch.age) && patch.age >= 0;
			map.set('age', ok && patch.age! < 130 ? patch.age : null);
		}
		if (patch.situation) map.set('situation', clean(patch.situation));
		if (patch.conditions) map.set('conditions', clean(patch.conditions));
		if (patch.matters) map.set('matters', clean(patch.matters));
	});
}
