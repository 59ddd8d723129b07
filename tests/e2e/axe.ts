import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page as it is now;
 * `exclude`: a part of the page that is not ours to judge (tldraw's drawing surface).
 */
export async function expectAccessible(page: Page, options: { exclude?: string } = {}) {
	const builder = new AxeBuilder({ page }).withTags([
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
		'best-practice'
	]);
	if (options.exclude) builder.exclude(options.exclude);
	const results = await builder.analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
