import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';

/** Downloads are counted per membership, so one script cannot keep the server rendering. */
let server: TestServer;

beforeAll(async () => {
	server = await startServer({ env: { EXPORT_RATE_LIMIT: '3' } });
});

afterAll(async () => {
	await server?.stop();
	await removeTempDirs();
});

describe('the export rate limit', () => {
	it('answers 429 past the limit, across formats, for that membership only', async () => {
		const alice = await facilitatorWithWorkshop(server.url, 'Alices workshop');
		const bob = await facilitatorWithWorkshop(server.url, 'Bobs workshop');
		const a = (format: string) =>
			alice.api.request<{ error?: string }>('GET', `/api/workshops/${alice.workshop.id}/${format}`);
		expect((await a('export.json')).status).toBe(200);
		expect((await a('report.md')).status).toBe(200);
		expect((await a('insights.csv')).status).toBe(200);
		const over = await a('report.docx');
		expect(over.status).toBe(429);
		expect(over.body.error).toBe('rate_limited');
		expect((await a('export.json')).status).toBe(429);
		// The export page itself is not a download and still opens.
		expect((await alice.api.request('GET', `/w/${alice.workshop.id}/export`)).status).toBe(200);
		const other = await bob.api.request('GET', `/api/workshops/${bob.workshop.id}/report.md`);
		expect(other.status).toBe(200);
	});
});
