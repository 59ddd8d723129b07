/** Invalidate this to re-read the workshop's settings (e.g. anonymity) without a reload. */
export const WORKSHOP_DEPENDENCY = 'samskapa:workshop';

/**
 * What an anonymous workshop announces as a person's name in presence: a fixed word, so the
 * real name never leaves this browser (presence requires a non-empty name).
 */
export const ANONYMOUS_PRESENCE_NAME = '–';

/** How often an open board re-reads the workshop's settings (anonymity can change live). */
export const SETTINGS_REFRESH_MS = 60_000;

/** The id of the lock banner's text: the reason every disabled write control points to. */
export const LOCK_REASON_ID = 'board-locked-reason';
