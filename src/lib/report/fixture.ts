import type * as Y from 'yjs';
import { listNotes } from '$lib/workshop/doc';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { addAction } from '$lib/workshop/records/action';
import { createArea } from '$lib/workshop/records/area';
import { writeGoal } from '$lib/workshop/records/goal';
import { addIdea } from '$lib/workshop/records/idea';
import { addInsight } from '$lib/workshop/records/insight';
import { setPlacement } from '$lib/workshop/records/placement';
import { writeRound, type RoundResults } from '$lib/workshop/records/round';
import { writeSummary } from '$lib/workshop/records/summary';
import { NYTTA_INSATS } from '$lib/workshop/analysis/axes';

/**
 * The later method steps of the demo workshop "Oskar 83" (clustering to summary), written as a
 * facilitator would: the areas of the seed report, the quotes as insights, målbild, ideas,
 * action plan and summary. Tests, the benchmark and the must-show render the report from it.
 * Rounds are written only when `round` is given: on a live server only the server writes them.
 */
export const FIXTURE_AREAS = {
	samverkan: 'Samverkan mellan vårdcentral, kommun och slutenvård',
	planering: 'Planering där patienten är delaktig',
	lakare: 'Läkare tillgänglig i hemmet',
	team: 'Äkta team kring patienten'
} as const;

export interface FixtureIds {
	areas: Record<keyof typeof FIXTURE_AREAS, string>;
	sub: string;
}

export function addReportFixture(
	doc: Y.Doc,
	options: {
		round?: 'revealed' | 'closed';
		/** A real id where the board lives on (the demo); tests keep the readable one. */
		roundId?: string;
		authorId?: string;
		now?: number;
	} = {}
): FixtureIds {
	const now = options.now ?? Date.UTC(2025, 3, 20, 12);
	const ids = Object.fromEntries(
		Object.entries(FIXTURE_AREAS).map(([key, name]) => [key, createArea(doc, { name, now })!])
	) as FixtureIds['areas'];
	const sub = createArea(doc, {
		name: 'Information före första hembesöket',
		parentId: ids.planering,
		now
	})!;
	const events = listEvents(doc);
	const questions = listQuestions(doc);
	const quotes = listNotes(doc).filter((n) => n.kind === 'citat');
	const placeIn = [ids.samverkan, ids.planering, sub, ids.lakare, ids.team];
	quotes.forEach((q, i) => {
		addInsight(doc, {
			text: q.text,
			source: 'promoted',
			sourceNoteIds: [q.id],
			eventIds: q.eventId ? [q.eventId] : [],
			questionIds: q.questionId ? [q.questionId] : [],
			professions: [['sjukskoterska', 'lakare', 'arbetsterapeut'][i % 3]!],
			organisations: [i % 2 ? 'region' : 'kommun'],
			areaId: i === quotes.length - 1 ? null : placeIn[i % placeIn.length]!,
			createdBy: null,
			now: now + i
		});
	});
	if (events.length > 0 && quotes.length === 0) {
		addInsight(doc, {
			text: 'Ingen vet vem som ringer vem',
			source: 'written',
			eventIds: [events[0]!.id],
			questionIds: questions[0] ? [questions[0].id] : [],
			professions: ['sjukskoterska'],
			organisations: ['kommun'],
			areaId: ids.samverkan,
			createdBy: null,
			now
		});
	}
	if (options.round) {
		const results: RoundResults = { scores: {} };
		const spread = (median: number) => ({
			n: 6,
			median,
			q1: Math.max(1, median - 0.5),
			q3: Math.min(5, median + 0.5),
			iqr: 1,
			distribution: [0, 1, 2, 2, 1] as [number, number, number, number, number]
		});
		const scored: Array<[string, number, number]> = [
			[ids.samverkan, 4.5, 2],
			[ids.planering, 4, 4],
			[ids.lakare, 2, 2],
			[ids.team, 2, 4.5]
		];
		for (const [areaId, worth, cost] of scored) {
			results.scores![areaId] = { worth: spread(worth), cost: spread(cost), flagged: false };
		}
		writeRound(doc, options.roundId ?? 'round-fixture', {
			type: 'scoring',
			areaIds: scored.map((s) => s[0]),
			axes: NYTTA_INSATS,
			dotLimits: null,
			status: options.round,
			progress: 6,
			eligible: 6,
			// A closed round carries results here too, so tests show the model ignores them.
			results,
			previousId: null,
			createdAt: now
		});
	}
	setPlacement(doc, ids.samverkan, { prioritised: true });
	setPlacement(doc, ids.planering, { prioritised: true });
	writeGoal(doc, ids.samverkan, {
		summary: 'Vårdcentral, kommun och slutenvård planerar tillsammans före hemgång.',
		statements: ['Jag vet vem jag ska ringa, dygnet runt', 'Mina vårdgivare pratar med varandra'],
		question: 'Hur kan vi få vårdcentral och kommun att planera tillsammans med Oskar?'
	});
	writeGoal(doc, ids.planering, {
		summary: 'Oskar är delaktig i sin vårdplan och den följer med honom.',
		statements: ['Jag känner mig delaktig och trygg i min planering'],
		question: 'Hur kan vi göra Oskar delaktig i planeringen?'
	});
	const author = {
		id: options.authorId ?? 'demo',
		name: null,
		profession: 'sjukskoterska' as const,
		organisation: 'kommun' as const
	};
	const idea = addIdea(doc, {
		text: 'Gemensam planeringsträff före hemgång',
		areaId: ids.samverkan,
		author,
		now
	});
	addIdea(doc, {
		text: 'Fast vårdkontakt med ett direktnummer',
		areaId: ids.samverkan,
		author,
		now
	});
	addIdea(doc, { text: 'Vårdplan som Oskar själv har', areaId: ids.planering, author, now });
	addAction(doc, {
		areaId: ids.samverkan,
		ideaId: idea,
		step: 'Utskrivning från slutenvården',
		current: 'Ingen gemensam planering; det blir ett nytt ärende',
		desired: 'Samordnad individuell plan före hemgång',
		proposal: 'Planeringsträff med vårdcentral, kommun och patient',
		plan: 'Pilot i två kommuner under hösten',
		owner: 'Områdeschef hemsjukvård',
		due: '2025-10-01',
		status: 'pagar',
		now
	});
	addAction(doc, {
		areaId: ids.planering,
		step: 'Första hembesöket',
		current: 'Patienten är inte delaktig i planeringen',
		desired: 'Fråga patienten – Vad är viktigt för dig?',
		proposal: 'Samtalsstöd för första besöket',
		plan: 'Ta fram samtalsstöd',
		owner: 'Vårdsamordnare, region',
		due: '2025-12-15',
		status: 'planerad',
		now
	});
	writeSummary(doc, {
		bullets: [
			'Samverkan mellan vårdcentral, kommun och slutenvård skaver mest.',
			'Läkare i hemmet och äkta team lyftes av flest yrkesroller.'
		],
		nextSteps: ['Följ upp handlingsplanen om tre månader', 'Bjud in patientföreträdare']
	});
	return { areas: ids, sub };
}

/**
 * The Uppsala-sized workshop of issue 17 on top of the fixture: 20 areas in all and 10
 * actions, with names as long as the seeds' (the reports must continue, not overflow).
 */
export function addUppsalaFixture(doc: Y.Doc, ids: FixtureIds, now = Date.UTC(2025, 3, 20, 13)) {
	for (let i = 1; i <= 16; i++) {
		createArea(doc, {
			name: `Område ${i}: samordnad vård och omsorg i hemmet när behoven förändras snabbt`,
			now: now + i
		});
	}
	for (let i = 1; i <= 8; i++) {
		addAction(doc, {
			areaId: i % 2 ? ids.areas.samverkan : ids.areas.planering,
			step: `Steg ${i}: utskrivning från slutenvården till hemmet`,
			current: 'Ingen gemensam planering mellan vårdcentral, kommun och slutenvård',
			desired: 'Samordnad individuell plan före hemgång, med patienten delaktig',
			proposal: 'Planeringsträff med vårdcentral, kommun och patient före hemgång',
			plan: 'Pilot i två kommuner under hösten, utvärdering i december',
			owner: 'Områdeschef hemsjukvård',
			due: '2025-10-01',
			status: i % 3 ? 'pagar' : 'genomford',
			now: now + 100 + i
		});
	}
}
