import { describe, expect, it } from 'vitest';
import { cosine, similarityMatrix } from './cosine';
import { analyse } from './pipeline';

describe('TF-IDF vectors and cosine similarity', () => {
	const { vectors, features } = analyse([
		{ id: 'a', text: 'Hemsjukvårdsteamet kommer sent' },
		{ id: 'b', text: 'Ingen hemsjukvård på natten' },
		{ id: 'c', text: 'Rollatorn saknas' },
		{ id: 'd', text: '' }
	]);

	it('gives unit-length vectors with word, n-gram and concept features', () => {
		for (const v of vectors.slice(0, 3)) {
			expect(v.value.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
		}
		expect(vectors[3]!.index.length).toBe(0);
		expect(features).toContain('word:hemsjukvård');
		expect(features).toContain('gram:sjuk');
		expect(features).toContain('concept:hemsjukvard');
	});

	it('lets a compound meet its part and keeps unrelated notes apart', () => {
		expect(cosine(vectors[0]!, vectors[1]!)).toBeGreaterThan(0.2);
		expect(cosine(vectors[0]!, vectors[2]!)).toBe(0);
		expect(cosine(vectors[0]!, vectors[0]!)).toBeCloseTo(1, 5);
	});

	it('builds the same similarities as pairwise cosine, diagonal 1 (0 for an empty note)', () => {
		const n = vectors.length;
		const matrix = similarityMatrix(vectors);
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < n; j++) {
				const expected = i === j ? (i === 3 ? 0 : 1) : cosine(vectors[i]!, vectors[j]!);
				expect(matrix[i * n + j]).toBeCloseTo(expected, 5);
			}
		}
	});
});
