/** Invalidate this to re-read the workshop's page data (e.g. after changing a setting). */
export const WORKSHOP_DEPENDENCY = 'samskapa:workshop';

/**
 * What an anonymous workshop announces as a person's name in presence: a fixed word, so the
 * real name never leaves this browser (presence requires a non-empty name).
 */
export const ANONYMOUS_PRESENCE_NAME = 'Anonym';

/** The id of the lock banner's text: the reason every disabled write control points to. */
export const LOCK_REASON_ID = 'board-locked-reason';

/**
 * From this many notes the journey grid renders a row's notes only once the row nears the
 * screen: below it, rendering every cell costs less than a frame or two.
 */
export const WINDOW_FROM_NOTES = 300;
