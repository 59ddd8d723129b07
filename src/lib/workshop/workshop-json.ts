import type * as Y from 'yjs';
import { z } from 'zod';
import { REDACTION_MASKS } from '../report/labels';
import { namedRoots } from './anonymity';
import { boardRecords, RECORDS_PER_DOCUMENT } from './layout';
import { exportBoard } from './layout-export';
import { redactPatientData, type PatientDataKind } from './patient-data';
import { mayHoldPatientData } from './patient-data-gate';
import { idSchema, type RecordDeclaration } from './records/declare';
import { mapStrings } from './records/walk';
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

const workshopFields = {
	id: idSchema,
	title: z.string().trim().min(1).max(120),
	purpose: z.string().max(2000),
	date: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.nullable()
};

export const workshopFileSchema = z.strictObject({
	format: z.literal(WORKSHOP_FORMAT),
	schemaVersion: z.literal(SCHEMA_VERSION),
	exportedAt: z.string().max(40),
	workshop: z.strictObject(workshopFields),
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
	const redact = !options.includeFlagged;
	if (redact) redactRecords(boardRecords, board);
	return {
		format: WORKSHOP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: options.exportedAt.toISOString(),
		workshop: {
			id: workshop.id,
			title: redact ? redactValue(workshop.title, workshopFields.title) : workshop.title,
			purpose: redact ? redactValue(workshop.purpose, workshopFields.purpose) : workshop.purpose,
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

const redactText = (text: string) =>
	mayHoldPatientData(text) ? redactPatientData(text, mask) : text;

/**
 * Every string inside a value (a text, a list of lines, an object of labels) with its patient
 * data masked, still fitting its field: where a mask would make a string too long for its
 * schema, the masked string is cut to the length of what it hides.
 */
function redactValue<T>(value: T, schema: z.ZodType): T {
	const out = mapStrings(value, redactText);
	if (JSON.stringify(out) === JSON.stringify(value) || schema.safeParse(out).success) {
		return out as T;
	}
	return mapStrings(value, (s) => redactText(s).slice(0, s.length)) as T;
}

/**
 * Masks patient data in every declared text field of every record of `records` in `data`
 * (roots as exportBoard gives them), in place: a new text field is masked by being declared.
 */
export function redactRecords(records: readonly RecordDeclaration[], data: BoardFile) {
	for (const record of records) {
		const value = data[record.root];
		const text = record.text ?? [];
		if (value === undefined || text.length === 0) continue;
		const redact = (r: Record<string, unknown>) => {
			const out = { ...r };
			for (const f of text) if (f in out) out[f] = redactValue(out[f], record.fields[f]!);
			return out;
		};
		if (record.shape === 'collection') data[record.root] = (value as Row[]).map(redact);
		else if (record.shape === 'singleton') data[record.root] = redact(value as Row);
		else {
			// An entry's one field is its value.
			data[record.root] = Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([k, v]) => [
					k,
					text.includes('value') ? redactValue(v, record.fields.value!) : v
				])
			);
		}
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
