import { expect, type Locator, type Page } from '@playwright/test';

/** The clustering page (/w/[id]/klustring) as a person uses it. */
export class ClusteringPage {
	constructor(readonly page: Page) {}

	async open(workshopUrl: string) {
		await this.page.goto(`${workshopUrl}/klustring`);
		await expect(this.page.getByRole('heading', { level: 1, name: 'Klustring' })).toBeVisible();
	}

	insight(text: string): Locator {
		return this.page.getByTestId('insight').filter({ hasText: text });
	}

	area(name: string): Locator {
		return this.page
			.getByTestId('area')
			.filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
	}

	get unsorted(): Locator {
		return this.page.getByTestId('unsorted');
	}

	/** The layout's live region, where every change is announced. */
	get announcement(): Locator {
		return this.page.locator('main > p[role="status"]');
	}

	/** The insight is shown exactly once on the page, in the named area (null: Ej sorterade). */
	async expectInsightIn(text: string, area: string | null) {
		await expect(this.insight(text)).toHaveCount(1);
		const place = area === null ? this.unsorted : this.area(area);
		await expect(place.getByTestId('insight').filter({ hasText: text })).toHaveCount(1);
	}

	async areaNames(): Promise<string[]> {
		return this.page.getByTestId('area').getByRole('heading', { level: 3 }).allInnerTexts();
	}

	/** Creates an area with the keyboard only. */
	async createAreaByKeyboard(name: string) {
		await this.page.getByLabel('Nytt förbättringsområde').focus();
		await this.page.keyboard.type(name);
		await this.page.keyboard.press('Enter');
		await expect(this.area(name)).toBeVisible();
	}

	/** "Flytta till …" with the keyboard: open the menu, arrow to the place, Enter. */
	async moveByKeyboard(text: string, place: string) {
		const name = new RegExp(`^Flytta till …\\s*: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
		await this.page.getByRole('button', { name }).focus();
		await this.page.keyboard.press('Enter');
		const menu = this.page.getByRole('menu');
		const labels = (await menu.getByRole('menuitem').allInnerTexts()).map((l) => l.trim());
		const index = labels.indexOf(place);
		expect(index, `${place} in ${labels.join(', ')}`).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
		await expect(menu.getByRole('menuitem', { name: place, exact: true })).toBeFocused();
		await this.page.keyboard.press('Enter');
		await expect(menu).toHaveCount(0);
	}
}
