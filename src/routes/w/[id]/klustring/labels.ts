import { organisationLabel } from '$lib/components/labels';
import { m } from '$lib/paraglide/messages';
import type { ClusterView, Perspective } from '$lib/workshop/analysis/perspectives';

/** A place an insight can move to: Ej sorterade (null) or an area, sub-areas indented. */
export interface Destination {
	id: string | null;
	label: string;
}

export function destinations(view: ClusterView): Destination[] {
	return [
		{ id: null, label: m.cluster_unsorted() },
		...view.flat.map((v) => ({
			id: v.area.id,
			label: v.area.parentId === null ? v.area.name : `– ${v.area.name}`
		}))
	];
}

export function placeName(view: ClusterView, id: string | null): string {
	if (id === null) return m.cluster_unsorted();
	return view.flat.find((v) => v.area.id === id)?.area.name ?? m.cluster_unsorted();
}

/** "3 insikter · 2 händelser · 1 fråga · lyft av 2 av 6 yrkesroller, både region och kommun" */
export function perspectiveText(p: Perspective, professionsTotal: number): string {
	const base = m.cluster_perspective({
		insights: p.insights,
		events: p.eventIds.length,
		questions: p.questionIds.length,
		professions: p.professions.length,
		total: professionsTotal
	});
	const orgs = organisationsText(p.organisations);
	return orgs ? `${base}, ${orgs}` : base;
}

export function organisationsText(organisations: readonly string[]): string {
	if (organisations.includes('region') && organisations.includes('kommun')) {
		return m.cluster_orgs_both();
	}
	if (organisations.length === 1) {
		return m.cluster_orgs_one({ organisation: organisationLabel(organisations[0]!) });
	}
	return '';
}

/** A short form of an insight's text for announcements and labels. */
export const shortText = (text: string, max = 60) =>
	text.length > max ? `${text.slice(0, max - 1)}…` : text;
