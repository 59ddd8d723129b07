import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from './memory-workshop';
import { eligibleVoters } from '../board/voters';
import { leaveWorkshop } from './identity';
import { joinWithLink } from './join';
import { activeLinks } from './workshops';
import { eq } from 'drizzle-orm';
import { createSession } from './sessions';

const profile = {
	displayName: 'Pia',
	profession: 'sjukskoterska',
	organisation: 'kommun'
} as const;

async function setup() {
	const { db, tables, workshop } = await memoryWorkshop('Oskar 83');
	const link = (await activeLinks(db, workshop.id)).find((l) => l.kind === 'participant')!;
	let created = 0;
	const join = (browser: { sessionId: string; browserId: string }, name = 'Pia') =>
		joinWithLink(db, link, browser, { ...profile, displayName: name }, () => (++created, true));
	const session = async () => (await createSession(db, null)).id;
	return { db, tables, workshop, join, session, created: () => created };
}

const value = async <T>(outcome: Promise<{ ok: true; value: T } | { ok: false }>) => {
	const o = await outcome;
	if (!o.ok) throw new Error('refused');
	return o.value;
};

describe('joining a workshop', () => {
	it('finds the same membership by session or by browser identity, and counts only new ones', async () => {
		const { join, session, created } = await setup();
		const first = await value(join({ sessionId: await session(), browserId: 'b1' }));
		// The session is gone (signed out): the identity cookie finds the member.
		const sameBrowser = await value(join({ sessionId: await session(), browserId: 'b1' }, 'Pia L'));
		// The identity cookie is gone, the session is there: the session finds them.
		const sameSession = await value(
			join({ sessionId: sameBrowser.sessionId!, browserId: 'b2' }, 'Pia Lind')
		);
		expect(new Set([first.id, sameSession.id, sameBrowser.id]).size).toBe(1);
		expect(sameSession.displayName).toBe('Pia Lind');
		expect(created()).toBe(1);
	});

	it('makes a new member after leaving, and the one who left no longer votes', async () => {
		const { db, workshop, join, session } = await setup();
		const first = await value(join({ sessionId: await session(), browserId: 'b1' }));
		expect(await eligibleVoters(db, workshop.id)).toEqual([first.id]);
		await leaveWorkshop(db, first.id);
		const next = await value(join({ sessionId: await session(), browserId: 'b1' }, 'Bo'));
		expect(next.id).not.toBe(first.id);
		expect(await eligibleVoters(db, workshop.id)).toEqual([next.id]);
	});

	it('holds a new member while admission is on, and refuses the per-address limit', async () => {
		const { db, tables, workshop, join, session } = await setup();
		await db
			.update(tables.workshops)
			.set({ admissionRequired: true })
			.where(eq(tables.workshops.id, workshop.id));
		const waiting = await value(join({ sessionId: await session(), browserId: 'b1' }));
		expect(waiting.status).toBe('waiting');
		expect(await eligibleVoters(db, workshop.id)).toEqual([]);
		const link = (await activeLinks(db, workshop.id)).find((l) => l.kind === 'participant')!;
		const refused = await joinWithLink(
			db,
			link,
			{ sessionId: await session(), browserId: 'b2' },
			profile,
			() => false
		);
		expect(refused).toMatchObject({ ok: false, status: 429, error: 'join_limit' });
	});
});
