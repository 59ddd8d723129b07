import type { NoteFeatures } from './features';
import type { SparseVector } from './tfidf';
import { KEPT_MEANING_WORDS_SV } from './stopwords-sv';

/** Judgements and negations carry a low point's meaning but say nothing about its topic. */
const notATopic = new Set(KEPT_MEANING_WORDS_SV);

function mostFrequentForm(notes: readonly NoteFeatures[], key: string): string | null {
	const forms = new Map<string, number>();
	for (const note of notes) {
		for (const [form, count] of note.surfaces.get(key) ?? []) {
			forms.set(form, (forms.get(form) ?? 0) + count);
		}
	}
	let bestForm: string | null = null;
	let bestCount = 0;
	for (const [form, count] of forms) {
		if (count > bestCount || (count === bestCount && bestForm !== null && form < bestForm)) {
			bestForm = form;
			bestCount = count;
		}
	}
	return bestForm;
}

/**
 * Proposes a name for a group from its two strongest words or concepts (summed TF-IDF weight
 * over its members), each in the form people wrote it most often: "Telefontiden och väntar".
 */
export function nameGroup(
	notes: readonly NoteFeatures[],
	vectors: readonly SparseVector[],
	features: readonly string[]
): string {
	const weight = new Map<number, number>();
	for (const v of vectors) {
		for (let k = 0; k < v.index.length; k++) {
			const f = v.index[k]!;
			if (features[f]!.startsWith('gram:')) continue;
			weight.set(f, (weight.get(f) ?? 0) + v.value[k]!);
		}
	}
	const ranked = [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	const words: string[] = [];
	for (const [f] of ranked) {
		const form = mostFrequentForm(notes, features[f]!);
		if (!form || notATopic.has(form)) continue;
		if (words.some((w) => w === form || w.includes(form) || form.includes(w))) continue;
		words.push(form);
		if (words.length === 2) break;
	}
	if (words.length === 0) return 'Övrigt';
	const name = words.join(' och ');
	return name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
}
