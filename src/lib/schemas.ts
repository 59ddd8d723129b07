import { z } from 'zod';
import { isValidJoinCode, normaliseJoinCode } from './workshop/join-code';
import { organisations, professions } from './workshop/people';

/**
 * One schema per input, shared by form actions and JSON endpoints. Messages are i18n keys
 * (see messages/*.json) so the UI can show them in Swedish or English.
 */
const name = z
	.string()
	.trim()
	.min(1, 'error_name_required')
	.max(60, 'error_name_too_long')
	.refine((s) => !/[<>]/.test(s), 'error_name_chars');

export const signupSchema = z.object({
	email: z.string().trim().toLowerCase().email('error_email_invalid').max(200),
	password: z.string().min(10, 'error_password_short').max(200, 'error_password_long'),
	displayName: name
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
	email: z.string().trim().toLowerCase().max(200),
	password: z.string().max(200)
});

export const workshopSchema = z.object({
	title: z.string().trim().min(1, 'error_title_required').max(120, 'error_title_too_long'),
	purpose: z.string().trim().max(2000).default(''),
	date: z
		.string()
		.trim()
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'error_date_invalid')
		.optional()
		.transform((d) => (d ? d : null)),
	/** A built-in template id or the id of one of the facilitator's own templates. */
	template: z.string().trim().max(64).optional()
});
export type WorkshopInput = z.infer<typeof workshopSchema>;

export const profileSchema = z.object({
	displayName: name,
	profession: z.enum(professions, { message: 'error_profession_required' }),
	organisation: z.enum(organisations, { message: 'error_organisation_required' })
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const joinCodeSchema = z
	.string()
	.transform(normaliseJoinCode)
	.refine(isValidJoinCode, 'error_code_invalid');

/** JSON join for non-browser clients: a code or a link token, and a profile. */
export const joinSchema = profileSchema.extend({
	code: joinCodeSchema.optional(),
	token: z.string().max(100).optional()
});

export const templateNameSchema = z.object({
	name: z.string().trim().min(1, 'error_template_name_required').max(120, 'error_title_too_long')
});

/** Workshop settings a facilitator changes while the workshop runs. */
/** A change of the workshop's live settings: any of them, at least one. */
export const workshopSettingsSchema = z
	.object({ anonymous: z.boolean(), participantsMayExport: z.boolean() })
	.partial()
	.strict()
	.refine((s) => Object.keys(s).length > 0, { message: 'no_setting' });

/** Turns a zod error into `{ field: i18nKey }` for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}
