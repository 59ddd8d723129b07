import { expect, type Locator, type Page } from '@playwright/test';

export const Q_SKAVER = 'Vad skaver eller utmanar med hur vi jobbar idag?';
export const Q_ONSKAT = 'Hur skulle ni vilja göra? (Önskat läge)';

/** The journey board (/w/[id]) as a person uses it: cells named "<event> – <question>". */
export class JourneyBoard {
	constructor(readonly page: Page) {}

	place(event: string, question: string) {
		return `${event} – ${question}`;
	}

	openAdd(event: string, question: string): Locator {
		return this.page.getByRole('button', {
			name: `Lägg till lapp i ${this.place(event, question)}`,
			exact: true
		});
	}

	textarea(event: string, question: string): Locator {
		return this.page.getByLabel(`Ny lapp i ${this.place(event, question)}`, { exact: true });
	}

	/** Opens the cell's form, picks the kind and adds the note with Enter. */
	async addNote(event: string, question: string, text: string, kind = 'note') {
		await this.openAdd(event, question).click();
		const textarea = this.textarea(event, question);
		await textarea.fill(text);
		const form = this.page.locator('form', { has: textarea });
		await form.getByLabel('Typ av lapp').selectOption(kind);
		await textarea.press('Enter');
		await expect(textarea).toHaveValue('');
	}

	/** The accessible name of a cell: on the desktop grid, "<event> – <question>". */
	cellName(event: string, question: string): string | RegExp {
		return this.place(event, question);
	}

	/** The note with this text is shown once, in the named cell. */
	async expectNoteIn(event: string, question: string, text: string) {
		const note = this.page.getByTestId('note').filter({ hasText: text });
		await expect(note).toHaveCount(1);
		const cell = this.page.getByTestId('cell').filter({ has: note });
		await expect(cell).toHaveAccessibleName(this.cellName(event, question));
	}

	eventCounts(event: string): Locator {
		return this.page
			.getByTestId('event-head')
			.filter({ has: this.page.getByRole('heading', { name: event, exact: true }) })
			.getByTestId('event-counts');
	}

	async eventTitles(): Promise<string[]> {
		return this.page.getByTestId('event-head').getByRole('heading', { level: 2 }).allInnerTexts();
	}
}

/** The phone view: one event at a time, chosen with the switcher. */
export class PhoneBoard extends JourneyBoard {
	async showEvent(event: string) {
		const select = this.page.getByTestId('event-switcher').getByRole('combobox');
		// Options read "1/3: Händelse 1".
		const value = await select.evaluate(
			(el, name) =>
				[...(el as HTMLSelectElement).options].find((o) => o.text.endsWith(`: ${name}`))?.value,
			event
		);
		await select.selectOption(value!);
		await expect(this.page.getByRole('heading', { level: 2, name: event })).toBeVisible();
	}

	/** A phone cell is a section of the shown event, named by its question and note count. */
	override cellName(_event: string, question: string) {
		return new RegExp(`^${question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+ lapp`);
	}

	/** In the phone view the shown event's counts are the only ones on the page. */
	override eventCounts(): Locator {
		return this.page.getByTestId('event-counts');
	}
}
