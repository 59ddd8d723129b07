import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { nestsDeeper, PresenceGate, type PresenceHolder } from './presence';

/** An awareness update built byte by byte: count, then clientID, clock, JSON per entry. */
function update(entries: [id: number, clock: number, json: string][]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [id, clock, json] of entries) {
		encoding.writeVarUint(encoder, id);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}

function entries(admitted: Uint8Array | null) {
	if (!admitted) return [];
	const decoder = decoding.createDecoder(admitted);
	return Array.from({ length: decoding.readVarUint(decoder) }, () => ({
		id: decoding.readVarUint(decoder),
		clock: decoding.readVarUint(decoder),
		state: JSON.parse(decoding.readVarString(decoder)) as Record<string, unknown> | null
	}));
}

function holder(id: string, role: 'participant' | 'facilitator' = 'participant'): PresenceHolder {
	return {
		clients: new Set(),
		member: {
			id,
			presence: () => ({
				membershipId: id,
				name: id,
				profession: 'lakare',
				organisation: 'region',
				role
			})
		}
	};
}

describe('nestsDeeper', () => {
	it('counts objects and arrays, not brackets inside strings', () => {
		expect(nestsDeeper('{"a":{"b":[1]}}', 3)).toBe(false);
		expect(nestsDeeper('{"a":{"b":[[1]]}}', 3)).toBe(true);
		expect(nestsDeeper('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
		expect(nestsDeeper('['.repeat(100_000), 4)).toBe(true);
	});
});

describe('PresenceGate', () => {
	const setup = () => {
		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState(null);
		return { awareness, gate: new PresenceGate(awareness) };
	};

	it('replaces the user with the membership and keeps small plain fields', () => {
		const { gate } = setup();
		const pia = holder('pia');
		const [entry] = entries(
			gate.admit(pia, update([[1, 1, '{"user":{"name":"Chefen","role":"facilitator"},"m":1}']]))
		);
		expect(entry!.state).toEqual({
			m: 1,
			user: {
				membershipId: 'pia',
				name: 'pia',
				profession: 'lakare',
				organisation: 'region',
				role: 'participant'
			}
		});
		expect([...pia.clients]).toEqual([1]);
	});

	it('drops deep, oversized, unparsable and nested-field states', () => {
		const { gate } = setup();
		const pia = holder('pia');
		const bad = [
			`{"d":${'['.repeat(1000)}${']'.repeat(1000)}}`,
			JSON.stringify({ big: 'x'.repeat(5000) }),
			'{"a":',
			'{"cursor":{"x":1}}',
			'[1,2]'
		];
		expect(gate.admit(pia, update(bad.map((json, i) => [10 + i, 1, json])))).toBeNull();
		expect(pia.clients.size).toBe(0);
	});

	it('keeps a canvas cursor of an area, and drops a malformed one', () => {
		const { gate } = setup();
		const pia = holder('pia');
		const [entry] = entries(
			gate.admit(pia, update([[1, 1, '{"canvas":{"areaId":"area1","x":10.5,"y":-3}}']]))
		);
		expect(entry!.state?.canvas).toEqual({ areaId: 'area1', x: 10.5, y: -3 });
		const bad = [
			'{"canvas":{"areaId":"area1","x":1,"y":2,"extra":"text"}}',
			'{"canvas":{"areaId":"a b","x":1,"y":2}}',
			'{"canvas":{"areaId":"area1","x":1e300,"y":2}}',
			'{"canvas":"area1"}'
		];
		expect(gate.admit(pia, update(bad.map((json, i) => [20 + i, 1, json])))).toBeNull();
	});

	it('keeps an id with the socket that announced it first, and at most 4 per socket', () => {
		const { awareness, gate } = setup();
		const pia = holder('pia');
		const eve = holder('eve');
		const first = gate.admit(pia, update([[7, 1, '{}']]));
		expect(entries(first)).toHaveLength(1);
		// y-protocols records the clock once applied; mimic it.
		awareness.meta.set(7, { clock: 1, lastUpdated: Date.now() });
		expect(gate.admit(eve, update([[7, 2, '{}']]))).toBeNull();
		expect(gate.admit(eve, update([[7, 3, 'null']]))).toBeNull();
		const ghosts = update(
			Array.from({ length: 100 }, (_, i) => [100 + i, 1, '{}'] as [number, number, string])
		);
		expect(entries(gate.admit(eve, ghosts))).toHaveLength(4);
		// Another tab of the same member may take the id over (a reconnect).
		expect(entries(gate.admit(holder('pia'), update([[7, 2, '{}']])))).toHaveLength(1);
	});

	it('throws on a truncated update', () => {
		const { gate } = setup();
		expect(() => gate.admit(holder('pia'), update([[1, 1, '{}']]).subarray(0, 3))).toThrow();
	});
});

describe('PresenceGate.renew', () => {
	it('rewrites every held state from its member as they are now, one clock later', () => {
		const awareness = new Awareness(new Y.Doc());
		const gate = new PresenceGate(awareness);
		let anonymous = false;
		const anna: PresenceHolder = {
			clients: new Set(),
			member: {
				id: 'anna',
				presence: () =>
					anonymous
						? {
								membershipId: 'anon-x',
								name: 'Anonym',
								profession: '',
								organisation: '',
								role: 'participant'
							}
						: {
								membershipId: 'anna',
								name: 'Anna',
								profession: 'lakare',
								organisation: 'region',
								role: 'participant'
							}
			}
		};
		const admitted = gate.admit(anna, update([[7, 3, '{"cursor":1,"user":{"name":"x"}}']]));
		applyAwarenessUpdate(awareness, admitted!, null);
		expect(gate.renew()).toEqual(
			update([[7, 4, JSON.stringify({ cursor: 1, user: anna.member.presence() })]])
		);

		anonymous = true;
		const renewed = entries(gate.renew());
		expect(renewed).toEqual([
			{
				id: 7,
				clock: 4,
				state: {
					cursor: 1,
					user: {
						membershipId: 'anon-x',
						name: 'Anonym',
						profession: '',
						organisation: '',
						role: 'participant'
					}
				}
			}
		]);
	});

	it('removes a state whose member cannot be read, and renews nothing when nobody is there', () => {
		const awareness = new Awareness(new Y.Doc());
		const gate = new PresenceGate(awareness);
		expect(gate.renew()).toBeNull();
		const broken: PresenceHolder = {
			clients: new Set(),
			member: {
				id: 'b',
				presence: () => {
					throw new Error('no membership');
				}
			}
		};
		const good = holder('g');
		applyAwarenessUpdate(awareness, gate.admit(good, update([[1, 1, '{}']]))!, null);
		// Admitted while its presence could still be read.
		const readable = { ...broken, member: { ...broken.member, presence: good.member.presence } };
		applyAwarenessUpdate(awareness, gate.admit(readable, update([[2, 1, '{}']]))!, null);
		readable.member.presence = broken.member.presence;
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(entries(gate.renew()).map((e) => [e.id, e.clock, e.state === null])).toEqual([
			[1, 2, false],
			[2, 2, true]
		]);
		expect(log).toHaveBeenCalledOnce();
		log.mockRestore();
	});
});

describe('PresenceGate budget per membership', () => {
	it('drops what one membership changes past its budget a second, its sockets together, and lets states leave', () => {
		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState(null);
		let now = 10_000;
		const gate = new PresenceGate(
			awareness,
			{
				stateMaxBytes: 4096,
				stateMaxDepth: 4,
				statesPerSocket: 4,
				memberBytesPerSecond: 1000,
				memberMessagesPerSecond: 3,
				memberBurstSeconds: 1
			},
			() => now
		);
		// Two sockets of one membership, one of another.
		const [a, b, other] = [holder('mallory'), holder('mallory'), holder('olle')];
		const admitted = (h: PresenceHolder, id: number, clock: number, json = '{"c":1}') => {
			const out = gate.admit(h, update([[id, clock, json]]));
			if (out) applyAwarenessUpdate(awareness, out, null);
			return entries(out).length;
		};
		expect(admitted(a, 1, 1)).toBe(1);
		expect(admitted(b, 2, 1)).toBe(1);
		expect(admitted(a, 1, 2)).toBe(1);
		// A fourth change this second, from either socket: dropped.
		expect(admitted(b, 2, 2)).toBe(0);
		// Another member has a budget of their own.
		expect(admitted(other, 3, 1)).toBe(1);
		// Leaving always goes through.
		expect(admitted(a, 1, 3, 'null')).toBe(1);
		// Half a second refills half the budget: one more change.
		now += 500;
		expect(admitted(b, 2, 2)).toBe(1);
		expect(admitted(b, 2, 3)).toBe(0);
		// A second later the budget is full again; it holds bytes too: one state of ~700 bytes, not two.
		now += 1000;
		const big = JSON.stringify({ a: 'x'.repeat(190), b: 'y'.repeat(190), c: 'z'.repeat(190) });
		expect(admitted(b, 2, 4, big)).toBe(1);
		expect(admitted(b, 2, 5, big)).toBe(0);
	});
});
