/** Runtime configuration, read once from the environment. See README "Configuration". */
export interface Config {
	databasePath: string;
	signupOpen: boolean;
	demo: boolean;
	/** Largest WebSocket message accepted, in bytes; larger ones close the socket with 1009. */
	wsMaxPayload: number;
	/** Where printed links point; adapter-node's ORIGIN when set. */
	publicOrigin: string;
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
		publicOrigin: (env.ORIGIN ?? `http://localhost:${port}`).replace(/\/$/, '')
	};
}
