import { fail, json } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '$lib/schemas';
import { errorKey } from '$lib/errors';

/**
 * The result of a use case shared by a form action and a JSON endpoint. `error` is the i18n
 * key without its `error_` prefix ('validation' for field errors); `fields` maps a field to
 * a full i18n key.
 */
export interface Failure {
	ok: false;
	status: number;
	error: string;
	fields?: Record<string, string>;
}
export type Outcome<T> = { ok: true; value: T } | Failure;

export function failure(status: number, error: string, fields?: Record<string, string>): Failure {
	return { ok: false, status, error, ...(fields ? { fields } : {}) };
}

/** 400 with one known i18n key per invalid field (zod's own messages become error_generic). */
export function invalid(error: z.ZodError): Failure {
	const fields = Object.fromEntries(
		Object.entries(fieldErrors(error)).map(([field, key]) => [field, errorKey(key)])
	);
	return failure(400, 'validation', fields);
}

/** The JSON API's error body: `{ error, fields? }`. */
export function failureResponse(f: Failure): Response {
	return json({ error: f.error, ...(f.fields ? { fields: f.fields } : {}) }, { status: f.status });
}

/** The form action's error: the field errors, a form-level key, and what the person typed. */
export function failAction(
	f: Failure,
	values: Record<string, string>,
	fieldOf: Record<string, string> = {}
) {
	const fields = { ...f.fields };
	let error: string | undefined;
	if (f.error !== 'validation') {
		const field = fieldOf[f.error];
		if (field) fields[field] = `error_${f.error}`;
		else error = `error_${f.error}`;
	} else if (fields.form) {
		error = fields.form;
	}
	return fail(f.status, { error, fields, values });
}

/** A form's text fields as strings (files and missing fields become ''). */
export function formValues(data: FormData, names: readonly string[]): Record<string, string> {
	return Object.fromEntries(
		names.map((n) => {
			const v = data.get(n);
			return [n, typeof v === 'string' ? v : ''];
		})
	);
}
