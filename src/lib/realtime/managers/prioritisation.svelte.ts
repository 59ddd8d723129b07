import * as Y from 'yjs';
import { listAreas, areasMap, type Area } from '$lib/workshop/records/area';
import { insightsMap, listInsights } from '$lib/workshop/records/insight';
import {
	listPlacements,
	placementsMap,
	setPlacement,
	type Placement
} from '$lib/workshop/records/placement';
import { listRounds, roundsMap, type Round } from '$lib/workshop/records/round';
import {
	readDots,
	readScores,
	setDots,
	setScore,
	type ScoreValue
} from '$lib/workshop/records/score';
import type { PrivateConnection } from '../private-connection.svelte';
import { postWorkflow, type WorkflowResult } from '../workflow';

/**
 * Prioritisation in this browser: rounds, areas and placements from the shared board, and
 * this member's own scores in their private document, which only they and the server read.
 * Rounds are opened, closed and revealed through the server (POST …/rounds), never written here.
 */
export class BoardPrioritisation {
	#board: Y.Doc;
	#own: PrivateConnection;
	#roundsUrl: string;
	#rounds = $state.raw<Round[]>([]);
	#areas = $state.raw<Area[]>([]);
	#placements = $state.raw<ReadonlyMap<string, Placement>>(listPlacements(new Y.Doc()));
	#insightCounts = $state.raw<Readonly<Record<string, number>>>({});
	#readBoard = () => {
		this.#rounds = listRounds(this.#board);
		this.#areas = listAreas(this.#board);
		this.#placements = listPlacements(this.#board);
		const counts: Record<string, number> = {};
		for (const i of listInsights(this.#board)) {
			if (i.areaId !== null) counts[i.areaId] = (counts[i.areaId] ?? 0) + 1;
		}
		this.#insightCounts = counts;
	};

	constructor(board: Y.Doc, own: PrivateConnection, workshopId: string) {
		this.#board = board;
		this.#own = own;
		this.#roundsUrl = `/api/workshops/${workshopId}/rounds`;
		for (const map of [
			roundsMap(board),
			areasMap(board),
			placementsMap(board),
			insightsMap(board)
		]) {
			map.observeDeep(this.#readBoard);
		}
		this.#readBoard();
	}

	get rounds() {
		return this.#rounds;
	}
	get areas() {
		return this.#areas;
	}
	get placements() {
		return this.#placements;
	}
	insightsOf(areaId: string): number {
		return this.#insightCounts[areaId] ?? 0;
	}

	/** This member's score of an area in a round (reactive). */
	myScore(roundId: string, areaId: string): ScoreValue | undefined {
		return readScores(this.#own.doc, roundId).get(areaId);
	}

	score(roundId: string, areaId: string, axis: 'worth' | 'cost', value: number) {
		setScore(this.#own.doc, roundId, areaId, axis, value);
	}

	/** This member's dots in a round, by area (reactive). */
	myDots(roundId: string): Record<string, number> {
		return readDots(this.#own.doc, roundId);
	}

	/** Puts `count` of this member's dots on an area (the form keeps the round's limits). */
	setDots(roundId: string, areaId: string, count: number) {
		setDots(this.#own.doc, roundId, areaId, count);
	}

	/** Moves an area's final position in the matrix (null: back at its medians). */
	setFinal(areaId: string, final: { worth: number; cost: number } | null) {
		setPlacement(this.#board, areaId, { final });
	}

	setPrioritised(areaId: string, prioritised: boolean) {
		setPlacement(this.#board, areaId, { prioritised });
	}

	/** A facilitator's round action (open, close, reopen, reveal), carried out by the server. */
	act(body: Record<string, unknown>): Promise<WorkflowResult> {
		return postWorkflow(this.#roundsUrl, body);
	}

	destroy() {
		for (const map of [
			roundsMap(this.#board),
			areasMap(this.#board),
			placementsMap(this.#board),
			insightsMap(this.#board)
		]) {
			map.unobserveDeep(this.#readBoard);
		}
	}
}
