#!/usr/bin/env node
// Compares two package-lock.json files on what matters for *this* platform.
//
// Usage: node .ci/lock-check.mjs <committed-lock> <lock-after-npm-install>
//
// Why not `npm ci` or an exact diff of the lock: the registry mirror our machines use gains
// and loses other platforms' optional packages from day to day (`@rollup/rollup-android-*`,
// `@lix-js/sdk-darwin-arm64`, ...). `npm install` then adds or drops their lock entries, and
// `npm ci` refuses a lock that names a package the mirror lacks. Neither says anything about
// the tree installed here. What must hold is narrower and checkable: every package that
// applies to this os/cpu/libc is locked and installed at exactly the committed version,
// source and integrity. Entries that apply only to other platforms are ignored on both sides.
import { readFileSync } from 'node:fs';

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
	console.error('usage: lock-check.mjs <committed-lock> <lock-after-install>');
	process.exit(2);
}

const read = (path) => JSON.parse(readFileSync(path, 'utf8')).packages ?? {};
const before = read(beforePath);
const after = read(afterPath);

const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
const platform = { os: process.platform, cpu: process.arch, libc: glibc ? 'glibc' : 'musl' };

/** npm's own rule: a list of allowed values, where `!x` excludes x. */
function allows(list, value) {
	if (!Array.isArray(list) || list.length === 0) return true;
	const excluded = list.filter((v) => v.startsWith('!')).map((v) => v.slice(1));
	const included = list.filter((v) => !v.startsWith('!'));
	if (excluded.includes(value)) return false;
	return included.length === 0 || included.includes(value);
}

const applies = (entry) =>
	entry !== undefined &&
	allows(entry.os, platform.os) &&
	allows(entry.cpu, platform.cpu) &&
	(platform.os !== 'linux' || allows(entry.libc, platform.libc));

const FIELDS = ['version', 'resolved', 'integrity', 'link'];
const problems = [];
for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
	if (path === '') continue;
	const a = before[path];
	const b = after[path];
	if (!applies(a) && !applies(b)) continue;
	if (!a) problems.push(`${path}: not in the committed lock (npm install added it)`);
	else if (!b) problems.push(`${path}: locked at ${a.version} but npm install dropped it`);
	else {
		for (const field of FIELDS) {
			if ((a[field] ?? null) !== (b[field] ?? null)) {
				problems.push(`${path}: ${field} ${a[field]} in the lock, ${b[field]} installed`);
			}
		}
	}
}

const ignored = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
	(p) => p !== '' && !applies(before[p]) && !applies(after[p])
).length;

if (problems.length > 0) {
	console.error(
		`[lock-check] the installed tree differs from the lock for ${platform.os}-${platform.cpu}:`
	);
	for (const line of problems.slice(0, 40)) console.error(`  ${line}`);
	if (problems.length > 40) console.error(`  … and ${problems.length - 40} more`);
	console.error('[lock-check] run `npm install` on a machine of this platform and commit the lock');
	process.exit(1);
}
console.log(
	`[lock-check] ${platform.os}-${platform.cpu}-${platform.libc}: locked tree matches ` +
		`(${ignored} entries for other platforms ignored)`
);
