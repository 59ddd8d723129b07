import { describe, expect, it } from 'vitest';
import { hashedByProxy, workshopOfPath } from './paths';

describe('workshopOfPath', () => {
	it('finds the workshop of its rooms, pages and API routes', () => {
		expect(workshopOfPath('/ws/w/abc')).toBe('abc');
		expect(workshopOfPath('/ws/w/abc/p/m1')).toBe('abc');
		expect(workshopOfPath('/ws/w%2Fabc%2Fp%2Fm1')).toBe('abc');
		expect(workshopOfPath('/w/abc')).toBe('abc');
		expect(workshopOfPath('/w/abc/klustring/__data.json')).toBe('abc');
		expect(workshopOfPath('/api/workshops/abc/timer')).toBe('abc');
	});

	it('leaves every other path to any process', () => {
		for (const path of [
			'/',
			'/dashboard',
			'/api/workshops',
			'/api/workshops/import',
			'/api/join',
			'/ws/other',
			'/ws/%E0%A4%A',
			'/wx/abc',
			'/healthz'
		]) {
			expect(workshopOfPath(path), path).toBeNull();
		}
	});

	it('reads a page’s or route’s id decoded, as SvelteKit routes it', () => {
		expect(workshopOfPath('/w/%61bc')).toBe('abc');
		expect(workshopOfPath('/api/workshops/%61bc/export.json')).toBe('abc');
		expect(workshopOfPath('/w/%E0%A4%A')).toBeNull();
	});
});

describe('hashedByProxy', () => {
	it('is true only for the spelling the proxy hashes the workshop by', () => {
		expect(hashedByProxy('/w/abc/klustring', 'abc')).toBe(true);
		expect(hashedByProxy('/api/workshops/abc/timer', 'abc')).toBe(true);
		expect(hashedByProxy('/ws/w/abc/p/m1', 'abc')).toBe(true);
		expect(hashedByProxy('/w/%61bc', 'abc')).toBe(false);
		expect(hashedByProxy('/api/workshops/%61bc/timer', 'abc')).toBe(false);
		expect(hashedByProxy('/ws/w%2Fabc', 'abc')).toBe(false);
		expect(hashedByProxy('/ws/w/x/../abc', 'abc')).toBe(false);
	});
});
