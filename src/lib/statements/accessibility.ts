/**
 * The accessibility statement (tillgänglighetsredogörelse) in DIGG's model, Swedish and English.
 * It is a document the operator publishes, not interface chrome, so its prose lives here in both
 * languages rather than as hundreds of message keys; the headings are DIGG's own words, which a
 * test checks. Keep the gaps and "how we tested" true: they are a legal statement.
 */

export interface Organisation {
	name: string;
	email: string | null;
	phone: string | null;
	publishedOn: string | null;
}

export interface Gap {
	text: string;
	/** WCAG 2.1 success criteria, e.g. "2.1.1 Tangentbord". */
	criteria: string[];
}

export interface Statement {
	title: string;
	intro: string;
	sections: Array<{
		heading: string;
		paragraphs: string[];
		list?: string[];
		gaps?: Gap[];
		link?: { href: string; text: string };
	}>;
}

/** The day this statement's content was last reviewed against the app. */
export const STATEMENT_REVIEWED_ON = '2026-12-04';
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

function contactLines(org: Organisation, none: string, email: string, phone: string): string[] {
	const lines = [org.email && `${email}: ${org.email}`, org.phone && `${phone}: ${org.phone}`];
	const given = lines.filter((l): l is string => Boolean(l));
	return given.length ? given : [none];
}

/** The Swedish headings DIGG's model requires, in order (the test reads them from the page). */
export const DIGG_HEADINGS_SV = [
	'är delvis förenlig med lagen om tillgänglighet till digital offentlig service',
	'Vad kan du göra om du inte kan använda delar av webbplatsen?',
	'Rapportera brister i webbplatsens tillgänglighet',
	'Tillsyn',
	'Teknisk information om webbplatsens tillgänglighet',
	'Innehåll som inte är tillgängligt',
	'Hur vi testat webbplatsen'
] as const;

export function accessibilityStatement(locale: 'sv' | 'en', org: Organisation): Statement {
	return locale === 'sv' ? swedish(org) : english(org);
}

function swedish(org: Organisation): Statement {
	const dates = [
		org.publishedOn ? `Webbplatsen publicerades den ${org.publishedOn}.` : null,
		`Redogörelsen uppdaterades senast den ${STATEMENT_REVIEWED_ON}.`,
		`Den senaste bedömningen gjordes den ${STATEMENT_REVIEWED_ON}.`
	].filter((d): d is string => d !== null);
	return {
		title: 'Tillgänglighetsredogörelse',
		intro: `${org.name} står bakom den här webbplatsen, Samskapa. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Samskapa uppfyller lagen om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.`,
		sections: [
			{
				heading: `Samskapa ${DIGG_HEADINGS_SV[0]}`,
				paragraphs: [
					'Vi vet att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan.'
				]
			},
			{
				heading: DIGG_HEADINGS_SV[1],
				paragraphs: [
					'Be processledaren om hjälp: allt du skriver på en workshop kan processledaren skriva in åt dig, och rapporten finns som Word, Markdown och utskriftsvy. Du kan också kontakta oss:'
				],
				list: contactLines(
					org,
					'Kontaktuppgifter är inte angivna för den här installationen. Fråga den som bjöd in dig.',
					'E-post',
					'Telefon'
				)
			},
			{
				heading: DIGG_HEADINGS_SV[2],
				paragraphs: [
					'Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.'
				],
				list: contactLines(
					org,
					'Kontakta den som driver den här installationen.',
					'E-post',
					'Telefon'
				)
			},
			{
				heading: DIGG_HEADINGS_SV[3],
				paragraphs: [
					'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.'
				],
				link: { href: DIGG_REPORT_URL, text: 'Anmäl brister i tillgänglighet till Digg' }
			},
			{
				heading: DIGG_HEADINGS_SV[4],
				paragraphs: [
					'Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Bedömningen görs mot WCAG 2.1 nivå AA.'
				]
			},
			{
				heading: DIGG_HEADINGS_SV[5],
				paragraphs: [
					'Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.'
				],
				gaps: [
					{
						text: 'Den fria ritytan (canvas) för ett prioriterat område är ett ritverktyg (tldraw). Att rita, flytta och koppla ihop former kräver mus, pekskärm eller ritverktygets egna kortkommandon, och formerna har inga beskrivningar som en skärmläsare kan läsa upp. Allt som görs på ritytan kan också göras i målbild, idéer och handlingsplan, som fungerar med tangentbord och skärmläsare.',
						criteria: [
							'1.1.1 Icke-textuellt innehåll',
							'2.1.1 Tangentbord',
							'4.1.2 Namn, roll, värde'
						]
					},
					{
						text: 'Rapporterna som laddas ned som Word och PowerPoint är inte granskade med skärmläsare. Bilderna i PowerPoint består av fristående textrutor vars läsordning inte är kontrollerad, och prioriteringsmatrisen är en bild (med alternativtext; samma värden står i tabellen bredvid).',
						criteria: ['1.3.1 Information och relationer', '1.3.2 Meningsfull ordningsföljd']
					},
					{
						text: 'Ändringar som andra deltagare gör i realtid (nya lappar, flyttade insikter) visas direkt. Alla sådana ändringar meddelas inte till skärmläsare, så en skärmläsaranvändare kan missa vad som har ändrats utan att läsa om sidan.',
						criteria: ['4.1.3 Statusmeddelanden']
					}
				]
			},
			{
				heading: DIGG_HEADINGS_SV[6],
				paragraphs: [
					'Vi har gjort en självskattning (intern testning) av webbplatsen.',
					'Sidorna kontrolleras automatiskt med axe-core mot WCAG 2.1 A och AA i våra end-to-end-tester (Playwright i Chromium), också när de har innehåll, till exempel under en pågående röstning. Automatiska verktyg hittar bara en del av alla brister.',
					'Flödena (gå med i en workshop, skriva lappar, klustra, prioritera, idéer, handlingsplan, export) testas automatiskt med enbart tangentbord, och sidorna kontrolleras i en mobiltelefons bredd (390 pixlar). Att sidorna går att läsa i 320 pixlars bredd och med 200 % förstoring är inte kontrollerat på varje sida.',
					'Vi har inte gjort någon fullständig granskning med skärmläsare (NVDA, JAWS, VoiceOver) och ingen granskning av extern part. Sådan granskning är planerad.'
				]
			},
			{ heading: 'Datum', paragraphs: dates }
		]
	};
}

function english(org: Organisation): Statement {
	const dates = [
		org.publishedOn ? `The site was published on ${org.publishedOn}.` : null,
		`This statement was last updated on ${STATEMENT_REVIEWED_ON}.`,
		`The latest assessment was made on ${STATEMENT_REVIEWED_ON}.`
	].filter((d): d is string => d !== null);
	return {
		title: 'Accessibility statement',
		intro: `${org.name} is responsible for this website, Samskapa. We want as many people as possible to be able to use it. This statement describes how Samskapa meets the Swedish Act on accessibility to digital public services, the accessibility problems we know of, and how you can report problems to us so that we can fix them.`,
		sections: [
			{
				heading:
					'Samskapa is partially compliant with the Act on accessibility to digital public services',
				paragraphs: [
					'We know that parts of the site are not fully accessible. See the section on content that is not accessible below.'
				]
			},
			{
				heading: 'What can you do if you cannot use parts of the site?',
				paragraphs: [
					'Ask the facilitator: they can write anything in a workshop on your behalf, and the report is available as Word, Markdown and a print view. You can also contact us:'
				],
				list: contactLines(
					org,
					'No contact details are configured for this installation. Ask whoever invited you.',
					'Email',
					'Phone'
				)
			},
			{
				heading: "Report problems with the site's accessibility",
				paragraphs: [
					'We keep working to improve accessibility. If you find a problem that is not described on this page, or think that we do not meet the requirements of the law, tell us so that we know about it.'
				],
				list: contactLines(org, 'Contact whoever runs this installation.', 'Email', 'Phone')
			},
			{
				heading: 'Enforcement',
				paragraphs: [
					'The Agency for Digital Government (Digg) enforces the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact Digg.'
				],
				link: { href: DIGG_REPORT_URL, text: 'Report accessibility problems to Digg (in Swedish)' }
			},
			{
				heading: 'Technical information about the accessibility of the site',
				paragraphs: [
					'The site is partially compliant with the Act on accessibility to digital public services, because of the shortcomings described below. It is assessed against WCAG 2.1 level AA.'
				]
			},
			{
				heading: 'Content that is not accessible',
				paragraphs: ['The content described below is not fully accessible.'],
				gaps: [
					{
						text: "The free canvas of a prioritised area is a drawing tool (tldraw). Drawing, moving and connecting shapes needs a mouse, touch or the tool's own shortcuts, and the shapes have no descriptions a screen reader can read. Everything done on the canvas can also be done in the målbild, ideas and action plan, which work with a keyboard and screen readers.",
						criteria: ['1.1.1 Non-text content', '2.1.1 Keyboard', '4.1.2 Name, role, value']
					},
					{
						text: 'The Word and PowerPoint reports have not been reviewed with a screen reader. PowerPoint slides are separate text boxes whose reading order has not been checked, and the prioritisation matrix is an image (with a text alternative; the same values are in the table next to it).',
						criteria: ['1.3.1 Info and relationships', '1.3.2 Meaningful sequence']
					},
					{
						text: 'Changes other participants make in real time (new notes, moved insights) appear at once. Not all of them are announced to screen readers, so a screen reader user can miss what changed without reading the page again.',
						criteria: ['4.1.3 Status messages']
					}
				]
			},
			{
				heading: 'How we tested the site',
				paragraphs: [
					'We have made a self-assessment (internal testing) of the site.',
					'The pages are checked automatically with axe-core against WCAG 2.1 A and AA in our end-to-end tests (Playwright in Chromium), also with content, for example during a vote. Automated tools find only some of all problems.',
					'The flows (joining a workshop, writing notes, clustering, prioritising, ideas, action plan, export) are tested automatically with the keyboard only, and the pages are checked at the width of a phone (390 pixels). That every page reads at 320 pixels wide and at 200 % zoom has not been checked.',
					'We have not yet made a full review with screen readers (NVDA, JAWS, VoiceOver), nor had an external review. That review is planned.'
				]
			},
			{ heading: 'Dates', paragraphs: dates }
		]
	};
}
