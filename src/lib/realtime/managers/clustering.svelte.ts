import * as Y from 'yjs';
import { clusterView, type ClusterView } from '$lib/workshop/analysis/perspectives';
import * as ops from '$lib/workshop/clustering';
import { promoteNote } from '$lib/workshop/insights-from-notes';
import * as areas from '$lib/workshop/records/area';
import {
	participantsMayMove,
	readSynonyms,
	setParticipantsMayMove,
	setSynonyms,
	stateMap
} from '$lib/workshop/records/board-state';
import { dismissedNotesMap } from '$lib/workshop/records/dismissed-note';
import * as insights from '$lib/workshop/records/insight';
import * as rejections from '$lib/workshop/records/rejected-suggestion';
import { rereadInsights, touchedInsights } from './insight-list';

/**
 * Insights and areas of one board as reactive state, and every command the clustering page
 * gives. Each command is one transaction with this browser's own origin, which is all this
 * person's undo manager tracks: undo and redo take back this person's changes only.
 */
export class BoardClustering {
	#doc: Y.Doc;
	/** This browser's origin for its own changes (what the undo manager tracks). */
	readonly origin = { clustering: true };
	#insights = $state.raw<insights.Insight[]>([]);
	#areas = $state.raw<areas.Area[]>([]);
	#mayMove = $state(false);
	#synonyms = $state.raw<string[][]>([]);
	// Replaced whole on every change, never mutated: a plain Set in raw state is enough.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#rejected = $state.raw<ReadonlySet<string>>(new Set());
	#canUndo = $state(false);
	#canRedo = $state(false);
	#undo: Y.UndoManager;
	// Built on the previous view, so what did not change keeps its objects and a move
	// re-renders only the two areas it touched (perspectives.ts).
	#lastView: ClusterView | undefined;
	#view = $derived.by(
		() => (this.#lastView = clusterView(this.#insights, this.#areas, this.#lastView))
	);
	// An insight that did not change keeps its object, so the page re-renders only the cards
	// whose insight changed (500 cards re-rendered per move made a move slow); and only the
	// insights a change touched are read again (insight-list.ts).
	#readInsights = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
		const map = insights.insightsMap(this.#doc);
		this.#insights = rereadInsights(this.#insights, touchedInsights(events, map), map);
	};
	#readAreas = () => (this.#areas = areas.listAreas(this.#doc));
	#readState = () => {
		this.#mayMove = participantsMayMove(this.#doc);
		const next = readSynonyms(this.#doc);
		if (JSON.stringify(next) !== JSON.stringify(this.#synonyms)) this.#synonyms = next;
	};
	#readRejected = () => (this.#rejected = rejections.rejectedSuggestions(this.#doc));
	#readStack = () => {
		this.#canUndo = this.#undo.canUndo();
		this.#canRedo = this.#undo.canRedo();
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		insights.insightsMap(doc).observeDeep(this.#readInsights);
		areas.areasMap(doc).observeDeep(this.#readAreas);
		stateMap(doc).observe(this.#readState);
		rejections.rejectedSuggestionsMap(doc).observe(this.#readRejected);
		// captureTimeout 0: every command is its own step, so one undo takes back one merge.
		// The dismissed notes go with the removal of their insight; rejections are undoable too.
		const scope = [
			insights.insightsMap(doc),
			areas.areasMap(doc),
			dismissedNotesMap(doc),
			rejections.rejectedSuggestionsMap(doc)
		];
		this.#undo = new Y.UndoManager(scope, {
			// The undo manager's own configuration, not reactive state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			trackedOrigins: new Set([this.origin]),
			captureTimeout: 0
		});
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
			this.#undo.on(event, this.#readStack);
		}
		this.#insights = insights.listInsights(this.#doc);
		this.#readAreas();
		this.#readState();
		this.#readRejected();
	}

	get view(): ClusterView {
		return this.#view;
	}
	get insights(): insights.Insight[] {
		return this.#insights;
	}
	get areas(): areas.Area[] {
		return this.#areas;
	}
	get participantsMayMove(): boolean {
		return this.#mayMove;
	}
	get synonyms(): string[][] {
		return this.#synonyms;
	}
	/** Keys of the suggested groups a facilitator rejected (rejected-suggestion.ts). */
	get rejected(): ReadonlySet<string> {
		return this.#rejected;
	}
	get canUndo(): boolean {
		return this.#canUndo;
	}
	get canRedo(): boolean {
		return this.#canRedo;
	}

	undo = () => this.#undo.undo() !== null;
	redo = () => this.#undo.redo() !== null;

	createArea(name: string, parentId: string | null = null) {
		return areas.createArea(this.#doc, { name, parentId }, this.origin);
	}
	renameArea(id: string, name: string) {
		return areas.renameArea(this.#doc, id, name, this.origin);
	}
	reorderArea(id: string, index: number) {
		return areas.reorderArea(this.#doc, id, index, this.origin);
	}
	nudgeArea(id: string, delta: -1 | 1) {
		return areas.nudgeArea(this.#doc, id, delta, this.origin);
	}
	mergeAreas(intoId: string, fromId: string) {
		return ops.mergeAreas(this.#doc, intoId, fromId, this.origin);
	}
	splitArea(fromId: string, insightIds: readonly string[], name: string) {
		return ops.splitArea(this.#doc, fromId, insightIds, name, this.origin);
	}
	deleteArea(id: string) {
		return ops.deleteArea(this.#doc, id, this.origin);
	}
	acceptSuggestion(name: string, ids: readonly string[]) {
		return ops.acceptSuggestion(this.#doc, name, ids, this.origin);
	}
	rejectSuggestion(ids: readonly string[]) {
		rejections.rejectSuggestion(this.#doc, ids, this.origin);
	}
	forgetRejections(keys?: Iterable<string>) {
		rejections.forgetRejections(this.#doc, keys, this.origin);
	}
	/** Moves an insight one step up (-1) or down (+1) in its area: the keyboard path. */
	nudgeInsight(id: string, delta: -1 | 1) {
		return insights.nudgeInsight(this.#doc, id, delta, this.origin);
	}
	moveInsight(id: string, areaId: string | null, index?: number) {
		return insights.moveInsight(this.#doc, id, areaId, index, this.origin);
	}
	promoteNote(noteId: string, by: string) {
		return promoteNote(this.#doc, noteId, by, this.origin);
	}
	writeInsight(text: string, by: string) {
		if (text.trim() === '') return null;
		return insights.addInsight(this.#doc, { text, source: 'written', createdBy: by }, this.origin);
	}
	editInsight(id: string, text: string) {
		return insights.editInsight(this.#doc, id, text, this.origin);
	}
	mergeInsights(keepId: string, duplicateId: string) {
		return insights.mergeInsights(this.#doc, keepId, duplicateId, this.origin);
	}
	removeInsight(id: string) {
		return insights.removeInsight(this.#doc, id, this.origin);
	}
	setParticipantsMayMove(allowed: boolean) {
		setParticipantsMayMove(this.#doc, allowed, this.origin);
	}
	setSynonyms(groups: string[][]) {
		setSynonyms(this.#doc, groups, this.origin);
	}

	destroy() {
		insights.insightsMap(this.#doc).unobserveDeep(this.#readInsights);
		areas.areasMap(this.#doc).unobserveDeep(this.#readAreas);
		stateMap(this.#doc).unobserve(this.#readState);
		rejections.rejectedSuggestionsMap(this.#doc).unobserve(this.#readRejected);
		this.#undo.destroy();
	}
}
