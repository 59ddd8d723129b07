import { m } from '$lib/paraglide/messages';
import type { JourneyEvent, Question } from '$lib/workshop/journey';

/** An event's title for labels, "Händelse 2" when it has none. */
export function eventName(event: JourneyEvent, index: number): string {
	return event.title.trim() || m.journey_event_fallback({ n: index + 1 });
}

export function questionName(question: Question, index: number): string {
	return question.text.trim() || m.journey_question_fallback({ n: index + 1 });
}

/** "Händelse 1 – Hur går det till idag?": names a cell in labels and announcements. */
export function placeName(event: string, question: string): string {
	return m.grid_place({ event, question });
}
