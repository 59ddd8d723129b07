import { describe, expect, it } from 'vitest';
import { clean } from './log';

describe('clean', () => {
	it('escapes newlines and other control characters so no line can be forged', () => {
		const forged = 'notes\n[realtime] facilitator signed in\r\u001b[31m';
		const out = clean(forged);
		for (const c of ['\n', '\r', '\u001b']) expect(out).not.toContain(c);
		expect(out).toBe('notes\\n[realtime] facilitator signed in\\u000d\\u001b[31m');
	});

	it('caps the length and says how long the text was', () => {
		const out = clean('x'.repeat(10_000), 50);
		expect(out.length).toBeLessThan(80);
		expect(out).toContain('10000 chars');
	});
});
