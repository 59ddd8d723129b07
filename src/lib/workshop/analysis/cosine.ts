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
	const postings = new Map<number, { note: number; value: number }[]>();
	vectors.forEach((v, note) => {
		for (let k = 0; k < v.index.length; k++) {
			const f = v.index[k]!;
			let list = postings.get(f);
			if (!list) postings.set(f, (list = []));
			list.push({ note, value: v.value[k]! });
		}
	});
	for (const list of postings.values()) {
		for (let a = 0; a < list.length; a++) {
			const { note: i, value: vi } = list[a]!;
			const row = i * n;
			for (let b = a + 1; b < list.length; b++) matrix[row + list[b]!.note]! += vi * list[b]!.value;
		}
	}
	for (let i = 0; i < n; i++) {
		matrix[i * n + i] = vectors[i]!.index.length > 0 ? 1 : 0;
		for (let j = i + 1; j < n; j++) matrix[j * n + i] = matrix[i * n + j]!;
	}
	return matrix;
}
