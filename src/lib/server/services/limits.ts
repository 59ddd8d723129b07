import { RateLimiter } from '../rate-limit';

// Each limiter's name keys its counts in Redis when several processes share them (REDIS_URL).

const MINUTE = 60_000;
const perMinute = (value: string | undefined, fallback: number) => {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * Failed join attempts (unknown code or link) per client address: the /join page, /j/<token>
 * and POST /api/join share it. Only failures count, so a whole ward behind one NAT address
 * can join at once while guessing codes stays slow. JOIN_RATE_LIMIT, default 20 a minute.
 */
export const joinFailures = new RateLimiter(
	perMinute(process.env.JOIN_RATE_LIMIT, 20),
	MINUTE,
	'join-failures'
);

/**
 * New memberships per client address and 10 minutes: a script without cookies makes a new
 * person at every join, so this bounds how many ballots one address can create. A ward behind
 * one NAT address (60 people joining within minutes, some twice from a second device) must
 * still get in, hence a generous 100; the facilitator's participant list, removal and the
 * admission step are the real guard. Joining again as the same membership is not counted.
 * JOIN_NEW_MEMBERS_LIMIT, default 100 per 10 minutes.
 */
export const newMemberships = new RateLimiter(
	perMinute(process.env.JOIN_NEW_MEMBERS_LIMIT, 100),
	10 * MINUTE,
	'new-memberships'
);

/**
 * Sign-ins per client address that are running or failed: the /login page and POST /api/login
 * share it. An attempt takes its place before the password is checked (so parallel guesses
 * cannot all be checked before the first failure is counted) and gives it back when the
 * password was right. LOGIN_RATE_LIMIT, default 10 a minute.
 */
export const loginAttempts = new RateLimiter(
	perMinute(process.env.LOGIN_RATE_LIMIT, 10),
	MINUTE,
	'login'
);

/**
 * Sign-ups per client address, every valid attempt counted before the password is hashed: the
 * /signup page and POST /api/signup share it. SIGNUP_RATE_LIMIT, default 20 a minute.
 */
export const signupAttempts = new RateLimiter(
	perMinute(process.env.SIGNUP_RATE_LIMIT, 20),
	MINUTE,
	'signup'
);

/**
 * Imports per account: each builds and measures a whole board (seconds of CPU for a large file)
 * and stores a new workshop, and sign-up is open. IMPORT_RATE_LIMIT, default 20 an hour.
 */
export const importsPerAccount = new RateLimiter(
	perMinute(process.env.IMPORT_RATE_LIMIT, 20),
	60 * MINUTE,
	'import'
);

/**
 * Downloads of reports and exports per membership: each builds the report model, and a Word
 * report draws the matrix image too (about 0.2 s of CPU on a 500-note board), so a script
 * must not keep the event loop busy with them. EXPORT_RATE_LIMIT, default 30 a minute.
 */
export const exportDownloads = new RateLimiter(
	perMinute(process.env.EXPORT_RATE_LIMIT, 30),
	MINUTE,
	'export'
);
