import { untrack } from 'svelte';
import type { Draft, NoteDrafts } from '$lib/realtime/drafts.svelte';
import type { NoteKind } from '$lib/workshop/doc';

export interface DraftBinding {
	/** The session's drafts, null until the board exists in this browser. */
	drafts: () => NoteDrafts | null;
	key: string;
	/** What the form holds now (read inside the effect, so typing is tracked). */
	current: () => { text: string; kind: NoteKind };
	/** Puts a kept draft back into the form (once, when the drafts first appear). */
	restore: (draft: Draft) => void;
	/** Whether a draft equal to this would be no change at all (an edit not yet made). */
	unchanged?: (text: string, kind: NoteKind) => boolean;
}

/**
 * Keeps a note form's text as a draft while it is typed and puts it back after a reload.
 * Call during a component's initialisation; clearing on send follows from the form emptying.
 */
export function keepDraft(binding: DraftBinding) {
	let checked: NoteDrafts | null = null;
	$effect(() => {
		const drafts = binding.drafts();
		if (!drafts) return;
		if (checked !== drafts) {
			checked = drafts;
			const saved = untrack(() => drafts.get(binding.key));
			if (saved) untrack(() => binding.restore(saved));
		}
		const { text, kind } = binding.current();
		untrack(() => {
			if (binding.unchanged?.(text, kind)) drafts.clear(binding.key);
			else drafts.set(binding.key, text, kind);
		});
	});
}
