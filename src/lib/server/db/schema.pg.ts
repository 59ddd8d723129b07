/**
 * The PostgreSQL form of schema.ts: the same tables, column names and JS types, so services
 * written against one work against the other. schema-parity.test.ts compares the two; a change
 * is made to both and generated for both (`npm run db:generate`).
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { roles } from '../../workshop/roles';
import { linkKinds, membershipStatuses } from './schema';

/** bytea as a Node Buffer, as SQLite's blob({ mode: 'buffer' }) gives. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
	dataType: () => 'bytea'
});

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

const createdAt = () => at('created_at').notNull().defaultNow();

/**
 * Yjs client ids are unsigned 32-bit and log ids grow without bound: both outgrow int4, so they
 * are int8 read back as JS numbers (exact up to 2^53).
 */
const int8 = (name: string) => bigint(name, { mode: 'number' });

export const users = pgTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: createdAt()
});

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: at('expires_at').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const series = pgTable(
	'series',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('series_owner_idx').on(t.ownerId)]
);

export const workshops = pgTable('workshops', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	purpose: text('purpose').notNull().default(''),
	date: text('date'),
	ownerId: text('owner_id')
		.notNull()
		.references(() => users.id),
	isDemo: boolean('is_demo').notNull().default(false),
	anonymous: boolean('anonymous').notNull().default(false),
	participantsMayExport: boolean('participants_may_export').notNull().default(false),
	admissionRequired: boolean('admission_required').notNull().default(false),
	seriesId: text('series_id').references(() => series.id, { onDelete: 'set null' }),
	seriesPosition: integer('series_position'),
	closedAt: at('closed_at'),
	archivedAt: at('archived_at'),
	noteCount: integer('note_count'),
	lastActivityAt: at('last_activity_at'),
	createdAt: createdAt()
});

export const memberships = pgTable(
	'memberships',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		role: text('role', { enum: roles }).notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
		displayName: text('display_name').notNull(),
		profession: text('profession').notNull().default('annan'),
		organisation: text('organisation').notNull().default('annan'),
		status: text('status', { enum: membershipStatuses }).notNull().default('admitted'),
		browserId: text('browser_id'),
		createdAt: createdAt()
	},
	(t) => [
		index('memberships_workshop_idx').on(t.workshopId),
		index('memberships_user_idx').on(t.userId),
		index('memberships_session_idx').on(t.sessionId),
		index('memberships_browser_idx').on(t.workshopId, t.browserId)
	]
);

export const links = pgTable(
	'links',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: linkKinds }).notNull(),
		token: text('token').notNull().unique(),
		code: text('code'),
		revokedAt: at('revoked_at'),
		createdAt: createdAt()
	},
	(t) => [
		index('links_workshop_idx').on(t.workshopId),
		uniqueIndex('links_active_code_idx')
			.on(t.code)
			.where(sql`${t.code} IS NOT NULL AND ${t.revokedAt} IS NULL`)
	]
);

export const docUpdates = pgTable(
	'doc_updates',
	{
		id: int8('id').primaryKey().generatedByDefaultAsIdentity(),
		docName: text('doc_name').notNull(),
		update: bytea('update').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('doc_updates_doc_idx').on(t.docName, t.id)]
);

export const docSnapshots = pgTable('doc_snapshots', {
	docName: text('doc_name').primaryKey(),
	state: bytea('state').notNull(),
	lastUpdateId: int8('last_update_id').notNull(),
	updatedAt: at('updated_at').notNull()
});

export const docClients = pgTable(
	'doc_clients',
	{
		docName: text('doc_name').notNull(),
		clientId: int8('client_id').notNull(),
		membershipId: text('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.docName, t.clientId] })]
);

export const templates = pgTable(
	'templates',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		data: jsonb('data').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('templates_owner_idx').on(t.ownerId)]
);

export const settings = pgTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
