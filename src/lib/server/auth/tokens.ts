import {
	createHash,
	createHmac,
	createSecretKey,
	randomBytes,
	timingSafeEqual,
	type KeyObject
} from 'node:crypto';

/** A random token for cookies and links (256 bits, URL-safe). */
export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

const keys = new Map<string, KeyObject>();

/**
 * HMAC-SHA-256 of `data` under `secret` (as UTF-8, like createHmac with a string key). The key
 * is made once per secret: from a string it was imported again at every call, about two thirds
 * of the HMAC's time, paid by every WebSocket upgrade (issue 18, connect CPU).
 */
export function hmac(secret: string, data: string): Buffer {
	let key = keys.get(secret);
	if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
	return createHmac('sha256', key).update(data).digest();
}

/**
 * Short-lived bearer token for WebSocket clients that hold no cookie (scripts, Node clients):
 * `<membershipId>.<expiresAtMs>.<hmac>`.
 */
export function signWsToken(secret: string, membershipId: string, ttlMs: number, now = Date.now()) {
	const payload = `${membershipId}.${now + ttlMs}`;
	const mac = hmac(secret, payload).toString('base64url');
	return `${payload}.${mac}`;
}

/** Returns the membership id of a valid, unexpired token, or null. */
export function verifyWsToken(secret: string, token: string, now = Date.now()): string | null {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const [membershipId, expires, mac] = parts as [string, string, string];
	const expected = hmac(secret, `${membershipId}.${expires}`);
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	if (!(Number(expires) > now)) return null;
	return membershipId;
}
