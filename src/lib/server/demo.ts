import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DB } from './db';
import { users, workshops } from './db/schema';
import { hashPassword } from './auth/password';
import { randomToken } from './auth/tokens';
import type { DocStore } from './realtime/doc-store';
import { createWorkshop } from './services/workshops';
import { ensureSetting, getSetting } from './services/settings';
import { addNote } from '$lib/workshop/doc';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { applyTemplate, findTemplate, SEED_TEMPLATE_ID } from '$lib/workshop/template';
import oskar from './demo-oskar-83.json';
import { boardRoom } from '$lib/workshop/rooms';
import { newId } from '$lib/workshop/ids';

export const DEMO_EMAIL = 'demo@samskapa.local';
export const DEMO_TOKEN_KEY = 'demo_login_token';

/**
 * The seed workshop in its own words (shared/seeds: "Sammanfattning WORKSHOP Hälso- och
 * sjukvård i hemmet"): the built-in Oskar 83 template (persona, Händelse 1–3 with their
 * facts, the five questions) plus the quotes in their rows, which a template never carries.
 * The seed groups quotes by question only, so they are spread over the events in turn.
 */
export function demoDocument(): Y.Doc {
	const doc = new Y.Doc();
	applyTemplate(doc, findTemplate(SEED_TEMPLATE_ID)!);
	const eventIds = listEvents(doc).map((e) => e.id);
	const questionIds = listQuestions(doc).map((q) => q.id);
	const author = { id: 'demo', name: null, profession: 'annan', organisation: 'annan' };
	let now = Date.UTC(2025, 3, 20, 9);
	for (const group of oskar.quotes) {
		group.texts.forEach((text, i) => {
			addNote(doc, {
				text,
				kind: 'citat',
				eventId: eventIds[i % eventIds.length] ?? null,
				questionId: questionIds[group.question] ?? null,
				author,
				now: now++
			});
		});
	}
	return doc;
}

/**
 * Creates the demo workshop "Oskar 83" on an empty database and returns the login link path;
 * on later starts returns the existing link while the demo account still exists.
 */
export async function ensureDemo(db: DB, store: DocStore): Promise<string | null> {
	const hasUsers = db.select({ id: users.id }).from(users).limit(1).get();
	if (hasUsers) {
		const token = getSetting(db, DEMO_TOKEN_KEY);
		const demo = db.select().from(workshops).where(eq(workshops.isDemo, true)).get();
		return token && demo ? `/demo/${token}` : null;
	}
	const owner = {
		id: newId(),
		email: DEMO_EMAIL,
		displayName: 'Demo-facilitator',
		passwordHash: await hashPassword(randomToken())
	};
	db.insert(users).values(owner).run();
	const workshop = createWorkshop(
		db,
		owner,
		{
			title: 'Oskar 83 – Hälso- och sjukvård i hemmet',
			purpose:
				'Samskapa framtidens hälso- och sjukvård i hemmet: ett verksamhetsnära tvärprofessionellt perspektiv.',
			date: null
		},
		true
	);
	store.append(boardRoom(workshop.id), Y.encodeStateAsUpdate(demoDocument()));
	const token = ensureSetting(db, DEMO_TOKEN_KEY, () => randomToken());
	return `/demo/${token}`;
}
