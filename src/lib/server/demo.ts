import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { tablesOf, type DB } from './db';
import { hashPassword } from './auth/password';
import { randomToken } from './auth/tokens';
import type { DocLog } from './realtime/doc-store';
import { createWorkshop } from './services/workshops';
import { ensureSetting, getSetting } from './services/settings';
import { addNote } from '$lib/workshop/doc';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { applyTemplate, findTemplate, SEED_TEMPLATE_ID } from '$lib/workshop/template';
import oskar from './demo-oskar-83.json';
import { boardRoom } from '$lib/workshop/rooms';
import { newId } from '$lib/workshop/ids';
import { addReportFixture } from '$lib/report/fixture';
import { backfillInsights } from '$lib/workshop/insights-from-notes';
import { insightIdForNote, moveInsight } from '$lib/workshop/records/insight';
import { addAction } from '$lib/workshop/records/action';
import { writeSummary } from '$lib/workshop/records/summary';

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
 * The demo as a workshop that has run the whole method, so every page has content on first
 * open: the seed's quotes, bottennappar and höjdpunkter from its "Vad skaver" quotes and summary
 * bullets (each bottennapp an insight, as the server makes them), the insights in the areas of
 * the seed report, a revealed scoring round, two prioritised areas with målbild, ideas, actions
 * with owners and statuses, and the seed's summary. The server writes it before anyone can
 * connect, so it may hold what only the server writes (the round).
 */
export function demoWorkshopDocument(): Y.Doc {
	const doc = demoDocument();
	const events = listEvents(doc).map((e) => e.id);
	const skaver = listQuestions(doc).find((q) => /skaver/.test(q.text))?.id ?? null;
	let now = Date.UTC(2025, 3, 20, 10);
	const people = [
		{ id: 'demo-ssk', name: null, profession: 'sjukskoterska', organisation: 'kommun' },
		{ id: 'demo-lak', name: null, profession: 'lakare', organisation: 'region' },
		{ id: 'demo-at', name: null, profession: 'arbetsterapeut', organisation: 'kommun' },
		{ id: 'demo-vs', name: null, profession: 'annan', organisation: 'region' }
	];
	const lowPoints: string[] = [];
	oskar.journey.forEach((step, i) => {
		const eventId = events[i] ?? null;
		step.bottennappar.forEach((text, j) => {
			const id = addNote(doc, {
				text,
				kind: 'bottennapp',
				eventId,
				questionId: skaver,
				author: people[(i + j) % people.length]!,
				now: now++
			});
			lowPoints.push(id);
		});
		step.hojdpunkter.forEach((text, j) => {
			addNote(doc, {
				text,
				kind: 'hojdpunkt',
				eventId,
				questionId: null,
				author: people[(i + j + 1) % people.length]!,
				now: now++
			});
		});
	});
	backfillInsights(doc);
	const { areas } = addReportFixture(doc, { round: 'revealed', roundId: newId(), now });
	// The bottennappar sorted as a group would: by what the seed's summary says they are about.
	const into = [areas.samverkan, areas.samverkan, areas.lakare, areas.team, areas.planering];
	lowPoints.forEach((noteId, i) =>
		moveInsight(doc, insightIdForNote(noteId), into[i % into.length]!)
	);
	addAction(doc, {
		areaId: areas.samverkan,
		step: 'Kontakt mellan vårdcentral och slutenvård',
		current: 'Kontakt mellan vårdcentral och slutenvård skaver',
		desired: 'Ett forum att mötas över gränserna utanför det direkta patientarbetet',
		proposal: 'Gemensamt forum för vårdcentral, kommun och slutenvård',
		plan: 'Första mötet hölls i maj; fortsätter varje månad',
		owner: 'Vårdcentralchef',
		due: '2025-05-30',
		status: 'genomford',
		now
	});
	writeSummary(doc, { bullets: oskar.summary, nextSteps: oskar.nextSteps });
	return doc;
}

/**
 * Creates the demo workshop "Oskar 83" on an empty database and returns the login link path;
 * on later starts returns the existing link while the demo account still exists.
 */
export async function ensureDemo(db: DB, docs: DocLog): Promise<string | null> {
	const { users, workshops } = tablesOf(db);
	const [hasUsers] = await db.select({ id: users.id }).from(users).limit(1);
	if (hasUsers) {
		const token = await getSetting(db, DEMO_TOKEN_KEY);
		const [demo] = await db.select().from(workshops).where(eq(workshops.isDemo, true)).limit(1);
		return token && demo ? `/demo/${token}` : null;
	}
	const owner = {
		id: newId(),
		email: DEMO_EMAIL,
		displayName: 'Demo-facilitator',
		passwordHash: await hashPassword(randomToken())
	};
	await db.insert(users).values(owner);
	const workshop = await createWorkshop(
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
	await docs.append(boardRoom(workshop.id), Y.encodeStateAsUpdate(demoWorkshopDocument()));
	const token = await ensureSetting(db, DEMO_TOKEN_KEY, () => randomToken());
	return `/demo/${token}`;
}
