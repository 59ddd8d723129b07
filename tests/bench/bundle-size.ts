/**
 * Static client code per route: what a browser must download before a page of that route can
 * run (SvelteKit's start and app entries, the route's layouts and page, and everything those
 * import statically), JS and CSS, raw and gzip. Dynamic import()s are not counted: they load
 * only when the page asks for them.
 *
 *   npm run build && npm run bench:bundle                    (this checkout)
 *   npm run bench:bundle -- /work/wt/other                   (that checkout's build beside it)
 *   ROUTES=/w/[id],/w/[id]/klustring npm run bench:bundle    (only those routes)
 *
 * Reads .svelte-kit/output (vite's client manifest, and the server manifest for which nodes
 * make up a route), so it measures the last `npm run build` of each checkout.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
	file: string;
	isEntry?: boolean;
	imports?: string[];
	css?: string[];
}

interface Size {
	js: number;
	jsGzip: number;
	css: number;
	cssGzip: number;
}

const DEFAULT_ROUTES = ['/', '/w/[id]', '/w/[id]/klustring', '/w/[id]/persona', '/w/[id]/rapport'];

function routeSizes(root: string): Map<string, Size> {
	const output = join(root, '.svelte-kit/output');
	const manifest = JSON.parse(
		readFileSync(join(output, 'client/.vite/manifest.json'), 'utf8')
	) as Record<string, Chunk>;
	const serverManifest = readFileSync(join(output, 'server/manifest.js'), 'utf8');
	const nodeKey = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
	const entries = Object.keys(manifest).filter(
		(key) => key.endsWith('/client/entry.js') || key.endsWith('client-optimized/app.js')
	);
	const sizes = new Map<string, Size>();
	const route =
		/id: "([^"]+)",\s*pattern: [^\n]+\n\s*params: [^\n]+\n\s*page: \{ layouts: \[([^\]]*)\], errors: [^\n]*leaf: (\d+) \}/g;
	for (const match of serverManifest.matchAll(route)) {
		const [, id, layouts, leaf] = match;
		const nodes = [
			...layouts!
				.split(',')
				.filter((n) => n.trim() !== '')
				.map(Number),
			Number(leaf)
		];
		sizes.set(id!, measure(output, manifest, [...entries, ...nodes.map(nodeKey)]));
	}
	return sizes;
}

/** Every file reachable through static imports from `keys`, each counted once. */
function measure(output: string, manifest: Record<string, Chunk>, keys: string[]): Size {
	const js = new Set<string>();
	const css = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || js.has(chunk.file)) return;
		js.add(chunk.file);
		for (const file of chunk.css ?? []) css.add(file);
		for (const next of chunk.imports ?? []) visit(next);
	};
	keys.forEach(visit);
	const total = (files: Set<string>) => {
		let raw = 0;
		let gzip = 0;
		for (const file of files) {
			const bytes = readFileSync(join(output, 'client', file));
			raw += bytes.length;
			gzip += gzipSync(bytes, { level: 9 }).length;
		}
		return [raw, gzip] as const;
	};
	const [jsRaw, jsGzip] = total(js);
	const [cssRaw, cssGzip] = total(css);
	return { js: jsRaw, jsGzip, css: cssRaw, cssGzip };
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
const roots = [process.cwd(), ...process.argv.slice(2)].map((dir) => resolve(dir));
const wanted = process.env.ROUTES ? process.env.ROUTES.split(',') : DEFAULT_ROUTES;
const measured = roots.map((root) => ({ root, sizes: routeSizes(root) }));

console.log('Static client code per route, KiB (JS+CSS, raw / gzip; JS and CSS apart)');
for (const id of wanted) {
	console.log(`\n${id}`);
	for (const { root, sizes } of measured) {
		const s = sizes.get(id);
		if (!s) {
			console.log(`  ${root}: no such route`);
			continue;
		}
		console.log(
			`  total ${kib(s.js + s.css)} / ${kib(s.jsGzip + s.cssGzip)}   JS ${kib(s.js)} / ${kib(s.jsGzip)}   CSS ${kib(s.css)} / ${kib(s.cssGzip)}   ${root}`
		);
	}
}
