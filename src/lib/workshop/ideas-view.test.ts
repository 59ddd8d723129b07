import { describe, expect, it } from 'vitest';
import { groupIdeas, groupLabels, prioritisedAreas, rankedIdeas } from './ideas-view';
import type { Area } from './records/area';
import type { Idea } from './records/idea';
import type { Placement } from './records/placement';

const idea = (id: string, group: string | null = null): Idea => ({
	id,
	text: `Idé ${id}`,
	areaId: 'a1',
	group,
	order: id,
	authorId: 'm1',
	authorName: null,
	profession: 'annan',
	organisation: 'annan',
	createdAt: 1,
	updatedAt: 1
});

const area = (id: string): Area => ({ id, name: id, parentId: null, order: id, createdAt: 1 });

describe('ideas view', () => {
	it('keeps only prioritised areas, in their own order', () => {
		const placements = new Map<string, Placement>([
			['b', { areaId: 'b', final: null, prioritised: true }],
			['c', { areaId: 'c', final: null, prioritised: false }],
			['a', { areaId: 'a', final: null, prioritised: true }]
		]);
		expect(prioritisedAreas([area('a'), area('b'), area('c'), area('d')], placements)).toEqual([
			area('a'),
			area('b')
		]);
	});

	it('groups ideas: ungrouped first, groups by first appearance, labels alike in case and spaces', () => {
		const groups = groupIdeas([
			idea('1', 'Telefon'),
			idea('2'),
			idea('3', 'Hemgång'),
			idea('4', ' telefon '),
			idea('5', '  ')
		]);
		expect(groups.map((g) => [g.label, g.ideas.map((i) => i.id)])).toEqual([
			[null, ['2', '5']],
			['Telefon', ['1', '4']],
			['Hemgång', ['3']]
		]);
		expect(groupLabels([idea('1', 'Telefon'), idea('2')])).toEqual(['Telefon']);
		expect(groupIdeas([idea('1', 'X')]).map((g) => g.label)).toEqual(['X']);
	});

	it('ranks a dot vote’s ideas, leaving out ideas removed since', () => {
		const ranked = rankedIdeas(
			[
				{ ideaId: '1', dots: 1, voters: 1, rank: 2 },
				{ ideaId: 'gone', dots: 5, voters: 2, rank: 1 },
				{ ideaId: '2', dots: 3, voters: 2, rank: 1 }
			],
			[idea('1'), idea('2')]
		);
		expect(ranked.map((r) => [r.idea.id, r.result.rank])).toEqual([
			['2', 1],
			['1', 2]
		]);
	});
});
