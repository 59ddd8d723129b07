import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let addresses = 0;

beforeAll(async () => {
	// Each test its own client address (X-Forwarded-For), so the limits do not meet.
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
});

afterAll(async () => {
	await server?.stop();
	await removeTempDirs();
});

/** A fresh "browser" at its own client address. */
const browser = () => new ApiClient(server.url, `203.0.113.${++addresses}`);
const email = () => `konto-${randomUUID()}@region.example`;
const PASSWORD = 'ett långt lösenord';

describe('sign-in limit', () => {
	it('evaluates at most the limit of 60 parallel wrong guesses; the rest get 429', async () => {
		const victim = email();
		await browser().signup({ email: victim, password: PASSWORD });
		const attacker = browser();
		const answers = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				attacker.request('POST', '/api/login', { email: victim, password: `fel gissning ${i}` })
			)
		);
		const statuses = answers.map((a) => a.status);
		const evaluated = statuses.filter((s) => s === 401).length;
		expect(evaluated).toBeGreaterThan(0);
		expect(evaluated).toBeLessThanOrEqual(10);
		expect(statuses.filter((s) => s === 429).length).toBe(60 - evaluated);
		// The limit holds for the right password too until the window ends.
		expect(
			(await attacker.request('POST', '/api/login', { email: victim, password: PASSWORD })).status
		).toBe(429);
	});

	it('does not count sign-ins that succeed', async () => {
		const address = email();
		const client = browser();
		await client.signup({ email: address, password: PASSWORD });
		for (let i = 0; i < 15; i++) {
			expect(
				(await client.request('POST', '/api/login', { email: address, password: PASSWORD })).status
			).toBe(200);
		}
	});
});

describe('sign-up', () => {
	it('answers a known address exactly like a new one and signs nobody in', async () => {
		const address = email();
		const first = await browser().request('POST', '/api/signup', {
			email: address,
			password: PASSWORD,
			displayName: 'Första'
		});
		const again = await browser().request('POST', '/api/signup', {
			email: address,
			password: 'ett annat långt lösenord',
			displayName: 'Andra'
		});
		const fresh = await browser().request('POST', '/api/signup', {
			email: email(),
			password: PASSWORD,
			displayName: 'Ny'
		});
		for (const answer of [first, again, fresh]) {
			expect(answer.status).toBe(202);
			expect(answer.body).toEqual({ accepted: true });
			expect(answer.headers.getSetCookie()).toEqual([]);
		}
		// The known address keeps its own password and name.
		const owner = browser();
		expect((await owner.login(address, PASSWORD)).displayName).toBe('Första');
		const other = await browser().request('POST', '/api/login', {
			email: address,
			password: 'ett annat långt lösenord'
		});
		expect(other.status).toBe(401);
	});

	it('answers the sign-up form alike for a known and a new address', async () => {
		const known = email();
		await browser().signup({ email: known });
		const form = async (address: string) => {
			const res = await fetch(`${server.url}/signup`, {
				method: 'POST',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					origin: server.url,
					'x-forwarded-for': `203.0.113.${++addresses}`
				},
				body: new URLSearchParams({ displayName: 'Vem', email: address, password: PASSWORD }),
				redirect: 'manual'
			});
			const cookies = res.headers.getSetCookie().map((c) => c.split('=')[0]);
			return { status: res.status, location: res.headers.get('location'), cookies };
		};
		const [a, b] = [await form(known), await form(email())];
		expect(a).toEqual(b);
		expect(a).toEqual({ status: 303, location: '/login', cookies: ['samskapa_signup'] });
	});

	it('limits sign-ups per client address before hashing', async () => {
		const client = browser();
		const answers = await Promise.all(
			Array.from({ length: 30 }, () =>
				client.request('POST', '/api/signup', {
					email: email(),
					password: PASSWORD,
					displayName: 'Massa'
				})
			)
		);
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s === 202).length).toBe(20);
		expect(statuses.filter((s) => s === 429).length).toBe(10);
	});
});

describe('next= after sign-in', () => {
	const refused = [
		'/%09/evil.example/x',
		'/\t/evil.example/x',
		'//evil.example',
		'/\\evil.example',
		'http://evil.example',
		'https:evil.example',
		'/%2F/evil.example'
	];

	it.each(refused)('sends a signed-in browser with next=%j to /dashboard', async (next) => {
		const client = browser();
		await client.signup();
		const res = await client.request('GET', `/login?next=${encodeURIComponent(next)}`);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/dashboard');
	});

	it('refuses the raw /login?next=/%09/host/… on the sign-in form and keeps same-site paths', async () => {
		const address = email();
		await browser().signup({ email: address, password: PASSWORD });
		const post = async (query: string) => {
			const res = await fetch(`${server.url}/login?${query}`, {
				method: 'POST',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					origin: server.url,
					'x-forwarded-for': `203.0.113.${++addresses}`
				},
				body: new URLSearchParams({ email: address, password: PASSWORD }),
				redirect: 'manual'
			});
			expect(res.status).toBe(303);
			return res.headers.get('location');
		};
		expect(await post('next=/%09/evil.example/x')).toBe('/dashboard');
		expect(await post('next=//evil.example')).toBe('/dashboard');
		expect(await post('next=/w/abc123')).toBe('/w/abc123');
	});
});
