import type { Editor, TLInstancePresence, TLRecord, TLShape, TLShapeId, TLUserId } from 'tldraw';
import { InstancePresenceRecordType } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
	CANVAS_SHAPE_TYPES,
	canvasMap,
	canvasShapeSchema,
	listCanvas,
	putCanvasShape,
	readCanvasRecord,
	removeCanvasShape,
	type CanvasAuthor,
	type CanvasRecord,
	type CanvasShape
} from '$lib/workshop/records/canvas-shape';
import { colourFor, readPresenceUser } from './presence';
import { throttle } from './throttle';

/**
 * Binds one area's canvas in the board document to a tldraw editor: what this person draws
 * (the store's `user` changes) is written to the board, what others draw (the board's changes
 * from elsewhere) is merged into the store as remote changes. Only shapes are shared; camera,
 * selection and pages stay in the browser. Cursors go through the board's presence (`canvas`:
 * { areaId, x, y }) and come back as tldraw's instance presence records. Loaded only by the
 * canvas route, with tldraw.
 */
export interface CanvasBindingOptions {
	doc: Y.Doc;
	awareness: Awareness;
	areaId: string;
	/** Who draws now (the shapes' provenance). */
	author: CanvasAuthor;
	/** The ids that make this member a shape's owner (membership id and author pseudonym). */
	ownIds: readonly string[];
	facilitator: boolean;
	/** This browser drew something the canvas does not share (a frame, an image, a group). */
	onUnshared?(): void;
}

/** How often one shape's drawing is written while it changes (a drag, a pen stroke). */
export const CANVAS_WRITE_MS = 150;
/** How often this browser's cursor is announced. */
export const CURSOR_SEND_MS = 100;

const shareable = new Set<string>(CANVAS_SHAPE_TYPES);
const keyOf = (id: string) => id.slice('shape:'.length);
const idOf = (key: string) => `shape:${key}` as TLShapeId;

export function bindCanvas(editor: Editor, options: CanvasBindingOptions): () => void {
	const { doc, awareness, areaId } = options;
	const origin = { canvas: areaId };
	const pageId = editor.getCurrentPageId();

	const toTldraw = (record: CanvasRecord): TLShape =>
		({
			...record.shape,
			id: idOf(record.key),
			typeName: 'shape',
			parentId: pageId,
			meta: {}
		}) as unknown as TLShape;

	/** The part of a tldraw shape the board holds; null when it is not shared. */
	const toBoard = (shape: TLShape): CanvasShape | null => {
		if (!shareable.has(shape.type) || shape.parentId !== pageId) return null;
		const parsed = canvasShapeSchema.safeParse({
			type: shape.type,
			x: shape.x,
			y: shape.y,
			rotation: shape.rotation,
			index: shape.index,
			isLocked: shape.isLocked,
			opacity: shape.opacity,
			props: shape.props
		});
		return parsed.success ? parsed.data : null;
	};

	const mayChange = (id: string) => {
		if (options.facilitator) return true;
		const record = readCanvasRecord(doc, keyOf(id));
		return record === null || options.ownIds.includes(record.authorId);
	};

	/** Puts board records into the store; one malformed for tldraw is left out, not thrown on. */
	const merge = (keys: Iterable<string>) => {
		editor.store.mergeRemoteChanges(() => {
			for (const key of keys) {
				const id = idOf(key);
				const record = readCanvasRecord(doc, key);
				if (record && record.areaId === areaId) {
					try {
						editor.store.put([toTldraw(record)]);
					} catch {
						if (editor.store.has(id)) editor.store.remove([id]);
					}
				} else if (editor.store.has(id)) {
					editor.store.remove([id]);
				}
			}
		});
	};
	merge(listCanvas(doc, areaId).map((r) => r.key));

	const onBoard = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
		if (transaction.origin === origin) return;
		const keys = new Set<string>();
		for (const event of events) {
			if (event.path.length > 0) keys.add(String(event.path[0]));
			else for (const key of event.keys.keys()) keys.add(key);
		}
		merge(keys);
	};
	canvasMap(doc).observeDeep(onBoard);

	// A participant changes and deletes only their own shapes: the server would refuse the rest.
	const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
		source === 'user' && !mayChange(prev.id) ? prev : next
	);
	const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
		source === 'user' && !mayChange(shape.id) ? false : undefined
	);

	// Changes wait a moment and go as one transaction: a drag writes a few times a second, not
	// once a frame, so it costs the board (and the member's tombstone budget) little.
	const pending = new Map<string, TLShape | null>();
	const write = () => {
		if (pending.size === 0) return;
		const unshared: TLShapeId[] = [];
		doc.transact(() => {
			for (const [id, shape] of pending) {
				const key = keyOf(id);
				if (shape === null) {
					removeCanvasShape(doc, key, origin);
					continue;
				}
				const value = toBoard(shape);
				if (value === null) {
					if (readCanvasRecord(doc, key) === null) unshared.push(shape.id);
					continue;
				}
				putCanvasShape(doc, { key, areaId, shape: value, author: options.author }, origin);
			}
		}, origin);
		pending.clear();
		if (unshared.length > 0) options.onUnshared?.();
	};
	const flush = throttle(write, CANVAS_WRITE_MS);

	const offStore = editor.store.listen(
		({ changes }) => {
			const touched = (record: TLRecord) => record.typeName === 'shape';
			for (const record of Object.values(changes.added)) {
				if (touched(record)) pending.set(record.id, record as TLShape);
			}
			for (const [, to] of Object.values(changes.updated)) {
				if (touched(to)) pending.set(to.id, to as TLShape);
			}
			for (const record of Object.values(changes.removed)) {
				if (touched(record)) pending.set(record.id, null);
			}
			if (pending.size > 0) flush.call();
		},
		{ source: 'user', scope: 'document' }
	);

	// Cursors: this browser's pointer on the page, and others' as tldraw's presence records.
	const container = editor.getContainer();
	let cursor: { x: number; y: number } | null = null;
	const sendCursor = throttle(() => {
		awareness.setLocalStateField('canvas', cursor && { areaId, ...cursor });
	}, CURSOR_SEND_MS);
	const onPointer = (event: PointerEvent) => {
		const point = editor.screenToPage({ x: event.clientX, y: event.clientY });
		cursor = { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 };
		sendCursor.call();
	};
	const onLeave = () => {
		cursor = null;
		sendCursor.call();
	};
	container.addEventListener('pointermove', onPointer);
	container.addEventListener('pointerleave', onLeave);

	const readCursors = () => {
		const present: TLInstancePresence[] = [];
		for (const [clientId, state] of awareness.getStates()) {
			if (clientId === awareness.clientID) continue;
			const where = (state as { canvas?: unknown }).canvas as
				{ areaId?: unknown; x?: unknown; y?: unknown } | null | undefined;
			const user = readPresenceUser(state);
			if (!where || where.areaId !== areaId || !user) continue;
			if (typeof where.x !== 'number' || typeof where.y !== 'number') continue;
			present.push(
				InstancePresenceRecordType.create({
					id: InstancePresenceRecordType.createId(String(clientId)),
					userId: `user:${clientId}` as TLUserId,
					userName: user.name,
					color: colourFor(user.membershipId),
					currentPageId: pageId,
					lastActivityTimestamp: Date.now(),
					cursor: { x: where.x, y: where.y, type: 'default', rotation: 0 }
				})
			);
		}
		const keep = new Set(present.map((p) => p.id));
		editor.store.mergeRemoteChanges(() => {
			const gone = editor.store.query
				.records('instance_presence')
				.get()
				.filter((p) => !keep.has(p.id))
				.map((p) => p.id);
			if (gone.length > 0) editor.store.remove(gone);
			if (present.length > 0) editor.store.put(present);
		});
	};
	const viewCursors = throttle(readCursors, CURSOR_SEND_MS);
	const onAwareness = () => viewCursors.call();
	awareness.on('change', onAwareness);
	readCursors();

	return () => {
		// What was drawn in the last moment is written, not lost with the page.
		flush.cancel();
		write();
		awareness.off('change', onAwareness);
		viewCursors.cancel();
		sendCursor.cancel();
		awareness.setLocalStateField('canvas', null);
		container.removeEventListener('pointermove', onPointer);
		container.removeEventListener('pointerleave', onLeave);
		offStore();
		offChange();
		offDelete();
		canvasMap(doc).unobserveDeep(onBoard);
	};
}
