import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendIdeas, listIdeas } from '$lib/workshop/records/idea';
import { ideaBytes } from './idea-rounds';

describe('ideaBytes', () => {
	it('bounds from above what revealed ideas add to the board’s encoded size', () => {
		const doc = new Y.Doc();
		const author = {
			id: 'm'.repeat(21),
			name: 'Åsa Öberg',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		} as const;
		const texts = ['x', 'å'.repeat(2000), 'idé med mellanslag', '🙂'.repeat(500)];
		const inputs = Array.from({ length: 400 }, (_, i) => ({
			id: `idea-${i}-${'k'.repeat(i % 40)}`,
			text: texts[i % texts.length]!,
			areaId: 'a'.repeat(21),
			author,
			now: Date.now()
		}));
		appendIdeas(doc, inputs);
		const estimate = listIdeas(doc).reduce((n, idea) => n + ideaBytes(idea), 0);
		expect(estimate).toBeGreaterThanOrEqual(Y.encodeStateAsUpdate(doc).byteLength);
	});
});
