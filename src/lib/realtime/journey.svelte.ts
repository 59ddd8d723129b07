import * as Y from 'yjs';
import {
	emotionCurve,
	emotionsMap,
	myEmotion,
	setEmotion,
	type EmotionSummary
} from '$lib/workshop/emotions';
import * as journey from '$lib/workshop/journey';
import { listEvents, listQuestions, removedEvents, removedQuestions } from '$lib/workshop/journey';
import type { JourneyEvent, Question } from '$lib/workshop/journey';
import { personaMap, readPersona, updatePersona, type Persona } from '$lib/workshop/persona';

/**
 * Persona, events, questions and the emotion curve as reactive state, re-read when their
 * part of the shared document changes (they are small; notes have their own index), and the
 * commands that write them.
 */
export class BoardJourney {
	#events = $state.raw<JourneyEvent[]>([]);
	#questions = $state.raw<Question[]>([]);
	#removedEvents = $state.raw<JourneyEvent[]>([]);
	#removedQuestions = $state.raw<Question[]>([]);
	#persona = $state.raw<Persona>(readPersona(new Y.Doc()));
	// Replaced whole on every change, never mutated, so a plain Map in $state.raw is enough.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#curve = $state.raw<Map<string, EmotionSummary>>(new Map());
	/** Bumped on every rating: one person's own ratings are read from it. */
	#ratings = $state(0);
	#ratingsSeen = 0;
	#doc: Y.Doc;
	#unobserve: (() => void)[] = [];

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#watch(doc.getMap('events'), () => this.#readEvents());
		this.#watch(doc.getMap('questions'), () => this.#readQuestions());
		this.#watch(personaMap(doc), () => (this.#persona = readPersona(doc)));
		this.#watch(emotionsMap(doc), () => this.#readCurve());
		this.#readEvents();
		this.#readQuestions();
		this.#persona = readPersona(doc);
	}

	#watch<T>(type: Y.Map<T>, read: () => void) {
		type.observeDeep(read);
		this.#unobserve.push(() => type.unobserveDeep(read));
	}

	#readEvents() {
		const doc = this.#doc;
		this.#events = listEvents(doc);
		const map = doc.getMap<Y.Map<unknown>>('events');
		this.#removedEvents = removedEvents(doc).map((id) => {
			const title = map.get(id)?.get('title');
			return { id, title: typeof title === 'string' ? title : '', facts: [] };
		});
		this.#readCurve();
	}

	#readQuestions() {
		const doc = this.#doc;
		this.#questions = listQuestions(doc);
		const map = doc.getMap<Y.Map<unknown>>('questions');
		this.#removedQuestions = removedQuestions(doc).map((id) => {
			const text = map.get(id)?.get('text');
			return { id, text: typeof text === 'string' ? text : '' };
		});
	}

	#readCurve() {
		// Written, never read here: a read would tie the caller's effect to this state.
		this.#ratings = ++this.#ratingsSeen;
		this.#curve = emotionCurve(
			this.#doc,
			this.#events.map((e) => e.id)
		);
	}

	/** Events in journey order (Händelse 1, 2, …), without removed ones. */
	get events(): JourneyEvent[] {
		return this.#events;
	}

	get questions(): Question[] {
		return this.#questions;
	}

	/** Removed events, most recent first, for "undo". */
	get removedEvents(): JourneyEvent[] {
		return this.#removedEvents;
	}

	get removedQuestions(): Question[] {
		return this.#removedQuestions;
	}

	get persona(): Persona {
		return this.#persona;
	}

	/** Median, range and histogram of the ratings per event id. */
	get curve(): Map<string, EmotionSummary> {
		return this.#curve;
	}

	/**
	 * One person's own rating of an event (reactive), given every author id they rate under
	 * (`authorIds`: the one a new rating takes first, see #rater).
	 */
	myEmotion(eventId: string, authorIds: readonly string[]): number | null {
		void this.#ratings;
		return myEmotion(this.#doc, eventId, this.#rater(eventId, authorIds));
	}

	/** Sets (or with null clears) one person's rating of an event. */
	setEmotion(eventId: string, authorIds: readonly string[], value: number | null) {
		setEmotion(this.#doc, eventId, this.#rater(eventId, authorIds), value);
	}

	/**
	 * The author id of a person's rating of an event: the one it was given under, which it keeps
	 * (a second rating under the anonymous pseudonym would count the person twice, and moving it
	 * would tie the pseudonym to the membership id for everyone), else the first of `authorIds`.
	 */
	#rater(eventId: string, authorIds: readonly string[]): string {
		const given = authorIds.find((id) => myEmotion(this.#doc, eventId, id) !== null);
		return given ?? authorIds[0]!;
	}

	addEvent(input: { title: string; facts?: string[] }) {
		return journey.addEvent(this.#doc, input);
	}
	updateEvent(id: string, input: { title?: string; facts?: string[] }) {
		return journey.updateEvent(this.#doc, id, input);
	}
	nudgeEvent(id: string, delta: -1 | 1) {
		return journey.nudgeEvent(this.#doc, id, delta);
	}
	removeEvent(id: string) {
		return journey.removeEvent(this.#doc, id);
	}
	restoreEvent(id: string) {
		return journey.restoreEvent(this.#doc, id);
	}

	addQuestion(input: { text: string }) {
		return journey.addQuestion(this.#doc, input);
	}
	updateQuestion(id: string, text: string) {
		return journey.updateQuestion(this.#doc, id, text);
	}
	nudgeQuestion(id: string, delta: -1 | 1) {
		return journey.nudgeQuestion(this.#doc, id, delta);
	}
	removeQuestion(id: string) {
		return journey.removeQuestion(this.#doc, id);
	}
	restoreQuestion(id: string) {
		return journey.restoreQuestion(this.#doc, id);
	}

	updatePersona(patch: Partial<Persona>) {
		updatePersona(this.#doc, patch);
	}

	destroy() {
		for (const off of this.#unobserve) off();
		this.#unobserve = [];
	}
}
