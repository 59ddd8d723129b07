import * as Y from 'yjs';
import { z } from 'zod';
import { IDEAS_PER_MEMBER, ideaRecord } from '$lib/workshop/records/idea';
import type { Organisation, Profession } from '$lib/workshop/people';

/** Who owns the private document, as the server knows them when it judges an update. */
export interface PrivateOwner {
	membershipId: string;
	/** Names this member may sign with (the membership's current name). */
	names(): readonly string[];
	profession(): Profession | string;
	organisation(): Organisation | string;
}

export interface PrivateIdeaRules {
	owner: PrivateOwner;
	/** Whether a silent round is open over this area (the board, read by the server). */
	silentOpen(areaId: string): boolean;
}

const ideaSchema = z.object(ideaRecord.fields).strict();

const plain = (value: unknown): unknown => (value instanceof Y.Map ? value.toJSON() : value);
const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));

/**
 * The ideas a member writes in a silent round, in their private document (root `ideas`, the
 * board record's fields): the server copies them into the board on reveal with exactly this
 * provenance, so only well-formed ideas of the owner's own, ungrouped, may be written, changed
 * or removed, and only while a silent round over their area is open. A reason when refused.
 */
export function judgePrivateIdeas(
	before: Y.Doc,
	after: Y.Doc,
	rules: PrivateIdeaRules
): string | null {
	const was = before.getMap<unknown>('ideas');
	const now = after.getMap<unknown>('ideas');
	let changed = false;
	for (const key of new Set([...was.keys(), ...now.keys()])) {
		const old = was.get(key);
		const value = now.get(key);
		if (same(old, value)) continue;
		changed = true;
		if (!ideaRecord.key.safeParse(key).success) return 'ideas: bad key';
		// The area it leaves must be open too: no idea is taken back after its reveal.
		if (old !== undefined) {
			const area = old instanceof Y.Map ? old.get('areaId') : undefined;
			if (typeof area !== 'string' || !rules.silentOpen(area)) {
				return 'ideas: the silent round is over';
			}
		}
		if (value === undefined) continue;
		if (!(value instanceof Y.Map)) return 'ideas: not a record';
		const parsed = ideaSchema.safeParse(value.toJSON());
		if (!parsed.success) return 'ideas: malformed idea';
		const idea = parsed.data as z.infer<typeof ideaSchema> & { areaId: string };
		const { owner } = rules;
		if (idea.authorId !== owner.membershipId) return 'ideas: not in your name';
		if (idea.authorName !== null && !owner.names().includes(idea.authorName as string)) {
			return 'ideas: not in your name';
		}
		if (idea.profession !== owner.profession() || idea.organisation !== owner.organisation()) {
			return 'ideas: not your profession or organisation';
		}
		if (idea.group !== null) return 'ideas: facilitators group ideas';
		if (!rules.silentOpen(idea.areaId)) return 'ideas: no silent round is open for this area';
	}
	if (changed && now.size > IDEAS_PER_MEMBER) return 'ideas: too many';
	return null;
}
