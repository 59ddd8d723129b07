import { sql } from 'drizzle-orm';
import { roles, type Role } from '../../workshop/roles';
import {
	blob,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** Facilitator accounts. Participants and observers never have one. */
export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: createdAt()
});

/** Browser sessions. `id` is the SHA-256 of the cookie token, so a leaked database holds no usable cookie. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * A workshop series: one project (e.g. "Hälso- och sjukvård i hemmet") whose workshops follow
 * each other, each starting from what the previous one left (services/series.ts).
 */
export const series = sqliteTable(
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

export const workshops = sqliteTable('workshops', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	purpose: text('purpose').notNull().default(''),
	date: text('date'),
	ownerId: text('owner_id')
		.notNull()
		.references(() => users.id),
	isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
	/** Names never enter the shared document or presence when set (a facilitator setting). */
	anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
	/** Participants may download the reports too (facilitators and observers always may). */
	participantsMayExport: integer('participants_may_export', { mode: 'boolean' })
		.notNull()
		.default(false),
	/** "Godkänn nya deltagare": a new joiner waits until a facilitator admits them. */
	admissionRequired: integer('admission_required', { mode: 'boolean' }).notNull().default(false),
	/** The series it belongs to (at most one) and its place there, 1 for the first. */
	seriesId: text('series_id').references(() => series.id, { onDelete: 'set null' }),
	seriesPosition: integer('series_position'),
	/** Closed: read-only for participants (the board holds `closed` too, for the judge). */
	closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
	/** Archived: out of the dashboard's list, still exportable. */
	archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
	/**
	 * The board's note count and the last time any of its documents changed, kept by the
	 * realtime server (features/activity.ts) so the dashboard never loads a board to show them;
	 * null until first counted.
	 */
	noteCount: integer('note_count'),
	lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

export { roles, type Role };

/**
 * Where a membership stands: `waiting` for a facilitator to admit it (admission step),
 * `admitted` (in the workshop; only these open documents and count as voters), `left` (the
 * person left from this browser) or `removed` by a facilitator (or refused at admission).
 */
export const membershipStatuses = ['waiting', 'admitted', 'left', 'removed'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/**
 * Who takes part in a workshop and how. A facilitator membership belongs to an account;
 * a participant or observer membership belongs to the browser session that joined.
 */
export const memberships = sqliteTable(
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
		/**
		 * SHA-256 of the browser's long-lived identity cookie: joining again from the same browser
		 * finds this membership even when the session is gone (one person, one ballot).
		 */
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

export const linkKinds = ['participant', 'observer', 'cofacilitator'] as const;
export type LinkKind = (typeof linkKinds)[number];

/** Invitation links. A participant link also carries the short join code. Revoked links stay for the record. */
export const links = sqliteTable(
	'links',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: linkKinds }).notNull(),
		token: text('token').notNull().unique(),
		code: text('code'),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('links_workshop_idx').on(t.workshopId),
		uniqueIndex('links_active_code_idx')
			.on(t.code)
			.where(sql`${t.code} IS NOT NULL AND ${t.revokedAt} IS NULL`)
	]
);

/** Append-only log of Yjs updates per document, written before any update is broadcast. */
export const docUpdates = sqliteTable(
	'doc_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		docName: text('doc_name').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('doc_updates_doc_idx').on(t.docName, t.id)]
);

/** Compacted state of a document: everything in the log up to `lastUpdateId`. */
export const docSnapshots = sqliteTable('doc_snapshots', {
	docName: text('doc_name').primaryKey(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	lastUpdateId: integer('last_update_id').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * Which member authored each Yjs client id of a shared document: a client id is bound to the
 * first member whose accepted update used it, and nobody else's socket may write under it.
 */
export const docClients = sqliteTable(
	'doc_clients',
	{
		docName: text('doc_name').notNull(),
		clientId: integer('client_id').notNull(),
		membershipId: text('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.docName, t.clientId] })]
);

/** Facilitators' own templates: a workshop's structure (see src/lib/workshop/template.ts). */
export const templates = sqliteTable(
	'templates',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		data: text('data', { mode: 'json' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('templates_owner_idx').on(t.ownerId)]
);

/** Server-wide key/value settings, e.g. the generated signing secret and the demo login token. */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
