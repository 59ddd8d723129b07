import { m } from '$lib/paraglide/messages';
import type { NoteKind } from '$lib/workshop/doc';
import type { Organisation, Profession } from '$lib/workshop/people';

type Label = () => string;

export const noteKindLabels: Record<NoteKind, Label> = {
	note: m.board_kind_note,
	bottennapp: m.board_kind_bottennapp,
	hojdpunkt: m.board_kind_hojdpunkt,
	citat: m.board_kind_citat
};

const professionLabels: Record<Profession, Label> = {
	sjukskoterska: m.profession_sjukskoterska,
	lakare: m.profession_lakare,
	arbetsterapeut: m.profession_arbetsterapeut,
	fysioterapeut: m.profession_fysioterapeut,
	bistandshandlaggare: m.profession_bistandshandlaggare,
	mas_mar: m.profession_mas_mar,
	chef: m.profession_chef,
	vardsamordnare: m.profession_vardsamordnare,
	ambulanssjukskoterska: m.profession_ambulanssjukskoterska,
	patient_narstaende: m.profession_patient_narstaende,
	annan: m.profession_annan
};

const organisationLabels: Record<Organisation, Label> = {
	region: m.organisation_region,
	kommun: m.organisation_kommun,
	annan: m.organisation_annan
};

const roleLabels = {
	facilitator: m.role_facilitator,
	participant: m.role_participant,
	observer: m.role_observer
} satisfies Record<string, Label>;

/** Labels for keys that may come from any client's document: unknown keys read as "Annan". */
export function professionLabel(key: string): string {
	return Object.hasOwn(professionLabels, key)
		? professionLabels[key as Profession]()
		: m.profession_annan();
}

export function organisationLabel(key: string): string {
	return Object.hasOwn(organisationLabels, key)
		? organisationLabels[key as Organisation]()
		: m.organisation_annan();
}

export function roleLabel(role: keyof typeof roleLabels): string {
	return roleLabels[role]();
}
