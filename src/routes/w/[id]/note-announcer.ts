import { m } from '$lib/paraglide/messages';
import type { Note } from '$lib/workshop/doc';
import type { JourneyEvent } from '$lib/workshop/journey';
import { displayTitle } from '$lib/components/journey/view';
import {
	collectNoteChanges,
	summariseNoteChanges,
	type ChangeLine,
	type NoteSnapshot,
	type PendingChanges
} from '$lib/workshop/note-changes';

/** How long changes gather before one summary is read out: never one per keystroke. */
export const SUMMARY_DELAY_MS = 2000;

const messages = {
	added: [m.pages_new_notes_one, m.pages_new_notes_other],
	changed: [m.pages_changed_notes_one, m.pages_changed_notes_other],
	removed: [m.pages_removed_notes_one, m.pages_removed_notes_other]
} as const;

function sentence(line: ChangeLine, events: readonly JourneyEvent[]): string {
	const index = events.findIndex((e) => e.id === line.eventId);
	const place =
		index === -1
			? m.pages_place_unsorted()
			: displayTitle(events[index]!.title, m.journey_event_fallback({ n: index + 1 }));
	const [one, other] = messages[line.kind];
	return (line.count === 1 ? one : other)({ count: String(line.count), place });
}

/**
 * Tells the room, politely and in summary, what others changed on the board: called with
 * every new list of notes; the first summary goes out SUMMARY_DELAY_MS after the first
 * change, whatever follows meanwhile joins it.
 */
export function noteAnnouncer(options: {
	isMine: (authorId: string) => boolean;
	events: () => readonly JourneyEvent[];
	announce: (message: string) => void;
}) {
	let before: Map<string, NoteSnapshot> | null = null;
	let pending: PendingChanges = new Map();
	let timer: ReturnType<typeof setTimeout> | null = null;

	function flush() {
		timer = null;
		const events = options.events();
		const lines = summariseNoteChanges(
			pending,
			events.map((e) => e.id)
		);
		pending = new Map();
		if (lines.length > 0) options.announce(lines.map((l) => sentence(l, events)).join('. ') + '.');
	}

	return {
		/** The notes as they are now; `ready` once the board has its first copy. */
		update(notes: readonly Note[], ready: boolean) {
			const now = new Map(notes.map((n) => [n.id, n]));
			if (before && ready) {
				pending = collectNoteChanges(pending, before, notes, options.isMine);
				if (pending.size > 0 && timer === null) timer = setTimeout(flush, SUMMARY_DELAY_MS);
			}
			if (ready) before = now;
		},
		stop() {
			if (timer !== null) clearTimeout(timer);
		}
	};
}
