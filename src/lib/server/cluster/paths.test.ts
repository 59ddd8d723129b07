import { describe, expect, it } from 'vitest';
import { workshopOfPath } from './paths';

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
});
