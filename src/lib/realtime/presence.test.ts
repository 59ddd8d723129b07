import { describe, expect, it } from 'vitest';
import { colourFor, readPeers, readPresenceUser, workshopPageOf } from './presence';

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

describe('where a person is', () => {
	it('reads the page and the typing flag beside the person, defensively', () => {
		const user = { membershipId: 'm1', name: 'Pia' };
		const states = new Map<number, unknown>([
			[1, { user, page: 'klustring', typing: true }],
			[2, { user: { membershipId: 'm2', name: 'Per' }, page: '../admin', typing: 'yes' }]
		]);
		const [per, pia] = readPeers(states, 9);
		expect(pia).toMatchObject({ name: 'Pia', page: 'klustring', typing: true });
		expect(per).toMatchObject({ name: 'Per', page: null, typing: false });
	});

	it('names the workshop page of a path', () => {
		expect(workshopPageOf('/w/abc', 'abc')).toBe('');
		expect(workshopPageOf('/w/abc/prioritering/malbild/x', 'abc')).toBe('prioritering');
		expect(workshopPageOf('/w/abc/deltagare', 'abc')).toBeNull();
		expect(workshopPageOf('/w/abcd', 'abc')).toBeNull();
	});
});
