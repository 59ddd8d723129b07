import type * as Y from 'yjs';
import { appendLine, moveLine, removeLine, setLine } from '$lib/workshop/lines';
import { readSummary, summaryMap, writeSummary, type Summary } from '$lib/workshop/records/summary';

export type SummaryList = keyof Summary;

/**
 * The sammanfattning in this browser: the bullets and next steps read live, and the
 * facilitator's line edits. Each edit starts from the list as the board holds it now, so a
 * line another facilitator changed a moment ago is kept (the list is one value, last writer
 * wins, so only truly simultaneous edits can overwrite each other).
 */
export class BoardSummary {
	#doc: Y.Doc;
	#summary = $state.raw<Summary>({ bullets: [], nextSteps: [] });
	#read = () => {
		this.#summary = readSummary(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		summaryMap(doc).observe(this.#read);
		this.#read();
	}

	get bullets() {
		return this.#summary.bullets;
	}
	get nextSteps() {
		return this.#summary.nextSteps;
	}

	#edit(list: SummaryList, edit: (lines: string[]) => string[]) {
		writeSummary(this.#doc, { [list]: edit(readSummary(this.#doc)[list]) });
	}

	/** Adds a line at the end; false when it is empty (an empty line is not stored). */
	add(list: SummaryList, text: string): boolean {
		if (text.trim() === '') return false;
		this.#edit(list, (lines) => appendLine(lines, text));
		return true;
	}

	/**
	 * Rewrites one line; an emptied line is removed. `was` is the line as it read when the
	 * edit began: if others moved lines meanwhile the edit follows it to its new place, and if
	 * they removed it the text comes back at the end rather than being lost.
	 */
	set(list: SummaryList, index: number, text: string, was?: string) {
		this.#edit(list, (lines) => {
			if (was === undefined || lines[index] === was) return setLine(lines, index, text);
			const at = lines.indexOf(was);
			return at >= 0 ? setLine(lines, at, text) : appendLine(lines, text);
		});
	}

	remove(list: SummaryList, index: number) {
		this.#edit(list, (lines) => removeLine(lines, index));
	}

	move(list: SummaryList, index: number, delta: -1 | 1) {
		this.#edit(list, (lines) => moveLine(lines, index, delta));
	}

	destroy() {
		summaryMap(this.#doc).unobserve(this.#read);
	}
}
