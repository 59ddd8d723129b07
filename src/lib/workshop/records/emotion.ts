import { z } from 'zod';
import { JOURNEY_STEP_CONDITION, journeyStepCondition } from '../step-rules';
import { EMOTION_MAX, EMOTION_MIN } from '../emotions';
import { declareRecord, ID_PATTERN, MEMBERS } from './declare';

const id = ID_PATTERN.source.slice(1, -1);

/**
 * At most this many ratings per member: one per event, and a journey has tens of events. The
 * key's event must exist besides, so ratings of made-up events cannot fill the board.
 */
export const EMOTIONS_PER_MEMBER = 500;

/**
 * One member's rating of one event (accessors in ../emotions.ts), keyed
 * `<eventId>|<membershipId>`: the member in the key owns it.
 */
export const emotionRecord = declareRecord({
	name: 'emotion',
	root: 'emotions',
	shape: 'entry',
	key: z.string().regex(new RegExp(`^${id}\\|${id}$`)),
	fields: { value: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX) },
	text: [],
	refs: {},
	keyRef: { kind: 'ids', to: ['events', MEMBERS], separator: '|' },
	hidden: false,
	create: ['facilitator', 'owner'],
	createWhen: journeyStepCondition,
	change: { value: ['facilitator', 'owner'] },
	when: { value: journeyStepCondition },
	conditions: {
		create: JOURNEY_STEP_CONDITION,
		change: { value: JOURNEY_STEP_CONDITION }
	},
	fixed: [],
	remove: ['facilitator', 'owner'],
	ownedBy: 'the member after the `|` in the key',
	owner: (key) => key.slice(key.indexOf('|') + 1),
	check: (_get, _writer, before, key) =>
		before.getMap('events').has(key.slice(0, key.indexOf('|'))) ? null : 'no such event',
	checks: 'the event in the key exists on the board',
	perOwner: EMOTIONS_PER_MEMBER
});
