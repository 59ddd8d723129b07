import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from './doc';
import { setEmotion } from './emotions';
import { newId } from './ids';
import { addEvent, addQuestion } from './journey';
import { boardRecords, RECORDS_PER_DOCUMENT } from './layout';
import { updatePersona } from './persona';
import { addAction } from './records/action';
import { createArea } from './records/area';
import { setBoardLocked } from './records/board-state';
import { writeGoal } from './records/goal';
import { placeIdeaOnCanvas } from './records/canvas-shape';
import { addIdea } from './records/idea';
import { writeIdeaRound } from './records/idea-round';
import { addGoalComment } from './records/goal-comment';
import { dismissedNotesMap } from './records/dismissed-note';
import { rejectSuggestion } from './records/rejected-suggestion';
import { addInsight, insightIdForNote } from './records/insight';
import { setPlacement } from './records/placement';
import { writeRound } from './records/round';
import { writeSummary } from './records/summary';
import { boardDocFrom, parseWorkshopFile, remapBoard, type ImportParse } from './workshop-import';
import { buildWorkshopFile, PATIENT_DATA_MASKS, type WorkshopFile } from './workshop-json';

const author = {
	id: 'm1',
	name: 'Pia',
	profession: 'sjukskoterska',
	organisation: 'kommun'
} as const;
const facts = {
	id: 'w1',
	title: 'Oskar 83 – hemgång',
	purpose: 'Förbättra övergången',
	date: '2026-03-01',
	anonymous: false,
	participantsMayExport: false
};
const axis = (n: number) => ({
	n,
	median: 3,
	q1: 2,
	q3: 4,
	iqr: 2,
	distribution: [0, 1, 1, 1, 0] as [number, number, number, number, number]
});

/** A board with a record in every root and a reference of every kind. */
function fullBoard(): Y.Doc {
	const doc = new Y.Doc();
	updatePersona(doc, { name: 'Oskar', age: 83, situation: ['Bor ensam'] });
	const e1 = addEvent(doc, { title: 'Hemgång', facts: ['Fredag eftermiddag'] });
	const q1 = addQuestion(doc, { text: 'Vad gick fel?' });
	const n1 = addNote(doc, {
		text: 'Ingen ringer tillbaka, ring 070-123 45 67',
		kind: 'bottennapp',
		eventId: e1,
		questionId: q1,
		author,
		now: 1000
	});
	setEmotion(doc, e1, 'm1', -2);
	const area = createArea(doc, { name: 'Informationsöverföring', now: 10 })!;
	const sub = createArea(doc, { name: 'Läkemedelslista', parentId: area, now: 11 })!;
	addInsight(doc, {
		id: insightIdForNote(n1),
		text: 'Ingen ringer tillbaka',
		source: 'lowPoint',
		sourceNoteIds: [n1],
		eventIds: [e1],
		questionIds: [q1],
		professions: ['sjukskoterska'],
		organisations: ['kommun'],
		areaId: sub,
		createdBy: null,
		now: 20
	});
	addInsight(doc, { text: 'Skrivet av ledaren', source: 'written', createdBy: 'f1', now: 21 });
	writeRound(doc, 'r1', {
		type: 'scoring',
		areaIds: [area, sub],
		axes: {
			worth: { label: 'Nytta', better: 'high' },
			cost: { label: 'Insats', better: 'low' }
		},
		dotLimits: null,
		status: 'revealed',
		progress: 3,
		eligible: 3,
		results: { scores: { [area]: { worth: axis(3), cost: axis(3), flagged: false } } },
		previousId: null,
		createdAt: 30
	});
	writeRound(doc, 'r2', {
		type: 'dots',
		areaIds: [area],
		axes: {
			worth: { label: 'Nytta', better: 'high' },
			cost: { label: 'Insats', better: 'low' }
		},
		dotLimits: { perPerson: 5, perArea: 3 },
		status: 'closed',
		progress: 1,
		eligible: 3,
		// Not revealed: an export must never carry these, whatever the board holds.
		results: { dots: [{ areaId: area, dots: 4, voters: 2, rank: 1 }] },
		previousId: 'r1',
		createdAt: 31
	});
	setPlacement(doc, area, { prioritised: true, final: { worth: 4, cost: 2 } });
	writeGoal(doc, area, { summary: 'Sammanhållen', statements: ['Jag vet vem jag ska ringa'] });
	const sticky = placeIdeaOnCanvas(doc, {
		areaId: area,
		text: 'Ring direkt',
		author,
		key: 'canvasSticky1',
		now: 39
	});
	const idea = addIdea(doc, {
		text: 'En kontaktperson',
		areaId: area,
		author,
		now: 40,
		canvasKey: sticky
	});
	addAction(doc, { areaId: area, ideaId: idea, step: 'Hemgång', owner: 'Kommunen', now: 50 });
	writeIdeaRound(doc, 'ir1', {
		type: 'dots',
		areaIds: [area],
		ideaIds: [idea],
		dotLimits: { perPerson: 3, perArea: 2 },
		status: 'revealed',
		progress: 2,
		eligible: 2,
		results: [{ ideaId: idea, dots: 3, voters: 2, rank: 1 }],
		createdAt: 45
	});
	addGoalComment(doc, { areaId: area, text: 'Gäller även helger', author, now: 46 });
	doc.transact(() => dismissedNotesMap(doc).set('removedNote1', 47));
	writeSummary(doc, { bullets: ['Å ä ö <script>alert(1)</script>'], nextSteps: ['Följ upp'] });
	setBoardLocked(doc, true);
	return doc;
}

const file = (doc: Y.Doc, over: Partial<typeof facts> = {}, includeFlagged = true) =>
	buildWorkshopFile(
		doc,
		{ ...facts, ...over },
		{ exportedAt: new Date('2026-03-02T10:00:00Z'), includeFlagged }
	);

function imported(text: string): WorkshopFile {
	const parsed: ImportParse = parseWorkshopFile(text);
	if (!parsed.ok) throw new Error(`${parsed.error} at ${parsed.path}`);
	return parsed.file;
}

/** Replaces each new id by its old one and sorts collections again: a file minus its ids. */
function withOldIds(json: string, ids: Map<string, string>): unknown {
	let out = json;
	for (const [old, fresh] of ids) out = out.split(fresh).join(old);
	const value = JSON.parse(out) as WorkshopFile;
	for (const [root, v] of Object.entries(value.board)) {
		if (Array.isArray(v)) {
			(value.board as Record<string, unknown>)[root] = [...(v as Array<{ id: string }>)].sort(
				(a, b) => (a.id < b.id ? -1 : 1)
			);
		}
	}
	return value;
}

describe('workshop file, schema version 2', () => {
	it('holds every root once, the board alone, and no results of an unrevealed round', () => {
		const out = file(fullBoard());
		expect(out.schemaVersion).toBe(2);
		expect(Object.keys(out)).not.toContain('notes');
		expect(Object.keys(out.board).sort()).toEqual(boardRecords.map((r) => r.root).sort());
		const rounds = out.board.rounds as Array<{ id: string; results: unknown }>;
		expect(rounds.find((r) => r.id === 'r1')!.results).not.toBeNull();
		expect(rounds.find((r) => r.id === 'r2')!.results).toBeNull();
	});

	it('holds no names when the workshop is anonymous', () => {
		const json = JSON.stringify(file(fullBoard(), { anonymous: true }));
		expect(json).not.toContain('Pia');
		expect(json).toContain('sjukskoterska');
	});

	it('masks patient data unless asked to include it', () => {
		const masked = JSON.stringify(file(fullBoard(), {}, false));
		expect(masked).not.toContain('070-123 45 67');
		expect(masked).toContain(PATIENT_DATA_MASKS.phone);
		expect(JSON.stringify(file(fullBoard(), {}, true))).toContain('070-123 45 67');
	});

	it('masks a goal comment, an author name, title and purpose like every other text', () => {
		const doc = fullBoard();
		addGoalComment(doc, { areaId: 'a1', text: 'Ring Oskar på 070-123 45 67', author, now: 48 });
		const out = file(
			doc,
			{ title: 'Oskar 19550412-3455', purpose: 'Ring (070-1234567) eller 070.123.45.67' },
			false
		);
		const json = JSON.stringify(out);
		for (const leak of ['123 45 67', '1234567', '123.45.67', '19550412', '550412']) {
			expect(json).not.toContain(leak);
		}
		expect(out.workshop.title).toBe(`Oskar ${PATIENT_DATA_MASKS.personnummer}`);
		expect(out.workshop.purpose).toBe(
			`Ring (${PATIENT_DATA_MASKS.phone}) eller ${PATIENT_DATA_MASKS.phone}`
		);
		const comments = out.board.goalComments as Array<{ text: string }>;
		expect(comments.map((c) => c.text)).toContain(`Ring Oskar på ${PATIENT_DATA_MASKS.phone}`);
		expect(out.patientDataRedacted).toBe(true);
	});

	it('keeps title and purpose as written when asked to include flagged text', () => {
		const out = file(fullBoard(), { title: 'Oskar 19550412-3455' }, true);
		expect(out.workshop.title).toBe('Oskar 19550412-3455');
		expect(out.patientDataRedacted).toBe(false);
	});
});

describe('import', () => {
	it('export → import → export is identical apart from ids', () => {
		const first = file(fullBoard());
		const parsed = imported(JSON.stringify(first));
		const { board, ids } = remapBoard(parsed.board, newId);
		const doc = boardDocFrom(board);
		const second = file(doc);
		const secondJson = JSON.stringify(second);
		// No old id survives anywhere (every reference was renewed) …
		for (const old of ids.ids.keys()) expect(secondJson).not.toContain(`"${old}"`);
		// … and with the old ids put back, the files are the same.
		const fresh = new Map([...ids.ids].map(([old, n]) => [old, n]));
		expect(withOldIds(secondJson, fresh)).toEqual(withOldIds(JSON.stringify(first), new Map()));
	});

	it('leaves out records keyed by a digest of ids, which could never match again', () => {
		const doc = fullBoard();
		rejectSuggestion(doc, ['i1', 'i2']);
		const parsed = imported(JSON.stringify(file(doc)));
		expect(Object.keys(parsed.board.rejectedSuggestions as object)).toHaveLength(1);
		expect(remapBoard(parsed.board, newId).board.rejectedSuggestions).toBeUndefined();
	});

	it('keeps a derived insight derived from its note', () => {
		const parsed = imported(JSON.stringify(file(fullBoard())));
		const { board } = remapBoard(parsed.board, newId);
		const notes = board.notes as Array<{ id: string }>;
		const insights = board.insights as Array<{ id: string; sourceNoteIds: string[] }>;
		const derived = insights.find((i) => i.sourceNoteIds.length === 1)!;
		expect(derived.id).toBe(`n-${notes[0]!.id}`);
		expect(derived.sourceNoteIds).toEqual([notes[0]!.id]);
	});

	it('keeps script in text as text', () => {
		const parsed = imported(JSON.stringify(file(fullBoard())));
		expect((parsed.board.summary as { bullets: string[] }).bullets).toEqual([
			'Å ä ö <script>alert(1)</script>'
		]);
	});

	const refused = (text: string) => {
		const r = parseWorkshopFile(text);
		return r.ok ? 'accepted' : r.error;
	};
	const valid = () => JSON.parse(JSON.stringify(file(fullBoard()))) as Record<string, unknown>;

	it('refuses hostile and malformed files with one error each', () => {
		const text = JSON.stringify(file(fullBoard()));
		expect(refused(text.slice(0, text.length / 2))).toBe('import_not_json');
		expect(refused('')).toBe('import_not_json');
		expect(refused('[]')).toBe('import_not_samskapa');
		expect(refused(JSON.stringify({ ...valid(), schemaVersion: 1 }))).toBe('import_version');
		expect(refused(JSON.stringify({ ...valid(), schemaVersion: 3 }))).toBe('import_version');
		expect(refused(text.replace('"board":{', '"board":{"__proto__":{"polluted":true},'))).toBe(
			'import_forbidden_key'
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(refused(text.replace('"board":{', '"board":{"constructor":{},'))).toBe(
			'import_forbidden_key'
		);
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(refused(text.replace('"board":{', `"board":{"x":${deep},`))).toBe('import_too_deep');
		expect(refused(text.replace('"board":{', '"board":{"unknownRoot":[],'))).toBe('import_invalid');
		expect(refused(text.replace('"kind":"bottennapp"', '"kind":"bottennapp","extra":1'))).toBe(
			'import_invalid'
		);
		expect(refused(text.replace('"kind":"bottennapp"', '"kind":"hacked"'))).toBe('import_invalid');
	});

	it('refuses more records than a board may hold', () => {
		const v = valid();
		const board = v.board as Record<string, unknown[]>;
		const q = board.questions![0] as Record<string, unknown>;
		board.questions = Array.from({ length: RECORDS_PER_DOCUMENT + 1 }, (_, i) => ({
			...q,
			id: `q${i}`
		}));
		expect(refused(JSON.stringify(v))).toBe('import_too_many');
	});

	it('names the field that is wrong', () => {
		const v = valid();
		((v.board as Record<string, unknown[]>).notes![0] as Record<string, unknown>).text = '';
		const r = parseWorkshopFile(JSON.stringify(v));
		expect(r.ok ? null : r.path).toBe('board.notes.0.text');
	});
});
