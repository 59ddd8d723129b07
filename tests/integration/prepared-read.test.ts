/**
 * The reads every WebSocket upgrade makes (services/sessions.ts, services/workshops.ts) are
 * prepared once per database (db/prepared.ts), on the store of this run (SQLite in
 * `integration`, PostgreSQL in `integration-pg`): each still answers with the rows as they are
 * at the call, so a removal, a role change or a sign-out reaches the very next upgrade.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tablesOf, type Store } from '../../src/lib/server/db';
import { createSession, validateSession } from '../../src/lib/server/services/sessions';
import { findMembership, getMembership } from '../../src/lib/server/services/workshops';
import { removeTempDirs } from '../helpers/server';
import { storeWithWorkshop } from '../helpers/workshop-store';

const opened: Store[] = [];
afterAll(async () => {
	for (const store of opened.splice(0)) await store.close();
	await removeTempDirs();
});

async function open() {
	const { db, memberships, workshop, memberId } = await storeWithWorkshop(
		'Förberedda läsningar',
		(store) => opened.push(store)
	);
	const session = await createSession(db, 'u1');
	return { db, memberships, workshop, session, memberId };
}

describe('prepared reads of the upgrade path', () => {
	it('read a membership as it is now, each call', async () => {
		const { db, memberships, memberId } = await open();
		expect((await getMembership(db, memberId))?.role).toBe('facilitator');
		await db.update(memberships).set({ role: 'observer' }).where(eq(memberships.id, memberId));
		expect((await getMembership(db, memberId))?.role).toBe('observer');
		await db.update(memberships).set({ status: 'removed' }).where(eq(memberships.id, memberId));
		expect((await getMembership(db, memberId))?.status).toBe('removed');
		expect(await getMembership(db, 'nobody')).toBeUndefined();
	});

	it('find a member by account or by browser session, and nobody by neither', async () => {
		const { db, memberships, workshop, session, memberId } = await open();
		const byUser = await findMembership(db, workshop.id, { userId: 'u1', sessionId: null });
		expect(byUser?.id).toBe(memberId);
		expect(
			await findMembership(db, workshop.id, { userId: null, sessionId: session.id })
		).toBeNull();
		await db
			.update(memberships)
			.set({ sessionId: session.id, userId: null })
			.where(eq(memberships.id, memberId));
		const bySession = await findMembership(db, workshop.id, {
			userId: 'u1',
			sessionId: session.id
		});
		expect(bySession?.id).toBe(memberId);
		expect(await findMembership(db, workshop.id, { userId: 'u1', sessionId: null })).toBeNull();
		expect(await findMembership(db, 'other', { userId: null, sessionId: session.id })).toBeNull();
	});

	it('resolve a session cookie until the session is gone', async () => {
		const { db, session } = await open();
		const valid = await validateSession(db, session.token);
		expect(valid?.user?.email).toBe('mia@region.se');
		const { sessions } = tablesOf(db);
		await db.delete(sessions).where(eq(sessions.id, session.id));
		expect(await validateSession(db, session.token)).toBeNull();
	});
});
