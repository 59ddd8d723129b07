/**
 * Where a heap profile of tests/bench/heap-sample.ts allocated: bytes per allocating function
 * (self) and per function with everything it called (total), in MiB, optionally only under a
 * frame whose name contains --under (what handling one message allocates: --under=#onMessage
 * for Samskapa, --under=messageListener for the reference server).
 *
 *   node tests/bench/heap-profile-top.ts DIR/<pid>.heapprofile [--under=#onMessage] [--top=30]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	callFrame: { functionName: string; url: string; lineNumber: number };
	selfSize: number;
	children: ProfileNode[];
}

const option = (name: string) =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
	console.error('usage: node tests/bench/heap-profile-top.ts <file.heapprofile> [--under=…]');
	process.exit(2);
}
const UNDER = option('under');
const TOP = Number(option('top') ?? 30);

const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: ProfileNode };
const name = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
	`${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(build|node_modules)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
let under = 0;
function walk(node: ProfileNode, stack: string[]) {
	const frames = [...stack, name(node)];
	all += node.selfSize;
	const from = UNDER ? frames.findIndex((f) => f.includes(UNDER)) : 0;
	if (node.selfSize > 0 && from >= 0) {
		under += node.selfSize;
		self.set(frames.at(-1)!, (self.get(frames.at(-1)!) ?? 0) + node.selfSize);
		for (const frame of new Set(frames.slice(from))) {
			total.set(frame, (total.get(frame) ?? 0) + node.selfSize);
		}
	}
	for (const child of node.children) walk(child, frames);
}
walk(head, []);

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1).padStart(8)} MiB`;
console.log(`allocated in all ${mib(all)}${UNDER ? `, under ${UNDER} ${mib(under)}` : ''}`);
for (const [title, map] of [
	['self', self],
	['total', total]
] as const) {
	console.log(`\n${title}`);
	for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
		console.log(`${mib(bytes)}  ${key}`);
	}
}
