import type { SparseVector } from './tfidf';

/** Cosine similarity of two unit-length sparse vectors (a merge of their sorted indexes). */
export function cosine(a: SparseVector, b: SparseVector): number {
	let i = 0;
	let j = 0;
	let sum = 0;
	while (i < a.index.length && j < b.index.length) {
		const ai = a.index[i]!;
		const bj = b.index[j]!;
		if (ai === bj) sum += a.value[i++]! * b.value[j++]!;
		else if (ai < bj) i++;
		else j++;
	}
	return sum;
}

/**
 * All pairwise similarities as a dense n×n Float32Array (row-major, diagonal 1), built from
 * an inverted index so only notes that share a feature are ever multiplied.
 */
export function similarityMatrix(vectors: readonly SparseVector[]): Float32Array {
	const n = vectors.length;
	const matrix = new Float32Array(n * n);
	// Postings in compressed rows: for feature f, notes[start[f] .. start[f + 1]) ascending.
	let featureCount = 0;
	let total = 0;
	for (const v of vectors) {
		total += v.index.length;
		for (const f of v.index) if (f >= featureCount) featureCount = f + 1;
	}
	const start = new Int32Array(featureCount + 1);
	for (const v of vectors) for (const f of v.index) start[f + 1]! += 1;
	for (let f = 0; f < featureCount; f++) start[f + 1]! += start[f]!;
	const fill = start.slice(0, featureCount);
	const notes = new Int32Array(total);
	const values = new Float32Array(total);
	vectors.forEach((v, note) => {
		for (let k = 0; k < v.index.length; k++) {
			const at = fill[v.index[k]!]!++;
			notes[at] = note;
			values[at] = v.value[k]!;
		}
	});
	for (let f = 0; f < featureCount; f++) {
		const end = start[f + 1]!;
		for (let a = start[f]!; a < end; a++) {
			const row = notes[a]! * n;
			const va = values[a]!;
			for (let b = a + 1; b < end; b++) matrix[row + notes[b]!]! += va * values[b]!;
		}
	}
	for (let i = 0; i < n; i++) {
		matrix[i * n + i] = vectors[i]!.index.length > 0 ? 1 : 0;
		for (let j = i + 1; j < n; j++) matrix[j * n + i] = matrix[i * n + j]!;
	}
	return matrix;
}
