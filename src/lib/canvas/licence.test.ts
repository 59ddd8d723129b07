import { describe, expect, it } from 'vitest';
import { canvasAllowed, isLocalHost } from './licence';

describe('the canvas licence gate', () => {
	it('lets the canvas run without a key on local hosts only', () => {
		for (const host of [
			'localhost',
			'LOCALHOST',
			'app.localhost',
			'127.0.0.1',
			'127.1.2.3',
			'[::1]'
		]) {
			expect(isLocalHost(host), host).toBe(true);
			expect(canvasAllowed(null, host), host).toBe(true);
		}
		for (const host of [
			'samskapa.test',
			'samskapa.region.se',
			'10.0.0.5',
			'localhost.evil.se',
			'127.0.0.1.nip.io'
		]) {
			expect(isLocalHost(host), host).toBe(false);
			expect(canvasAllowed(null, host), host).toBe(false);
		}
	});

	it('lets it run anywhere with a key', () => {
		expect(canvasAllowed('tldraw-key', 'samskapa.region.se')).toBe(true);
	});
});
