/**
 * Issue 17: the accessibility statement in DIGG's model and the data-protection page, with the
 * organisation from configuration, and a footer linking both on every page of the app.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGG_HEADINGS_SV, DIGG_REPORT_URL } from '../../src/lib/statements/accessibility.ts';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { ROOT } from '../helpers/server.ts';

const run = serverPerFile({
	env: {
		ORGANISATION_NAME: 'Region Testland',
		CONTACT_EMAIL: 'tillganglighet@testland.se',
		PRIVACY_EMAIL: 'dataskyddsombud@testland.se',
		PUBLISHED_ON: '2026-01-15'
	}
});

async function html(path: string, locale: 'sv' | 'en', cookie = ''): Promise<string> {
	const res = await fetch(new URL(path, run.server.url), {
		headers: { cookie: [`PARAGLIDE_LOCALE=${locale}`, cookie].filter(Boolean).join('; ') }
	});
	expect(res.status, path).toBeLessThan(500);
	return res.text();
}

const text = (fragment: string) =>
	fragment
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
const headings = (page: string, level: number) =>
	[...page.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) =>
		text(m[1]!)
	);

/** Every page route of the app, from src/routes: a new page is checked without editing this. */
function pageRoutes(dir = join(ROOT, 'src/routes')): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...pageRoutes(path));
		else if (/^\+page(@[^.]*)?\.svelte$/.test(name)) {
			out.push('/' + relative(join(ROOT, 'src/routes'), dir).split('\\').join('/'));
		}
	}
	return out.map((r) => r.replace(/\/$/, '') || '/');
}

describe('accessibility statement', () => {
	it("has DIGG's headings in order, the organisation, its contact, Digg's form and the dates", async () => {
		const page = await html('/tillganglighet', 'sv');
		expect(headings(page, 1)).toEqual(['Tillgänglighetsredogörelse']);
		const h2 = headings(page, 2);
		expect(h2[0]).toBe(`Samskapa ${DIGG_HEADINGS_SV[0]}`);
		const found = DIGG_HEADINGS_SV.map((h) => h2.findIndex((x) => x === h || x.endsWith(h)));
		expect(found.every((i) => i >= 0)).toBe(true);
		expect([...found].sort((a, b) => a - b)).toEqual(found);
		expect(text(page)).toContain('Region Testland står bakom den här webbplatsen');
		expect(page).toContain('tillganglighet@testland.se');
		expect(page).toContain(`href="${DIGG_REPORT_URL}"`);
		expect(text(page)).toContain('Webbplatsen publicerades den 2026-01-15.');
		expect(text(page)).toMatch(/Redogörelsen uppdaterades senast den \d{4}-\d{2}-\d{2}\./);
		// Each gap names its WCAG criterion.
		const gaps = page.slice(page.indexOf('Innehåll som inte är tillgängligt'));
		expect(text(gaps)).toContain('2.1.1 Tangentbord');
		expect(text(gaps)).toContain('4.1.3 Statusmeddelanden');
	});

	it('is in English too', async () => {
		const page = await html('/tillganglighet', 'en');
		expect(headings(page, 1)).toEqual(['Accessibility statement']);
		expect(headings(page, 2)).toContain('How we tested the site');
		expect(text(page)).toContain('Region Testland is responsible for this website');
	});

	it('data-protection page names what is stored, where and for how long, and the contact', async () => {
		const sv = text(await html('/dataskydd', 'sv'));
		for (const word of ['samskapa_session', 'samskapa_browser', 'localStorage', 'doc_updates']) {
			expect(sv).toContain(word);
		}
		expect(sv).toContain('dataskyddsombud@testland.se');
		expect(sv).toContain('Hur uppgifterna raderas');
		expect(text(await html('/dataskydd', 'en'))).toContain('How data is deleted');
	});
});

describe('footer', () => {
	it('links both pages from every page of the app, signed in or not', async () => {
		const { api, workshop } = await facilitatorWithWorkshop(run.server.url);
		const routes = pageRoutes();
		expect(routes).toContain('/tillganglighet');
		expect(routes).toContain('/w/[id]/klustring');
		for (const route of routes) {
			const path = route.replace('[id]', workshop.id).replace(/\[[^\]]+\]/g, 'x');
			for (const cookie of ['', api.cookieHeader()]) {
				const page = await html(path, 'sv', cookie);
				const footer = page.slice(page.indexOf('<footer'));
				expect(footer, `${path} ${cookie ? 'signed in' : 'anonymous'}`).toContain(
					'href="/tillganglighet"'
				);
				expect(footer, path).toContain('href="/dataskydd"');
			}
		}
	});
});
