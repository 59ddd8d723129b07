import type * as Y from 'yjs';
import { stickiesByArea, type Sticky } from '$lib/workshop/canvas-view';
import {
	canvasMap,
	placeIdeaOnCanvas,
	readCanvasRecord,
	canvasShapeText,
	canvasStepCondition,
	type CanvasAuthor
} from '$lib/workshop/records/canvas-shape';
import { agendaMap } from '$lib/workshop/records/agenda';
import { facilitationMap } from '$lib/workshop/records/facilitation';
import { addIdea, ideasMap, listIdeas } from '$lib/workshop/records/idea';

/**
 * The canvases' stickies in this browser, beside tldraw (which only the canvas route loads):
 * each area's stickies as text, the ideas made of them, and the two ways canvas and ideas meet,
 * a sticky becoming an idea and an idea placed on the canvas. The drawing itself is synced by
 * canvas-binding.ts.
 */
export class BoardCanvas {
	#doc: Y.Doc;
	#stickies = $state.raw<Readonly<Record<string, Sticky[]>>>({});
	#stepAllows = $state(true);
	#readStep = () => {
		this.#stepAllows = canvasStepCondition(this.#doc) === null;
	};
	#read = () => {
		this.#stickies = stickiesByArea(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		canvasMap(doc).observeDeep(this.#read);
		ideasMap(doc).observeDeep(this.#read);
		facilitationMap(doc).observe(this.#readStep);
		agendaMap(doc).observeDeep(this.#readStep);
		this.#read();
		this.#readStep();
	}

	/** Whether the current step lets participants draw (none current, or an ideas step). */
	get stepAllows(): boolean {
		return this.#stepAllows;
	}

	/** The stickies on an area's canvas, oldest first (reactive). */
	stickiesOf(areaId: string): Sticky[] {
		return this.#stickies[areaId] ?? [];
	}

	/**
	 * Makes a sticky an idea of its area, in its author's name and with its provenance
	 * (`canvasKey`); null when the sticky is gone, holds no text or already became an idea.
	 */
	toIdea(key: string): string | null {
		const sticky = readCanvasRecord(this.#doc, key);
		if (!sticky || sticky.shape.type !== 'note') return null;
		const text = canvasShapeText(sticky.shape);
		if (text === '' || listIdeas(this.#doc).some((i) => i.canvasKey === key)) return null;
		return addIdea(this.#doc, {
			text,
			areaId: sticky.areaId,
			canvasKey: key,
			author: {
				id: sticky.authorId,
				name: sticky.authorName,
				profession: sticky.profession,
				organisation: sticky.organisation
			}
		});
	}

	/** Places an idea's text on its area's canvas as a sticky drawn by `author`. */
	placeIdea(idea: { areaId: string; text: string }, author: CanvasAuthor): string {
		return placeIdeaOnCanvas(this.#doc, { areaId: idea.areaId, text: idea.text, author });
	}

	destroy() {
		canvasMap(this.#doc).unobserveDeep(this.#read);
		ideasMap(this.#doc).unobserveDeep(this.#read);
		facilitationMap(this.#doc).unobserve(this.#readStep);
		agendaMap(this.#doc).unobserveDeep(this.#readStep);
	}
}
