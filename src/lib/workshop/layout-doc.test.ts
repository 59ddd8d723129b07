import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boardRecords, DOCUMENT_BYTES_MAX, NOTES_PER_MEMBER, RECORDS_PER_DOCUMENT } from './layout';
import { describeLayout } from './layout-doc';

const doc = readFileSync(new URL('../../../docs/realtime.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Who may write what'), doc.indexOf('## Durability'));

describe('docs/realtime.md, “Who may write what”', () => {
	it('lists every declared record and field (regenerate with describeLayout())', () => {
		const missing: string[] = [];
		for (const record of boardRecords) {
			if (!section.includes(`#### ${record.name} — `)) missing.push(record.name);
			for (const field of Object.keys(record.fields)) {
				if (!new RegExp(`\\| \`${field}\` +\\|`).test(section)) {
					missing.push(`${record.name}.${field}`);
				}
			}
		}
		expect(missing, `docs/realtime.md lacks these; paste:\n${describeLayout()}`).toEqual([]);
	});

	it('states the caps', () => {
		expect(section).toContain(`${RECORDS_PER_DOCUMENT} records`);
		expect(section).toContain(`${DOCUMENT_BYTES_MAX / 1024 / 1024} MiB`);
		expect(section).toContain(`at most ${NOTES_PER_MEMBER} per member`);
	});
});
