import type * as Y from 'yjs';
import { stateMap } from './board-state';

/**
 * The workshop's settings, in the board's `state` (declared in board-state.ts) so every open
 * browser sees a change at once:
 *
 *   doc.getMap('state'): { anonymous: boolean, participantsMayExport: boolean, … }
 *
 * `anonymous`: no names on records or in presence. `participantsMayExport`: participants may
 * download reports and exports. Only the server writes them (PATCH /api/workshops/:id/settings),
 * because switching anonymity on must also remove names and rewrite presence; the database
 * keeps a copy for requests while the board is not loaded.
 */

export interface WorkshopSwitches {
	anonymous: boolean;
	participantsMayExport: boolean;
}

export const SWITCH_NAMES = [
	'anonymous',
	'participantsMayExport'
] as const satisfies readonly (keyof WorkshopSwitches)[];

/** The switches the board holds; a switch it does not hold (yet) is left out. */
export function readSwitches(doc: Y.Doc): Partial<WorkshopSwitches> {
	const map = stateMap(doc);
	const switches: Partial<WorkshopSwitches> = {};
	for (const name of SWITCH_NAMES) {
		const value = map.get(name);
		if (typeof value === 'boolean') switches[name] = value;
	}
	return switches;
}

/** Writes the switches that differ from what the board holds (no update when none does). */
export function writeSwitches(doc: Y.Doc, switches: Partial<WorkshopSwitches>): void {
	const map = stateMap(doc);
	for (const name of SWITCH_NAMES) {
		const value = switches[name];
		if (value !== undefined && map.get(name) !== value) map.set(name, value);
	}
}
