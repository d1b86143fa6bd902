# -*- coding: utf-8 -*-
from build_part1 import Q

# ---------------------------------------------------------------- claim
Q("Stämmer det att förskolenämnden fick över en miljon i EU-medel 2024?", "sv", "claim", "answered",
  "Nej. Förskolenämnden fick 917 000 kronor 2024 (2 projekt), alltså under en miljon.",
  "000", "Forskolenimnden 2 projekt 917 000 kronor",
  must=[917000], mustnot=[50500000],
  note="En verdikt baserad på 2022 års siffra för förvaltningen (ca 1,3 milj) är fel år.")

Q("Stämmer det att staden hade 60 EU-projekt 2024?", "sv", "claim", "answered",
  "Ja. 60 EU-projekt 2024 (54 år 2023).",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[60])

Q("Stämmer det att Malmö fick ungefär 50 miljoner i EU-medel 2024?", "sv", "claim", "answered",
  "Ja, avrundat men stämmer: cirka 50,5 miljoner kronor betalades ut i medfinansiering 2024.",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[50500000])

Q("Stämmer det att Malmö stad var projektägare i 47 EU-projekt 2022?", "sv", "claim", "answered",
  "Nej. Staden medverkade i 47 projekt (som ägare eller partner), men var projektägare i 20.",
  "001", "Malmö stad var under 2022 projektägare i 20 projekt vilka sammantagna hade ett budgetvärde på 78,8 miljoner.",
  must=[20, 47])

Q("Stämmer det att ASF fick drygt 4 miljoner kronor i EU-medel 2019?", "sv", "claim", "answered",
  "Ja. 4 029 253 kronor fördelat på åtta projekt.",
  "003", "Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen har under 2019 uppgått till 4 029 253 SEK fördelat på åtta projekt.",
  must=[4029253])

Q("Stämmer det att miljöförvaltningen fick mest EU-medel 2022?", "sv", "claim", "answered",
  "Nej. Arbetsmarknads- och socialförvaltningen fick mest (ca 8,3 miljoner kr); miljöförvaltningen fick ca 1,6 miljoner kr. Miljöförvaltningen deltog däremot i flest projekt (14).",
  "001", "Miljöförvaltningen ca 1,6 miljoner kr",
  must=[8300000, 1600000])

Q("Stämmer det att ICLEI-kongressen i Malmö samlade över 600 delegater?", "sv", "claim", "answered",
  "Ja. 625 delegater från 55 länder i maj 2022, plus över 200 digitala deltagare.",
  "001", "lockade i maj 2022 625 delegater till Malmö från 55 länder och över 200 deltagare från 43",
  must=[625])

Q("Stämmer det att antalet skjutningar minskade 2022?", "sv", "claim", "answered",
  "Nej. Skjutningarna ökade från 21 (2021) till 29 (2022), trots att texten inleds med att antalet 'fortsätter att minska varje år'. Sprängningarna var däremot låga (8).",
  "001", "Från 65 skjutningar år 2017 till 20 skjutningar 2020 och 21 skjutningar 2021. År 2022 har skjutningarna ökat lite igen till 29",
  must=[21, 29])

Q("Stämmer det att EU-medlen 2024 främst kom från Erasmus+?", "sv", "claim", "answered",
  "Nej. Medfinansieringen kom främst från Europeiska socialfonden (ESF-projekt 29 239 146 kr); Erasmus-projekt fick 8 309 537 kr.",
  "000", "Medfinansieringen 2024 kom frimst fran Europeiska Socialfonden, direfter fran Horisont-programmen, Erasmus+ samt Interreg-programmen.",
  must=[29239146, 8309537])

Q("Stämmer det att 1265 internationella besökare kom till Malmö 2019?", "sv", "claim", "answered",
  "Delvis. Siffran gäller inte alla besökare i Malmö, utan att stadsbyggnadskontorets studiebesöksverksamhet hanterade program för 1265 internationella besökare 2019.",
  "002", "Under 2019 hanterade studiebesöksverksamheten program för 1265 internationella besökare.",
  must=[1265])

Q("Stämmer det att ESF gav Malmö 30 miljoner 2024?", "sv", "claim", "answered",
  "Delvis. ESF-projekt fick 29 239 146 kr, alltså drygt 29,2 miljoner; 'nästan 30 miljoner' är en rimlig avrundning, men 'drygt' eller 'över 30 miljoner' stämmer inte.",
  "000", "ESF-projekt 29 239 146 kronor",
  must=[29239146])

Q("Stämmer det att hälsa-, vård- och omsorgsnämnden hade EU-projekt 2019?", "sv", "claim", "not_reported",
  "Rapporterna säger inget om det: för hälsa-, vård- och omsorgsnämnden står det 'Rapportering har ej inkommit' under alla rubriker i 2019 års redovisning.",
  "002", "Rapportering har ej inkommit",
  mustnot=[0],
  section="7.1.1 Förvaltningarnas prioriterade områden i det internationella arbetet",
  note="Svaret får inte bli 'nej' eller 0 – nämnden rapporterade inte.")

Q("Stämmer det att EU alltid står för halva projektkostnaden?", "sv", "claim", "answered",
  "Nej, inte längre. I 2022 års redovisning var andelen 50 %, men i nya programperioden täcker EU 40 % och sökande 60 %. 2024 års redovisning anger 40–60 % för social- och regionalfondsprojekt och att andelen skiftar i andra program.",
  "000", "EU:s medfinansiering stricker sig fran 40 procent till 60 procent for social- och regionalfondsprojekt och skiftar i andra program.",
  must=[40, 60, 50])

Q("Stämmer det att Malmökraften nådde sitt mål för hur många som skulle gå till arbete eller studier?", "sv", "claim", "answered",
  "Ja. Målet var 1800 av 4000 deltagare; till sista december 2022 hade 1870 av 4295 unika deltagare gått vidare till arbete eller studier. Obs att rapporten också anger 4,7 % av kvinnorna och 5,1 % av männen, vilket inte går ihop med dessa tal.",
  "001", "1870 har gått vidare till arbete eller studier",
  must=[1870, 1800])

Q("Stämmer det att Sluta skjut är ett ESF-projekt?", "sv", "claim", "answered",
  "Nej. Sluta skjut/GVI fick stöd från EU:s fond för inre säkerhet (IFS, i 2022 års text ISF), inte ESF.",
  "003", "Sluta skjut/GVI IFS 0 SEK 6",
  words=["inre säkerhet"])

Q("Stämmer det att tekniska nämnden hade fyra EU-projekt 2024?", "sv", "claim", "answered",
  "Ja. Tekniska nämnden hade 4 projekt och 1 660 000 (kr) i betalda EU-medel.",
  "000", "Tekniska namnden 4 projekt 1 660 000",
  must=[4])

Q("Stämmer det att staden samverkade med 275 externa aktörer under 2024?", "sv", "claim", "partial",
  "Det går inte att bekräfta för 2024 – 2024 års redovisning anger inget sådant antal. 275 externa aktörer är siffran för 2019.",
  "002", "Under året har förvaltningarna samverkat med 275 antal externa aktörer i projekten.",
  must=[275],
  note="Ett 'ja' är fel (fel år). Svaret ska säga att 275 avser 2019.")

Q("Stämmer det att kulturnämnden fick under en halv miljon 2024?", "sv", "claim", "answered",
  "Ja. Kulturnämnden fick 424 000 kronor (3 projekt).",
  "000", "Kulturnimnden 3 projekt 424 000 kronor",
  must=[424000])

Q("Stämmer det att Hela familjen fick ca 1,7 miljoner 2019?", "sv", "claim", "answered",
  "Ja, avrundat: 1 680 158 kronor (ESF) betalades ut till ASF för Hela familjen 2019.",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  must=[1680158])

Q("Stämmer det att Äldreomsorgslyftet gav nämnden nästan 42 miljoner?", "sv", "claim", "answered",
  "Nej. 41 889 445 kr var vad nämnden hade möjlighet att rekvirera; utfallet blev 24 887 000 kr.",
  "001", "Nämnden hade möjlighet att rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor.",
  must=[24887000, 41889445])

Q("Stämmer det att staden hade lika många EU-projekt 2022 som 2018?", "sv", "claim", "answered",
  "Ja. 47 projekt båda åren (2018 enligt 2019 års redovisning, 2022 enligt 2022 års redovisning).",
  "002", "Projektverksamheten har ökat från 47 EU-projekt på nationell och internationell nivå 2018 till 51 EU-projekt 2019.",
  must=[47])

Q("Is it true that the city's EU funding more than doubled between 2022 and 2024?", "en", "claim", "answered",
  "Roughly yes, with a caveat: about SEK 22.5 million in 2022 against about SEK 50.5 million in 2024 (×2.2). But the 2022 figure covers only projects where the city was project owner, while 2024 covers all paid co-financing, so the figures are not fully comparable.",
  "001", "Under 2022 utbetalades sammanlagt cirka 22,5 miljoner kronor i EU-medel till de projekt där Malmö stad var projektägare.",
  must=[22500000, 50500000],
  note="50,5 / 22,5 = 2,24.")

Q("Is it true that the environment department was the biggest EU project participant in 2022?", "en", "claim", "answered",
  "Yes, by number of projects: the environment department took part in 14 projects, the most. By money it was not: the labour market and social services administration received the most (about SEK 8.3 million vs about SEK 1.6 million).",
  "001", "• Miljöförvaltningen deltog i 14 projekt.",
  must=[14])

# ---------------------------------------------------------------- narrative
Q("Vad gjorde fritidsförvaltningen internationellt under 2022?", "sv", "narrative", "answered",
  "Deltog i två internationella konferenser om konstgräsplaner och finansiering av idrottsanläggningar, tog kontakt med Hamburg om konstgräs (från gummigranulat till sand) och ingår via Malmö Idrottsakademi i ett elitidrottssamarbete med Norden och Baltikum, där Malmö var värd 2022.",
  "001", "Fritidsförvaltningen har deltagit på två internationella konferenser om konstgräsplaner och hur idrottsanläggningar kan finansieras.",
  words=["konstgräs", "hamburg", "idrottsakademi"])

Q("Vad har förskoleförvaltningen gjort internationellt 2024?", "sv", "narrative", "answered",
  "Tagit emot rektorer och pedagoger från flera EU-länder som vill lära sig om Malmös språkutvecklande arbetssätt; Bokträdgården i Torup har lockat många nationella och internationella besökare med sitt hälsofrämjande och pedagogiska arbete.",
  "000", "Forskoleforvaltningen har tagit emot en rad rektorer och pedagoger fran flera andra EU-linder som dr intresserade av att ta lira sig mer om Malmé stads sprakutvecklande arbetssitt",
  words=["språkutvecklande", "torup"])

Q("Vilka internationella aktiviteter hade gymnasieskolorna 2024?", "sv", "narrative", "answered",
  "Malmö Borgarskola är Erasmusackrediterad och erbjöd elevutbyten, studieresor och utlandsförlagt lärande; Malmö Latinskola förberedde Erasmusackreditering 2025; Pauliskolan gjorde studie- och hågkomstresa till Sarajevo; S:t Petriskolan arrangerar European Youth Parliament; Neptuniskolan tog emot japanska elever; Citadellskolan förbereder sig som värdskola i ett Erasmus-projekt.",
  "000", "Malmé Borgarskola (MB) dr Erasmusackrediterad och erbjod under 2024 elevutbyten och studieresor",
  words=["borgarskola", "erasmus", "sarajevo"])

Q("Vilka samarbetar staden med i Sluta skjut?", "sv", "narrative", "answered",
  "Polisen, Kriminalvården och lokalsamhället/civilsamhället, med BRÅ; Brottsförebyggande rådet, polisens Nationella operativa avdelning och Kriminalvårdens nationella avdelning har spridnings- och utvärderingsansvar. Malmö universitet gjorde processutvärdering (2019).",
  "001", "Satsningen görs i samverkan mellan Malmö stad, Polisen, Kriminalvården och lokalsamhället.",
  words=["polisen", "kriminalvården"])

Q("Vad gjorde hälsa-, vård- och omsorgsförvaltningen internationellt 2024?", "sv", "narrative", "answered",
  "Deltar i en rad internationella nätverk; 2024 deltog förvaltningen i stadens ansökan till Världshälsoorganisationens nätverk för äldrevänliga städer, och medverkar med kulturförvaltningen i EU-projektet Perfare.",
  "000", "2024 deltog forvaltningen i1 stadens ansokan till Virldshilsoorganisationens nitverk fér ildrevinliga stider.",
  words=["äldrevänliga", "perfare"])

Q("Vad gjorde stadskontorets avdelning Omvärld och näringsliv internationellt 2022?", "sv", "narrative", "answered",
  "Bl.a. ICLEI:s världskongress i Malmö (625 delegater), Eurocities och UBC:s årsmöten, stöd till upphandlingsenheten i Procura+ och FN:s One planet network, projekten Ökad tillväxt i MalmöLund-regionen, Ett sammanhängande transportsystem och Öresundsmetron fas 4, ansökan till EU:s 100 klimatneutrala städer, Europa Direkt Lund och STRING-arbetet.",
  "001", "Avdelningen deltog också i projektledningen och arbetet med Malmö stads ansökan att bli en av EU’s 100 klimatneutrala städer 2030.",
  words=["iclei", "eurocities"])

Q("Vad har miljöförvaltningen gjort 2024?", "sv", "narrative", "answered",
  "Malmö är en av EU:s pilotstäder i NetZeroCities pilotprogram (klimatneutral 2030), bl.a. via Klimatomställning Malmö; inom förstudien Delaktighet i Klimatomställning Malmö och Interregprojektet Speak Up har metoder för medborgarinvolvering kartlagts och ett klimatrådslag hölls hösten 2024 med Klimatriksdagen, som gav 26 förslag.",
  "000", "EU-kommissionen har valt Malmo som en av EU:s pilotstider, NetZeroCities pilotprogram",
  words=["netzerocities", "klimatrådslag"])

Q("Vad gav Lillstjärnans EU-projekt för resultat?", "sv", "narrative", "answered",
  "Fler utmanande och tillgängliga musikmiljöer, barn som är mer medvetna om musikstilar och använder digitala verktyg, ökad självkänsla, större engagemang hos medarbetare och vårdnadshavare, och det blev lättare att rekrytera förskollärare. UHR valde projektet som best practice.",
  "002", "Projektet har även medfört att det blivit lättare att rekrytera förskollärare till arbetsplatsen",
  words=["musik", "rekrytera"])

Q("Vad gjorde kulturförvaltningen internationellt 2022?", "sv", "narrative", "answered",
  "Deltog i förberedelserna för en ansökan om europeisk kulturhuvudstad 2029 (KS beslutade i november att inte ansöka), stadsarkivet medverkade i Perfare och invigde tre snubbelstenar, Biblioteken i Malmö arbetade med Världens bibliotek, besök via UCLG, ICORN:s generalförsamling i Gdansk och kulturskolans besök på East Helsinki Music Institute.",
  "001", "I november fattade kommunstyrelsen beslut om att Malmö inte ska ansöka om att bli europeisk kulturhuvudstad 2029.",
  words=["kulturhuvudstad", "perfare"])

Q("Vad säger stadskontoret i sin bedömning av 2024 års redovisning?", "sv", "narrative", "answered",
  "Förvaltningarna visar stort engagemang; EU-projekten hänvisar till kommunfullmäktigemålen; ökningen av projekt förklaras av att externa medel behövs för att testa nya metoder när budgetramarna är strama; medel söks från fler fonder än tidigare; arbetet ligger väl i linje med policyn och redovisningen föreslås läggas till handlingarna.",
  "000", "Noteras kan i redovisningen f6r 2024 att medel s6ks fran fler olika fonder och program in tidigare.",
  words=["budgetramar", "fonder"])

Q("Vilka EU-projekt har funktionsstödsförvaltningen 2024?", "sv", "narrative", "answered",
  "Två parallella ESF-projekt om kompetensförsörjning och rekrytering: 'Breddad rekrytering Malmö stad' och 'Kompetensförsörjning genom att spegla Malmö' (det senare projektleds av stadskontorets HR-avdelning).",
  "000", "Funktionsstodsforvaltningen har under 2024 deltagit i tva parallella ESF-projekt med fokus pa kompetensférsorjning och rekrytering tillsammans med andra forvaltningar.",
  words=["breddad rekrytering", "spegla malmö", "esf"])

Q("Vilka länder samverkade staden mest med 2022?", "sv", "narrative", "answered",
  "Flest samarbeten var med EU-länderna Danmark, Finland, Spanien, Grekland, Portugal, Italien och Frankrike (av ett 30-tal länder totalt).",
  "001", "stads med ett 30-tal andra länder. Flest samarbeten skedde med EU-länderna Danmark, Finland, Spanien, Grekland, Portugal, Italien och Frankrike.",
  words=["danmark", "finland", "spanien"])

Q("Vad hände i ThaiWISE under 2022?", "sv", "narrative", "answered",
  "Samhällsinformationen på thailändska uppdaterades och lämnades till ambassadören i Bangkok, samverkan med thailändska ambassaden i Danmark startade (Norge visade intresse), förhandlingar fördes med Mobilia om ett Nuad Thai Center som invigs i mars 2023, och en studie startades med Lunds universitet.",
  "001", "förts förhandlingar med köpcentret Mobilia i Malmö om ett Nuad Thai Center",
  words=["nuad thai", "mobilia", "ambassad"])

Q("How did the environment department spread its project results in 2019?", "en", "narrative", "answered",
  "Via websites and social media (malmo.se and project sites), printed material, events (e.g. Climate KIC Innovation/Partner Days, project conferences and seminars), personal meetings, networks (ICLEI, Climate KIC, Eurocities, Alliance for Urban Sustainability) and the intranet with popular summaries of all projects.",
  "002", "- via nätverk (ICLEI, Climate KIC, Eurocities, Alliance for Urban Sustainability)",
  words=["iclei", "eurocities", "intranet"])

Q("Which countries did the labour market and social services administration exchange with in 2018?", "en", "narrative", "answered",
  "Among others Denmark, Italy, the Netherlands, Norway and the United Kingdom, through study visits and project cooperation; staff also visited Amsterdam in the Communities That Care/safety work.",
  "004", "Förvaltningen har under året haft utbyte med andra länder i form av studiebesök och projektsamverkan från bland annat Danmark, Italien, Nederländerna, Norge och Storbritannien.",
  words=["denmark", "italy", "netherlands", "norway"], section="3 Samverkansparter 2018")

# ---------------------------------------------------------------- not_reported
Q("Hur mycket EU-medel fick hälsa-, vård- och omsorgsnämnden 2019?", "sv", "not_reported", "not_reported",
  "Det redovisas inte: hälsa-, vård- och omsorgsnämnden lämnade ingen rapport för 2019 ('Rapportering har ej inkommit'). 2019 års redovisning anger bara stadens total, 25 mkr.",
  "002", "Rapportering har ej inkommit",
  mustnot=[0], section="7.1.1 Förvaltningarnas prioriterade områden i det internationella arbetet",
  note="0 är fel. Att nämna stadens 25 mkr som kontext är ok, men inte som nämndens siffra.")

Q("Hur mycket EU-medel fick stadsbyggnadskontoret 2022?", "sv", "not_reported", "not_reported",
  "Det redovisas inte. Stadsbyggnadskontoret lämnade ingen redovisning för 2022 ('Ej redovisat'/'Ej rapporterat') och finns inte i tabellen över utbetalda medel; M och C yrkade därför återremiss.",
  "001", "3.12 Stadsbyggnadskontoret Ej redovisat.",
  mustnot=[0, 444000],
  note="444 000 är stadsbyggnadsnämndens siffra 2024.")

Q("Hur mycket EU-medel betalades ut till Malmö stad 2021?", "sv", "not_reported", "not_reported",
  "Det framgår inte. För 2021 anges bara att åtta förvaltningar deltog i totalt 42 projekt; inga belopp redovisas.",
  "001", "Detta kan jämföras med föregående år då 8 förvaltningar medverkade i 42 projekt.",
  mustnot=[0, 22500000])

Q("Hur mycket EU-medel fick fritidsnämnden 2024?", "sv", "not_reported", "not_reported",
  "Det redovisas inte. Fritidsnämnden finns inte med i 2024 års tabell över nämndernas EU-projekt och betalda medel, även om fritidsförvaltningen nämns i ESF-projektet om barns rätt till lek, vila och fritid och i Erasmus-projektet U-LYNC.",
  "000", "Antalet EU-projekt hos nimnderna samt betalda EU-medel (avrundat till nirmsta 100 000-tal).",
  mustnot=[0])

Q("Hur många deltagare var det på jobbmässan på Kastrup?", "sv", "not_reported", "not_reported",
  "Det anges inte. Rapporten nämner bara att ASF medverkade i jobbmässan på Kastrup den 31 mars 2022, utan deltagarantal (de andra mässorna hade ca 3000, 300 och 2000).",
  "001", "o Jobbmässa på Kastrup (Köpenhamn) den 31 mars 2022.",
  mustnot=[0])

Q("Vad kostade Borgarskolans elevutbyten 2024?", "sv", "not_reported", "not_reported",
  "Det redovisas inte. Rapporten säger bara att Malmö Borgarskola är Erasmusackrediterad och erbjöd elevutbyten och studieresor 2024 – inga kostnader eller antal.",
  "000", "Malmé Borgarskola (MB) dr Erasmusackrediterad och erbjod under 2024 elevutbyten och studieresor",
  mustnot=[0, 8309537],
  note="8 309 537 är stadens totala Erasmus-medel 2024 – inte Borgarskolans kostnad.")

Q("Hur många elever åkte på utbyte under 2024?", "sv", "not_reported", "not_reported",
  "Det anges inte i 2024 års redovisning; den beskriver utbyten kvalitativt (Borgarskolan, Pauliskolan, Neptuniskolan m.fl.) men ger inga elevantal.",
  "000", "Malmé Borgarskola (MB) dr Erasmusackrediterad och erbjod under 2024 elevutbyten och studieresor",
  mustnot=[0])

Q("Hur mycket EU-medel fick staden under 2020?", "sv", "not_reported", "not_reported",
  "Det finns ingen redovisning för 2020 i underlaget (rapporterna gäller 2018, 2019, 2022 och 2024, med jämförelsetal för 2021 och 2023).",
  "001", "Detta kan jämföras med föregående år då 8 förvaltningar medverkade i 42 projekt.",
  mustnot=[0, 25000000, 22500000])

Q("Hur många skjutningar var det i Malmö 2023?", "sv", "not_reported", "not_reported",
  "Det redovisas inte. Senaste siffran i rapporterna är 29 skjutningar 2022.",
  "001", "År 2022 har skjutningarna ökat lite igen till 29",
  mustnot=[0])

Q("Hur mycket EU-medel fick serviceförvaltningen 2022?", "sv", "not_reported", "not_reported",
  "Det redovisas inte. Serviceförvaltningen deltog i 1 projekt 2022 men finns inte med i tabellen över utbetalda EU-medel; den uppger att inga projektansökningar hanterats.",
  "001", "• Serviceförvaltningen deltog i 1 projekt.",
  mustnot=[0])

Q("Hur mycket fick kulturförvaltningen i EU-medel 2022?", "sv", "not_reported", "not_reported",
  "Det redovisas inte. Kulturförvaltningen deltog i 1 projekt 2022 men saknas i tabellen över utbetalda EU-medel per förvaltning (tabellen avser projekt där staden var projektägare).",
  "001", "• Kulturförvaltningen deltog i 1 projekt.",
  mustnot=[0, 424000],
  note="424 000 är kulturnämndens siffra 2024.")

Q("Vad var den sammanlagda budgeten för alla EU-projekt 2024?", "sv", "not_reported", "not_reported",
  "Det anges inte. 2024 års redovisning ger bara spannet för enskilda projektbudgetar (70 000 kr till 220 000 000 kr) och betalda medel (ca 50,5 milj).",
  "000", "Spinnvidden mellan respektive projekts totala projektbudget kan skifta fran 70 000 kronor f6r mindre Erasmus-projekt till 220 000 000 kronor for stora Horisont-projekt.",
  mustnot=[0, 725000000, 78800000],
  note="725 mkr gäller 2019, 78,8 milj gäller 2022.")

Q("I hur många EU-projekt var Malmö stad projektägare 2024?", "sv", "not_reported", "not_reported",
  "Det anges inte för 2024; redovisningen ger bara totalt 60 projekt. För 2022 var staden projektägare i 20 projekt.",
  "000", "Flera nimnder kan inga 1 samma EU-projekt, 1 egenskap av projektigare eller projektpartner.",
  mustnot=[0])

Q("Hur många internationella besökare tog stadsbyggnadskontoret emot 2022?", "sv", "not_reported", "not_reported",
  "Det redovisas inte – stadsbyggnadskontoret rapporterade inte för 2022. Senaste siffran är 1265 internationella besökare 2019.",
  "001", "3.12 Stadsbyggnadskontoret Ej redovisat.",
  mustnot=[0])

Q("How much EU funding did the culture committee get in 2019?", "en", "not_reported", "not_reported",
  "Not reported. The 2019 report gives no amounts per committee (only the city total of SEK 25 million); the culture chapter describes StickUt Malmö, UCLG and Wisdome Innovation without amounts.",
  "002", "Den utbetalda andelen EU-medel till förvaltningarna uppgår till 25 mkr.",
  mustnot=[0, 424000])

Q("How many people did the Bortom Malmö project actually place in jobs?", "en", "not_reported", "not_reported",
  "Not reported. The 2022 report only gives targets: 160 enrolled (80 women, 80 men), of whom 40% should move on to work or studies.",
  "001", "Det förväntade resultatet för projektet är att 160 individer (80 kvinnor och 80 män) ska skrivas in i projektet och att 40% av dessa går vidare till arbete eller studier (50% män och 50% kvinnor).",
  mustnot=[0, 64],
  note="64 (= 40 % av 160) är ett mål, inte ett utfall.")

# ---------------------------------------------------------------- partial
Q("Hur mycket ESF-pengar fick arbetsmarknads- och socialnämnden 2024?", "sv", "partial", "partial",
  "Det redovisas inte per fond och nämnd. Det som finns: ASN fick totalt 25 660 000 kr 2024 (alla fonder, 10 projekt), och staden totalt 29 239 146 kr till ESF-projekt.",
  "000", "Arbetsmarknads- och socialnimnden 10 projekt 25 660 000 kronor",
  must=[25660000], mustnot=[0],
  note="Svaret får inte påstå att 25 660 000 eller 29 239 146 är ASN:s ESF-medel.")

Q("Hur mycket EU-medel fick miljöförvaltningen 2019?", "sv", "partial", "partial",
  "2019 års redovisning anger inga belopp per förvaltning, bara stadens total (25 mkr). För miljöförvaltningen anges att cirka 17 tjänster i årsgenomsnitt och cirka 57 personer helt eller delvis finansierades med EU-medel.",
  "002", "Miljöförvaltningen har ett årsgenomsnitt med cirka 17 EU-finansierade tjänster och sammanlagt fick cirka 57 personer del- eller helfinansiering via EU-medel under 2019",
  must=[17, 57], mustnot=[0])

Q("Hur många elever deltog i utbytena 2022 och vad kostade det?", "sv", "partial", "partial",
  "Det finns inga totalsiffror för elever eller kostnader. Rapporten ger bara enskilda exempel, t.ex. 10 ungdomar från Hermodsdal i LEMA, ett tjugotal elever som testas för språkdiplom på Borgarskolan och förskolans Erasmusbudget (54 450 + 106 750 euro, som gäller personal, inte elever).",
  "001", "Från Malmö deltog 10 ungdomar från Hermodsdal och fyra professionella",
  must=[10], mustnot=[0])

Q("Hur mycket EU-pengar fick grundskolan 2023?", "sv", "partial", "partial",
  "2023 redovisas inte per nämnd; det finns bara en stadsomfattande siffra, cirka 43 miljoner kronor. Grundskolenämnden fick 5 900 000 kr 2024, och grundskoleförvaltningen ca 2,7 miljoner kr 2022.",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[43000000], mustnot=[0])

Q("Hur mycket EU-medel fick Malmö stad totalt 2018?", "sv", "partial", "partial",
  "En stadstotal för 2018 finns inte i underlaget. Det som finns: arbetsmarknads- och socialförvaltningen fick 20 038 526 kr 2018, och staden hade 47 EU-projekt 2018.",
  "004", "Arbetsmarknads- och socialförvaltningen\t20 038 526",
  must=[20038526], mustnot=[0, 25000000], section="2 EU-medel 2018",
  note="25 mkr är 2019 års total.")

Q("Hur mycket betalades ut per fond 2022?", "sv", "partial", "partial",
  "Belopp per fond redovisas inte för 2022. Rapporten ger bara en rangordning av projekten efter fond (Erasmus först) och totalen ca 22,5 miljoner kr, fördelad per förvaltning och per kommunfullmäktigemål.",
  "001", "medfinansieras främst av ERASMUS+, därefter ESF+, ERUF, Horizon och Interreg i fallande ordning.",
  must=[22500000], mustnot=[29239146])

Q("Hur mycket EU-pengar fick Hela familjen 2018?", "sv", "partial", "partial",
  "2018 års redovisning anger inga belopp per projekt (bara ASF:s total 20 038 526 kr). Det som finns: 1 680 158 kr betalades ut för Hela familjen 2019.",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  must=[1680158], mustnot=[0])

Q("Hur många deltog i Malmökraften 2024?", "sv", "partial", "partial",
  "2024 års redovisning anger inget deltagarantal, bara att ESF-projektet avslutades vid årsskiftet och att modellen nu sprids till Stockholm och Halmstad. Enligt 2022 års redovisning hade 4295 unika deltagare deltagit till sista december 2022.",
  "000", "Vid arsskiftet avslutades ESF-projektet Malmokraften som syftat till att minska lingtidsarbetslosheten.",
  must=[4295], mustnot=[0])

Q("Hur mycket EU-pengar fick Sluta skjut 2022?", "sv", "partial", "partial",
  "Inga EU-medel redovisas för 2022: EU-projektet (ISF) avslutades under 2021 och arbetet fortsatte i ordinarie verksamhet. Senaste redovisade belopp är 0 kr under 2019 (utbetalning i januari 2020).",
  "001", "Det EU-finansierade projektet, med finansiellt stöd av EU:s internationella säkerhetsfond (ISF), avslutades under 2021.",
  mustnot=[])

Q("Hur mycket EU-medel fick förskoleförvaltningen 2019?", "sv", "partial", "partial",
  "Det redovisas inte per förvaltning 2019. Förskoleförvaltningen hade Erasmus+-projektet på Lillstjärnans förskola (avslutat september 2019); stadens total 2019 var 25 mkr.",
  "002", "Med medel från Erasmus+ Strategiskt partnerskap skola inleddes i september 2017 ett EU-projekt vid en av förvaltningens förskolor, Lillstjärnans förskola.",
  mustnot=[0, 917000])

Q("Hur många personer arbetar med internationella frågor i hela staden?", "sv", "partial", "partial",
  "Någon total anges inte. Exempel: stadskontoret har tre tjänster (inkl. Brysselkontoret), ASF två medarbetare på deltid (2019), miljöförvaltningen ca 17 EU-finansierade tjänster (2019), tekniska förvaltningen drygt en heltidstjänst (2019).",
  "002", "Stadskontoret, som har det kommunövergripande ansvaret för internationellt arbete, har tre heltidstjänster för uppdraget varav den ena tjänsten utgörs av Malmö stads kontor i Bryssel",
  must=[3], mustnot=[0])

Q("Hur mycket var Malmö stads del av projektvärdet 2019?", "sv", "partial", "partial",
  "Stadens andel av projektvärdet redovisas inte. Det som anges är det totala projektvärdet för de 51 EU-projekten, cirka 725 mkr, och de utbetalda EU-medlen till förvaltningarna, 25 mkr.",
  "002", "Det totala projektvärdet av de 51 EU-projekten på nationell och internationellt plan är cirka 725 mkr.",
  must=[725000000, 25000000])

Q("How much did Malmö receive from Interreg in 2022?", "en", "partial", "partial",
  "Not reported per fund for 2022. The report only ranks projects by fund (Erasmus first) and gives the total of about SEK 22.5 million. For 2024 Interreg projects got SEK 635,342.",
  "001", "Under 2022 utbetalades sammanlagt cirka 22,5 miljoner kronor i EU-medel till de projekt där Malmö stad var projektägare.",
  must=[22500000], mustnot=[0])

Q("How many staff does the labour market and social services administration have for EU work today?", "en", "partial", "partial",
  "The latest figure is from 2019: two employees who work on EU/international matters as part of their jobs (one in 2018). Later reports do not give a number.",
  "002", "Arbetsmarknads- och socialförvaltningen har två medarbetare som arbetar med EU/internationella frågor som en del av sin tjänst.",
  must=[2], mustnot=[0])
