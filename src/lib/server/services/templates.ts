import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { tablesOf, type DB } from '../db';
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
export async function listTemplates(db: DB, userId: string): Promise<Template[]> {
	const { templates } = tablesOf(db);
	const rows = await db
		.select()
		.from(templates)
		.where(eq(templates.ownerId, userId))
		.orderBy(desc(templates.createdAt));
	const own = rows.flatMap((row) => {
		const parsed = templateSchema.safeParse(row.data);
		return parsed.success ? [parsed.data] : [];
	});
	return [...builtInTemplates, ...own];
}

async function findOwnTemplate(db: DB, userId: string, id: string): Promise<Template | undefined> {
	const { templates } = tablesOf(db);
	const [row] = await db
		.select()
		.from(templates)
		.where(and(eq(templates.id, id), eq(templates.ownerId, userId)));
	const parsed = row ? templateSchema.safeParse(row.data) : null;
	return parsed?.success ? parsed.data : undefined;
}

/** A built-in template or one of this facilitator's own; another person's is never found. */
export async function resolveTemplate(
	db: DB,
	userId: string,
	id: string | undefined
): Promise<Template | undefined> {
	const wanted = id || DEFAULT_TEMPLATE_ID;
	return builtInTemplates.find((t) => t.id === wanted) ?? findOwnTemplate(db, userId, wanted);
}

/**
 * Creates a workshop and writes its template's structure into its board document, so the
 * first person to open it finds the persona, events and questions in place.
 */
export async function startWorkshop(
	db: DB,
	docs: DocLog,
	owner: { id: string; displayName: string },
	input: WorkshopInput
) {
	const template = await resolveTemplate(db, owner.id, input.template);
	if (!template) return null;
	const workshop = await createWorkshop(db, owner, input);
	const doc = new Y.Doc();
	applyTemplate(doc, template);
	await docs.append(boardRoom(workshop.id), Y.encodeStateAsUpdate(doc));
	doc.destroy();
	return workshop;
}

/** Saves a workshop's current structure (persona, events, questions; never notes) as a template. */
export async function saveTemplate(
	db: DB,
	ownerId: string,
	name: string,
	doc: Y.Doc
): Promise<Template> {
	const { templates } = tablesOf(db);
	const template = templateFromDoc(doc, newId(), name);
	await db.insert(templates).values({ id: template.id, ownerId, name, data: template });
	return template;
}
