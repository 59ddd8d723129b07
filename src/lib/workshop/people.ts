/** Professions from the seed workshops; the keys are stored, the labels come from i18n. */
export const professions = [
	'sjukskoterska',
	'lakare',
	'arbetsterapeut',
	'fysioterapeut',
	'bistandshandlaggare',
	'mas_mar',
	'chef',
	'vardsamordnare',
	'ambulanssjukskoterska',
	'patient_narstaende',
	'annan'
] as const;
export type Profession = (typeof professions)[number];

export const organisations = ['region', 'kommun', 'annan'] as const;
export type Organisation = (typeof organisations)[number];
