/**
 * What Samskapa stores, where, for how long and how it is deleted: for the operator's
 * data-protection officer. Read from the code (src/lib/server/db/schema.ts, the session and
 * browser cookies, the drafts in localStorage, the recovery copy in sessionStorage); change this
 * page whenever one of those changes.
 */

export interface PrivacyOrganisation {
	name: string;
	email: string | null;
	privacyEmail: string | null;
}

export interface PrivacyRow {
	what: string;
	where: string;
	howLong: string;
}

export interface PrivacyPage {
	title: string;
	intro: string;
	tableCaption: string;
	columns: [string, string, string];
	rows: PrivacyRow[];
	sections: Array<{ heading: string; paragraphs: string[] }>;
}

export function privacyPage(locale: 'sv' | 'en', org: PrivacyOrganisation): PrivacyPage {
	const contact = org.privacyEmail ?? org.email;
	return locale === 'sv'
		? {
				title: 'Dataskydd: vad Samskapa sparar',
				intro: `${org.name} driver den här installationen av Samskapa och är personuppgiftsansvarig. Sidan beskriver vad appen sparar, var, hur länge och hur det raderas, så att ert dataskyddsombud kan bedöma behandlingen. Allt sparas på den här servern; appen skickar inget till någon annan tjänst.`,
				tableCaption: 'Vad som sparas',
				columns: ['Uppgift', 'Var', 'Hur länge'],
				rows: [
					{
						what: 'Processledarens konto: e-postadress, namn, lösenordets hash (argon2id)',
						where: 'Serverns SQLite-databas (tabellen users)',
						howLong: 'Tills kontot tas bort av driftansvarig'
					},
					{
						what: 'Inloggning: en slumpad sessionsnyckel (bara dess hash sparas) och när den går ut',
						where: 'Kakan samskapa_session i webbläsaren; tabellen sessions',
						howLong: '30 dagar efter senaste användning; tas bort vid utloggning'
					},
					{
						what: 'Webbläsarens identitet, så att samma person inte räknas två gånger i en röstning (bara dess hash sparas)',
						where: 'Kakan samskapa_browser; kolumnen browser_id på deltagandet',
						howLong:
							'Kakan 400 dagar från senaste anslutning; i databasen så länge workshoppen finns'
					},
					{
						what: 'Språkval',
						where: 'Kakan PARAGLIDE_LOCALE',
						howLong: 'Tills webbläsaren tar bort den'
					},
					{
						what: 'Deltagande: visningsnamn, yrkesroll, organisationstyp (region, kommun, annan), roll och status',
						where: 'Tabellen memberships',
						howLong: 'Så länge workshoppen finns'
					},
					{
						what: 'Workshoppens innehåll: persona, lappar, citat, insikter, områden, poäng, idéer, handlingsplan, sammanfattning. Lappar bär författarens namn, yrkesroll och organisationstyp (i en anonym workshop visas inte namnet).',
						where: 'Tabellerna doc_updates och doc_snapshots (Yjs-dokumentet för workshoppen)',
						howLong: 'Så länge workshoppen finns'
					},
					{
						what: 'Varje deltagares privata dokument: utkast under tyst skrivande, dolda poäng innan de visas',
						where: 'Samma tabeller, i ett eget dokument per deltagare',
						howLong: 'Så länge workshoppen finns'
					},
					{
						what: 'Lappar som inte är skickade och ändringar som inte är sparade',
						where: 'Webbläsarens localStorage (samskapa:drafts:…), bara på den enheten',
						howLong: 'Tills lappen skickas, ändringen sparas eller avbryts; högst 7 dagar'
					},
					{
						what: 'En kopia av det som inte hunnit nå servern efter ett avbrott',
						where: 'Webbläsarens sessionStorage (samskapa:recovery:…)',
						howLong: 'Tills fliken stängs eller servern har fått allt'
					},
					{
						what: 'Inbjudningslänkar och anslutningskoder',
						where: 'Tabellen links',
						howLong: 'Tills processledaren återkallar dem eller workshoppen tas bort'
					},
					{
						what: 'Processledarens egna mallar',
						where: 'Tabellen templates',
						howLong: 'Tills processledaren tar bort dem'
					}
				],
				sections: [
					{
						heading: 'Patientuppgifter',
						paragraphs: [
							'Samskapa är inte ett journalsystem och ska inte innehålla uppgifter om verkliga patienter. Appen letar efter personnummer, samordningsnummer och telefonnummer i det som skrivs, varnar processledaren och tar bort dem ur rapporter om inte processledaren uttryckligen väljer att ta med dem.'
						]
					},
					{
						heading: 'Hur uppgifterna raderas',
						paragraphs: [
							'En deltagare kan lämna en workshop via "Lämna" i sidhuvudet. Processledaren kan ta bort en deltagare och radera en workshop; att radera en workshop tar bort deltagandena, länkarna, workshoppens dokument med hela ändringsloggen och ögonblicksbilderna samt varje deltagares privata dokument.',
							'Utkast i webbläsaren raderas när de skickas eller efter 7 dagar, och alltid när webbläsarens webbplatsdata rensas.',
							'Databasen är en enda fil på servern. Säkerhetskopior (npm run backup) innehåller samma uppgifter och måste hanteras och gallras enligt er egen rutin.'
						]
					},
					{
						heading: 'Kontakt',
						paragraphs: [
							contact
								? `Frågor om personuppgifter: ${contact}.`
								: 'Frågor om personuppgifter ställs till den organisation som driver installationen.'
						]
					}
				]
			}
		: {
				title: 'Data protection: what Samskapa stores',
				intro: `${org.name} runs this installation of Samskapa and is the data controller. This page describes what the app stores, where, for how long and how it is deleted, so that your data-protection officer can assess the processing. Everything is stored on this server; the app sends nothing to any other service.`,
				tableCaption: 'What is stored',
				columns: ['Data', 'Where', 'How long'],
				rows: [
					{
						what: "The facilitator's account: email address, name, password hash (argon2id)",
						where: "The server's SQLite database (table users)",
						howLong: 'Until the operator removes the account'
					},
					{
						what: 'Sign-in: a random session key (only its hash is stored) and its expiry',
						where: 'Cookie samskapa_session in the browser; table sessions',
						howLong: '30 days after last use; removed at sign-out'
					},
					{
						what: "The browser's identity, so one person is not counted twice in a vote (only its hash is stored)",
						where: 'Cookie samskapa_browser; column browser_id of the membership',
						howLong:
							'400 days from the last join for the cookie; in the database as long as the workshop'
					},
					{
						what: 'Language choice',
						where: 'Cookie PARAGLIDE_LOCALE',
						howLong: 'Until the browser removes it'
					},
					{
						what: 'Membership: display name, profession, type of organisation (region, kommun, other), role and status',
						where: 'Table memberships',
						howLong: 'As long as the workshop exists'
					},
					{
						what: "The workshop's content: persona, notes, quotes, insights, areas, scores, ideas, action plan, summary. Notes carry the author's name, profession and type of organisation (the name is not shown in an anonymous workshop).",
						where: "Tables doc_updates and doc_snapshots (the workshop's Yjs document)",
						howLong: 'As long as the workshop exists'
					},
					{
						what: "Each participant's private document: drafts during silent writing, hidden scores before they are revealed",
						where: 'The same tables, one document per participant',
						howLong: 'As long as the workshop exists'
					},
					{
						what: 'Notes not yet sent and edits not yet saved',
						where: "The browser's localStorage (samskapa:drafts:…), on that device only",
						howLong: 'Until sent, saved or cancelled; at most 7 days'
					},
					{
						what: 'A copy of what had not reached the server after an interruption',
						where: "The browser's sessionStorage (samskapa:recovery:…)",
						howLong: 'Until the tab is closed or the server has everything'
					},
					{
						what: 'Invitation links and join codes',
						where: 'Table links',
						howLong: 'Until the facilitator revokes them or the workshop is deleted'
					},
					{
						what: "The facilitator's own templates",
						where: 'Table templates',
						howLong: 'Until the facilitator removes them'
					}
				],
				sections: [
					{
						heading: 'Patient data',
						paragraphs: [
							'Samskapa is not a medical record system and must not hold data about real patients. The app looks for Swedish personal identity numbers, coordination numbers and phone numbers in what is written, warns the facilitator and removes them from reports unless the facilitator explicitly chooses to include them.'
						]
					},
					{
						heading: 'How data is deleted',
						paragraphs: [
							'A participant can leave a workshop with "Leave" in the header. The facilitator can remove a participant and delete a workshop; deleting a workshop removes the memberships, the links, the workshop\'s document with its whole change log and snapshots, and every participant\'s private document.',
							"Drafts in the browser are deleted when they are sent or after 7 days, and always when the browser's site data is cleared.",
							'The database is a single file on the server. Backups (npm run backup) hold the same data and must be handled and culled by your own routine.'
						]
					},
					{
						heading: 'Contact',
						paragraphs: [
							contact
								? `Questions about personal data: ${contact}.`
								: 'Questions about personal data go to the organisation that runs this installation.'
						]
					}
				]
			};
}
