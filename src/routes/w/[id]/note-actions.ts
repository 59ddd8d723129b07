import { m } from '$lib/paraglide/messages';
import { authorIdNow, isMine, type BoardContext } from '$lib/realtime/context';
import type { Note, NoteKind } from '$lib/workshop/doc';

/** Where a new note goes: an event × question cell, or nowhere ("Övriga lappar"). */
export interface NotePlace {
	eventId: string | null;
	questionId: string | null;
}

/**
 * Adding, editing and deleting notes from the board's pages, through the session's notes store.
 * In an anonymous workshop the author's name never enters the shared document. While a silent
 * round is open on the journey, a participant's new notes go to their private document
 * (`privateNotes`), and so do the edits of those notes, until the facilitator reveals them.
 */
export function noteActions(ctx: BoardContext) {
	/** The silent round's store, for participants: facilitators write on the board throughout. */
	const silent = () => (ctx.me.role === 'participant' ? (ctx.board?.silentNotes ?? null) : null);
	return {
		/** This participant's notes of the open silent round, not yet revealed. */
		get privateNotes(): Note[] {
			return silent()?.mine ?? [];
		},

		/** Whether a note is one of this member's private notes of the silent round. */
		isPrivate(id: string): boolean {
			return silent()?.mine.some((note) => note.id === id) ?? false;
		},

		/** The role may write notes and ratings (observers may not); see also `locked`. */
		get canWrite() {
			return ctx.me.role !== 'observer';
		},

		/**
		 * The board is locked for this person right now, or the agenda's step closed the journey's
		 * notes to participants (the server refuses them then): write controls show, disabled.
		 */
		get locked() {
			const board = ctx.board;
			if (!board) return false;
			return (
				board.state.blocks(ctx.me.role) ||
				(ctx.me.role !== 'facilitator' && board.agenda.notesClosed)
			);
		},

		/** Own notes for everyone who may write; any note for facilitators. */
		canEdit(note: Note) {
			const { role } = ctx.me;
			return role === 'facilitator' || (role === 'participant' && isMine(ctx.me, note.authorId));
		},

		add(text: string, kind: NoteKind, place: NotePlace, announcement?: string): boolean {
			const board = ctx.board;
			if (!board || ctx.me.role === 'observer' || this.locked) return false;
			const { me, workshop } = ctx;
			const note = {
				text,
				kind,
				eventId: place.eventId,
				questionId: place.questionId,
				author: {
					id: authorIdNow(me, workshop.anonymous),
					name: workshop.anonymous ? null : me.displayName,
					profession: me.profession,
					organisation: me.organisation
				}
			};
			const round = silent();
			if (round?.open) {
				round.add(note);
				ctx.announce(m.silent_journey_note_added());
				return true;
			}
			board.notes.add(note);
			ctx.announce(announcement ?? m.board_note_added());
			return true;
		},

		save(id: string, text: string, kind: NoteKind): boolean {
			const board = ctx.board;
			if (!board || this.locked) return false;
			const saved = this.isPrivate(id)
				? silent()!.save(id, text, kind)
				: board.notes.save(id, text, kind);
			if (saved) ctx.announce(m.board_note_saved());
			return saved;
		},

		remove(id: string) {
			const board = ctx.board;
			if (!board || this.locked) return;
			if (this.isPrivate(id)) silent()!.remove(id);
			else board.notes.remove(id);
			ctx.announce(m.board_note_deleted());
		}
	};
}

export type NoteActions = ReturnType<typeof noteActions>;
