import { describe, expect, it } from 'vitest';
import { colourFor, readPeers, readPresenceUser } from './presence';

const user = (membershipId: string, name: string, role = 'participant') => ({
	user: { membershipId, name, profession: 'lakare', organisation: 'region', role }
});

describe('presence', () => {
	it('lists one entry per membership, self first, then by name', () => {
		const states = new Map<number, unknown>([
			[1, user('m-b', 'Örjan')],
			[2, user('m-a', 'Anna')],
			[3, user('m-me', 'Maja', 'facilitator')],
			[4, user('m-a', 'Anna')],
			[5, {}]
		]);
		const peers = readPeers(states, 3);
		expect(peers.map((p) => [p.name, p.self])).toEqual([
			['Maja', true],
			['Anna', false],
			['Örjan', false]
		]);
		expect(peers[0]!.role).toBe('facilitator');
	});

	it('marks a membership as self when any of its tabs is this one', () => {
		const states = new Map<number, unknown>([
			[7, user('m-me', 'Maja')],
			[8, user('m-me', 'Maja')]
		]);
		const peers = readPeers(states, 8);
		expect(peers).toHaveLength(1);
		expect(peers[0]!.self).toBe(true);
	});

	it('rejects malformed states and caps long fields', () => {
		expect(readPresenceUser(null)).toBeNull();
		expect(readPresenceUser({ user: { membershipId: 'x', name: '   ' } })).toBeNull();
		const long = readPresenceUser({
			user: { membershipId: 'x', name: 'a'.repeat(500), role: 'admin' }
		});
		expect(long?.name).toHaveLength(60);
		expect(long?.role).toBe('participant');
		expect(long?.profession).toBe('annan');
	});

	it('gives a membership the same colour every time', () => {
		expect(colourFor('abc')).toBe(colourFor('abc'));
		expect(colourFor('abc')).toMatch(/^#[0-9a-f]{6}$/);
	});
});
