import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, facilitatorWithWorkshop, linkToken, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let demoPath: string;

beforeAll(async () => {
	server = await startServer({ env: { SAMSKAPA_DEMO: '1' } });
	// The demo link is printed once the app has opened its database (on the first request).
	await fetch(`${server.url}/healthz`);
	const match = /\/demo\/[A-Za-z0-9_-]+/.exec(server.output());
	if (!match) throw new Error(`no demo link in the server output:\n${server.output()}`);
	demoPath = match[0];
});

afterAll(async () => {
	await server?.stop();
	await removeTempDirs();
});

/** A form POST as a browser without JavaScript sends it. */
async function postForm(client: ApiClient, path: string, fields: Record<string, string> = {}) {
	const res = await fetch(new URL(path, server.url), {
		method: 'POST',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			cookie: client.cookieHeader()
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	for (const header of res.headers.getSetCookie()) {
		const [pair = ''] = header.split(';');
		const [name = '', value = ''] = pair.split('=');
		if (value) client.cookies.set(name, value);
		else client.cookies.delete(name);
	}
	return res;
}

describe('the demo link', () => {
	it('signs a browser without an account straight in', async () => {
		const browser = new ApiClient(server.url);
		const res = await browser.request('GET', demoPath);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/w\/[a-f0-9]+$/);
		expect(browser.session).toBeDefined();
	});

	it('asks a browser signed in to another account before switching, and switches only on yes', async () => {
		const { api, workshop } = await facilitatorWithWorkshop(server.url, 'Min egen');
		const before = api.session;
		const asked = await api.request<string>('GET', demoPath);
		expect(asked.status).toBe(200);
		expect(asked.body).toContain('Byta konto?');
		expect(asked.body).toContain('Du är inloggad som Facilitator');
		expect(api.session).toBe(before);
		// Saying no (not posting) leaves the account as it was.
		expect((await api.request('GET', `/w/${workshop.id}`)).status).toBe(200);

		const switched = await postForm(api, `${demoPath}?/switch`);
		expect(switched.status).toBe(303);
		expect(switched.headers.get('location')).toMatch(/^\/w\/[a-f0-9]+$/);
		expect(api.session).not.toBe(before);
		const demo = await api.request<string>('GET', switched.headers.get('location')!);
		expect(demo.status).toBe(200);
	});
});

describe('the demo link for a participant', () => {
	it('asks a participant before making them the demo facilitator', async () => {
		const { links } = await facilitatorWithWorkshop(server.url, 'Deltagarens');
		const bo = await participant(server.url, links.participant.code, 'Bo Lind');
		const before = bo.api.session;
		const asked = await bo.api.request<string>('GET', demoPath);
		expect(asked.status).toBe(200);
		expect(asked.body).toContain('Du deltar i en workshop som Bo Lind');
		expect(bo.api.session).toBe(before);
	});
});

describe('a facilitator whose session ended', () => {
	it('is sent to sign in and then back to the board', async () => {
		const { user, workshop } = await facilitatorWithWorkshop(server.url, 'Tillbaka');
		const board = `/w/${workshop.id}`;
		const stranger = new ApiClient(server.url);
		const res = await stranger.request('GET', board);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(board)}`);

		const signedIn = await postForm(stranger, `/login?next=${encodeURIComponent(board)}`, {
			email: user.email,
			password: 'correct horse battery staple'
		});
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get('location')).toBe(board);
		expect((await stranger.request('GET', board)).status).toBe(200);
	});
});

describe('a participant', () => {
	it('sees their own name and a way to leave, not sign-in, and can leave', async () => {
		const { workshop, links } = await facilitatorWithWorkshop(server.url, 'Lämna');
		const bo = await participant(server.url, links.participant.code, 'Bo Lind');
		const board = await bo.api.request<string>('GET', `/w/${workshop.id}`);
		expect(board.status).toBe(200);
		expect(board.body).toContain('Du deltar som Bo Lind');
		expect(board.body).toContain(`href="/leave/${workshop.id}"`);
		expect(board.body).not.toContain('href="/login"');

		const confirm = await bo.api.request<string>('GET', `/leave/${workshop.id}`);
		expect(confirm.status).toBe(200);
		expect(confirm.body).toContain('Lämna workshoppen?');
		const left = await postForm(bo.api, `/leave/${workshop.id}`);
		expect(left.status).toBe(303);
		expect(left.headers.get('location')).toBe('/');
		expect((await bo.api.request('GET', `/w/${workshop.id}`)).status).toBe(303);
		expect((await bo.api.request('POST', `/api/workshops/${workshop.id}/ws-token`)).status).toBe(
			403
		);
	});
});

describe('an invitation link', () => {
	it('shows which account is signed in and offers another one for a co-facilitator link', async () => {
		const { links } = await facilitatorWithWorkshop(server.url, 'Tillsammans');
		const path = `/j/${linkToken(links.cofacilitator.url)}`;
		const other = new ApiClient(server.url);
		await other.signup({ displayName: 'Cecilia' });
		const page = await other.request<string>('GET', path);
		expect(page.status).toBe(200);
		expect(page.body).toContain('Du är inloggad som Cecilia');
		expect(page.body).toContain('Bli medfacilitator som Cecilia');
		const switched = await postForm(other, `${path}?/switch`);
		expect(switched.status).toBe(303);
		expect(switched.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
		expect(other.session).toBeUndefined();
	});
});
