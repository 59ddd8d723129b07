import { describe, expect, it } from 'vitest';
import { OneAtATime } from './one-at-a-time';

describe('OneAtATime', () => {
	it('runs one key’s tasks in turn, other keys alongside, and forgets a key when done', async () => {
		const queue = new OneAtATime();
		const log: string[] = [];
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const first = queue.run('a', async () => {
			log.push('a1 start');
			await gate;
			log.push('a1 end');
			throw new Error('a1 failed');
		});
		const second = queue.run('a', async () => void log.push('a2'));
		const other = queue.run('b', async () => void log.push('b1'));
		await other;
		expect(log).toEqual(['a1 start', 'b1']);
		release();
		await expect(first).rejects.toThrow('a1 failed');
		await second;
		expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
		await Promise.resolve();
		await Promise.resolve();
		expect(queue.size).toBe(0);
	});
});
