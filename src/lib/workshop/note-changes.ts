import type { Note } from './doc';

/** What of a note the room hears about: where it is and what it says. */
export type NoteSnapshot = Pick<Note, 'id' | 'text' | 'eventId' | 'authorId'>;

export type ChangeKind = 'added' | 'changed' | 'removed';

/** Notes of others that changed since the last summary, one entry per note. */
export type PendingChanges = Map<string, { kind: ChangeKind; eventId: string | null }>;

/**
 * Folds one update of the board into the changes not yet announced: a note added and then
 * edited is still one new note, one edited ten times one changed note, one added and removed
 * before the summary nothing at all. The person's own notes are never counted (`mine`).
 */
export function collectNoteChanges(
	pending: PendingChanges,
	before: ReadonlyMap<string, NoteSnapshot>,
	after: readonly NoteSnapshot[],
	mine: (authorId: string) => boolean
): PendingChanges {
	const next: PendingChanges = new Map(pending);
	const seen = new Set<string>();
	for (const note of after) {
		seen.add(note.id);
		if (mine(note.authorId)) continue;
		const was = before.get(note.id);
		const earlier = next.get(note.id);
		if (!was) next.set(note.id, { kind: 'added', eventId: note.eventId });
		else if (was.text !== note.text || was.eventId !== note.eventId) {
			next.set(note.id, {
				kind: earlier?.kind === 'added' ? 'added' : 'changed',
				eventId: note.eventId
			});
		}
	}
	for (const [id, was] of before) {
		if (seen.has(id) || mine(was.authorId)) continue;
		if (next.get(id)?.kind === 'added') next.delete(id);
		else next.set(id, { kind: 'removed', eventId: was.eventId });
	}
	return next;
}

export interface ChangeLine {
	kind: ChangeKind;
	count: number;
	/** The event the notes are in, null for notes without one. */
	eventId: string | null;
}

/**
 * The changes as few lines as there are kinds and places ("2 nya lappar i Händelse 1"),
 * added before changed before removed, places in the board's order of events.
 */
export function summariseNoteChanges(
	pending: PendingChanges,
	eventOrder: readonly string[]
): ChangeLine[] {
	const lines = new Map<string, ChangeLine>();
	for (const { kind, eventId } of pending.values()) {
		const key = `${kind}|${eventId ?? ''}`;
		const line = lines.get(key) ?? { kind, count: 0, eventId };
		line.count++;
		lines.set(key, line);
	}
	const kinds: ChangeKind[] = ['added', 'changed', 'removed'];
	const place = (id: string | null) => {
		const i = id === null ? -1 : eventOrder.indexOf(id);
		return i === -1 ? eventOrder.length : i;
	};
	return [...lines.values()].sort(
		(a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || place(a.eventId) - place(b.eventId)
	);
}
