import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { tablesOf, transaction, type DB } from '../db';
import { preparedRead } from '../db/prepared';
import type { links, memberships, workshops, LinkKind, Role } from '../db/schema';
import { randomToken } from '../auth/tokens';
import { generateJoinCode } from '$lib/workshop/join-code';
import { newId } from '$lib/workshop/ids';
import type { WorkshopInput } from '$lib/schemas';

export type Workshop = typeof workshops.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Link = typeof links.$inferSelect;

interface Owner {
	id: string;
	displayName: string;
}

const rank: Record<Role, number> = { observer: 0, participant: 1, facilitator: 2 };

async function insertLink(db: DB, workshopId: string, kind: LinkKind): Promise<Link> {
	const { links } = tablesOf(db);
	// Again on the (unlikely) clash with another active code. Skipped rather than failed, since
	// a failed statement ends a PostgreSQL transaction.
	for (let attempt = 0; ; attempt++) {
		const row = {
			id: newId(),
			workshopId,
			kind,
			token: randomToken(18),
			code: kind === 'participant' ? generateJoinCode() : null
		};
		const [link] = await db.insert(links).values(row).onConflictDoNothing().returning();
		if (link) return link;
		if (attempt > 5) throw new Error('no free join code');
	}
}

/** Creates a workshop with its owner as facilitator and one link of each kind. */
export async function createWorkshop(
	db: DB,
	owner: Owner,
	{ template: _template, ...input }: WorkshopInput,
	isDemo = false
): Promise<Workshop> {
	const { workshops, memberships } = tablesOf(db);
	return transaction(db, async (tx) => {
		const [workshop] = await tx
			.insert(workshops)
			.values({ id: newId(), ownerId: owner.id, isDemo, ...input })
			.returning();
		await tx.insert(memberships).values({
			id: newId(),
			workshopId: workshop!.id,
			role: 'facilitator',
			userId: owner.id,
			displayName: owner.displayName
		});
		for (const kind of ['participant', 'observer', 'cofacilitator'] as const) {
			await insertLink(tx, workshop!.id, kind);
		}
		return workshop!;
	});
}

export async function getWorkshop(db: DB, id: string): Promise<Workshop | undefined> {
	const { workshops } = tablesOf(db);
	const [row] = await db.select().from(workshops).where(eq(workshops.id, id));
	return row;
}

/** Workshops where this account is a facilitator, newest first. */
export async function listFacilitatedWorkshops(db: DB, userId: string): Promise<Workshop[]> {
	const { workshops, memberships } = tablesOf(db);
	const rows = await db
		.select({ workshop: workshops })
		.from(memberships)
		.innerJoin(workshops, eq(workshops.id, memberships.workshopId))
		.where(and(eq(memberships.userId, userId), eq(memberships.role, 'facilitator')))
		.orderBy(desc(workshops.createdAt));
	return rows.map((r) => r.workshop);
}

interface Who {
	sessionId: string | null;
	userId: string | null;
}

/**
 * The strongest admitted membership this browser session (or its account) holds in a
 * workshop: what every page, endpoint and socket of the workshop asks before letting it in.
 */
export async function findMembership(
	db: DB,
	workshopId: string,
	who: Who
): Promise<Membership | null> {
	return (await ownMemberships(db, workshopId, who)).find((m) => m.status === 'admitted') ?? null;
}

/**
 * This browser's membership whatever its status, so the board can tell someone waiting for
 * admission or removed by a facilitator where they stand (null: never joined, or left).
 */
export async function findOwnMembership(
	db: DB,
	workshopId: string,
	who: Who
): Promise<Membership | null> {
	return (await ownMemberships(db, workshopId, who)).find((m) => m.status !== 'left') ?? null;
}

/** Read for every WebSocket upgrade with a session cookie; a null value matches no row. */
const membershipsOfWho = preparedRead<
	Membership,
	{ workshopId: string; userId: string | null; sessionId: string | null }
>('memberships_of_who', (db) => {
	const { memberships } = tablesOf(db);
	return db
		.select()
		.from(memberships)
		.where(
			and(
				eq(memberships.workshopId, sql.placeholder('workshopId')),
				or(
					eq(memberships.userId, sql.placeholder('userId')),
					eq(memberships.sessionId, sql.placeholder('sessionId'))
				)
			)
		);
});

async function ownMemberships(db: DB, workshopId: string, who: Who): Promise<Membership[]> {
	if (!who.userId && !who.sessionId) return [];
	const rows = await membershipsOfWho(db, {
		workshopId,
		userId: who.userId || null,
		sessionId: who.sessionId || null
	});
	return rows.sort((a, b) => rank[b.role] - rank[a.role]);
}

/** Read for every WebSocket upgrade with a token. */
const membershipById = preparedRead<Membership, { id: string }>('membership_by_id', (db) => {
	const { memberships } = tablesOf(db);
	return db
		.select()
		.from(memberships)
		.where(eq(memberships.id, sql.placeholder('id')));
});

export async function getMembership(db: DB, id: string): Promise<Membership | undefined> {
	const [row] = await membershipById(db, { id });
	return row;
}

export async function activeLinks(db: DB, workshopId: string): Promise<Link[]> {
	const { links } = tablesOf(db);
	return await db
		.select()
		.from(links)
		.where(and(eq(links.workshopId, workshopId), isNull(links.revokedAt)));
}

export async function findActiveLinkByToken(db: DB, token: string): Promise<Link | undefined> {
	const { links } = tablesOf(db);
	const [row] = await db
		.select()
		.from(links)
		.where(and(eq(links.token, token), isNull(links.revokedAt)));
	return row;
}

export async function findActiveLinkByCode(db: DB, code: string): Promise<Link | undefined> {
	const { links } = tablesOf(db);
	const [row] = await db
		.select()
		.from(links)
		.where(and(eq(links.code, code), isNull(links.revokedAt)));
	return row;
}

/** Revokes a link and issues a fresh one of the same kind, so a leaked link stops working. */
export function replaceLink(db: DB, workshopId: string, linkId: string): Promise<Link | null> {
	const { links } = tablesOf(db);
	return transaction(db, async (tx) => {
		const [old] = await tx
			.update(links)
			.set({ revokedAt: new Date() })
			.where(and(eq(links.id, linkId), eq(links.workshopId, workshopId), isNull(links.revokedAt)))
			.returning();
		if (!old) return null;
		return insertLink(tx, workshopId, old.kind);
	});
}

/** Makes an account a facilitator of the link's workshop. */
export async function acceptCofacilitator(db: DB, link: Link, user: Owner): Promise<Membership> {
	const { memberships } = tablesOf(db);
	const existing = await findMembership(db, link.workshopId, { sessionId: null, userId: user.id });
	if (existing?.role === 'facilitator') return existing;
	const [created] = await db
		.insert(memberships)
		.values({
			id: newId(),
			workshopId: link.workshopId,
			role: 'facilitator',
			userId: user.id,
			displayName: user.displayName
		})
		.returning();
	return created!;
}
