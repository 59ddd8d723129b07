import { m } from '$lib/paraglide/messages';

/**
 * Every error code's message, named one by one: reading `m` by a computed key would pull all
 * of the app's messages, in both languages, into every page that shows an error (130 KiB of
 * the board's code). errors.test.ts checks that every `error_*` message is listed (the error
 * page's own labels, `error_page_*`, are not codes).
 */
const messages: Record<string, (() => string) | undefined> = {
	error_body_too_large: m.error_body_too_large,
	error_code_invalid: m.error_code_invalid,
	error_cluster_elsewhere: m.error_cluster_elsewhere,
	error_code_unknown: m.error_code_unknown,
	error_conflict: m.error_conflict,
	error_date_invalid: m.error_date_invalid,
	error_email_invalid: m.error_email_invalid,
	error_email_taken: m.error_email_taken,
	error_forbidden: m.error_forbidden,
	error_generic: m.error_generic,
	error_home_delete_name: m.error_home_delete_name,
	error_home_series_title_required: m.error_home_series_title_required,
	error_home_series_unknown: m.error_home_series_unknown,
	error_import_board_too_large: m.error_import_board_too_large,
	error_import_forbidden_key: m.error_import_forbidden_key,
	error_import_invalid: m.error_import_invalid,
	error_import_not_json: m.error_import_not_json,
	error_import_not_samskapa: m.error_import_not_samskapa,
	error_import_too_deep: m.error_import_too_deep,
	error_import_too_large: m.error_import_too_large,
	error_import_too_many: m.error_import_too_many,
	error_import_version: m.error_import_version,
	error_join_limit: m.error_join_limit,
	error_link_unknown: m.error_link_unknown,
	error_login_failed: m.error_login_failed,
	error_name_chars: m.error_name_chars,
	error_name_required: m.error_name_required,
	error_name_too_long: m.error_name_too_long,
	error_not_found: m.error_not_found,
	error_not_member: m.error_not_member,
	error_organisation_required: m.error_organisation_required,
	error_password_long: m.error_password_long,
	error_password_short: m.error_password_short,
	error_profession_required: m.error_profession_required,
	error_rate_limited: m.error_rate_limited,
	error_removed: m.error_removed,
	error_signup_closed: m.error_signup_closed,
	error_template_name_required: m.error_template_name_required,
	error_template_unknown: m.error_template_unknown,
	error_title_required: m.error_title_required,
	error_title_too_long: m.error_title_too_long,
	error_unauthenticated: m.error_unauthenticated,
	error_validation: m.error_validation,
	error_workshop_closed: m.error_workshop_closed
};

/** True for an `error_*` message key that exists (zod's own messages are not keys). */
export function isErrorKey(key: string): boolean {
	return Object.hasOwn(messages, key);
}

/** Keeps known error keys and turns anything else into `error_generic`. */
export function errorKey(key: string): string {
	return isErrorKey(key) ? key : 'error_generic';
}

/** The text of an error key in the current language; empty for no error. */
export function errorText(key: string | null | undefined): string {
	if (!key) return '';
	return messages[errorKey(key)]!();
}
