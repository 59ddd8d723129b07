import * as Y from 'yjs';
import { emotionCurve, emotionsMap, type EmotionSummary } from '$lib/workshop/emotions';
import {
	listEvents,
	listQuestions,
	removedEvents,
	removedQuestions,
	type JourneyEvent,
	type Question
} from '$lib/workshop/journey';
import { personaMap, readPersona, type Persona } from '$lib/workshop/persona';

/**
 * Persona, events, questions and the emotion curve as reactive state, re-read when their
 * part of the shared document changes (they are small; notes have their own index).
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

	destroy() {
		for (const off of this.#unobserve) off();
		this.#unobserve = [];
	}
}
