import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPersona, updatePersona } from '$lib/workshop/persona';
import { applyTemplate, DEFAULT_TEMPLATE_ID, findTemplate } from '$lib/workshop/template';
import { demoDocument } from '$lib/server/demo';
import { addNote } from '$lib/workshop/doc';
import { listEvents } from '$lib/workshop/journey';
import { setEmotion } from '$lib/workshop/emotions';
import { addReportFixture, FIXTURE_AREAS } from './fixture';
import { buildReportModel, type ReportInput } from './model';
import { REDACTION_MASKS } from './labels';

const members: ReportInput['members'] = [
	{
		role: 'facilitator',
		displayName: 'Fia Facilitator',
		profession: 'annan',
		organisation: 'annan'
	},
	{
		role: 'participant',
		displayName: 'Sara Sjuksköterska',
		profession: 'sjukskoterska',
		organisation: 'kommun'
	},
	{ role: 'participant', displayName: 'Lars Läkare', profession: 'lakare', organisation: 'region' },
	{
		role: 'participant',
		displayName: 'Stina Sjuksköterska',
		profession: 'sjukskoterska',
		organisation: 'region'
	},
	{ role: 'observer', displayName: 'Olle Observatör', profession: 'chef', organisation: 'kommun' }
];

function build(
	options: { anonymous?: boolean; round?: 'revealed' | 'closed'; includeFlagged?: boolean } = {},
	edit?: (doc: ReturnType<typeof demoDocument>) => void
) {
	const board = demoDocument();
	const ids = addReportFixture(board, { round: options.round ?? 'revealed' });
	edit?.(board);
	const model = buildReportModel({
		workshop: {
			title: 'Oskar 83 – Hälso- och sjukvård i hemmet',
			purpose: 'Samskapa framtidens hälso- och sjukvård i hemmet',
			date: '2025-04-20',
			anonymous: options.anonymous ?? false
		},
		facilitators: ['Fia Facilitator'],
		members,
		board,
		viewer: 'facilitator',
		options: { includeFlagged: options.includeFlagged ?? false }
	});
	return { model, ids, board };
}

describe('buildReportModel on the demo workshop "Oskar 83"', () => {
	it('carries title, persona, the journey with facts and the quotes', () => {
		const { model } = build();
		expect(model.title).toBe('Oskar 83 – Hälso- och sjukvård i hemmet');
		expect(model.persona).toMatchObject({ name: 'Oskar', age: 83 });
		expect(model.journey.map((e) => e.title)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
		expect(model.journey[0]!.facts).toContain('Ringer 1177');
		expect(model.quotes.map((q) => q.text)).toContain('Tidspress, vi har ingen luft i systemet');
		expect(model.quotes.every((q) => q.event !== null && q.question !== null)).toBe(true);
	});

	it("never exports the default template's placeholder persona and facts as content", () => {
		const board = new Y.Doc();
		applyTemplate(board, findTemplate(DEFAULT_TEMPLATE_ID)!);
		// The facilitator filled in one line and left the rest as the template had it.
		updatePersona(board, { conditions: ['Hjärtsvikt', ...readPersona(board).conditions] });
		const model = buildReportModel({
			workshop: { title: 'Ny', purpose: '', date: null, anonymous: false },
			facilitators: [],
			members: [],
			board,
			viewer: 'facilitator',
			options: { includeFlagged: false }
		});
		expect(model.persona).toMatchObject({
			name: '',
			situation: [],
			conditions: ['Hjärtsvikt'],
			matters: []
		});
		expect(model.journey.flatMap((e) => e.facts)).toEqual([]);
		expect(model.journey).toHaveLength(3);
	});

	it('after an import (no participant memberships) counts the authors of the notes', () => {
		const board = demoDocument();
		const [event] = listEvents(board);
		const author = (id: string, profession: string, organisation: string, name: string) => ({
			id,
			name,
			profession,
			organisation
		});
		const written = [
			author('a', 'lakare', 'region', 'Lars'),
			author('b', 'sjukskoterska', 'kommun', 'Sara'),
			author('b', 'sjukskoterska', 'kommun', 'Sara'),
			author('fac', 'annan', 'annan', 'Fia')
		];
		written.forEach((a, i) =>
			addNote(board, {
				text: `Lapp ${i}`,
				kind: 'note',
				eventId: event!.id,
				questionId: null,
				author: a,
				now: i
			})
		);
		const model = buildReportModel({
			workshop: { title: 'Importerad', purpose: '', date: null, anonymous: false },
			facilitators: ['Fia'],
			// The importing facilitator, the only member of the new workshop.
			members: [
				{
					id: 'fac',
					role: 'facilitator',
					displayName: 'Fia',
					profession: 'annan',
					organisation: 'annan'
				}
			],
			board,
			viewer: 'facilitator',
			options: { includeFlagged: false }
		});
		// Lars, Sara and the seed's quotes' author: not the facilitator, not Sara twice.
		expect(model.participants.total).toBe(3);
		expect(model.participants.byProfession.find((c) => c.key === 'lakare')?.count).toBe(1);
		expect(model.participants.names).toEqual(expect.arrayContaining(['Lars', 'Sara']));
		expect(model.participants.names).not.toContain('Fia');
	});

	it('counts participants by profession and organisation, observers and facilitators aside', () => {
		const { model } = build();
		expect(model.participants.total).toBe(3);
		expect(model.participants.byProfession).toEqual([
			{ key: 'sjukskoterska', label: 'Sjuksköterska', count: 2 },
			{ key: 'lakare', label: 'Läkare', count: 1 }
		]);
		expect(model.participants.byOrganisation.find((c) => c.key === 'region')?.count).toBe(2);
		expect(model.participants.names).toEqual([
			'Sara Sjuksköterska',
			'Lars Läkare',
			'Stina Sjuksköterska'
		]);
		expect(model.facilitators).toEqual(['Fia Facilitator']);
	});

	it('lists every area with its underområde, insight counts and perspectives', () => {
		const { model } = build();
		expect(model.areas.map((a) => a.name)).toEqual(Object.values(FIXTURE_AREAS));
		const planering = model.areas.find((a) => a.name === FIXTURE_AREAS.planering)!;
		expect(planering.children.map((c) => c.name)).toEqual(['Information före första hembesöket']);
		// A top-level area counts the insights of its underområden too.
		expect(planering.insights).toBe(
			planering.children[0]!.insights + 3 /* every fifth quote from the second */
		);
		expect(planering.professions.length).toBeGreaterThan(0);
		expect(model.unsorted).toBe(1);
		expect(model.totalInsights).toBe(15);
		const sum = model.areas.reduce((s, a) => s + a.insights, 0) + model.unsorted;
		expect(sum).toBe(model.totalInsights);
	});

	it('has the revealed matrix, the prioritised areas with målbild, ideas and action plan', () => {
		const { model } = build();
		expect(model.matrix?.rows).toHaveLength(4);
		expect(model.matrix?.rows.find((r) => r.name === FIXTURE_AREAS.samverkan)?.quadrant).toBe(
			'Snabba vinster'
		);
		expect(model.prioritised.map((p) => p.name)).toEqual([
			FIXTURE_AREAS.samverkan,
			FIXTURE_AREAS.planering
		]);
		const first = model.prioritised[0]!;
		expect(first.goal.question).toMatch(/^Hur kan vi/);
		expect(first.insights.length).toBeGreaterThan(0);
		expect(first.ideas.map((i) => i.text)).toContain('Fast vårdkontakt med ett direktnummer');
		expect(first.actions[0]).toMatchObject({ owner: 'Områdeschef hemsjukvård', status: 'Pågår' });
		expect(model.actions).toHaveLength(2);
		expect(model.summary.nextSteps).toContain('Bjud in patientföreträdare');
	});

	it('summarises the känslokurva per event', () => {
		const { model } = build({}, (doc) => {
			const [e] = listEvents(doc);
			setEmotion(doc, e!.id, 'm1', -2);
			setEmotion(doc, e!.id, 'm2', 0);
		});
		expect(model.journey[0]!.emotion).toMatchObject({ count: 2, median: -1, min: -2, max: 0 });
		expect(model.journey[1]!.emotion.count).toBe(0);
	});

	it('holds no names in an anonymous workshop', () => {
		const { model } = build({ anonymous: true });
		expect(model.participants.names).toBeNull();
		const json = JSON.stringify(model);
		for (const m of members.filter((m) => m.role !== 'facilitator')) {
			expect(json).not.toContain(m.displayName);
		}
	});

	it('shows no scores of a round not yet revealed', () => {
		const { model } = build({ round: 'closed' });
		expect(model.matrix).toBeNull();
		expect(model.prioritised.every((p) => p.quadrant === null)).toBe(true);
		expect(JSON.stringify(model)).not.toContain('Snabba vinster');
	});

	it('flags patient data and redacts it unless asked to include it', () => {
		const pnr = '19121212-1212';
		const edit = (doc: ReturnType<typeof demoDocument>) => {
			const [e] = listEvents(doc);
			addNote(doc, {
				text: `Oskar ${pnr} ringde 070-123 45 67 igen`,
				kind: 'bottennapp',
				eventId: e!.id,
				author: { id: 'm1', name: null, profession: 'lakare', organisation: 'region' }
			});
		};
		const { model } = build({}, edit);
		expect(model.flags.map((f) => f.kind)).toEqual(['personnummer', 'phone']);
		expect(model.flags[0]!.where).toBe('Bottennapp · Händelse 1');
		expect(model.flags[0]!.excerpt).toContain('••••••••-••••');
		expect(JSON.stringify(model)).not.toContain(pnr);
		expect(JSON.stringify(model)).not.toContain('070-123 45 67');
		expect(model.journey[0]!.bottennappar.at(-1)).toContain(REDACTION_MASKS.personnummer);
		expect(model.redacted).toBe(true);

		const included = build({ includeFlagged: true }, edit).model;
		expect(included.journey[0]!.bottennappar.at(-1)).toContain(pnr);
		expect(included.flags).toHaveLength(2);
		expect(included.redacted).toBe(false);
	});
});

describe('the patient-data pre-check', () => {
	it('still finds the shortest numbers the guard flags', () => {
		const short = ['08-12 34 56', '0701234567', '8112189876'];
		for (const text of short) {
			const { model } = build({}, (doc) => {
				addNote(doc, {
					text: `nr ${text}`,
					kind: 'citat',
					author: { id: 'm1', name: null, profession: 'lakare', organisation: 'region' }
				});
			});
			expect(model.flags.length, text).toBeGreaterThan(0);
		}
	});
});
