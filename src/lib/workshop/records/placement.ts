import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, idSchema, type RecordValue } from './declare';

/**
 * The facilitator's decision about an area after a round: where it finally sits in the matrix
 * (null: at its medians; the report says when it was moved) and whether it is prioriterad.
 *
 *   doc.getMap('placements'): Y.Map<areaId, Y.Map<{ final, prioritised }>>
 */
const position = z.object({ worth: z.number().min(1).max(5), cost: z.number().min(1).max(5) });

export const placementRecord = declareRecord({
	name: 'placement',
	root: 'placements',
	shape: 'collection',
	key: idSchema,
	fields: { final: position.nullable(), prioritised: z.boolean() },
	text: [],
	refs: {},
	keyRef: { kind: 'ids', to: ['areas'] },
	hidden: false,
	create: ['facilitator'],
	change: { final: ['facilitator'], prioritised: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export interface Placement extends RecordValue<typeof placementRecord> {
	areaId: string;
}

export const placementsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('placements');

export function listPlacements(doc: Y.Doc): Map<string, Placement> {
	const out = new Map<string, Placement>();
	placementsMap(doc).forEach((map, areaId) => {
		if (!(map instanceof Y.Map)) return;
		const final = position.nullable().safeParse(map.get('final'));
		out.set(areaId, {
			areaId,
			final: final.success ? final.data : null,
			prioritised: map.get('prioritised') === true
		});
	});
	return out;
}

/** Sets an area's final position and/or prioritised mark (facilitators). */
export function setPlacement(
	doc: Y.Doc,
	areaId: string,
	change: Partial<Omit<Placement, 'areaId'>>,
	origin?: unknown
) {
	doc.transact(() => {
		let map = placementsMap(doc).get(areaId);
		if (!(map instanceof Y.Map)) {
			map = new Y.Map<unknown>();
			placementsMap(doc).set(areaId, map);
			map.set('final', null);
			map.set('prioritised', false);
		}
		if (change.final !== undefined) map.set('final', change.final);
		if (change.prioritised !== undefined) map.set('prioritised', change.prioritised);
	}, origin);
}
