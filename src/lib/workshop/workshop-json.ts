import type * as Y from 'yjs';
import { z } from 'zod';
import { REDACTION_MASKS } from '../report/labels';
import { namedRoots } from './anonymity';
import { boardRecords, RECORDS_PER_DOCUMENT } from './layout';
import { exportBoard } from './layout-export';
import { redactPatientData, type PatientDataKind } from './patient-data';
import { mayHoldPatientData } from './patient-data-flag';
import { idSchema, type RecordDeclaration } from './records/declare';
import { builtInTemplates, templateFromDoc } from './template';

/**
 * The workshop as one JSON file, schema version 2 (docs/import-export.md): the workshop's
 * own fields and settings, and `board`, every declared record of the shared board keyed by its
 * root map (collections as arrays sorted by id, entries as objects, singletons as objects).
 * The same schema validates an import (workshop-import.ts), so what is exported is exactly
 * what can be imported, and a new record type travels by being declared in layout.ts.
 */
export const WORKSHOP_FORMAT = 'samskapa-workshop';
export const SCHEMA_VERSION = 2;

/** What replaces flagged patient data unless the export is asked to include it (as in reports). */
export const PATIENT_DATA_MASKS = REDACTION_MASKS;

/** The fields people write free text in, per root: the ones patient data may hide in. */
const FREE_TEXT: Record<string, readonly string[]> = {
	notes: ['text'],
	events: ['title', 'facts'],
	questions: ['text'],
	persona: ['name', 'situation', 'conditions', 'matters'],
	insights: ['text'],
	areas: ['name'],
	ideas: ['text', 'group'],
	actions: ['step', 'current', 'desired', 'proposal', 'plan', 'owner'],
	goals: ['summary', 'statements', 'question'],
	summary: ['bullets', 'nextSteps']
};

/** One record of a collection: its id and every declared field (optional ones may be missing). */
export function rowSchema(record: RecordDeclaration) {
	const optional = new Set(record.optional ?? []);
	const shape: Record<string, z.ZodType> = { id: record.key };
	for (const [field, schema] of Object.entries(record.fields)) {
		shape[field] = optional.has(field) ? schema.optional() : schema;
	}
	return z.strictObject(shape);
}

function rootSchema(record: RecordDeclaration): z.ZodType {
	if (record.shape === 'collection') {
		return z.array(rowSchema(record)).max(RECORDS_PER_DOCUMENT);
	}
	if (record.shape === 'singleton') {
		const shape: Record<string, z.ZodType> = {};
		for (const [field, schema] of Object.entries(record.fields)) shape[field] = schema.optional();
		return z.strictObject(shape);
	}
	return z
		.record(record.key, record.fields.value!)
		.refine((entries) => Object.keys(entries).length <= RECORDS_PER_DOCUMENT);
}

/** Every root of the board; a missing one is empty (a file from before it was declared). */
export const boardFileSchema = z.strictObject(
	Object.fromEntries(boardRecords.map((r) => [r.root, rootSchema(r).optional()]))
);

export const workshopFileSchema = z.strictObject({
	format: z.literal(WORKSHOP_FORMAT),
	schemaVersion: z.literal(SCHEMA_VERSION),
	exportedAt: z.string().max(40),
	workshop: z.strictObject({
		id: idSchema,
		title: z.string().trim().min(1).max(120),
		purpose: z.string().max(2000),
		date: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/)
			.nullable()
	}),
	settings: z.strictObject({ anonymous: z.boolean(), participantsMayExport: z.boolean() }),
	/** The built-in template whose structure the workshop still has unchanged, if any. */
	template: z.strictObject({ id: z.string().max(64), name: z.string().max(120) }).nullable(),
	/** Whether flagged patient data was masked in this file (the default). */
	patientDataRedacted: z.boolean(),
	board: boardFileSchema
});

export type WorkshopFile = z.infer<typeof workshopFileSchema>;
export type BoardFile = Record<string, unknown>;
type Row = Record<string, unknown> & { id: string };

export interface WorkshopFacts {
	id: string;
	title: string;
	purpose: string;
	date: string | null;
	anonymous: boolean;
	participantsMayExport: boolean;
}

export interface ExportOptions {
	exportedAt: Date;
	/** Include text flagged as possible patient data instead of masking it (`?include=flagged`). */
	includeFlagged: boolean;
}

/** The complete workshop as a schema-version-2 file. */
export function buildWorkshopFile(
	doc: Y.Doc,
	workshop: WorkshopFacts,
	options: ExportOptions
): WorkshopFile {
	const board: BoardFile = exportBoard(doc);
	for (const record of boardRecords) {
		if (record.shape !== 'collection') continue;
		// Only whole records: a record missing a required field could not be imported again.
		const schema = rowSchema(record);
		board[record.root] = (board[record.root] as Row[]).filter((r) => schema.safeParse(r).success);
	}
	// Results are written at reveal; a round not revealed never carries any into a file.
	board.rounds = (board.rounds as Row[]).map((r) =>
		r.status === 'revealed' ? r : { ...r, results: null }
	);
	if (workshop.anonymous) {
		for (const root of namedRoots) {
			board[root] = (board[root] as Row[]).map((r) => ({ ...r, authorName: null }));
		}
	}
	if (!options.includeFlagged) redactBoard(board);
	return {
		format: WORKSHOP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: options.exportedAt.toISOString(),
		workshop: {
			id: workshop.id,
			title: workshop.title,
			purpose: workshop.purpose,
			date: workshop.date
		},
		settings: {
			anonymous: workshop.anonymous,
			participantsMayExport: workshop.participantsMayExport
		},
		template: matchingTemplate(doc),
		patientDataRedacted: !options.includeFlagged,
		board: board as WorkshopFile['board']
	};
}

const mask = (kind: PatientDataKind) => PATIENT_DATA_MASKS[kind];

/** A redacted string that still fits its field (a mask is longer than what it hides). */
function redactString(text: string, schema: z.ZodType): string {
	if (!mayHoldPatientData(text)) return text;
	const out = redactPatientData(text, mask);
	if (out === text || schema.safeParse(out).success) return out;
	return out.slice(0, text.length);
}

function redactValue(value: unknown, schema: z.ZodType): unknown {
	if (typeof value === 'string') return redactString(value, schema);
	if (!Array.isArray(value)) return value;
	if (!value.some((line) => typeof line === 'string' && mayHoldPatientData(line))) return value;
	const out = value.map((line) =>
		typeof line === 'string' ? redactPatientData(line, mask) : line
	);
	if (schema.safeParse(out).success) return out;
	return out.map((line, i) =>
		typeof line === 'string' ? line.slice(0, String(value[i]).length) : line
	);
}

function redactBoard(board: BoardFile) {
	for (const record of boardRecords) {
		const fields = FREE_TEXT[record.root];
		if (!fields) continue;
		const redact = (r: Record<string, unknown>) => {
			const out = { ...r };
			for (const f of fields) if (f in out) out[f] = redactValue(out[f], record.fields[f]!);
			return out;
		};
		const value = board[record.root];
		board[record.root] = Array.isArray(value)
			? value.map(redact)
			: redact(value as Record<string, unknown>);
	}
}

function matchingTemplate(doc: Y.Doc): WorkshopFile['template'] {
	let own: ReturnType<typeof templateFromDoc>;
	try {
		own = templateFromDoc(doc, 'x', 'x');
	} catch {
		return null; // larger than any template can be
	}
	const same = (t: (typeof builtInTemplates)[number]) =>
		JSON.stringify([t.persona, t.events, t.questions]) ===
		JSON.stringify([own.persona, own.events, own.questions]);
	const found = builtInTemplates.find(same);
	return found ? { id: found.id, name: found.name.sv } : null;
}
