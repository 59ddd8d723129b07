import { z } from 'zod';
import { TITLE_MAX } from '../journey';
import { declareRecord, idSchema, orderSchema, removedAtSchema } from './declare';

/** A question (a row of the journey grid; accessors in ../journey.ts): the facilitators'. */
export const questionRecord = declareRecord({
	name: 'question',
	root: 'questions',
	shape: 'collection',
	key: idSchema,
	fields: {
		text: z.string().max(TITLE_MAX),
		order: orderSchema,
		removedAt: removedAtSchema
	},
	text: ['text'],
	refs: {},
	hidden: false,
	create: ['facilitator'],
	change: { text: ['facilitator'], order: ['facilitator'], removedAt: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});
