const BASE = 'http://samskapa.invalid';

// eslint-disable-next-line no-control-regex
const CONTROL_OR_BACKSLASH = /[\u0000-\u0020\u007f-\u009f\\]/;

function unsafe(path: string): boolean {
	return path[0] !== '/' || path[1] === '/' || CONTROL_OR_BACKSLASH.test(path);
}

/**
 * `?next=` as a path on this site, else `fallback`. Browsers drop tabs and newlines from URLs
 * and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would leave the site: anything
 * with a control character, a space, a backslash or a second leading slash (also once
 * percent-decoded) is refused, and what is left must resolve to this origin.
 */
export function safeNext(next: string | null | undefined, fallback = '/dashboard'): string {
	if (!next || unsafe(next)) return fallback;
	// Refuse what would be unsafe once percent-decoded too: no next= of ours needs it.
	try {
		if (unsafe(decodeURIComponent(next))) return fallback;
	} catch {
		return fallback;
	}
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const path = `${url.pathname}${url.search}${url.hash}`;
	return path.startsWith('//') ? fallback : path;
}
