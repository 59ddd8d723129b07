import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../ids';
import { newText, textField, writeText } from './collab-text';
import { declareRecord, idSchema, orderSchema, timeSchema, type RecordValue } from './declare';
import { orderAfter } from './order-keys';

/**
 * A row of a prioritised area's action plan (method steps 10–11), in the columns regions
 * already hand over (Region Halland's table): Steg i processen · Nuläge · Önskat läge ·
 * Förslag åtgärder · Aktivitetsplan, with an owner (free text: a role or an organisation, not
 * necessarily a member), a due date and a status that is updated after the workshop, so the
 * same workshop serves the follow-up ("Genomfört och fortgår", "Pågår"). An action made from
 * an idea keeps the link (`ideaId`). Facilitators write; everyone reads. The five text
 * columns and the owner are collaborative (Y.Text): two facilitators typing in one field both
 * keep their text.
 *
 *   doc.getMap('actions'): Y.Map<actionId, Y.Map<{ areaId, step: Y.Text, current: Y.Text,
 *     desired: Y.Text, proposal: Y.Text, plan: Y.Text, owner: Y.Text, due, status, ideaId,
 *     order, createdAt, updatedAt }>>
 */
export const actionStatuses = ['planerad', 'pagar', 'genomford'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const ACTION_TEXT_MAX = 2000;
export const ACTION_OWNER_MAX = 200;
/** A calendar date as an <input type="date"> gives it. */
export const dueSchema = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
	.nullable();

const text = z.string().max(ACTION_TEXT_MAX);
const textFields = ['step', 'current', 'desired', 'proposal', 'plan'] as const;
export type ActionTextField = (typeof textFields)[number];
export const actionTextFields: readonly ActionTextField[] = textFields;
/** The fields held as Y.Text: every free-text field of an action. */
export type ActionCollaborativeField = ActionTextField | 'owner';
const collaborative: readonly ActionCollaborativeField[] = [...textFields, 'owner'];

export const actionRecord = declareRecord({
	name: 'action',
	root: 'actions',
	shape: 'collection',
	key: idSchema,
	collaborative,
	fields: {
		areaId: idSchema,
		step: text,
		current: text,
		desired: text,
		proposal: text,
		plan: text,
		owner: z.string().max(ACTION_OWNER_MAX),
		due: dueSchema,
		status: z.enum(actionStatuses),
		ideaId: idSchema.nullable(),
		order: orderSchema,
		createdAt: timeSchema,
		updatedAt: timeSchema
	},
	text: [...textFields, 'owner'],
	refs: { areaId: 'areas', ideaId: 'ideas' },
	hidden: false,
	create: ['facilitator'],
	change: {
		step: ['facilitator'],
		current: ['facilitator'],
		desired: ['facilitator'],
		proposal: ['facilitator'],
		plan: ['facilitator'],
		owner: ['facilitator'],
		due: ['facilitator'],
		status: ['facilitator'],
		order: ['facilitator'],
		updatedAt: ['facilitator']
	},
	fixed: ['areaId', 'ideaId', 'createdAt'],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export interface Action extends RecordValue<typeof actionRecord> {
	id: string;
}

export type ActionChange = Partial<
	Pick<Action, ActionTextField | 'owner' | 'due' | 'status' | 'order'>
>;

export const actionsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('actions');

const actionSchema = z.object(actionRecord.fields);

/** Every well-formed action (of one area, when given), in plan order. */
export function listActions(doc: Y.Doc, areaId?: string): Action[] {
	const out: Action[] = [];
	actionsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = actionSchema.safeParse(map.toJSON());
		if (!parsed.success) return;
		const action: Action = { id, ...parsed.data };
		if (areaId === undefined || action.areaId === areaId) out.push(action);
	});
	return out.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1
	);
}

function clean(change: ActionChange): ActionChange {
	const out: ActionChange = { ...change };
	for (const field of textFields) {
		if (out[field] !== undefined) out[field] = out[field].slice(0, ACTION_TEXT_MAX);
	}
	if (out.owner !== undefined) out.owner = out.owner.slice(0, ACTION_OWNER_MAX);
	if (out.due !== undefined && !dueSchema.safeParse(out.due).success) out.due = null;
	return out;
}

/** Adds an action at the end of its area's plan (facilitators); returns its id. */
export function addAction(
	doc: Y.Doc,
	input: { areaId: string; ideaId?: string | null; id?: string; now?: number } & ActionChange,
	origin?: unknown
): string {
	const id = input.id ?? newId();
	const now = input.now ?? Date.now();
	const last = listActions(doc, input.areaId).at(-1)?.order ?? null;
	const fields = clean(input);
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		actionsMap(doc).set(id, map);
		map.set('areaId', input.areaId);
		for (const field of textFields) map.set(field, newText(fields[field] ?? ''));
		map.set('owner', newText(fields.owner ?? ''));
		map.set('due', fields.due ?? null);
		map.set('status', fields.status ?? 'planerad');
		map.set('ideaId', input.ideaId ?? null);
		map.set('order', fields.order ?? orderAfter(last));
		map.set('createdAt', now);
		map.set('updatedAt', now);
	}, origin);
	return id;
}

/**
 * Changes some fields of an action; values equal to the stored ones are not rewritten, and a
 * text field gets only the characters that differ, so someone else's typing in it stays.
 */
export function updateAction(
	doc: Y.Doc,
	id: string,
	change: ActionChange,
	origin?: unknown
): boolean {
	const map = actionsMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const fields = clean(change);
	doc.transact(() => {
		let changed = false;
		for (const [key, value] of Object.entries(fields)) {
			if (value === undefined) continue;
			if ((collaborative as readonly string[]).includes(key)) {
				if (writeText(textField(map, key), value as string)) changed = true;
			} else if (map.get(key) !== value) {
				map.set(key, value);
				changed = true;
			}
		}
		if (changed) map.set('updatedAt', Date.now());
	}, origin);
	return true;
}

/**
 * Writes what a facilitator typed into one text field of an action as the characters that
 * differ (`caret`: where the caret is in `after`); false when the action is gone.
 */
export function editActionText(
	doc: Y.Doc,
	id: string,
	field: ActionCollaborativeField,
	after: string,
	caret?: number,
	origin?: unknown
): boolean {
	const map = actionsMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const max = field === 'owner' ? ACTION_OWNER_MAX : ACTION_TEXT_MAX;
	doc.transact(() => {
		if (writeText(textField(map, field), after.slice(0, max), caret)) {
			map.set('updatedAt', Date.now());
		}
	}, origin);
	return true;
}

export function removeAction(doc: Y.Doc, id: string, origin?: unknown): boolean {
	if (!actionsMap(doc).has(id)) return false;
	doc.transact(() => actionsMap(doc).delete(id), origin);
	return true;
}
