/**
 * The board both clustering benchmarks measure: INSIGHTS insights in AREAS areas (a quarter
 * of them underområden), UNSORTED of them left in Ej sorterade, with varied provenance.
 */
import * as Y from 'yjs';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { addInsight } from '../../src/lib/workshop/records/insight.ts';

const professions = ['sjukskoterska', 'lakare', 'arbetsterapeut', 'fysioterapeut', 'chef'];
const words = [
	'ingen ringer tillbaka',
	'svårt att nå mottagningen',
	'rollatorn kom sent',
	'läkemedelslistan stämmer inte',
	'hemtjänsten vet inte',
	'fast vårdkontakt saknas',
	'lång väntan på hjälpmedel',
	'informationen följer inte med',
	'ingen plan vid utskrivning',
	'anhöriga får inte veta'
];

export interface SeedSize {
	insights: number;
	areas: number;
	unsorted: number;
}

/** Writes the board into `doc` (one transaction per record, as people would); returns ids. */
export function seedClustering(doc: Y.Doc, size: SeedSize) {
	const areas: string[] = [];
	const tops = size.areas - Math.floor(size.areas / 4);
	for (let i = 0; i < tops; i++) areas.push(createArea(doc, { name: `Område ${i + 1}` })!);
	for (let i = tops; i < size.areas; i++) {
		areas.push(createArea(doc, { name: `Underområde ${i + 1}`, parentId: areas[i % tops]! })!);
	}
	const ids: string[] = [];
	for (let i = 0; i < size.insights; i++) {
		ids.push(
			addInsight(doc, {
				text: `${words[i % words.length]} (${i})`,
				source: 'lowPoint',
				createdBy: null,
				sourceNoteIds: [`note${i}`],
				eventIds: [`e${i % 6}`],
				questionIds: [`q${i % 5}`],
				professions: [professions[i % professions.length]!],
				organisations: [i % 3 ? 'region' : 'kommun'],
				areaId: i < size.insights - size.unsorted ? areas[i % size.areas]! : null
			})
		);
	}
	return { areas, ids, tops };
}
