import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../db/sqlite';
import { eligibleVoters } from '../board/voters';
import { leaveWorkshop } from './identity';
import { joinWithLink } from './join';
import { activeLinks, createWorkshop } from './workshops';
import { users, workshops } from '../db/schema';
import { eq } from 'drizzle-orm';
import { createSession } from './sessions';

const profile = {
	displayName: 'Pia',
	profession: 'sjukskoterska',
	organisation: 'kommun'
} as const;

function setup() {
	const { db } = openSqliteStore(':memory:');
	db.insert(users)
		.values({ id: 'u1', email: 'mia@region.se', displayName: 'Mia', passwordHash: 'x' })
		.run();
	const workshop = createWorkshop(
		db,
		{ id: 'u1', displayName: 'Mia' },
		{ title: 'Oskar 83', purpose: '', date: null }
	);
	const link = activeLinks(db, workshop.id).find((l) => l.kind === 'participant')!;
	let created = 0;
	const join = (browser: { sessionId: string; browserId: string }, name = 'Pia') =>
		joinWithLink(db, link, browser, { ...profile, displayName: name }, () => (++created, true));
	const session = () => createSession(db, null).id;
	return { db, workshop, join, session, created: () => created };
}

const value = <T>(o: { ok: true; value: T } | { ok: false }) => {
	if (!o.ok) throw new Error('refused');
	return o.value;
};

describe('joining a workshop', () => {
	it('finds the same membership by session or by browser identity, and counts only new ones', () => {
		const { join, session, created } = setup();
		const first = value(join({ sessionId: session(), browserId: 'b1' }));
		// The session is gone (signed out): the identity cookie finds the member.
		const sameBrowser = value(join({ sessionId: session(), browserId: 'b1' }, 'Pia L'));
		// The identity cookie is gone, the session is there: the session finds them.
		const sameSession = value(
			join({ sessionId: sameBrowser.sessionId!, browserId: 'b2' }, 'Pia Lind')
		);
		expect(new Set([first.id, sameSession.id, sameBrowser.id]).size).toBe(1);
		expect(sameSession.displayName).toBe('Pia Lind');
		expect(created()).toBe(1);
	});

	it('makes a new member after leaving, and the one who left no longer votes', () => {
		const { db, workshop, join, session } = setup();
		const first = value(join({ sessionId: session(), browserId: 'b1' }));
		expect(eligibleVoters(db, workshop.id)).toEqual([first.id]);
		leaveWorkshop(db, first.id);
		const next = value(join({ sessionId: session(), browserId: 'b1' }, 'Bo'));
		expect(next.id).not.toBe(first.id);
		expect(eligibleVoters(db, workshop.id)).toEqual([next.id]);
	});

	it('holds a new member while admission is on, and refuses the per-address limit', () => {
		const { db, workshop, join, session } = setup();
		db.update(workshops)
			.set({ admissionRequired: true })
			.where(eq(workshops.id, workshop.id))
			.run();
		const waiting = value(join({ sessionId: session(), browserId: 'b1' }));
		expect(waiting.status).toBe('waiting');
		expect(eligibleVoters(db, workshop.id)).toEqual([]);
		const link = activeLinks(db, workshop.id).find((l) => l.kind === 'participant')!;
		const refused = joinWithLink(
			db,
			link,
			{ sessionId: session(), browserId: 'b2' },
			profile,
			() => false
		);
		expect(refused).toMatchObject({ ok: false, status: 429, error: 'join_limit' });
	});
});
