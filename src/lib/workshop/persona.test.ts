import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPersona, updatePersona } from './persona';

describe('persona', () => {
	it('is empty on a new document and keeps what facilitators set', () => {
		const doc = new Y.Doc();
		expect(readPersona(doc)).toEqual({
			name: '',
			age: null,
			situation: [],
			conditions: [],
			matters: []
		});
		updatePersona(doc, {
			name: 'Oskar',
			age: 83,
			situation: ['Änkling', ' ', 'Hemtjänst'],
			matters: ['Jag känner mig delaktig och trygg – de lyssnar på mig']
		});
		expect(readPersona(doc)).toMatchObject({
			name: 'Oskar',
			age: 83,
			situation: ['Änkling', 'Hemtjänst'],
			matters: ['Jag känner mig delaktig och trygg – de lyssnar på mig']
		});
	});

	it('drops an impossible age', () => {
		const doc = new Y.Doc();
		updatePersona(doc, { age: 200 });
		expect(readPersona(doc).age).toBeNull();
		updatePersona(doc, { age: -1 });
		expect(readPersona(doc).age).toBeNull();
	});
});
