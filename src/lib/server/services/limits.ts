import { RateLimiter } from '../rate-limit';

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
export const joinFailures = new RateLimiter(perMinute(process.env.JOIN_RATE_LIMIT, 20), MINUTE);

/** Failed sign-ins per client address: the /login page and POST /api/login share it. */
export const loginFailures = new RateLimiter(perMinute(process.env.LOGIN_RATE_LIMIT, 10), MINUTE);
