import { z } from 'zod';
import { PERSONA_LINE_MAX, PERSONA_NAME_MAX } from '../persona';
import { declareRecord, linesSchema } from './declare';

/** At most this many lines per persona list. */
export const PERSONA_LINES_MAX = 100;

/** The workshop's persona (accessors in ../persona.ts): one record, the facilitators'. */
export const personaRecord = declareRecord({
	name: 'persona',
	root: 'persona',
	shape: 'singleton',
	key: z.string(),
	fields: {
		name: z.string().max(PERSONA_NAME_MAX),
		age: z.number().int().min(0).max(129).nullable(),
		situation: linesSchema(PERSONA_LINE_MAX, PERSONA_LINES_MAX),
		conditions: linesSchema(PERSONA_LINE_MAX, PERSONA_LINES_MAX),
		matters: linesSchema(PERSONA_LINE_MAX, PERSONA_LINES_MAX)
	},
	text: ['name', 'situation', 'conditions', 'matters'],
	refs: {},
	hidden: false,
	create: ['facilitator'],
	change: {
		name: ['facilitator'],
		age: ['facilitator'],
		situation: ['facilitator'],
		conditions: ['facilitator'],
		matters: ['facilitator']
	},
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});
