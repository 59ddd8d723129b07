/**
 * Swedish care-domain concept lexicon: classes of words that name the same concern in health
 * and social care, so notes written in different words meet ("ingen ringer tillbaka" and
 * "telefontiden är för kort"). Built from general vocabulary of Swedish care (Socialstyrelsen's
 * terms, 1177, SKR's Nära vård material, everyday workshop speech), not from one report.
 *
 * Format: `terms` are written as people write them; each is normalised and stemmed before
 * matching, so one inflection is enough. A one-word term also matches inside compounds when
 * it has six letters or more ("läkemedel" in "läkemedelsgenomgången"). A several-word term
 * matches the same words in a row ("ringer tillbaka"). `label` is for people reading the list.
 */
export interface Concept {
	id: string;
	label: string;
	terms: string[];
}

// prettier-ignore
export const LEXICON_SV: readonly Concept[] = [
	{
		id: 'hjalpmedel',
		label: 'Hjälpmedel',
		terms: [
			'hjälpmedel', 'hjälpmedlen', 'hjälpmedelscentral', 'rollator', 'rullstol', 'rullator',
			'duschstol', 'toalettförhöjning', 'lyft', 'personlyft', 'vårdsäng', 'förskrivning',
			'förskriva', 'gånghjälpmedel', 'griptång'
		]
	},
	{
		id: 'fast-vardkontakt',
		label: 'Fast vårdkontakt',
		terms: [
			'fast vårdkontakt', 'vårdkontakt', 'kontaktperson', 'fast läkarkontakt', 'fast läkare',
			'fast omsorgskontakt', 'kontaktsjuksköterska', 'samma person', 'samma läkare',
			'ny person varje gång', 'kontinuitet'
		]
	},
	{
		id: 'hemtjanst',
		label: 'Hemtjänst',
		terms: [
			'hemtjänst', 'hemtjänsten', 'omsorg i hemmet', 'hemtjänstpersonal', 'undersköterska',
			'vårdbiträde', 'omsorgspersonal', 'biståndsbeslut', 'biståndshandläggare',
			'insatser från kommunen', 'trygghetsbesök', 'tillsyn'
		]
	},
	{
		id: 'hemsjukvard',
		label: 'Hälso- och sjukvård i hemmet',
		terms: [
			'hemsjukvård', 'hemsjukvården', 'sjukvård i hemmet', 'vård i hemmet', 'vård hemma',
			'hembesök', 'mobilt team', 'mobila team', 'mobila teamet', 'distriktssköterska',
			'inskriven i hemsjukvård', 'hemsjukvårdsteam'
		]
	},
	{
		id: 'demens',
		label: 'Demens och kognitiv svikt',
		terms: [
			'demens', 'demenssjukdom', 'kognitiv svikt', 'minnessvikt', 'minnesproblem', 'glömsk',
			'glömmer', 'förvirrad', 'förvirring', 'alzheimer', 'minnesutredning', 'bpsd', 'kognitiv'
		]
	},
	{
		id: 'lakemedel',
		label: 'Läkemedel',
		terms: [
			'läkemedel', 'läkemedlen', 'medicin', 'mediciner', 'medicinering', 'dosett', 'apodos',
			'läkemedelsgenomgång', 'läkemedelslista', 'läkemedelshantering', 'biverkning', 'recept',
			'tabletter', 'polyfarmaci', 'ordination', 'apotek', 'smärtlindring', 'vid behovs-läkemedel'
		]
	},
	{
		id: 'telefon-tillganglighet',
		label: 'Telefontid och tillgänglighet',
		terms: [
			'telefontid', 'telefon', 'telefonen', 'ringa', 'ringer', 'ringde', 'ringer tillbaka',
			'ringa tillbaka', 'återuppringning', 'nå', 'når', 'nås', 'kommer fram', 'tillgänglighet',
			'tillgänglig', 'upptaget', 'knappval', 'telefonkö', 'svarar inte'
		]
	},
	{
		id: 'vantetid',
		label: 'Väntetid',
		terms: [
			'väntetid', 'vänta', 'väntar', 'väntade', 'kö', 'köer', 'vårdgaranti', 'dröjer',
			'tar lång tid', 'lång tid', 'försenad', 'fördröjning'
		]
	},
	{
		id: 'information-dokumentation',
		label: 'Information och dokumentation',
		terms: [
			'journal', 'journalen', 'journalsystem', 'dokumentation', 'dokumentera',
			'informationsöverföring', 'information', 'informationen', 'sammanhållen journal', 'npö',
			'nationell patientöversikt', 'epikris', 'meddelande', 'it-stöd', 'it-system', 'system',
			'systemen', 'läsbehörighet', 'loggar in', 'se varandras'
		]
	},
	{
		id: 'samordnad-planering',
		label: 'Samordnad vårdplanering',
		terms: [
			'samordnad vårdplanering', 'samordnad individuell plan', 'sip', 'vårdplanering', 'vårdplan',
			'vårdplanen', 'planeringsmöte', 'samordning', 'samordna', 'samordnare', 'individuell plan',
			'plan', 'planering', 'genomförandeplan'
		]
	},
	{
		id: 'utskrivning',
		label: 'Utskrivning och hemgång',
		terms: [
			'utskrivning', 'utskriven', 'skrivs ut', 'skrevs ut', 'utskrivningsklar', 'hemgång',
			'hemgången', 'hemkomst', 'kom hem', 'komma hem', 'från sjukhuset', 'slutenvård',
			'slutenvården', 'vårdavdelning', 'avdelningen', 'trygg hemgång', 'inskrivning'
		]
	},
	{
		id: 'anhoriga',
		label: 'Anhöriga och närstående',
		terms: [
			'anhörig', 'anhöriga', 'närstående', 'dotter', 'dottern', 'döttrar', 'son', 'sonen', 'söner',
			'make', 'maka', 'maken', 'makan', 'fru', 'man och barn', 'familj', 'familjen', 'barnen',
			'anhörigstöd', 'anhörigvårdare', 'sambo'
		]
	},
	{
		id: 'ensamhet',
		label: 'Ensamhet och socialt nätverk',
		terms: [
			'ensamhet', 'ensam', 'isolering', 'isolerad', 'socialt nätverk', 'nätverk', 'sällskap',
			'social samvaro', 'meningsfull', 'aktivitet', 'träffpunkt', 'dagverksamhet', 'änkling',
			'änka', 'ofrivillig ensamhet'
		]
	},
	{
		id: 'palliativ',
		label: 'Palliativ vård',
		terms: [
			'palliativ', 'palliativt', 'palliativa', 'vård i livets slut', 'livets slutskede',
			'livets slut', 'brytpunktssamtal', 'brytpunkt', 'döende', 'dödsfall', 'sista tiden',
			'värdig död', 'symtomlindring', 'palliativt beslut', 'palliativa registret', 'hospice',
			'asih'
		]
	},
	{
		id: 'kompetens',
		label: 'Kompetens och utbildning',
		terms: [
			'kompetens', 'utbildning', 'utbildad', 'fortbildning', 'kunskap', 'kunskaper', 'oerfaren',
			'erfarenhet', 'introduktion', 'inskolning', 'handledning', 'lära', 'lär', 'osäker',
			'trygg i rollen', 'nyanställd', 'vidareutbildning'
		]
	},
	{
		id: 'bemanning',
		label: 'Bemanning och tidspress',
		terms: [
			'bemanning', 'personalbrist', 'underbemanning', 'tidspress', 'stress', 'stressad',
			'hinner inte', 'hinna', 'ingen tid', 'ont om tid', 'luft i systemet', 'hög arbetsbelastning',
			'arbetsbelastning', 'vakanser', 'vikarier', 'hyrpersonal', 'sjukskrivningar', 'resurser',
			'personalomsättning'
		]
	},
	{
		id: 'larm',
		label: 'Larm och trygghet i hemmet',
		terms: [
			'larm', 'trygghetslarm', 'larmet', 'nattpatrull', 'nattlarm', 'sensor', 'tillsynskamera',
			'nyckelfri', 'larmknapp'
		]
	},
	{
		id: 'nutrition',
		label: 'Mat och nutrition',
		terms: [
			'nutrition', 'mat', 'måltid', 'måltider', 'matlåda', 'matdistribution', 'undernäring',
			'viktnedgång', 'äter', 'aptit', 'dietist', 'näringsdryck', 'vätska', 'dricker'
		]
	},
	{
		id: 'fall',
		label: 'Fall och fallprevention',
		terms: [
			'fall', 'fallrisk', 'fallolycka', 'fallprevention', 'ramlar', 'ramlade', 'föll', 'faller',
			'höftfraktur', 'höftledsfraktur', 'fraktur', 'benskörhet', 'balans'
		]
	},
	{
		id: 'transport',
		label: 'Transport och resor',
		terms: [
			'transport', 'färdtjänst', 'sjukresa', 'sjukresor', 'skjuts', 'ta sig till', 'resa', 'buss',
			'parkering', 'avstånd', 'glesbygd'
		]
	},
	{
		id: 'digitala-verktyg',
		label: 'Digitala verktyg och e-tjänster',
		terms: [
			'digital', 'digitala', 'digitalt', 'e-tjänst', 'e-tjänster', '1177', 'videosamtal',
			'videomöte', 'digitalt möte', 'distansmöte', 'app', 'appen', 'surfplatta', 'bankid',
			'vårdguiden', 'egenmonitorering', 'digital tillsyn', 'uppkoppling', 'teams'
		]
	},
	{
		id: 'lakare',
		label: 'Läkarens medverkan',
		terms: [
			'läkare', 'läkaren', 'läkarbesök', 'läkarmedverkan', 'husläkare', 'doktor', 'doktorn',
			'allmänläkare', 'geriatriker', 'jourläkare', 'specialistläkare', 'läkarinsats'
		]
	},
	{
		id: 'vardcentral',
		label: 'Vårdcentral och primärvård',
		terms: [
			'vårdcentral', 'vårdcentralen', 'primärvård', 'primärvården', 'hälsocentral', 'mottagning',
			'mottagningen', 'närsjukvård', 'husläkarmottagning'
		]
	},
	{
		id: 'akut-ambulans',
		label: 'Akut och ambulans',
		terms: [
			'ambulans', 'ambulansen', 'akuten', 'akutmottagning', 'akut', 'akutbesök', 'larmar 112',
			'112', 'inläggning', 'läggs in', 'återinläggning', 'undvikbar slutenvård'
		]
	},
	{
		id: 'samverkan',
		label: 'Samverkan mellan huvudmän',
		terms: [
			'samverkan', 'samarbete', 'samarbeta', 'kommun och region', 'kommunen och regionen',
			'huvudmän', 'huvudmännen', 'mellan kommun', 'gränser', 'organisatoriska gränser',
			'mellan verksamheterna', 'samverkansrutin', 'överenskommelse', 'stuprör', 'gränssnitt'
		]
	},
	{
		id: 'team',
		label: 'Teamarbete',
		terms: [
			'team', 'teamet', 'teamarbete', 'teamträff', 'tvärprofessionell', 'tvärprofessionellt',
			'professioner', 'yrkesgrupper', 'kollegor', 'arbeta ihop', 'jobba ihop', 'tillsammans',
			'samtal mellan'
		]
	},
	{
		id: 'delaktighet',
		label: 'Delaktighet och självbestämmande',
		terms: [
			'delaktig', 'delaktighet', 'inflytande', 'självbestämmande', 'lyssnar', 'lyssnade', 'lyssna',
			'tas på allvar', 'bli hörd', 'vad är viktigt för dig', 'vad som är viktigt', 'egna önskemål',
			'önskemål', 'personcentrerad', 'personcentrerat', 'medbestämmande', 'fråga patienten'
		]
	},
	{
		id: 'trygghet',
		label: 'Trygghet och oro',
		terms: [
			'trygg', 'trygghet', 'otrygg', 'otrygghet', 'orolig', 'oro', 'oroar', 'rädd', 'ängslig',
			'ovisshet', 'osäkerhet'
		]
	},
	{
		id: 'rehabilitering',
		label: 'Rehabilitering',
		terms: [
			'rehabilitering', 'rehab', 'rehabpersonal', 'fysioterapeut', 'sjukgymnast', 'arbetsterapeut',
			'träning', 'vardagsrehabilitering', 'rehabiliterande', 'funktionsförmåga', 'träna'
		]
	},
	{
		id: 'ansvar-roller',
		label: 'Ansvar och roller',
		terms: [
			'ansvar', 'ansvaret', 'ansvarig', 'oklart ansvar', 'ansvarsfördelning', 'vems ansvar',
			'roller', 'rollfördelning', 'uppdrag', 'gränsdragning', 'hänvisar', 'bollas',
			'faller mellan stolarna'
		]
	},
	{
		id: 'rutiner',
		label: 'Rutiner och arbetssätt',
		terms: [
			'rutin', 'rutiner', 'riktlinjer', 'arbetssätt', 'arbetssättet', 'struktur', 'checklista',
			'vårdprogram', 'standardiserat', 'följsamhet', 'processen', 'flöde'
		]
	},
	{
		id: 'jamlikhet',
		label: 'Jämlik vård',
		terms: [
			'jämlik', 'ojämlik', 'jämlikhet', 'ojämlikhet', 'jämställd', 'var man bor',
			'olika förutsättningar', 'skillnader', 'olika i länet', 'postnummer', 'lika vård',
			'landsbygd'
		]
	},
	{
		id: 'proaktivitet',
		label: 'Förebyggande och proaktivt arbete',
		terms: [
			'förebyggande', 'preventiv', 'prevention', 'proaktiv', 'proaktivt', 'reaktiv', 'reaktivt',
			'steget efter', 'tidigt', 'i tid', 'innan det händer', 'identifiera', 'riskbedömning',
			'uppföljning', 'följa upp'
		]
	},
	{
		id: 'kommunikation',
		label: 'Kommunikation och dialog',
		terms: [
			'kommunikation', 'kommunicera', 'dialog', 'samtal', 'prata', 'pratar', 'mötas', 'forum',
			'dialogforum', 'kontaktvägar', 'kanaler', 'missförstånd'
		]
	},
	{
		id: 'smarta-symtom',
		label: 'Smärta och symtom',
		terms: [
			'smärta', 'ont', 'värk', 'smärtskattning', 'illamående', 'andnöd', 'trötthet', 'trött',
			'symtom', 'förstoppning', 'blödning', 'blöder'
		]
	},
	{
		id: 'psykisk-halsa',
		label: 'Psykisk hälsa',
		terms: [
			'psykisk ohälsa', 'depression', 'nedstämd', 'ledsen', 'inåtvänd', 'ångest', 'psykiatri',
			'psykisk hälsa', 'mår dåligt'
		]
	},
	{
		id: 'boende',
		label: 'Boende',
		terms: [
			'särskilt boende', 'äldreboende', 'boende', 'korttidsboende', 'korttids', 'korttidsplats',
			'trygghetsboende', 'flytta', 'bostadsanpassning', 'servicehus'
		]
	},
	{
		id: 'egenvard',
		label: 'Egenvård',
		terms: [
			'egenvård', 'egenvårdsbedömning', 'klarar själv', 'eget ansvar', 'ta ansvar för min hälsa',
			'självständig'
		]
	},
	{
		id: 'ledning-styrning',
		label: 'Ledning och styrning',
		terms: [
			'ledning', 'styrning', 'chefer', 'ledningen', 'politik', 'beslut', 'prioritering',
			'prioritera', 'mandat', 'budget', 'finansiering', 'ersättning', 'ekonomi', 'kostnad'
		]
	},
	{
		id: 'lagstod-sekretess',
		label: 'Lagstöd och sekretess',
		terms: [
			'sekretess', 'samtycke', 'lagstöd', 'lagen', 'lag', 'juridik', 'juridiska',
			'patientdatalagen', 'vårdrelation', 'menprövning', 'behörighet'
		]
	},
	{
		id: 'bemotande',
		label: 'Bemötande',
		terms: [
			'bemötande', 'bemöter', 'respekt', 'respektfullt', 'otrevlig', 'vänlig', 'empati',
			'förståelse', 'värdighet', 'värdigt'
		]
	},
	{
		id: 'tolk-sprak',
		label: 'Språk och tolk',
		terms: [
			'tolk', 'språk', 'svenska', 'modersmål', 'språkbarriär', 'lättläst', 'förstår inte'
		]
	},
	{
		id: 'dygnet-runt',
		label: 'Kvällar, nätter och helger',
		terms: [
			'jour', 'jourtid', 'kväll', 'kvällar', 'natt', 'natten', 'nätter', 'helg', 'helgen',
			'helger', 'fredag', 'dygnet runt', 'efter kontorstid', 'obekväm arbetstid'
		]
	},
	{
		id: 'uppfoljning-kvalitet',
		label: 'Kvalitet och mätning',
		terms: [
			'kvalitetsregister', 'mätning', 'mäta', 'mätetal', 'avvikelse', 'avvikelser',
			'patientsäkerhet', 'kvalitet', 'indikatorer', 'resultat', 'senior alert'
		]
	},
	{
		id: 'sjukskoterska',
		label: 'Sjuksköterskans roll',
		terms: [
			'sjuksköterska', 'sjuksköterskan', 'sjuksköterskor', 'sköterska', 'sköterskan', 'ssk',
			'kommunsjuksköterska', 'omvårdnad'
		]
	}
];
