import { postgresDefaults } from './db';
import { defaultSocketLimits, DOC_MAX_BYTES } from './realtime/limits';

/** Runtime configuration, read once from the environment. See README "Configuration". */
export interface Config {
	databasePath: string;
	/** `postgres://…` chooses PostgreSQL instead of the SQLite file (db/index.ts openStore). */
	databaseUrl: string | null;
	/** PostgreSQL: connections per process (DATABASE_POOL_SIZE). */
	databasePoolSize: number;
	/** PostgreSQL: longest a statement may run, ms (DATABASE_QUERY_TIMEOUT_MS; 0 for never). */
	databaseQueryTimeoutMs: number;
	signupOpen: boolean;
	demo: boolean;
	/** Largest WebSocket message other than a sync step 2 / update; larger close with 1009. */
	wsMaxPayload: number;
	/** Largest sync step 2 / update message (a client's whole catch-up), in bytes. */
	wsMaxSyncPayload: number;
	/** Open WebSocket connections per client address and per membership; more get HTTP 429. */
	wsSocketsPerAddress: number;
	wsSocketsPerMember: number;
	/** Refused writes per member and minute before their upgrades get 429 for a while. */
	wsRefusalsPerMinute: number;
	/** Where printed links point; adapter-node's ORIGIN when set. */
	publicOrigin: string;
	/** Who runs this installation: named in the accessibility statement and the data-protection page. */
	organisation: Organisation;
	/** Closed workshops are deleted this many months after closing; null: kept (the default). */
	retentionClosedMonths: number | null;
	/** tldraw's licence key for the canvas (issue 16); without it the canvas runs on localhost only. */
	tldrawLicenseKey: string | null;
}

export interface Organisation {
	name: string;
	email: string | null;
	phone: string | null;
	/** The data-protection officer's address, when it is not the general one. */
	privacyEmail: string | null;
	/** YYYY-MM-DD the service was first published, for the accessibility statement. */
	publishedOn: string | null;
}

const optional = (value: string | undefined) => value?.trim() || null;
const day = (value: string | undefined) => {
	const v = optional(value);
	return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
};

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** A whole number of months, or null (off) for anything else. */
function months(value: string | undefined): number | null {
	const n = Number(value);
	return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const port = env.PORT ?? '3000';
	return {
		databasePath: env.DATABASE_PATH ?? './data/samskapa.db',
		databaseUrl: optional(env.DATABASE_URL),
		databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? postgresDefaults.poolSize),
		databaseQueryTimeoutMs: Number(
			env.DATABASE_QUERY_TIMEOUT_MS ?? postgresDefaults.statementTimeoutMs
		),
		signupOpen: flag(env.SIGNUP_OPEN, true),
		demo: flag(env.SAMSKAPA_DEMO, true),
		wsMaxPayload: Number(env.WS_MAX_PAYLOAD ?? 1024 * 1024),
		wsMaxSyncPayload: Number(env.WS_MAX_SYNC_PAYLOAD ?? DOC_MAX_BYTES),
		wsSocketsPerAddress: Number(
			env.WS_SOCKETS_PER_ADDRESS ?? defaultSocketLimits.socketsPerAddress
		),
		wsSocketsPerMember: Number(env.WS_SOCKETS_PER_MEMBER ?? defaultSocketLimits.socketsPerMember),
		wsRefusalsPerMinute: Number(env.WS_REFUSALS_PER_MINUTE ?? 5),
		publicOrigin: (env.ORIGIN ?? `http://localhost:${port}`).replace(/\/$/, ''),
		organisation: {
			name: optional(env.ORGANISATION_NAME) ?? 'Samskapa',
			email: optional(env.CONTACT_EMAIL),
			phone: optional(env.CONTACT_PHONE),
			privacyEmail: optional(env.PRIVACY_EMAIL),
			publishedOn: day(env.PUBLISHED_ON)
		},
		retentionClosedMonths: months(env.RETENTION_CLOSED_MONTHS),
		tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null
	};
}
