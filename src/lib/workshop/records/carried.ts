import * as Y from 'yjs';
import { z } from 'zod';
import { dueSchema } from './action';
import { declareRecord, idSchema } from './declare';

/**
 * Where a record of this board came from, when a workshop in a series started from the
 * previous one's areas, målbilder and action plan (services/series.ts): "från workshop 2,
 * 21 april". Keyed by the carried record's id (an area, whose målbild and placement share its
 * id, or an action). Written by the server alone, when the workshop is created.
 *
 *   doc.getMap('carried'): Y.Map<recordId, Y.Map<{ kind, workshop, position, date }>>
 */
export const carriedKinds = ['area', 'action'] as const;

export const carriedRecord = declareRecord({
	name: 'carried',
	root: 'carried',
	shape: 'collection',
	key: idSchema,
	fields: {
		kind: z.enum(carriedKinds),
		/** The title of the workshop it came from, and its place in the series. */
		workshop: z.string().min(1).max(120),
		position: z.number().int().min(1).max(1000),
		date: dueSchema
	},
	text: ['workshop'],
	refs: {},
	keyRef: { kind: 'ids', to: ['areas'] },
	hidden: false,
	create: [],
	change: {},
	fixed: ['kind', 'workshop', 'position', 'date'],
	remove: ['facilitator'],
	ownedBy: 'nobody: the server’s',
	owner: () => null
});

export interface Carried {
	id: string;
	kind: (typeof carriedKinds)[number];
	workshop: string;
	position: number;
	date: string | null;
}

export const carriedMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('carried');

const carriedSchema = z.object(carriedRecord.fields);

/** Every well-formed provenance entry, by the carried record's id. */
export function listCarried(doc: Y.Doc): Map<string, Carried> {
	const out = new Map<string, Carried>();
	carriedMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = carriedSchema.safeParse(Object.fromEntries(map.entries()));
		if (parsed.success) out.set(id, { id, ...parsed.data });
	});
	return out;
}
