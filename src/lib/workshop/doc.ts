import * as Y from 'yjs';
import { newId } from './ids';

/**
 * The one module that owns the layout of a workshop's shared Yjs document.
 * Components and servers read and write through these accessors only; docs/realtime.md
 * documents the same layout for outside clients.
 *
 *   doc.getMap('notes'): Y.Map<noteId, Y.Map<NoteField>>
 */

export const noteKinds = ['note', 'bottennapp', 'hojdpunkt', 'citat'] as const;
export type NoteKind = (typeof noteKinds)[number];

export const NOTE_TEXT_MAX = 2000;

export interface NoteAuthor {
	/** The membership id of the author. */
	id: string;
	/** Null in an anonymous workshop: the name never enters the shared document. */
	name: string | null;
	profession: string;
	organisation: string;
}

export interface Note {
	id: string;
	text: string;
	kind: NoteKind;
	eventId: string | null;
	questionId: string | null;
	authorId: string;
	authorName: string | null;
	profession: string;
	organisation: string;
	createdAt: number;
	updatedAt: number;
}

export interface NewNote {
	text: string;
	kind?: NoteKind;
	eventId?: string | null;
	questionId?: string | null;
	author: NoteAuthor;
	id?: string;
	now?: number;
}

export function notesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('notes');
}

/** Trims and caps note text so one paste cannot bloat every participant's document. */
export function cleanNoteText(text: string): string {
	return text.replace(/\r\n?/g, '\n').trim().slice(0, NOTE_TEXT_MAX);
}

function isNoteKind(value: unknown): value is NoteKind {
	return typeof value === 'string' && (noteKinds as readonly string[]).includes(value);
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Reads one note defensively: the document may have been written by any client. */
export function readNote(id: string, map: Y.Map<unknown>): Note {
	const kind = map.get('kind');
	return {
		id,
		text: str(map.get('text')).slice(0, NOTE_TEXT_MAX),
		kind: isNoteKind(kind) ? kind : 'note',
		eventId: strOrNull(map.get('eventId')),
		questionId: strOrNull(map.get('questionId')),
		authorId: str(map.get('authorId')),
		authorName: strOrNull(map.get('authorName')),
		profession: str(map.get('profession'), 'annan'),
		organisation: str(map.get('organisation'), 'annan'),
		createdAt: num(map.get('createdAt')),
		updatedAt: num(map.get('updatedAt'))
	};
}

/** Adds a note and returns its id. Empty text is refused. */
export function addNote(doc: Y.Doc, input: NewNote): string {
	const text = cleanNoteText(input.text);
	if (!text) throw new Error('empty note');
	const id = input.id ?? newId();
	const now = input.now ?? Date.now();
	doc.transact(() => {
		const note = new Y.Map<unknown>();
		note.set('text', text);
		note.set('kind', input.kind ?? 'note');
		note.set('eventId', input.eventId ?? null);
		note.set('questionId', input.questionId ?? null);
		note.set('authorId', input.author.id);
		note.set('authorName', input.author.name);
		note.set('profession', input.author.profession);
		note.set('organisation', input.author.organisation);
		note.set('createdAt', now);
		note.set('updatedAt', now);
		notesMap(doc).set(id, note);
	});
	return id;
}

/** Changes a note's text; returns false when the note no longer exists. */
export function editNote(doc: Y.Doc, id: string, text: string, now = Date.now()): boolean {
	const note = notesMap(doc).get(id);
	const clean = cleanNoteText(text);
	if (!note || !clean) return false;
	doc.transact(() => {
		note.set('text', clean);
		note.set('updatedAt', now);
	});
	return true;
}

export function setNoteKind(doc: Y.Doc, id: string, kind: NoteKind, now = Date.now()): boolean {
	const note = notesMap(doc).get(id);
	if (!note) return false;
	doc.transact(() => {
		note.set('kind', kind);
		note.set('updatedAt', now);
	});
	return true;
}

export function deleteNote(doc: Y.Doc, id: string): boolean {
	const notes = notesMap(doc);
	if (!notes.has(id)) return false;
	doc.transact(() => notes.delete(id));
	return true;
}

/**
 * Writes a note read from another document (a private document's silent round, the board) as
 * it was: its id, provenance and creation time. Its edit time follows when it differs.
 */
export function copyNote(doc: Y.Doc, note: Note): string {
	const id = addNote(doc, {
		id: note.id,
		text: note.text,
		kind: note.kind,
		eventId: note.eventId,
		questionId: note.questionId,
		now: note.createdAt,
		author: {
			id: note.authorId,
			name: note.authorName,
			profession: note.profession,
			organisation: note.organisation
		}
	});
	if (note.updatedAt !== note.createdAt) notesMap(doc).get(id)?.set('updatedAt', note.updatedAt);
	return id;
}

/** All notes, oldest first (ties broken by id so every client shows the same order). */
export function listNotes(doc: Y.Doc): Note[] {
	const out: Note[] = [];
	notesMap(doc).forEach((map, id) => {
		if (map instanceof Y.Map) out.push(readNote(id, map));
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
