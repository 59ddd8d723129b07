import { m } from '$lib/paraglide/messages';

type Message = (inputs?: Record<string, never>) => string;
const messages = m as unknown as Record<string, Message | undefined>;

/** True for an `error_*` message key that exists (zod's own messages are not keys). */
export function isErrorKey(key: string): boolean {
	return key.startsWith('error_') && typeof messages[key] === 'function';
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
