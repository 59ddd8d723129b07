import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DB } from '../db';
import { templates } from '../db/schema';
import type { DocLog } from '../realtime/doc-store';
import { createWorkshop } from './workshops';
import type { WorkshopInput } from '$lib/schemas';
import { newId } from '$lib/workshop/ids';
import { boardRoom } from '$lib/workshop/rooms';
import {
	applyTemplate,
	builtInTemplates,
	DEFAULT_TEMPLATE_ID,
	templateFromDoc,
	templateSchema,
	type Template
} from '$lib/workshop/template';

/** The templates a facilitator can start from: the built-in ones, then their own, newest first. */
export function listTemplates(db: DB, userId: string): Template[] {
	const own = db
		.select()
		.from(templates)
		.where(eq(templates.ownerId, userId))
		.orderBy(desc(templates.createdAt))
		.all()
		.flatMap((row) => {
			const parsed = templateSchema.safeParse(row.data);
			return parsed.success ? [parsed.data] : [];
		});
	return [...builtInTemplates, ...own];
}

function findOwnTemplate(db: DB, userId: string, id: string): Template | undefined {
	const row = db
		.select()
		.from(templates)
		.where(and(eq(templates.id, id), eq(templates.ownerId, userId)))
		.get();
	const parsed = row ? templateSchema.safeParse(row.data) : null;
	return parsed?.success ? parsed.data : undefined;
}

/** A built-in template or one of this facilitator's own; another person's is never found. */
export function resolveTemplate(db: DB, userId: string, id: string | undefined) {
	const wanted = id || DEFAULT_TEMPLATE_ID;
	return builtInTemplates.find((t) => t.id === wanted) ?? findOwnTemplate(db, userId, wanted);
}

/**
 * Creates a workshop and writes its template's structure into its board document, so the
 * first person to open it finds the persona, events and questions in place.
 */
export function startWorkshop(
	db: DB,
	store: DocLog,
	owner: { id: string; displayName: string },
	input: WorkshopInput
) {
	const template = resolveTemplate(db, owner.id, input.template);
	if (!template) return null;
	const workshop = createWorkshop(db, owner, input);
	const doc = new Y.Doc();
	applyTemplate(doc, template);
	store.append(boardRoom(workshop.id), Y.encodeStateAsUpdate(doc));
	doc.destroy();
	return workshop;
}

/** Saves a workshop's current structure (persona, events, questions; never notes) as a template. */
export function saveTemplate(db: DB, ownerId: string, name: string, doc: Y.Doc): Template {
	const template = templateFromDoc(doc, newId(), name);
	db.insert(templates).values({ id: template.id, ownerId, name, data: template }).run();
	return template;
}
