import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { DB } from '../db';
import { links, memberships, workshops, type LinkKind, type Role } from '../db/schema';
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

function insertLink(db: DB, workshopId: string, kind: LinkKind): Link {
	// Retry on the (unlikely) clash with another active code.
	for (let attempt = 0; ; attempt++) {
		const row = {
			id: newId(),
			workshopId,
			kind,
			token: randomToken(18),
			code: kind === 'participant' ? generateJoinCode() : null
		};
		try {
			return db.insert(links).values(row).returning().get();
		} catch (e) {
			if (attempt > 5) throw e;
		}
	}
}

/** Creates a workshop with its owner as facilitator and one link of each kind. */
export function createWorkshop(
	db: DB,
	owner: Owner,
	{ template: _template, ...input }: WorkshopInput,
	isDemo = false
) {
	return db.transaction((tx) => {
		const workshop = tx
			.insert(workshops)
			.values({ id: newId(), ownerId: owner.id, isDemo, ...input })
			.returning()
			.get();
		tx.insert(memberships)
			.values({
				id: newId(),
				workshopId: workshop.id,
				role: 'facilitator',
				userId: owner.id,
				displayName: owner.displayName
			})
			.run();
		for (const kind of ['participant', 'observer', 'cofacilitator'] as const) {
			insertLink(tx as unknown as DB, workshop.id, kind);
		}
		return workshop;
	});
}

export function getWorkshop(db: DB, id: string): Workshop | undefined {
	return db.select().from(workshops).where(eq(workshops.id, id)).get();
}

/** Workshops where this account is a facilitator, newest first. */
export function listFacilitatedWorkshops(db: DB, userId: string): Workshop[] {
	return db
		.select({ workshop: workshops })
		.from(memberships)
		.innerJoin(workshops, eq(workshops.id, memberships.workshopId))
		.where(and(eq(memberships.userId, userId), eq(memberships.role, 'facilitator')))
		.orderBy(desc(workshops.createdAt))
		.all()
		.map((r) => r.workshop);
}

interface Who {
	sessionId: string | null;
	userId: string | null;
}

/**
 * The strongest admitted membership this browser session (or its account) holds in a
 * workshop: what every page, endpoint and socket of the workshop asks before letting it in.
 */
export function findMembership(db: DB, workshopId: string, who: Who): Membership | null {
	return ownMemberships(db, workshopId, who).find((m) => m.status === 'admitted') ?? null;
}

/**
 * This browser's membership whatever its status, so the board can tell someone waiting for
 * admission or removed by a facilitator where they stand (null: never joined, or left).
 */
export function findOwnMembership(db: DB, workshopId: string, who: Who): Membership | null {
	return ownMemberships(db, workshopId, who).find((m) => m.status !== 'left') ?? null;
}

function ownMemberships(db: DB, workshopId: string, who: Who): Membership[] {
	const match = [];
	if (who.userId) match.push(eq(memberships.userId, who.userId));
	if (who.sessionId) match.push(eq(memberships.sessionId, who.sessionId));
	if (match.length === 0) return [];
	const rows = db
		.select()
		.from(memberships)
		.where(and(eq(memberships.workshopId, workshopId), or(...match)))
		.all();
	return rows.sort((a, b) => rank[b.role] - rank[a.role]);
}

export function getMembership(db: DB, id: string): Membership | undefined {
	return db.select().from(memberships).where(eq(memberships.id, id)).get();
}

export function activeLinks(db: DB, workshopId: string): Link[] {
	return db
		.select()
		.from(links)
		.where(and(eq(links.workshopId, workshopId), isNull(links.revokedAt)))
		.all();
}

export function findActiveLinkByToken(db: DB, token: string): Link | undefined {
	return db
		.select()
		.from(links)
		.where(and(eq(links.token, token), isNull(links.revokedAt)))
		.get();
}

export function findActiveLinkByCode(db: DB, code: string): Link | undefined {
	return db
		.select()
		.from(links)
		.where(and(eq(links.code, code), isNull(links.revokedAt)))
		.get();
}

/** Revokes a link and issues a fresh one of the same kind, so a leaked link stops working. */
export function replaceLink(db: DB, workshopId: string, linkId: string): Link | null {
	return db.transaction((tx) => {
		const old = tx
			.update(links)
			.set({ revokedAt: new Date() })
			.where(and(eq(links.id, linkId), eq(links.workshopId, workshopId), isNull(links.revokedAt)))
			.returning()
			.get();
		if (!old) return null;
		return insertLink(tx as unknown as DB, workshopId, old.kind);
	});
}

/** Makes an account a facilitator of the link's workshop. */
export function acceptCofacilitator(db: DB, link: Link, user: Owner): Membership {
	const existing = findMembership(db, link.workshopId, { sessionId: null, userId: user.id });
	if (existing?.role === 'facilitator') return existing;
	return db
		.insert(memberships)
		.values({
			id: newId(),
			workshopId: link.workshopId,
			role: 'facilitator',
			userId: user.id,
			displayName: user.displayName
		})
		.returning()
		.get();
}
