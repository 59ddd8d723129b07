/**
 * Adjusted Rand Index of two partitions of the same ids (Hubert & Arabie 1985): 1 for the same
 * grouping, about 0 for a grouping no better than chance, negative for worse. Each partition
 * maps id → group label; ids missing from either side are ignored.
 */
export function adjustedRandIndex(
	truth: ReadonlyMap<string, string>,
	predicted: ReadonlyMap<string, string>
): number {
	const ids = [...truth.keys()].filter((id) => predicted.has(id));
	const n = ids.length;
	const cells = new Map<string, number>();
	const rows = new Map<string, number>();
	const cols = new Map<string, number>();
	const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
	for (const id of ids) {
		const t = truth.get(id)!;
		const p = predicted.get(id)!;
		bump(cells, JSON.stringify([t, p]));
		bump(rows, t);
		bump(cols, p);
	}
	const pairs = (x: number) => (x * (x - 1)) / 2;
	const sum = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + pairs(x), 0);
	const index = sum(cells);
	const rowPairs = sum(rows);
	const colPairs = sum(cols);
	const total = pairs(n);
	const expected = total > 0 ? (rowPairs * colPairs) / total : 0;
	const max = (rowPairs + colPairs) / 2;
	// Both sides all singletons or both one group: the adjustment is 0/0; identical is perfect.
	if (max === expected) return index === max ? 1 : 0;
	return (index - expected) / (max - expected);
}

/** id → label of a list of groups, as adjustedRandIndex wants it. */
export function labelsOf(groups: readonly { ids: readonly string[] }[]): Map<string, string> {
	const labels = new Map<string, string>();
	groups.forEach((group, g) => group.ids.forEach((id) => labels.set(id, String(g))));
	return labels;
}
