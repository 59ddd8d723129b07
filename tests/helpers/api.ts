/**
 * A small JSON client for the HTTP API with its own cookie jar: one instance is one browser.
 */
import { randomUUID } from 'node:crypto';

export const SESSION_COOKIE = 'samskapa_session';

export interface User {
	id: string;
	email: string;
	displayName: string;
}

export interface CreatedWorkshop {
	workshop: { id: string; title: string; purpose: string; date: string | null };
	links: {
		participant: { id: string; url: string; code: string };
		observer: { id: string; url: string };
		cofacilitator: { id: string; url: string };
	};
}

export type Profession =
	| 'sjukskoterska'
	| 'lakare'
	| 'arbetsterapeut'
	| 'fysioterapeut'
	| 'bistandshandlaggare'
	| 'mas_mar'
	| 'chef'
	| 'vardsamordnare'
	| 'ambulanssjukskoterska'
	| 'patient_narstaende'
	| 'annan';
export type Organisation = 'region' | 'kommun' | 'annan';

export interface JoinInput {
	code?: string;
	token?: string;
	displayName: string;
	profession?: Profession;
	organisation?: Organisation;
}

export interface Joined {
	workshopId: string;
	membershipId: string;
	role: 'participant' | 'observer';
	/** `waiting` while the workshop's admission step holds a new member out. */
	status: 'waiting' | 'admitted';
	room: string;
	wsPath: string;
	wsToken: string;
	wsTokenExpiresAt: number | string;
}

export interface WsTokenResponse {
	membershipId: string;
	role: string;
	room: string;
	wsToken: string;
}

export interface ExportedNote {
	id: string;
	text: string;
	[key: string]: unknown;
}

export interface ExportJson {
	format: string;
	schemaVersion: number;
	workshop: { id: string; title: string; [key: string]: unknown };
	/** Every declared record of the board (src/lib/workshop/workshop-json.ts). */
	board: Record<string, unknown>;
	/** Views the helper derives from `board` (the file holds each record once): notes, … */
	notes: ExportedNote[];
	/** … insights by creation, … */
	insights: Array<{ id: string; [key: string]: unknown }>;
	/** … areas in display order. */
	areas: Array<{ id: string; name: string; [key: string]: unknown }>;
	[key: string]: unknown;
}

export interface ApiResponse<T = unknown> {
	status: number;
	body: T;
	headers: Headers;
}

// Plain fields, not parameter properties: the benchmark runs these helpers under Node's
// type stripping, which only accepts erasable TypeScript.
export class ApiError extends Error {
	readonly status: number;
	readonly body: unknown;

	constructor(method: string, path: string, status: number, body: unknown) {
		super(`${method} ${path} → ${status}: ${JSON.stringify(body)}`);
		this.status = status;
		this.body = body;
	}
}

/** The token of an invitation link (`<origin>/j/<token>`): its last path segment. */
export function linkToken(url: string): string {
	const token = new URL(url).pathname.split('/').filter(Boolean).at(-1);
	if (!token) throw new Error(`no token in link ${url}`);
	return token;
}

export class ApiClient {
	readonly cookies = new Map<string, string>();
	baseUrl: string;
	/** Sent as X-Forwarded-For (only honoured by a server started with ADDRESS_HEADER). */
	readonly forwardedFor: string | undefined;

	constructor(baseUrl: string, forwardedFor?: string) {
		this.baseUrl = baseUrl;
		this.forwardedFor = forwardedFor;
	}

	/** Points this browser at another server (e.g. the same database restarted on a new port). */
	moveTo(baseUrl: string): this {
		this.baseUrl = baseUrl;
		return this;
	}

	/** The Cookie header this "browser" would send. */
	cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	get session(): string | undefined {
		return this.cookies.get(SESSION_COOKIE);
	}

	/** Any request; never throws on an HTTP error status. */
	async request<T = unknown>(
		method: string,
		path: string,
		body?: unknown
	): Promise<ApiResponse<T>> {
		const headers: Record<string, string> = { accept: 'application/json' };
		const cookie = this.cookieHeader();
		if (cookie) headers.cookie = cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		// What a browser sends with a same-origin fetch.
		if (method !== 'GET' && method !== 'HEAD') headers.origin = this.baseUrl;
		if (this.forwardedFor) headers['x-forwarded-for'] = this.forwardedFor;
		const res = await fetch(new URL(path, this.baseUrl), {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: 'manual'
		});
		this.#store(res.headers.getSetCookie());
		const text = await res.text();
		let parsed: unknown = text;
		if (res.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
		return { status: res.status, body: parsed as T, headers: res.headers };
	}

	async #expect<T>(method: string, path: string, body: unknown, ok: number[]): Promise<T> {
		const res = await this.request<T>(method, path, body);
		if (!ok.includes(res.status)) throw new ApiError(method, path, res.status, res.body);
		return res.body;
	}

	#store(setCookies: string[]) {
		for (const header of setCookies) {
			const [pair = '', ...attributes] = header.split(';');
			const eq = pair.indexOf('=');
			if (eq < 1) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((a) => {
				const [k = '', v = ''] = a.trim().split('=');
				if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
				if (k.toLowerCase() === 'expires') return Date.parse(v) <= Date.now();
				return false;
			});
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	async signup(input: Partial<{ email: string; password: string; displayName: string }> = {}) {
		const body = {
			email: input.email ?? `fac-${randomUUID()}@example.se`,
			password: input.password ?? 'correct horse battery staple',
			displayName: input.displayName ?? 'Facilitator'
		};
		// Sign-up never signs in (it answers alike for known addresses): sign in next.
		await this.#expect<{ accepted: true }>('POST', '/api/signup', body, [202]);
		return this.login(body.email, body.password);
	}

	async login(email: string, password: string) {
		return (await this.#expect<{ user: User }>('POST', '/api/login', { email, password }, [200]))
			.user;
	}

	createWorkshop(input: { title: string; purpose?: string; date?: string; template?: string }) {
		return this.#expect<CreatedWorkshop>('POST', '/api/workshops', input, [200, 201]);
	}

	join(input: JoinInput) {
		return this.#expect<Joined>(
			'POST',
			'/api/join',
			{ profession: 'sjukskoterska', organisation: 'kommun', ...input },
			[200, 201]
		);
	}

	wsToken(workshopId: string) {
		return this.#expect<WsTokenResponse>(
			'POST',
			`/api/workshops/${encodeURIComponent(workshopId)}/ws-token`,
			undefined,
			[200, 201]
		);
	}

	/** The JSON export with flagged text included (tests write digits that may look like it). */
	async exportJson(workshopId: string): Promise<ExportJson> {
		const body = await this.#expect<ExportJson>(
			'GET',
			`/api/workshops/${encodeURIComponent(workshopId)}/export.json?include=flagged`,
			undefined,
			[200]
		);
		type Row = { id: string; order?: string; createdAt?: number; [key: string]: unknown };
		const rows = (root: string) => (body.board[root] ?? []) as Row[];
		const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
		const order = (r: Row) => r.order ?? '';
		return {
			...body,
			notes: rows('notes') as ExportedNote[],
			insights: [...rows('insights')].sort(
				(a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || byId(a, b)
			),
			areas: [...rows('areas')].sort((a, b) =>
				order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : byId(a, b)
			) as ExportJson['areas']
		};
	}
}

/** A facilitator account (signed up in a fresh cookie jar) with one new workshop. */
export async function facilitatorWithWorkshop(baseUrl: string, title = 'Oskar 83') {
	const api = new ApiClient(baseUrl);
	const user = await api.signup();
	const created = await api.createWorkshop({ title, purpose: 'Integrationstest' });
	return { api, user, ...created };
}

/** A participant who joined with the workshop's short code, in a fresh cookie jar. */
export async function participant(
	baseUrl: string,
	code: string,
	displayName: string,
	profile: Partial<Pick<JoinInput, 'profession' | 'organisation'>> = {}
) {
	const api = new ApiClient(baseUrl);
	const joined = await api.join({ code, displayName, ...profile });
	return { api, ...joined };
}
