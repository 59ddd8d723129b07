import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path';

describe('safeNext', () => {
	it('keeps paths on this site', () => {
		expect(safeNext('/w/abc123')).toBe('/w/abc123');
		expect(safeNext('/j/tok?x=1#y')).toBe('/j/tok?x=1#y');
		expect(safeNext('/w/%C3%A5')).toBe('/w/%C3%A5');
	});

	it.each([
		null,
		'',
		'dashboard',
		'//evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\t/evil.example/x',
		'/%09/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/ /evil.example',
		'http://evil.example',
		'https:evil.example',
		'http:/evil.example',
		'javascript:alert(1)',
		'/\u0000/evil.example',
		'/%2F/evil.example',
		'/%5Cevil.example',
		'/%E0%A4%A'
	])('sends %j to the fallback', (next) => {
		expect(safeNext(next)).toBe('/dashboard');
	});

	it('refuses a path that decodes to another origin after the browser cleans it', () => {
		// What `/login?next=/%09/host/…` arrives as once the query string is decoded.
		expect(safeNext(new URLSearchParams('next=/%09/host/x').get('next'))).toBe('/dashboard');
		expect(safeNext(new URLSearchParams('next=/%5C/host').get('next'))).toBe('/dashboard');
		expect(safeNext(new URLSearchParams('next=%2F%2Fhost').get('next'))).toBe('/dashboard');
	});

	it('uses the given fallback', () => {
		expect(safeNext('//x', '/')).toBe('/');
	});
});
