import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
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
import { dotsMap, readDots, setDots } from '$lib/workshop/records/score';
import { refileIdeas } from '$lib/workshop/ideas-refile';
import { prioritisedAreas } from '$lib/workshop/ideas-view';
import { privateRoom } from '$lib/workshop/rooms';

/**
 * The idea generation in this browser: prioritised areas, their "Hur kan vi …?", ideas,
 * idea rounds and the actions made of ideas from the shared board; and this member's own
 * silent-round ideas and dots in their private document, which only they and the server read.
 * Rounds are started and revealed through the server (POST …/idea-rounds), never written here.
 */
export class BoardIdeas {
	#board: Y.Doc;
	#own!: Y.Doc;
	#provider!: WebsocketProvider;
	#room: string;
	#restarts = 0;
	#areas = $state.raw<Area[]>([]);
	#questions = $state.raw<Readonly<Record<string, string>>>({});
	#ideas = $state.raw<Idea[]>([]);
	#rounds = $state.raw<IdeaRound[]>([]);
	#actions = $state.raw<Action[]>([]);
	#mine = $state.raw<Idea[]>([]);
	#ownVersion = $state(0);
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
	#readOwn = () => {
		this.#mine = listIdeas(this.#own);
		this.#ownVersion += 1;
	};
	#boardMaps: Y.Map<Y.Map<unknown>>[];

	constructor(board: Y.Doc, workshopId: string, membershipId: string) {
		this.#board = board;
		this.#boardMaps = [
			areasMap(board),
			placementsMap(board),
			goalsMap(board),
			ideasMap(board),
			ideaRoundsMap(board),
			actionsMap(board)
		];
		for (const map of this.#boardMaps) map.observeDeep(this.#readBoard);
		this.#room = privateRoom(workshopId, membershipId);
		this.#connectOwn();
		this.#readBoard();
	}

	#connectOwn() {
		this.#own = new Y.Doc();
		ideasMap(this.#own).observeDeep(this.#readOwn);
		dotsMap(this.#own).observe(this.#readOwn);
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		this.#provider = new WebsocketProvider(
			`${protocol}//${location.host}/ws`,
			this.#room,
			this.#own
		);
		this.#provider.on('closed', this.#onClosed);
		this.#readOwn();
	}

	/**
	 * The server refused a private write (an idea typed just as the round was revealed, a dot
	 * after the vote closed): y-websocket stops there. Start over from the server's copy, a few
	 * times at most, rather than leave the page unable to write; the ideas this browser held
	 * that the server did not take are written again, privately or into the board, so none is
	 * lost (a dot after the close is meant to be lost).
	 */
	#onClosed = ({ code }: { code: number }) => {
		if (code !== 4403 || this.#restarts >= 3) return;
		this.#restarts += 1;
		const held = listIdeas(this.#own);
		this.#disconnectOwn();
		this.#connectOwn();
		// Whatever the server did not take is written again where it may go now (ideas-refile.ts).
		const provider = this.#provider;
		const refile = (synced: boolean) => {
			if (!synced || provider !== this.#provider) return;
			provider.off('sync', refile);
			const { toPrivate, toBoard } = refileIdeas(
				held,
				listIdeas(this.#own).map((i) => i.id),
				ideasMap(this.#board).keys(),
				(areaId) => this.silentRound(areaId) !== undefined
			);
			for (const idea of toPrivate) addIdea(this.#own, asNew(idea));
			for (const idea of toBoard) addIdea(this.#board, asNew(idea));
		};
		provider.on('sync', refile);
	};

	#disconnectOwn() {
		this.#provider.off('closed', this.#onClosed);
		this.#provider.destroy();
		this.#own.destroy();
	}

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
		return addIdea(silent ? this.#own : this.#board, input);
	}
	edit(id: string, text: string, silent: boolean) {
		return editIdea(silent ? this.#own : this.#board, id, text);
	}
	remove(id: string, silent: boolean) {
		return removeIdea(silent ? this.#own : this.#board, id);
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
		void this.#ownVersion;
		return readDots(this.#own, roundId);
	}
	setDots(roundId: string, ideaId: string, dots: number) {
		setDots(this.#own, roundId, ideaId, dots);
	}

	destroy() {
		for (const map of this.#boardMaps) map.unobserveDeep(this.#readBoard);
		this.#disconnectOwn();
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
	}
});
