import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for cookies and links (256 bits, URL-safe). */
export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

/**
 * Short-lived bearer token for WebSocket clients that hold no cookie (scripts, Node clients):
 * `<membershipId>.<expiresAtMs>.<hmac>`.
 */
export function signWsToken(secret: string, membershipId: string, ttlMs: number, now = Date.now()) {
	const payload = `${membershipId}.${now + ttlMs}`;
	const mac = createHmac('sha256', secret).update(payload).digest('base64url');
	return `${payload}.${mac}`;
}

/** Returns the membership id of a valid, unexpired token, or null. */
export function verifyWsToken(secret: string, token: string, now = Date.now()): string | null {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const [membershipId, expires, mac] = parts as [string, string, string];
	const expected = createHmac('sha256', secret).update(`${membershipId}.${expires}`).digest();
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	if (!(Number(expires) > now)) return null;
	return membershipId;
}
