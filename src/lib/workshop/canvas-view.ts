import type * as Y from 'yjs';
import { canvasMap, listStickies } from './records/canvas-shape';
import { listIdeas } from './records/idea';

export interface Sticky {
	key: string;
	text: string;
	authorId: string;
	authorName: string | null;
	/** The idea made of it, if any. */
	ideaId: string | null;
}

/** Every area's stickies, oldest first, each with the idea made of it (by the idea's canvasKey). */
export function stickiesByArea(doc: Y.Doc): Record<string, Sticky[]> {
	const made = new Map<string, string>();
	for (const idea of listIdeas(doc)) {
		if (idea.canvasKey !== undefined) made.set(idea.canvasKey, idea.id);
	}
	const areas = new Set<string>();
	canvasMap(doc).forEach((map) => {
		const areaId = map.get('areaId');
		if (typeof areaId === 'string') areas.add(areaId);
	});
	const byArea: Record<string, Sticky[]> = {};
	for (const areaId of areas) {
		byArea[areaId] = listStickies(doc, areaId).map((s) => ({
			key: s.key,
			text: s.text,
			authorId: s.authorId,
			authorName: s.authorName,
			ideaId: made.get(s.key) ?? null
		}));
	}
	return byArea;
}
