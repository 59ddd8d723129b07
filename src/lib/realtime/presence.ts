export type PresenceRole = 'facilitator' | 'participant' | 'observer';

/** What each browser announces about itself in the board's awareness state. */
export interface PresenceUser {
	membershipId: string;
	name: string;
	profession: string;
	organisation: string;
	role: PresenceRole;
}

/**
 * Where a person is, announced beside `user` as small top-level fields (the server's presence
 * gate lets those through and rewrites only `user`): the workshop page they look at and whether
 * they are typing. Sent at most every PRESENCE_SEND_MS and only when changed.
 */
export interface PresenceWhere {
	/** The page below `/w/<id>`: '' (Resan), 'persona', 'klustring' … (workshopPages). */
	page: WorkshopPage | null;
	typing: boolean;
}

/** The workshop's pages a presence may name; anything else reads as none. */
export const workshopPages = [
	'',
	'persona',
	'citat',
	'klustring',
	'prioritering',
	'ideer',
	'handlingsplan',
	'sammanfattning',
	'agenda'
] as const;
export type WorkshopPage = (typeof workshopPages)[number];

/** The page a path of workshop `workshopId` shows (its first segment), null when none of them. */
export function workshopPageOf(pathname: string, workshopId: string): WorkshopPage | null {
	const base = `/w/${workshopId}`;
	if (pathname !== base && !pathname.startsWith(`${base}/`)) return null;
	const segment = pathname.slice(base.length + 1).split('/')[0] ?? '';
	return (workshopPages as readonly string[]).includes(segment) ? (segment as WorkshopPage) : null;
}

export interface Peer extends PresenceUser, PresenceWhere {
	clientId: number;
	colour: string;
	self: boolean;
}

/** Dark enough for white initials (≥ 4.5:1); never the only way a person is told apart. */
const palette = [
	'#1d4e89',
	'#1e6b3a',
	'#8a3b12',
	'#6a1b9a',
	'#0b6470',
	'#a4161a',
	'#5c4b00',
	'#3d4a5c'
] as const;

export function colourFor(id: string): string {
	let hash = 0;
	for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
	return palette[Math.abs(hash) % palette.length]!;
}

const roles: readonly string[] = ['facilitator', 'participant', 'observer'];
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** Reads another browser's announcement defensively: any client may send anything. */
export function readPresenceUser(state: unknown): PresenceUser | null {
	if (!state || typeof state !== 'object') return null;
	const user = (state as { user?: unknown }).user;
	if (!user || typeof user !== 'object') return null;
	const u = user as Record<string, unknown>;
	const membershipId = text(u.membershipId, 64);
	const name = text(u.name, 60).trim();
	if (!membershipId || !name) return null;
	return {
		membershipId,
		name,
		profession: text(u.profession, 40) || 'annan',
		organisation: text(u.organisation, 40) || 'annan',
		role: roles.includes(u.role as string) ? (u.role as PresenceRole) : 'participant'
	};
}

/** Reads where another browser says its person is, defensively. */
export function readWhere(state: unknown): PresenceWhere {
	const s = (state ?? {}) as { page?: unknown; typing?: unknown };
	const page = (workshopPages as readonly unknown[]).includes(s.page)
		? (s.page as WorkshopPage)
		: null;
	return { page, typing: s.typing === true };
}

/**
 * The people online, one entry per membership (several tabs count once), the local
 * person first and then by name.
 */
export function readPeers(states: Map<number, unknown>, selfClientId: number): Peer[] {
	const byMember = new Map<string, Peer>();
	for (const [clientId, state] of states) {
		const user = readPresenceUser(state);
		if (!user) continue;
		const self = clientId === selfClientId;
		const known = byMember.get(user.membershipId);
		if (known && !self) continue;
		byMember.set(user.membershipId, {
			...user,
			...readWhere(state),
			clientId,
			self: self || (known?.self ?? false),
			colour: colourFor(user.membershipId)
		});
	}
	return [...byMember.values()].sort(
		(a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'sv')
	);
}
