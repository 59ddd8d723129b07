import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PresenceGate, type PresenceHolder } from './presence';

function holder(id: string): PresenceHolder {
	return {
		clients: new Set(),
		member: {
			id,
			presence: () => ({
				membershipId: id,
				name: id,
				profession: 'lakare',
				organisation: 'region',
				role: 'participant'
			})
		}
	};
}

/** An awareness update of `count` entries (id, clock 1, a small state each). */
function entries(count: number, from = 1): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, count);
	for (let i = 0; i < count; i++) {
		encoding.writeVarUint(e, from + i);
		encoding.writeVarUint(e, 1);
		encoding.writeVarString(e, '{"cursor":1}');
	}
	return encoding.toUint8Array(e);
}

describe('an awareness message of many entries', () => {
	it('reads only as many entries as the room could echo, the rest not at all', () => {
		const gate = new PresenceGate(new Awareness(new Y.Doc()));
		// 80,000 entries fit in 1 MiB; judging each costs about 3 µs, 60 messages a second.
		const flood = entries(80_000);
		// Whatever follows the first hundred entries is never read: cut it off mid-entry.
		const cut = flood.subarray(0, 4 + 100 * 16 + 3);
		const admitted = gate.admit(holder('m'), cut);
		expect(admitted).not.toBeNull();
	});

	it('still reads an echo of everyone in a room of 40 and keeps the sender’s own change', () => {
		const awareness = new Awareness(new Y.Doc());
		const gate = new PresenceGate(awareness);
		const people = Array.from({ length: 40 }, (_, i) => holder(`p${i}`));
		people.forEach((p, i) => {
			const own = gate.admit(p, entries(1, 100 + i));
			expect(own).not.toBeNull();
			applyAwarenessUpdate(awareness, own!, null);
		});
		// The first person's browser echoes everyone's states, with its own new one first.
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 40);
		encoding.writeVarUint(e, 100);
		encoding.writeVarUint(e, 2);
		encoding.writeVarString(e, '{"cursor":2}');
		for (let i = 1; i < 40; i++) {
			encoding.writeVarUint(e, 100 + i);
			encoding.writeVarUint(e, 1);
			encoding.writeVarString(e, '{"cursor":1}');
		}
		const admitted = gate.admit(people[0]!, encoding.toUint8Array(e));
		expect(admitted).not.toBeNull();
		applyAwarenessUpdate(awareness, admitted!, null);
		expect(awareness.getStates().get(100)).toMatchObject({ cursor: 2 });
	});
});
