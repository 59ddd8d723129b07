import type { Attachment } from 'svelte/attachments';
import type * as Y from 'yjs';
import { byId, movedOrder, prioritisedAreas } from '$lib/workshop/action-plan';
import {
	actionsMap,
	addAction,
	editActionText,
	listActions,
	removeAction,
	updateAction,
	type Action,
	type ActionChange,
	type ActionCollaborativeField
} from '$lib/workshop/records/action';
import { areasMap, listAreas, type Area } from '$lib/workshop/records/area';
import { carriedMap, listCarried, type Carried } from '$lib/workshop/records/carried';
import { goalsMap, readGoal, type Goal } from '$lib/workshop/records/goal';
import { ideasMap, listIdeas, type Idea } from '$lib/workshop/records/idea';
import { listPlacements, placementsMap } from '$lib/workshop/records/placement';
import { bindText } from '../text-binding';

/**
 * The action plan in this browser: the prioritised areas with their målbild, every action,
 * and the ideas actions were made from, read live from the board; and the facilitator's
 * commands that write actions. The server's judge refuses those writes from anyone else.
 */
export class BoardActionPlan {
	#doc: Y.Doc;
	#areas = $state.raw<Area[]>([]);
	#prioritised = $state.raw<Area[]>([]);
	#actions = $state.raw<Action[]>([]);
	#goals = $state.raw<ReadonlyMap<string, Goal & { id: string }>>(byId([]));
	#ideas = $state.raw<ReadonlyMap<string, Idea>>(byId([]));
	#carried = $state.raw<ReadonlyMap<string, Carried>>(byId([]));
	#maps: Y.Map<Y.Map<unknown>>[];

	#readAreas = () => {
		this.#areas = listAreas(this.#doc);
		this.#prioritised = prioritisedAreas(this.#areas, listPlacements(this.#doc));
		this.#readGoals();
	};
	#readActions = () => {
		this.#actions = listActions(this.#doc);
	};
	#readGoals = () => {
		this.#goals = byId(this.#prioritised.map((a) => ({ id: a.id, ...readGoal(this.#doc, a.id) })));
	};
	#readIdeas = () => {
		this.#ideas = byId(listIdeas(this.#doc));
	};
	#readCarried = () => {
		this.#carried = listCarried(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#maps = [
			areasMap(doc),
			placementsMap(doc),
			actionsMap(doc),
			goalsMap(doc),
			ideasMap(doc),
			carriedMap(doc)
		];
		this.#maps[0]!.observeDeep(this.#readAreas);
		this.#maps[1]!.observeDeep(this.#readAreas);
		this.#maps[2]!.observeDeep(this.#readActions);
		this.#maps[3]!.observeDeep(this.#readGoals);
		this.#maps[4]!.observeDeep(this.#readIdeas);
		this.#maps[5]!.observe(this.#readCarried);
		this.#readAreas();
		this.#readActions();
		this.#readIdeas();
		this.#readCarried();
	}

	/** Every area, prioritised or not (the follow-up names an action's area from these). */
	get areas() {
		return this.#areas;
	}
	/** The areas that get an action plan, in the areas' order. */
	get prioritised() {
		return this.#prioritised;
	}
	/** Every action, of every area, in plan order. */
	get actions() {
		return this.#actions;
	}
	actionsOf(areaId: string): Action[] {
		return this.#actions.filter((a) => a.areaId === areaId);
	}
	goalOf(areaId: string): Goal | undefined {
		return this.#goals.get(areaId);
	}
	/** Where an area or action came from, when a workshop in a series carried it here. */
	carriedOf(id: string): Carried | undefined {
		return this.#carried.get(id);
	}
	idea(id: string | null): Idea | undefined {
		return id === null ? undefined : this.#ideas.get(id);
	}

	/** A new, empty action at the end of an area's plan; its id. */
	add(areaId: string): string {
		return addAction(this.#doc, { areaId });
	}

	/** Saves the fields that changed; the others stay as anyone else last wrote them. */
	update(id: string, change: ActionChange) {
		updateAction(this.#doc, id, change);
	}

	/**
	 * Binds a text field to one free-text field of an action: each keystroke is written as the
	 * characters that changed, and two people typing in it at once both keep their text.
	 */
	textField(
		id: string,
		field: ActionCollaborativeField
	): Attachment<HTMLTextAreaElement | HTMLInputElement> {
		return (el) => {
			const map = actionsMap(this.#doc).get(id);
			if (!map) return;
			return bindText(
				el,
				map,
				() => map.get(field),
				(value, caret) => editActionText(this.#doc, id, field, value, caret)
			);
		};
	}

	/** Moves an action one place up (-1) or down (1) in its area's plan; false at an end. */
	move(id: string, delta: -1 | 1): boolean {
		const action = this.#actions.find((a) => a.id === id);
		if (!action) return false;
		const order = movedOrder(listActions(this.#doc, action.areaId), id, delta);
		if (order === null) return false;
		updateAction(this.#doc, id, { order });
		return true;
	}

	remove(id: string) {
		removeAction(this.#doc, id);
	}

	destroy() {
		this.#maps[0]!.unobserveDeep(this.#readAreas);
		this.#maps[1]!.unobserveDeep(this.#readAreas);
		this.#maps[2]!.unobserveDeep(this.#readActions);
		this.#maps[3]!.unobserveDeep(this.#readGoals);
		this.#maps[4]!.unobserveDeep(this.#readIdeas);
		this.#maps[5]!.unobserve(this.#readCarried);
	}
}
