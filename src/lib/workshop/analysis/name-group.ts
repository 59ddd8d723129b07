import type { NoteFeatures } from './features';
import type { SparseVector } from './tfidf';
import { KEPT_MEANING_WORDS_SV } from './stopwords-sv';

/** Judgements and negations carry a low point's meaning but say nothing about its topic. */
const notATopic = new Set(KEPT_MEANING_WORDS_SV);

/** The form written most often; `share` is its part of all the feature's occurrences. */
function mostFrequentForm(
	notes: readonly NoteFeatures[],
	key: string
): { form: string; share: number } | null {
	const forms = new Map<string, number>();
	for (const note of notes) {
		for (const [form, count] of note.surfaces.get(key) ?? []) {
			forms.set(form, (forms.get(form) ?? 0) + count);
		}
	}
	let bestForm: string | null = null;
	let bestCount = 0;
	let total = 0;
	for (const [form, count] of forms) {
		total += count;
		if (count > bestCount || (count === bestCount && bestForm !== null && form < bestForm)) {
			bestForm = form;
			bestCount = count;
		}
	}
	return bestForm === null ? null : { form: bestForm, share: bestCount / total };
}

/**
 * Proposes a name for a group from its two strongest words or concepts, each in the form people
 * wrote it most often ("Telefontiden och ringer tillbaka"). Strongest = found in the most of
 * its notes, then the highest summed TF-IDF weight: a name says what the notes share. A
 * concept that people wrote in many different words is named by its label instead
 * ("information och dokumentation" rather than one of five words).
 */
export function nameGroup(
	notes: readonly NoteFeatures[],
	vectors: readonly SparseVector[],
	features: readonly string[],
	conceptLabels: ReadonlyMap<string, string>
): string {
	const weight = new Map<number, number>();
	const spread = new Map<number, number>();
	for (const v of vectors) {
		for (let k = 0; k < v.index.length; k++) {
			const f = v.index[k]!;
			if (features[f]!.startsWith('gram:')) continue;
			weight.set(f, (weight.get(f) ?? 0) + v.value[k]!);
			spread.set(f, (spread.get(f) ?? 0) + 1);
		}
	}
	const ranked = [...weight].sort(
		(a, b) => spread.get(b[0])! - spread.get(a[0])! || b[1] - a[1] || a[0] - b[0]
	);
	const words: string[] = [];
	for (const [f] of ranked) {
		const feature = features[f]!;
		const found = mostFrequentForm(notes, feature);
		if (!found || notATopic.has(found.form)) continue;
		const label = conceptLabels.get(feature.slice('concept:'.length));
		if (label && feature.startsWith('concept:') && found.share <= 0.5 && spread.get(f)! > 1) {
			// A label is a whole name already ("Telefontid och tillgänglighet"); a facilitator's
			// synonym list is named by its first word, as typed, so it may need a capital.
			if (words.length === 0) return capitalise(label);
			continue;
		}
		const form = found.form;
		if (words.some((w) => w === form || w.includes(form) || form.includes(w))) continue;
		words.push(form);
		if (words.length === 2) break;
	}
	if (words.length === 0) return 'Övrigt';
	return capitalise(words.join(' och '));
}

const capitalise = (name: string) => name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
