/**
 * The functions a V8 CPU profile (`node --cpu-prof`, e.g. `npm run bench:load -- --cpu-prof=DIR`)
 * spent the most time in: self time and total time (self plus callees, each function counted
 * once per stack) per function.
 *
 *   node tests/bench/cpu-profile-top.ts DIR/CPU.*.cpuprofile [--top=40] [--match=judge] [--under=#upgrade]
 */
import { readFileSync } from 'node:fs';

interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: Node[];
	samples: number[];
	timeDeltas: number[];
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const option = (name: string) =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const TOP = Number(option('top') ?? 40);
const MATCH = option('match');
/** Only samples with a frame whose name contains this (what a function costs, callees by callee). */
const UNDER = option('under');
if (files.length === 0) {
	console.error('usage: node tests/bench/cpu-profile-top.ts <file.cpuprofile>… [--top=40]');
	process.exit(2);
}

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const file of files) {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const name = (node: Node) => {
		const { functionName, url, lineNumber } = node.callFrame;
		const where = url
			? `${url.replace(/^.*\/(build|node_modules)\//, '$1/')}:${lineNumber + 1}`
			: '';
		return `${functionName || '(anonymous)'} ${where}`.trim();
	};
	profile.samples.forEach((id, i) => {
		const dt = profile.timeDeltas[i] ?? 0;
		if (UNDER) {
			let found = false;
			for (let at: number | undefined = id; at !== undefined && !found; at = parent.get(at)) {
				found = name(byId.get(at)!).includes(UNDER);
			}
			if (!found) return;
		}
		all += dt;
		const leaf = byId.get(id)!;
		self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const key = name(byId.get(at)!);
			if (seen.has(key)) continue;
			seen.add(key);
			total.set(key, (total.get(key) ?? 0) + dt);
		}
	});
}

const print = (title: string, map: Map<string, number>) => {
	console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
	[...map]
		.filter(([key]) => !MATCH || key.includes(MATCH))
		.sort((a, b) => b[1] - a[1])
		.slice(0, TOP)
		.forEach(([key, us]) =>
			console.log(
				`${(us / 1000).toFixed(0).padStart(8)} ms ${((us / all) * 100).toFixed(1).padStart(5)} %  ${key}`
			)
		);
};
print('self time', self);
print('total time', total);
