import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac, randomToken, sha256, signWsToken, verifyWsToken } from './tokens';

describe('tokens', () => {
	it('makes distinct URL-safe random tokens', () => {
		const a = randomToken();
		expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(randomToken()).not.toBe(a);
		expect(sha256('x')).toHaveLength(64);
	});

	it('accepts its own WebSocket token until it expires', () => {
		const token = signWsToken('secret', 'member1', 1000, 0);
		expect(verifyWsToken('secret', token, 999)).toBe('member1');
		expect(verifyWsToken('secret', token, 1000)).toBeNull();
	});

	it('rejects a token signed with another secret or altered', () => {
		const token = signWsToken('secret', 'member1', 1000, 0);
		expect(verifyWsToken('other', token, 1)).toBeNull();
		expect(verifyWsToken('secret', token.replace('member1', 'member2'), 1)).toBeNull();
		expect(verifyWsToken('secret', 'garbage', 1)).toBeNull();
	});

	it('signs as an HMAC with the secret as a string key did, so stored pseudonyms still match', () => {
		for (const secret of ['secret', 'hemlighet åäö', '']) {
			const before = createHmac('sha256', secret).update('author:member1').digest();
			expect(hmac(secret, 'author:member1').equals(before)).toBe(true);
		}
		expect(hmac('a', 'x').equals(hmac('b', 'x'))).toBe(false);
	});
});
