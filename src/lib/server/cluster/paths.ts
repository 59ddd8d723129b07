import { parseRoom } from '$lib/workshop/rooms';

const ID = '[A-Za-z0-9_-]{1,64}';
/** Paths served by the process that holds the workshop: the same ones deploy/haproxy.cfg hashes. */
const PAGE = new RegExp(`^/w/(${ID})(?:/|$)`);
const API = new RegExp(`^/api/workshops/(${ID})(?:/|$)`);
const SOCKET = '/ws/';

/** The workshop whose documents a request reads or writes, or null for any other path. */
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
	const match = PAGE.exec(pathname) ?? API.exec(pathname);
	// `import` is a route of its own, not a workshop (POST /api/workshops/import).
	return match && match[1] !== 'import' ? match[1]! : null;
}
