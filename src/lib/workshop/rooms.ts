/**
 * Names of the Yjs documents of a workshop, as used in the WebSocket URL `/ws/<name>`:
 *   w/<workshopId>                    the shared board
 *   w/<workshopId>/p/<membershipId>   one member's private document (drafts, hidden scores)
 */
export type RoomName =
	| { kind: 'board'; workshopId: string }
	| { kind: 'private'; workshopId: string; membershipId: string };

const ID = '[A-Za-z0-9_-]{1,64}';
const board = new RegExp(`^w/(${ID})$`);
const priv = new RegExp(`^w/(${ID})/p/(${ID})$`);

export function boardRoom(workshopId: string): string {
	return `w/${workshopId}`;
}

export function privateRoom(workshopId: string, membershipId: string): string {
	return `w/${workshopId}/p/${membershipId}`;
}

export function parseRoom(name: string): RoomName | null {
	const b = board.exec(name);
	if (b) return { kind: 'board', workshopId: b[1]! };
	const p = priv.exec(name);
	if (p) return { kind: 'private', workshopId: p[1]!, membershipId: p[2]! };
	return null;
}
