import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realtimeDocFromDeclarations, REALTIME_DOC } from '$lib/server/docs/layout-file';
import { DOCUMENT_BYTES_MAX, layouts, NOTES_PER_MEMBER, RECORDS_PER_DOCUMENT } from './layout';
import { describeLayout, LAYOUT_END, LAYOUT_START, withLayout } from './layout-doc';

const doc = readFileSync(REALTIME_DOC, 'utf8');

describe('docs/realtime.md, “Who may write what”', () => {
	// Prettier formats the whole doc: a few seconds on a shared machine.
	it(
		'holds exactly the tables the declarations give (run npm run docs:layout)',
		{ timeout: 30_000 },
		async () => {
			expect(doc === (await realtimeDocFromDeclarations(doc)), 'run `npm run docs:layout`').toBe(
				true
			);
		}
	);

	it('has a table for every record of every document, and the caps', () => {
		const generated = doc.slice(doc.indexOf(LAYOUT_START), doc.indexOf(LAYOUT_END));
		for (const record of layouts.flatMap((l) => l.records)) {
			expect(generated).toContain(`#### ${record.name} — `);
			for (const field of Object.keys(record.fields)) {
				expect(generated).toMatch(new RegExp(`\\| \`${field}\` +\\|`));
			}
		}
		expect(generated).toContain(`${RECORDS_PER_DOCUMENT} records`);
		expect(generated).toContain(`${DOCUMENT_BYTES_MAX / 1024 / 1024} MiB`);
		expect(generated).toContain(`at most ${NOTES_PER_MEMBER} per member`);
	});

	it('never prints a value it could not describe', () => {
		// The ballot keys (`<roundId>:<areaId>`) are refined, not patterned: once this read `undefined`.
		expect(describeLayout()).not.toMatch(/undefined|\[object /);
		expect(describeLayout()).toContain('Key: the id of `rounds`, `:`, the id of `areas`.');
	});

	it('replaces only what is between the markers', () => {
		const text = `before\n${LAYOUT_START}\nold\n${LAYOUT_END}\nafter`;
		expect(withLayout(text, 'new')).toBe(`before\n${LAYOUT_START}\n\nnew\n\n${LAYOUT_END}\nafter`);
		expect(() => withLayout('no markers', describeLayout())).toThrow();
	});
});
