import { z } from 'zod';
import { FACT_MAX, TITLE_MAX } from '../journey';
import {
	idSchema,
	linesSchema,
	orderSchema,
	removedAtSchema,
	type RecordDeclaration
} from './declare';

/** At most this many facts per event. */
export const FACTS_MAX = 100;

/** An event of the patient journey (accessors in ../journey.ts): the facilitators'. */
export const eventRecord: RecordDeclaration = {
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
};
