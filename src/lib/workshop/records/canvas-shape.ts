import * as Y from 'yjs';
import { z } from 'zod';
import {
	authoredFields,
	authoredFixed,
	authoredOwner,
	authoredRefs,
	authoredText,
	signedByAuthor
} from './authored';
import { declareRecord, idSchema, orderSchema, type RecordValue } from './declare';
import { listPlacements } from './placement';
import { facilitationField } from './facilitation';
import { listSteps } from './agenda';
import type { Organisation, Profession } from '../people';
import { newId } from '../ids';
import { orderAfter } from './order-keys';

/**
 * A shape on the free canvas of a prioritised area (method step 9: "on notes and on a free
 * canvas"): one tldraw shape record, keyed by its tldraw id without the `shape:` prefix, with the
 * area it is drawn on and the member who drew it. Its owner moves, edits and deletes it;
 * facilitators any. Only shapes are shared: tldraw's camera, selection, pointer and page records
 * stay in each browser, and every shape sits on the one page (no frames or groups, which would
 * make shapes point at each other).
 *
 *   doc.getMap('canvas'): Y.Map<shapeKey, Y.Map<{ areaId, shape, authorId, authorName,
 *     profession, organisation, createdAt }>>
 *
 * `shape` is the tldraw record without its id, typeName and parentId (the key and the page say
 * those), so nothing in it points at another record.
 */
export const CANVAS_SHAPE_TYPES = [
	'note',
	'geo',
	'text',
	'arrow',
	'draw',
	'line',
	'highlight'
] as const;
export type CanvasShapeType = (typeof CANVAS_SHAPE_TYPES)[number];

/** A shape's props as JSON, at most: a long pen stroke is a few kilobytes. */
export const CANVAS_PROPS_MAX = 32_768;
/**
 * How deep a shape's props may nest objects and lists. tldraw's deepest is rich text: a list in
 * a list adds four levels, so this leaves room for a dozen; a deeper value is no honest shape,
 * and one nested thousands deep would be read by the server yet might exhaust a smaller
 * browser's stack while it opens the board, so nobody could open it.
 */
export const CANVAS_PROPS_DEPTH = 64;
/** Shapes one participant may hold on the canvases of one workshop. */
export const CANVAS_SHAPES_PER_MEMBER = 2_000;
/** How far from the origin a shape may sit, either way (tldraw's page units). */
export const CANVAS_EXTENT = 1_000_000;

const coordinate = z.number().finite().min(-CANVAS_EXTENT).max(CANVAS_EXTENT);

/** The JSON a props object takes, or null when it is not plain JSON. */
function jsonLength(value: unknown): number | null {
	try {
		return JSON.stringify(value).length;
	} catch {
		return null;
	}
}

/** Whether `value` nests objects or lists deeper than `max` (walked without recursion). */
export function nestsDeeper(value: unknown, max: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 0]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop()!;
		if (typeof node !== 'object' || node === null) continue;
		if (depth + 1 > max) return true;
		for (const child of Object.values(node)) stack.push([child, depth + 1]);
	}
	return false;
}

export const canvasShapeSchema = z
	.object({
		type: z.enum(CANVAS_SHAPE_TYPES),
		x: coordinate,
		y: coordinate,
		rotation: z
			.number()
			.finite()
			.min(-8 * Math.PI)
			.max(8 * Math.PI),
		/** tldraw's fractional index (base 62), its order on the page. */
		index: orderSchema,
		isLocked: z.boolean(),
		opacity: z.number().min(0).max(1),
		props: z
			.record(z.string().max(40), z.unknown())
			.refine(
				(props) => !nestsDeeper(props, CANVAS_PROPS_DEPTH),
				`props nest at most ${CANVAS_PROPS_DEPTH} levels`
			)
			.refine((props) => {
				const length = jsonLength(props);
				return length !== null && length <= CANVAS_PROPS_MAX;
			}, `props are JSON of at most ${CANVAS_PROPS_MAX} characters`)
	})
	.strict();
export type CanvasShape = z.infer<typeof canvasShapeSchema>;

/** A tldraw shape id's own part (tldraw makes 21 characters of A–Z a–z 0–9 _ -). */
export const canvasKeySchema = idSchema;

/**
 * A participant draws on the canvas while no step is current, or while the current step is the
 * ideas step; a reason when not.
 */
export function canvasStepCondition(before: Y.Doc): string | null {
	const stepId = facilitationField(before, 'stepId');
	if (stepId === null) return null;
	const step = listSteps(before).find((s) => s.id === stepId);
	return step && step.kind !== 'ideas' ? 'the canvas is open in the ideas step' : null;
}

export const canvasShapeRecord = declareRecord({
	name: 'canvas shape',
	root: 'canvas',
	shape: 'collection',
	key: canvasKeySchema,
	fields: {
		areaId: idSchema,
		shape: canvasShapeSchema,
		...authoredFields
	},
	// Every string in a shape (a sticky's words, a label) is text someone typed.
	text: ['shape', ...authoredText],
	refs: { areaId: 'areas', ...authoredRefs },
	hidden: false,
	create: ['facilitator', 'owner'],
	createWhen: canvasStepCondition,
	change: { shape: ['facilitator', 'owner'] },
	when: { shape: canvasStepCondition },
	conditions: {
		create: 'no step is current, or the current step is an ideas step',
		change: { shape: 'no step is current, or the current step is an ideas step' }
	},
	fixed: ['areaId', ...authoredFixed],
	remove: ['facilitator', 'owner'],
	...authoredOwner,
	check(get, writer, before) {
		// A sticky that becomes an idea carries its author's provenance: the author's own.
		const unsigned = signedByAuthor(get, writer, 'a canvas shape');
		if (unsigned) return unsigned;
		if (listPlacements(before).get(get('areaId') as string)?.prioritised !== true) {
			return 'the canvas belongs to a prioritised area';
		}
		return null;
	},
	checks: 'the area is prioritised; signed with the author’s own name or none',
	perOwner: CANVAS_SHAPES_PER_MEMBER
});

export interface CanvasRecord extends RecordValue<typeof canvasShapeRecord> {
	/** The tldraw id's own part (the record's key). */
	key: string;
}

export const canvasMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('canvas');

const recordSchema = z.object(canvasShapeRecord.fields);

/** One well-formed canvas record, or null. */
export function readCanvasRecord(doc: Y.Doc, key: string): CanvasRecord | null {
	const map = canvasMap(doc).get(key);
	if (!(map instanceof Y.Map)) return null;
	const parsed = recordSchema.safeParse(map.toJSON());
	return parsed.success ? { key, ...parsed.data } : null;
}

/** Every well-formed shape (of one area, when given), oldest first. */
export function listCanvas(doc: Y.Doc, areaId?: string): CanvasRecord[] {
	const out: CanvasRecord[] = [];
	canvasMap(doc).forEach((map, key) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = recordSchema.safeParse(map.toJSON());
		if (!parsed.success) return;
		if (areaId === undefined || parsed.data.areaId === areaId) out.push({ key, ...parsed.data });
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : 1));
}

/** Draws a shape (or, for a key that exists, replaces the drawing; the owner stays). */
export interface CanvasAuthor {
	id: string;
	name: string | null;
	profession: Profession;
	organisation: Organisation;
}

export function putCanvasShape(
	doc: Y.Doc,
	input: { key: string; areaId: string; shape: CanvasShape; author: CanvasAuthor; now?: number },
	origin?: unknown
): void {
	doc.transact(() => {
		const existing = canvasMap(doc).get(input.key);
		if (existing instanceof Y.Map) {
			existing.set('shape', input.shape);
			return;
		}
		const map = new Y.Map<unknown>();
		canvasMap(doc).set(input.key, map);
		map.set('areaId', input.areaId);
		map.set('shape', input.shape);
		map.set('authorId', input.author.id);
		map.set('authorName', input.author.name);
		map.set('profession', input.author.profession);
		map.set('organisation', input.author.organisation);
		map.set('createdAt', input.now ?? Date.now());
	}, origin);
}

export function removeCanvasShape(doc: Y.Doc, key: string, origin?: unknown): boolean {
	if (!canvasMap(doc).has(key)) return false;
	doc.transact(() => canvasMap(doc).delete(key), origin);
	return true;
}

/**
 * The plain text of a shape: a sticky's, text's or label's words (tldraw keeps them as rich
 * text, a ProseMirror document: paragraphs of text nodes), paragraphs on lines of their own.
 */
export function canvasShapeText(shape: Pick<CanvasShape, 'props'>): string {
	const rich = shape.props.richText;
	const lines: string[] = [];
	const walk = (node: unknown, line: string[]): void => {
		if (typeof node !== 'object' || node === null) return;
		const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
		if (type === 'text' && typeof text === 'string') line.push(text);
		if (type === 'hardBreak') line.push('\n');
		if (!Array.isArray(content)) return;
		if (type === 'doc' || type === 'bulletList' || type === 'orderedList' || type === 'listItem') {
			for (const child of content) walk(child, line);
			return;
		}
		if (type === 'paragraph' || type === 'heading') {
			const own: string[] = [];
			for (const child of content) walk(child, own);
			lines.push(own.join(''));
			return;
		}
		for (const child of content) walk(child, line);
	};
	walk(rich, []);
	return lines.join('\n').trim();
}

/** A sticky's text as rich text, the way tldraw writes it. */
export function richTextOf(text: string) {
	return {
		type: 'doc',
		content: text.split('\n').map((line) => ({
			type: 'paragraph',
			...(line === '' ? {} : { content: [{ type: 'text', text: line }] })
		}))
	};
}

/** A sticky's size on the canvas (tldraw's note is 200 × 200 at scale 1). */
const STICKY_SIZE = 200;
const STICKY_GAP = 40;

/** A sticky holding `text`, with tldraw's own defaults for a note. */
export function stickyShape(
	text: string,
	at: { x: number; y: number },
	index: string
): CanvasShape {
	return {
		type: 'note',
		x: at.x,
		y: at.y,
		rotation: 0,
		index,
		isLocked: false,
		opacity: 1,
		props: {
			color: 'yellow',
			labelColor: 'black',
			richText: richTextOf(text),
			size: 'm',
			font: 'draw',
			fontSizeAdjustment: 1,
			align: 'middle',
			verticalAlign: 'middle',
			growY: 0,
			url: '',
			scale: 1,
			textLastEditedBy: null
		}
	};
}

/**
 * Places an idea on its area's canvas as a sticky in the drawer's name, in a row under what is
 * drawn there; returns the new shape's key.
 */
export function placeIdeaOnCanvas(
	doc: Y.Doc,
	input: { areaId: string; text: string; author: CanvasAuthor; key?: string; now?: number },
	origin?: unknown
): string {
	const shapes = listCanvas(doc, input.areaId);
	const bottom = shapes.reduce((max, s) => Math.max(max, s.shape.y), -Infinity);
	const top = shapes.reduce(
		(max, s) => (max === null || s.shape.index > max ? s.shape.index : max),
		null as string | null
	);
	const key = input.key ?? newId();
	const y = shapes.length === 0 ? 0 : bottom + STICKY_SIZE + STICKY_GAP;
	putCanvasShape(
		doc,
		{
			key,
			areaId: input.areaId,
			shape: stickyShape(input.text, { x: 0, y }, orderAfter(top)),
			author: input.author,
			now: input.now
		},
		origin
	);
	return key;
}

/** The stickies of an area with their text, for the list beside the canvas. */
export function listStickies(doc: Y.Doc, areaId: string) {
	return listCanvas(doc, areaId)
		.filter((s) => s.shape.type === 'note')
		.map((s) => ({ ...s, text: canvasShapeText(s.shape) }));
}
