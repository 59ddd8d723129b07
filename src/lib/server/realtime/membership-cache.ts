import type { Membership } from '../services/workshops';

/**
 * Memberships as they are now, for the judge, which reads a member's name and profession
 * synchronously per update while their sockets stay open. Every write of a membership's
 * profile in this process passes through here (join: services/join.ts), and every upgrade
 * refreshes the row it read; with several processes, another process's change arrives with
 * the member's next upgrade.
 */
const rows = new Map<string, Membership>();

export function rememberMembership(row: Membership) {
	rows.set(row.id, row);
}

export function currentMembership(row: Membership): Membership {
	return rows.get(row.id) ?? row;
}
