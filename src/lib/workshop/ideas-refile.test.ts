import { describe, expect, it } from 'vitest';
import { refileIdeas } from './ideas-refile';
import type { Idea } from './records/idea';

const idea = (id: string, areaId = 'a1'): Idea => ({
	id,
	text: `idé ${id}`,
	areaId,
	group: null,
	order: 'a0',
	authorId: 'm1',
	authorName: null,
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	updatedAt: 1
});

describe('refiling ideas after a refused private write', () => {
	it('writes again only what neither the server’s private copy nor the board holds', () => {
		const held = [idea('kept'), idea('revealed'), idea('lost')];
		const out = refileIdeas(held, new Set(['kept']), new Set(['revealed']), () => false);
		expect(out.toBoard.map((i) => i.id)).toEqual(['lost']);
		expect(out.toPrivate).toEqual([]);
	});

	it('keeps an idea private while its area’s silent round is still open, else files it in the board', () => {
		const held = [idea('x', 'silent'), idea('y', 'open')];
		const out = refileIdeas(held, new Set(), new Set(), (area) => area === 'silent');
		expect(out.toPrivate.map((i) => i.id)).toEqual(['x']);
		expect(out.toBoard.map((i) => i.id)).toEqual(['y']);
	});

	it('writes nothing when the server has everything', () => {
		const out = refileIdeas([idea('a')], new Set(['a']), new Set(), () => true);
		expect(out).toEqual({ toPrivate: [], toBoard: [] });
	});
});
