import { expect, test, type Page } from './fixtures';
import { fullWorkshop } from './full-workshop';
import { open } from './flows';

/**
 * WCAG 1.4.10 reflow: every page of a workshop that went through the whole method, at 320 CSS
 * px (what a 1280 px window at 400 % zoom shows), on a 390×844 phone, and with text alone at
 * 200 % (WCAG 1.4.4). A page passes when nothing makes it wider than the viewport and no form
 * control reaches past its right edge.
 */
const SIZES = [
	{ name: '320 px', width: 320, height: 640, text: 1 },
	{ name: '390×844', width: 390, height: 844, text: 1 },
	{ name: '200 % text', width: 1280, height: 800, text: 2 }
] as const;

async function overflow(page: Page, text: number, grid: boolean) {
	return page.evaluate(
		({ text, grid }) => {
			if (text !== 1) document.documentElement.style.fontSize = `${text * 100}%`;
			const width = window.innerWidth;
			const clipped = (el: Element) => {
				// Inside a scroll container the reader scrolls that one part, never the page.
				for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
					if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) {
						return true;
					}
				}
				return false;
			};
			const sticksOut = (el: Element) => {
				const box = el.getBoundingClientRect();
				return box.width > 0 && box.height > 0 && box.right > width + 1 && !clipped(el);
			};
			// The innermost elements that reach past the right edge: the ones to fix.
			const wide = [...document.querySelectorAll('body *')]
				.filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
				.map((el) => {
					const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`;
					const text = (el.textContent ?? '').trim().slice(0, 30);
					return `${name} "${text}" ${Math.round(el.getBoundingClientRect().right)}`;
				})
				.slice(0, 4);
			// A field in a box that scrolls sideways is cut off until someone finds the scrollbar:
			// only the journey grid, a two-dimensional board by nature, may hold fields that way.
			const cut = [...document.querySelectorAll('input, textarea, select')]
				.filter((el) => {
					const box = el.getBoundingClientRect();
					if (box.width === 0 || (grid && el.closest('.grid-scroll'))) return false;
					for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
						if (getComputedStyle(p).overflowX !== 'visible') {
							return box.right > p.getBoundingClientRect().right + 1;
						}
					}
					return false;
				})
				.map((el) => `cut: ${el.getAttribute('aria-label') ?? el.id}`)
				.slice(0, 4);
			return { scrollWidth: document.documentElement.scrollWidth, width, wide: [...wide, ...cut] };
		},
		{ text, grid }
	);
}

test('every page of a workshop with revealed rounds, ideas and actions fits a phone and 200 % text', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const { base, ids, facilitator, participant } = await fullWorkshop(browser, baseURL!);
	const pages = [
		'',
		'/persona',
		'/klustring',
		'/prioritering',
		`/prioritering/malbild/${ids.areas.samverkan}`,
		'/ideer',
		`/ideer/${ids.areas.samverkan}/canvas`,
		'/handlingsplan',
		'/sammanfattning',
		'/citat',
		'/agenda',
		'/export',
		'/rapport'
	];
	const failures: string[] = [];
	for (const [who, page, paths] of [
		['facilitator', facilitator, [...pages, '/deltagare']],
		['participant', participant, pages.filter((p) => p !== '/export')]
	] as const) {
		for (const size of SIZES) {
			await page.setViewportSize({ width: size.width, height: size.height });
			for (const path of paths) {
				await open(page, `${base}${path}`);
				const live = page.getByTestId('connection');
				if ((await live.count()) > 0) await expect(live).toHaveAttribute('data-status', 'online');
				await expect(page.locator('h1').first()).toBeVisible();
				const found = await overflow(page, size.text, path === '');
				if (found.scrollWidth > found.width || found.wide.length > 0) {
					failures.push(
						`${who} ${size.name} ${path || '/'}: ${found.scrollWidth} px wide; ${found.wide.join('; ')}`
					);
				}
			}
		}
	}
	expect(failures).toEqual([]);
});
