import { describe, expect, it } from 'vitest';
import { boardRoom, parseRoom, privateRoom } from './rooms';

describe('room names', () => {
	it('round-trips board and private rooms', () => {
		expect(parseRoom(boardRoom('abc'))).toEqual({ kind: 'board', workshopId: 'abc' });
		expect(parseRoom(privateRoom('abc', 'm1'))).toEqual({
			kind: 'private',
			workshopId: 'abc',
			membershipId: 'm1'
		});
	});

	it('rejects anything else', () => {
		for (const name of [
			'',
			'w/',
			'x/abc',
			'w/abc/',
			'w/abc/p/',
			'w/../etc',
			'w/a b',
			'w/a/p/b/c'
		]) {
			expect(parseRoom(name)).toBeNull();
		}
	});
});
