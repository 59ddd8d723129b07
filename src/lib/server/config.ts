import { defaultSocketLimits, DOC_MAX_BYTES } from './realtime/limits';

/** Runtime configuration, read once from the environment. See README "Configuration". */
export interface Config {
	databasePath: string;
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
	/** tldraw's licence key for the canvas (issue 16); without it the canvas runs on localhost only. */
	tldrawLicenseKey: string | null;
}

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const port = env.PORT ?? '3000';
	return {
		databasePath: env.DATABASE_PATH ?? './data/samskapa.db',
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
		tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null
	};
}
