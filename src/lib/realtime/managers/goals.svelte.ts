import type { Attachment } from 'svelte/attachments';
import type * as Y from 'yjs';
import { bindText } from '../text-binding';
import type { NoteAuthor } from '$lib/workshop/doc';
import {
	participantsMayComment,
	setParticipantsMayComment,
	stateMap
} from '$lib/workshop/records/board-state';
import {
	editGoalText,
	goalsMap,
	readGoal,
	writeGoal,
	type Goal,
	type GoalTextField
} from '$lib/workshop/records/goal';
import {
	addGoalComment,
	goalCommentsMap,
	listGoalComments,
	removeGoalComment,
	type GoalComment
} from '$lib/workshop/records/goal-comment';

/**
 * The målbild of each area and the comments on it, read live from the board, and the
 * commands that write them. The server's judge decides who may write what.
 */
export class BoardGoals {
	#doc: Y.Doc;
	/** Bumped on every change: goals and comments are small and read per area on demand. */
	#goals = $state(0);
	#comments = $state(0);
	#mayComment = $state(false);
	#seen = 0;
	#readGoals = () => {
		this.#goals = ++this.#seen;
	};
	#readComments = () => {
		this.#comments = ++this.#seen;
	};
	#readState = () => {
		this.#mayComment = participantsMayComment(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		goalsMap(doc).observeDeep(this.#readGoals);
		goalCommentsMap(doc).observeDeep(this.#readComments);
		stateMap(doc).observe(this.#readState);
		this.#readState();
	}

	/** The målbild of an area (reactive). */
	goal(areaId: string): Goal {
		void this.#goals;
		return readGoal(this.#doc, areaId);
	}

	write(areaId: string, change: Partial<Goal>) {
		writeGoal(this.#doc, areaId, change);
	}

	/**
	 * Binds a field to an area's collaborative summary or question: every keystroke is written
	 * at once and merged with others' typing (text-binding.ts).
	 */
	textField(
		areaId: string,
		field: GoalTextField
	): Attachment<HTMLTextAreaElement | HTMLInputElement> {
		return (el) => {
			const doc = this.#doc;
			return bindText(
				el,
				goalsMap(doc),
				() => goalsMap(doc).get(areaId)?.get(field),
				(value, caret) => editGoalText(doc, areaId, field, value, caret)
			);
		};
	}

	/** The comments on an area's målbild, oldest first (reactive). */
	comments(areaId: string): GoalComment[] {
		void this.#comments;
		return listGoalComments(this.#doc, areaId);
	}

	/** Whether participants may comment (facilitators always may). */
	get participantsMayComment(): boolean {
		return this.#mayComment;
	}

	setParticipantsMayComment(allowed: boolean) {
		setParticipantsMayComment(this.#doc, allowed);
	}

	/** Adds a comment; null when the text is empty. */
	comment(areaId: string, text: string, author: NoteAuthor): string | null {
		return addGoalComment(this.#doc, { areaId, text, author });
	}

	removeComment(id: string) {
		removeGoalComment(this.#doc, id);
	}

	destroy() {
		goalsMap(this.#doc).unobserveDeep(this.#readGoals);
		goalCommentsMap(this.#doc).unobserveDeep(this.#readComments);
		stateMap(this.#doc).unobserve(this.#readState);
	}
}
