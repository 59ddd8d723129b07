import { MediaQuery } from 'svelte/reactivity';

/** Below this width the journey grid shows one event at a time. */
export const PHONE_MAX_WIDTH_PX = 599.98;

/**
 * True on a phone-sized viewport, reactive to rotation and resizing. Components render one
 * layout from it (not both hidden by CSS), so a 2,000-note board is built once. False on the
 * server: the board itself only exists in the browser.
 */
export function phoneQuery(): MediaQuery {
	return new MediaQuery(`(max-width: ${PHONE_MAX_WIDTH_PX}px)`, false);
}
