import { z } from 'zod';
import type * as Y from 'yjs';
import { addEvent, addQuestion, listEvents, listQuestions } from './journey';
import { naraVardAgenda } from './default-agenda';
import { readPersona, updatePersona } from './persona';
import {
	addStep,
	AGENDA_STEPS_MAX,
	listSteps,
	STEP_INSTRUCTION_MAX,
	STEP_MINUTES_MAX,
	STEP_TITLE_MAX,
	stepKindSchema
} from './records/agenda';
import naraVard from './templates/patientresa-nara-vard.json';
import oskar83 from './templates/oskar-83-hemsjukvard.json';
import tom from './templates/tom.json';

/**
 * A template is the structure a workshop starts from: persona, events, questions and the
 * default agenda, never notes. Built-in ones are JSON files in ./templates; facilitators' own are stored in SQLite
 * in the same shape.
 */
const line = z.string().max(300);
export const templateSchema = z.object({
	id: z.string().min(1).max(64),
	name: z.object({ sv: z.string().min(1).max(120), en: z.string().min(1).max(120) }),
	description: z.object({ sv: z.string().max(500), en: z.string().max(500) }).optional(),
	persona: z.object({
		name: z.string().max(100),
		age: z.number().int().min(0).max(129).nullable(),
		situation: z.array(line).max(50),
		conditions: z.array(line).max(50),
		matters: z.array(line).max(50)
	}),
	events: z.array(z.object({ title: z.string().max(200), facts: z.array(line).max(50) })).max(50),
	questions: z.array(z.string().max(200)).max(30),
	/** The default agenda a workshop made from it starts with (records/agenda.ts). */
	agenda: z
		.array(
			z.object({
				kind: stepKindSchema,
				title: z.string().max(STEP_TITLE_MAX),
				minutes: z.number().int().min(1).max(STEP_MINUTES_MAX),
				instruction: z.string().max(STEP_INSTRUCTION_MAX)
			})
		)
		.max(AGENDA_STEPS_MAX)
		.optional()
});
export type Template = z.infer<typeof templateSchema>;

export const builtInTemplates: Template[] = [
	{ ...naraVard, agenda: naraVardAgenda },
	{ ...oskar83, agenda: naraVardAgenda },
	tom
].map((t) => templateSchema.parse(t));
export const DEFAULT_TEMPLATE_ID = 'patientresa-nara-vard';
/** The seed workshop (Oskar 83) as a template: the demo workshop is made from it. */
export const SEED_TEMPLATE_ID = 'oskar-83-hemsjukvard';

/**
 * The lines of the default template that are instructions to replace ("Påhittat namn", "Vad
 * händer? Ersätt med …"), not content: a report never shows them as if they were the
 * workshop's. The Oskar 83 template is the seed's real content and stays.
 */
const placeholders = new Set(
	[
		naraVard.persona.name,
		...naraVard.persona.situation,
		...naraVard.persona.conditions,
		...naraVard.persona.matters,
		...naraVard.events.flatMap((e) => e.facts)
	].map((line) => line.trim())
);

export function isTemplatePlaceholder(text: string): boolean {
	return placeholders.has(text.trim());
}

export function findTemplate(id: string, extra: Template[] = []): Template | undefined {
	return [...builtInTemplates, ...extra].find((t) => t.id === id);
}

/** Writes a template's structure into an empty workshop document. */
export function applyTemplate(doc: Y.Doc, template: Template) {
	doc.transact(() => {
		updatePersona(doc, template.persona);
		for (const event of template.events) addEvent(doc, event);
		for (const text of template.questions) addQuestion(doc, { text });
		for (const step of template.agenda ?? []) addStep(doc, step);
	});
}

/** The structure of a workshop as a new template (for "save as template"). */
export function templateFromDoc(doc: Y.Doc, id: string, name: string): Template {
	return templateSchema.parse({
		id,
		name: { sv: name, en: name },
		persona: readPersona(doc),
		events: listEvents(doc).map(({ title, facts }) => ({ title, facts })),
		questions: listQuestions(doc).map((q) => q.text),
		agenda: listSteps(doc).map(({ kind, title, minutes, instruction }) => ({
			kind,
			title,
			minutes,
			instruction
		}))
	});
}
