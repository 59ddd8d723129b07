import { parseRoom } from '$lib/workshop/rooms';

const ID = '[A-Za-z0-9_-]{1,64}';
/** Paths served by the process that holds the workshop: the same ones deploy/haproxy.cfg hashes. */
const PAGE = new RegExp(`^/w/(${ID})(?:/|$)`);
const API = new RegExp(`^/api/workshops/(${ID})(?:/|$)`);
const SOCKET = '/ws/';
/** A room's path as the proxy reads it: not decoded. */
const RAW_SOCKET = new RegExp(`^/ws/w/(${ID})(?:/|$)`);

/**
 * The workshop whose documents a request reads or writes, or null for any other path. Read
 * as the app routes it: SvelteKit decodes a page's or route's id (`/w/%61bc` is `/w/abc`),
 * the realtime server a room's whole name.
 */
export function workshopOfPath(pathname: string): string | null {
	if (pathname.startsWith(SOCKET)) {
		let room: string;
		try {
			room = decodeURIComponent(pathname.slice(SOCKET.length));
		} catch {
			return null;
		}
		return parseRoom(room)?.workshopId ?? null;
	}
	return routeMatch(routedPath(pathname));
}

/**
 * Whether the proxy sent this path by the workshop's hash (deploy/haproxy.cfg reads the id
 * from the raw path): only such a request may ask the holder to hand the workshop over. Any
 * other spelling (`/w/%61bc`, `/ws/w%2Fabc`) reaches whichever process the proxy picks, and
 * its asking would move a live workshop away from its people, again and again.
 */
export function hashedByProxy(pathname: string, workshopId: string): boolean {
	const raw = pathname.startsWith(SOCKET)
		? (RAW_SOCKET.exec(pathname)?.[1] ?? null)
		: routeMatch(pathname);
	return raw === workshopId;
}

function routeMatch(path: string): string | null {
	const match = PAGE.exec(path) ?? API.exec(path);
	// `import` is a route of its own, not a workshop (POST /api/workshops/import).
	return match && match[1] !== 'import' ? match[1]! : null;
}

/** The path SvelteKit matches its routes against (decode_pathname: `%25` stays encoded). */
function routedPath(pathname: string): string {
	try {
		return pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return pathname;
	}
}
