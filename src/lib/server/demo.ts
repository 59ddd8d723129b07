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
import { boardRoom } from '$lib/workshop/rooms';
import { newId } from '$lib/workshop/ids';

export const DEMO_EMAIL = 'demo@samskapa.local';
export const DEMO_TOKEN_KEY = 'demo_login_token';

/** The seed workshop's own words (shared/seeds: "Sammanfattning WORKSHOP Hälso- och sjukvård i hemmet"). */
const quotes = [
	'Tidspress, vi har ingen luft i systemet',
	'På geriatriken finns teamet, vad finns hemma?',
	'Olika förutsättningar beroende på var man bor',
	'Vi ligger steget efter, vi jobbar reaktivt',
	'Fråga patienten – Vad är viktigt för dig?',
	'Äkta team som arbetar ihop utifrån plan'
];

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
	const doc = new Y.Doc();
	const author = { id: 'demo', name: null, profession: 'annan', organisation: 'annan' };
	quotes.forEach((text, i) => addNote(doc, { text, kind: 'citat', author, now: i + 1 }));
	store.append(boardRoom(workshop.id), Y.encodeStateAsUpdate(doc));
	const token = ensureSetting(db, DEMO_TOKEN_KEY, () => randomToken());
	return `/demo/${token}`;
}
