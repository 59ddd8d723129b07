import { z } from 'zod';
import { FACT_MAX, TITLE_MAX } from '../journey';
import { declareRecord, idSchema, linesSchema, orderSchema, removedAtSchema } from './declare';

/** At most this many facts per event. */
export const FACTS_MAX = 100;

/** An event of the patient journey (accessors in ../journey.ts): the facilitators'. */
export const eventRecord = declareRecord({
	name: 'event',
	root: 'events',
	shape: 'collection',
	key: idSchema,
	fields: {
		title: z.string().max(TITLE_MAX),
		facts: linesSchema(FACT_MAX, FACTS_MAX),
		order: orderSchema,
		removedAt: removedAtSchema
	},
	text: ['title', 'facts'],
	refs: {},
	hidden: false,
	create: ['facilitator'],
	change: {
		title: ['facilitator'],
		facts: ['facilitator'],
		order: ['facilitator'],
		removedAt: ['facilitator']
	},
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});
