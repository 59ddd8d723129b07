import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { renderDocx } from './docx';
import { uppsalaModel } from './uppsala-model';

/** The document's paragraphs as text, in order, with each heading's style: what Word shows. */
async function paragraphs(file: Uint8Array) {
	const zip = await JSZip.loadAsync(file);
	const xml = await zip.file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
		const inner = m[1] ?? m[2] ?? '';
		const style = inner.match(/<w:pStyle w:val="([^"]+)"/)?.[1] ?? '';
		const text = [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
		return { style, text };
	});
}

describe('Word report of a 20-area, 10-action workshop', () => {
	it('groups the action plan by area and lists each prioritised area its actions', async () => {
		const model = uppsalaModel();
		const file = await renderDocx(model);
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/uppsala.docx`, file);
		const all = await paragraphs(file);
		const texts = all.map((p) => p.text);
		const plan = texts.indexOf('Handlingsplan');
		const summary = texts.indexOf('Sammanfattning');
		expect(plan).toBeGreaterThan(0);
		// One heading per area in the plan, each area once.
		const planHeadings = all
			.slice(plan + 1, summary)
			.filter((p) => p.style === 'Heading2')
			.map((p) => p.text);
		expect(planHeadings).toEqual([...new Set(model.actions.map((a) => a.area))]);
		expect(planHeadings).toHaveLength(2);

		for (const area of model.prioritised) {
			const start = texts.indexOf(area.name);
			const section = texts.slice(start, texts.indexOf('Handlingsplan'));
			const actions = section.slice(section.indexOf('Åtgärder'));
			expect(area.actions.length).toBeGreaterThan(0);
			for (const a of area.actions) {
				expect(actions.some((t) => t.includes(a.proposal) && t.includes(a.owner))).toBe(true);
			}
		}
	});

	it('has an appendix with every insight, its event, question, profession and organisation', async () => {
		const model = uppsalaModel();
		const xml = await JSZip.loadAsync(await renderDocx(model)).then((z) =>
			z.file('word/document.xml')!.async('string')
		);
		const appendix = xml.slice(xml.indexOf('Bilaga: alla insikter'));
		expect(model.insights.length).toBe(model.totalInsights);
		for (const insight of model.insights) {
			expect(appendix).toContain(insight.text);
			for (const e of insight.events) expect(appendix).toContain(e);
		}
		for (const head of ['Händelse', 'Frågeställning', 'Yrkesroll', 'Organisation']) {
			expect(appendix).toContain(head);
		}
		expect(appendix).toContain('Sjuksköterska');
		expect(appendix).toContain('Kommun');
	});

	it('does not quote twice a quote typed in quotation marks', async () => {
		const model = uppsalaModel();
		model.quotes.push({ text: '”Mår bra”', event: null, question: null });
		const texts = (await paragraphs(await renderDocx(model))).map((p) => p.text);
		expect(texts).toContain('”Mår bra”');
		expect(texts.some((t) => t.includes('””') || t.includes('”"'))).toBe(false);
	});
});
