import type * as Y from 'yjs';
import { actionsMap, addAction, listActions, type Action } from '$lib/workshop/records/action';
import { areasMap, listAreas, type Area } from '$lib/workshop/records/area';
import { goalsMap, readGoal } from '$lib/workshop/records/goal';
import {
	addIdea,
	editIdea,
	groupIdea,
	ideasMap,
	listIdeas,
	removeIdea,
	type Idea,
	type NewIdea
} from '$lib/workshop/records/idea';
import {
	ideaRoundsMap,
	listIdeaRounds,
	silentRoundOf,
	type IdeaRound
} from '$lib/workshop/records/idea-round';
import { listPlacements, placementsMap } from '$lib/workshop/records/placement';
import { readDots, setDots } from '$lib/workshop/records/score';
import { refileIdeas } from '$lib/workshop/ideas-refile';
import { prioritisedAreas } from '$lib/workshop/ideas-view';
import type { PrivateConnection } from '../private-connection.svelte';
import { postWorkflow, type WorkflowResult } from '../workflow';

/**
 * The idea generation in this browser: prioritised areas, their "Hur kan vi …?", ideas,
 * idea rounds and the actions made of ideas from the shared board; and this member's own
 * silent-round ideas and dots in their private document, which only they and the server read.
 * Rounds are started and revealed through the server (POST …/idea-rounds), never written here.
 */
export class BoardIdeas {
	#board: Y.Doc;
	#own: PrivateConnection;
	#roundsUrl: string;
	#areas = $state.raw<Area[]>([]);
	#questions = $state.raw<Readonly<Record<string, string>>>({});
	#ideas = $state.raw<Idea[]>([]);
	#rounds = $state.raw<IdeaRound[]>([]);
	#actions = $state.raw<Action[]>([]);
	#mine = $derived(listIdeas(this.#ownDoc()));
	#readBoard = () => {
		this.#areas = prioritisedAreas(
			listAreas(this.#board).filter((a) => a.parentId === null),
			listPlacements(this.#board)
		);
		const questions: Record<string, string> = {};
		for (const a of this.#areas) questions[a.id] = readGoal(this.#board, a.id).question.trim();
		this.#questions = questions;
		this.#ideas = listIdeas(this.#board);
		this.#rounds = listIdeaRounds(this.#board);
		this.#actions = listActions(this.#board);
	};
	#boardMaps: Y.Map<Y.Map<unknown>>[];
	#offRecovered: () => void;

	constructor(board: Y.Doc, own: PrivateConnection, workshopId: string) {
		this.#board = board;
		this.#own = own;
		this.#roundsUrl = `/api/workshops/${workshopId}/idea-rounds`;
		this.#boardMaps = [
			areasMap(board),
			placementsMap(board),
			goalsMap(board),
			ideasMap(board),
			ideaRoundsMap(board),
			actionsMap(board)
		];
		for (const map of this.#boardMaps) map.observeDeep(this.#readBoard);
		this.#offRecovered = own.onRecovered(this.#refile);
		this.#readBoard();
	}

	#ownDoc(): Y.Doc {
		return this.#own.doc;
	}

	/**
	 * The server refused a private write (an idea typed just as the round was revealed) and the
	 * private document started over from its copy: the ideas this browser held that the server
	 * did not take are written again, privately or into the board, so none is lost (a dot after
	 * the vote closed is meant to be lost).
	 */
	#refile = (held: Y.Doc) => {
		const own = this.#own.doc;
		const { toPrivate, toBoard } = refileIdeas(
			listIdeas(held),
			listIdeas(own).map((i) => i.id),
			ideasMap(this.#board).keys(),
			(areaId) => this.silentRound(areaId) !== undefined
		);
		for (const idea of toPrivate) addIdea(own, asNew(idea));
		for (const idea of toBoard) addIdea(this.#board, asNew(idea));
	};

	/** The prioritised top-level areas. */
	get areas() {
		return this.#areas;
	}
	question(areaId: string): string {
		return this.#questions[areaId] ?? '';
	}
	ideasOf(areaId: string): Idea[] {
		return this.#ideas.filter((i) => i.areaId === areaId);
	}
	/** This member's ideas of a silent round not yet revealed. */
	myPrivateIdeas(areaId: string): Idea[] {
		return this.#mine.filter((i) => i.areaId === areaId);
	}
	get rounds() {
		return this.#rounds;
	}
	silentRound(areaId: string) {
		return silentRoundOf(this.#rounds, areaId);
	}
	actionOf(ideaId: string): Action | undefined {
		return this.#actions.find((a) => a.ideaId === ideaId);
	}

	/** Adds an idea: into the private document while a silent round is open (participants). */
	add(input: NewIdea, silent: boolean): string {
		return addIdea(silent ? this.#own.doc : this.#board, input);
	}
	edit(id: string, text: string, silent: boolean) {
		return editIdea(silent ? this.#own.doc : this.#board, id, text);
	}
	remove(id: string, silent: boolean) {
		return removeIdea(silent ? this.#own.doc : this.#board, id);
	}
	group(id: string, label: string | null) {
		return groupIdea(this.#board, id, label);
	}
	/** "Gör till åtgärd": an action in the area's plan proposing the idea, linked to it. */
	toAction(idea: Idea): string {
		return addAction(this.#board, { areaId: idea.areaId, ideaId: idea.id, proposal: idea.text });
	}

	/** This member's dots in a dot vote, by idea (reactive). */
	myDots(roundId: string): Record<string, number> {
		return readDots(this.#own.doc, roundId);
	}
	setDots(roundId: string, ideaId: string, dots: number) {
		setDots(this.#own.doc, roundId, ideaId, dots);
	}

	/** A facilitator's round action (silent, reveal, dots), carried out by the server. */
	act(body: Record<string, unknown>): Promise<WorkflowResult> {
		return postWorkflow(this.#roundsUrl, body);
	}

	destroy() {
		for (const map of this.#boardMaps) map.unobserveDeep(this.#readBoard);
		this.#offRecovered();
	}
}

/** An idea written again with its own id and provenance. */
const asNew = (idea: Idea): NewIdea => ({
	id: idea.id,
	text: idea.text,
	areaId: idea.areaId,
	author: {
		id: idea.authorId,
		name: idea.authorName,
		profession: idea.profession,
		organisation: idea.organisation
	},
	...(idea.canvasKey === undefined ? {} : { canvasKey: idea.canvasKey })
});
