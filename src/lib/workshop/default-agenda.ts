import type { StepFields } from './records/agenda';

/**
 * The 3-hour Nära vård workshop of the seeds ("Hälso- och sjukvård i hemmet": a persona, a
 * patient journey event by event with the five questions, then what chafes grouped, prioritised,
 * a målbild, ideas and an action plan) as an agenda of 180 minutes. A method step's empty title
 * shows the page's own name in the reader's language; the instructions are what participants
 * see, in the workshop's language.
 */
export const naraVardAgenda: readonly StepFields[] = [
	{
		kind: 'presentation',
		title: 'Välkommen och syfte',
		minutes: 10,
		instruction:
			'Syftet: samskapa framtidens hälso- och sjukvård i hemmet, tvärprofessionellt och verksamhetsnära.'
	},
	{
		kind: 'persona',
		title: '',
		minutes: 10,
		instruction: 'Läs om personen. Vad är viktigt för hen?'
	},
	{
		kind: 'journey',
		title: '',
		minutes: 45,
		instruction:
			'Gå igenom händelserna en i taget. Skriv en lapp per tanke under varje fråga: hur går det till idag, vad skaver, hur skulle ni vilja göra?'
	},
	{ kind: 'break', title: 'Fika', minutes: 15, instruction: 'Vi ses om en kvart.' },
	{
		kind: 'clustering',
		title: '',
		minutes: 25,
		instruction: 'Vi grupperar det som skaver till områden. Säg till om något hamnat fel.'
	},
	{
		kind: 'prioritisation',
		title: '',
		minutes: 15,
		instruction: 'Sätt poäng på varje område: hur mycket gör det för personen, och vad kostar det?'
	},
	{
		kind: 'goals',
		title: '',
		minutes: 20,
		instruction: 'Beskriv önskat läge för de prioriterade områdena, i personens ord.'
	},
	{
		kind: 'ideas',
		title: '',
		minutes: 15,
		instruction: 'Skriv idéer: vad krävs för att nå dit?'
	},
	{
		kind: 'actions',
		title: '',
		minutes: 15,
		instruction: 'Vem gör vad, och till när?'
	},
	{
		kind: 'summary',
		title: 'Sammanfattning och nästa steg',
		minutes: 10,
		instruction: 'Vad tar vi med oss? Vad händer härnäst?'
	}
];
