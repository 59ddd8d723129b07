/**
 * Attacker finding 6 (wip-bench): every route took 8 MB bodies (the import's limit) and parsed
 * them before authentication or a rate limit. Only the import takes a large body now; every
 * other route refuses one past 64 KB with 413 before reading it. The requests below never
 * finish their bodies: an answer proves the server did not wait for (or parse) the rest.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { authorOf, connect, waitForNote } from '../helpers/yclient.ts';

const run = serverPerFile();
const MB = 1024 * 1024;

/**
 * POSTs the start of a JSON body of `declared` bytes (chunked when null) and never sends the
 * rest; resolves with the answer and its JSON.
 */
function unfinished(path: string, declared: number | null, sent = 128 * 1024) {
	const url = new URL(path, run.server.url);
	return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
		const req = httpRequest(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: run.server.url,
				'accept-language': 'sv',
				...(declared === null ? {} : { 'content-length': String(declared) })
			}
		});
		req.on('error', reject);
		req.on('response', (res: IncomingMessage) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				req.destroy();
				resolve({
					status: res.statusCode ?? 0,
					body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
				});
			});
		});
		// A JSON string of `sent` bytes that never closes.
		req.write('{"code":"' + 'x'.repeat(sent));
	});
}

describe('request body limits', () => {
	it('refuses a 1 MB body to /api/join by its Content-Length, unread, in Swedish', async () => {
		const answer = await unfinished('/api/join', MB);
		expect(answer.status).toBe(413);
		expect(answer.body.error).toBe('body_too_large');
		expect(answer.body.message).toBe('Förfrågan är för stor.');
	});

	it('refuses a chunked body to /api/login once it passes 64 KB', async () => {
		const answer = await unfinished('/api/login', null);
		expect(answer).toMatchObject({ status: 413, body: { error: 'body_too_large' } });
	});

	it('still joins, and still imports a workshop file of over a megabyte', async () => {
		const fac = await facilitatorWithWorkshop(run.server.url, 'Stor');
		const pia = await participant(run.server.url, fac.links.participant.code, 'Pia');
		expect(pia.workshopId).toBe(fac.workshop.id);
		const writer = run.track(
			connect(run.server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		addNote(writer.doc, { text: 'mall', author: authorOf({ membershipId: 'fia' }, 'Fia') });
		const check = run.track(
			connect(run.server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await waitForNote(check.doc, 'mall');
		const exported = await fetch(
			new URL(`/api/workshops/${fac.workshop.id}/export.json`, run.server.url),
			{ headers: { cookie: fac.api.cookieHeader() } }
		);
		const file = (await exported.json()) as { board: Record<string, unknown> };
		const row = (file.board.notes as Record<string, unknown>[])[0]!;
		file.board.notes = Array.from({ length: 700 }, (_, i) => ({
			...row,
			id: `n${i}`,
			text: `${i} `.padEnd(2_000, 'x')
		}));
		const body = JSON.stringify(file);
		expect(body.length).toBeGreaterThan(MB);
		const res = await fetch(new URL('/api/workshops/import', run.server.url), {
			method: 'POST',
			body,
			headers: {
				cookie: fac.api.cookieHeader(),
				origin: run.server.url,
				'content-type': 'application/json'
			}
		});
		expect(res.status).toBe(201);
	}, 60_000);

	it('answers a join from a blocked address with 429 before reading its body', async () => {
		for (let i = 0; i < 20; i++) {
			const res = await fetch(new URL('/api/join', run.server.url), {
				method: 'POST',
				body: JSON.stringify({
					token: 'no-such-link',
					displayName: 'Xavier',
					profession: 'annan',
					organisation: 'annan'
				}),
				headers: { 'content-type': 'application/json', origin: run.server.url }
			});
			expect(res.status).toBe(404);
		}
		// Under the body limit, yet never finished: only an answer before the body is read comes.
		const answer = await unfinished('/api/join', 60 * 1024, 1024);
		expect(answer).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
	});
});
