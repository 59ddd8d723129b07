import { z } from 'zod';
import { noteKinds, NOTE_TEXT_MAX, type NoteKind } from '$lib/workshop/doc';

/** A note typed but not sent, or an edit not saved. */
export interface Draft {
	text: string;
	kind: NoteKind;
	/** When it was last typed (ms), for dropping old ones. */
	at: number;
}

/** A draft nobody came back to for this long is dropped when the board opens. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60_000;

const draftSchema = z.object({
	text: z.string().max(NOTE_TEXT_MAX),
	kind: z.enum(noteKinds),
	at: z.number()
});

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The draft of a new note in a cell (null ids: "Övriga lappar"). */
export const cellDraftKey = (eventId: string | null, questionId: string | null) =>
	`cell:${eventId ?? '-'}:${questionId ?? '-'}`;

/** The unsaved edit of a note. */
export const noteDraftKey = (noteId: string) => `note:${noteId}`;

/** Reads the stored drafts, keeping only well-formed ones younger than DRAFT_TTL_MS. */
export function parseDrafts(json: string | null, now: number): Record<string, Draft> {
	let raw: unknown;
	try {
		raw = JSON.parse(json ?? '{}');
	} catch {
		return {};
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
	const out: Record<string, Draft> = {};
	for (const [key, value] of Object.entries(raw)) {
		const draft = draftSchema.safeParse(value);
		if (draft.success && now - draft.data.at < DRAFT_TTL_MS) out[key] = draft.data;
	}
	return out;
}

/**
 * One member's unsent notes and unsaved edits in one workshop, written as they are typed
 * (localStorage), so a reload, a crash or a closed tab does not lose them; cleared when the
 * note is sent or the edit saved or cancelled. They never leave this browser.
 */
export class NoteDrafts {
	#all = $state.raw<Record<string, Draft>>({});
	#storage: Store | null;
	#key: string;
	#now: () => number;

	/** Per membership too: on a shared ward computer the next person must not get these. */
	constructor(
		storage: Store | null,
		workshopId: string,
		membershipId: string,
		now: () => number = Date.now
	) {
		this.#storage = storage;
		this.#key = `samskapa:drafts:${workshopId}:${membershipId}`;
		this.#now = now;
		let stored: string | null = null;
		try {
			stored = storage?.getItem(this.#key) ?? null;
		} catch {
			// Storage refused (private mode, policy): drafts live as long as the page.
		}
		this.#all = parseDrafts(stored, now());
		this.#save();
	}

	get(key: string): Draft | undefined {
		return Object.hasOwn(this.#all, key) ? this.#all[key] : undefined;
	}

	has(key: string): boolean {
		return Object.hasOwn(this.#all, key);
	}

	/** Keeps what is typed now; an empty text clears the draft. */
	set(key: string, text: string, kind: NoteKind) {
		if (text.trim() === '') {
			this.clear(key);
			return;
		}
		const was = this.get(key);
		if (was && was.text === text && was.kind === kind) return;
		this.#all = { ...this.#all, [key]: { text, kind, at: this.#now() } };
		this.#save();
	}

	clear(key: string) {
		if (!this.has(key)) return;
		const next = { ...this.#all };
		delete next[key];
		this.#all = next;
		this.#save();
	}

	#save() {
		try {
			if (Object.keys(this.#all).length === 0) this.#storage?.removeItem(this.#key);
			else this.#storage?.setItem(this.#key, JSON.stringify(this.#all));
		} catch {
			// Full or refused: the draft still lives in the page.
		}
	}
}
