/**
 * Makes user-controlled text safe for a log line: control characters (newlines included)
 * are escaped so no input can forge a line, and the length is capped.
 */
export function clean(value: unknown, max = 200): string {
	const text = typeof value === 'string' ? value : String(value);
	const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
	// eslint-disable-next-line no-control-regex
	return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
		c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}
