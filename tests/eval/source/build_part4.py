# -*- coding: utf-8 -*-
from build_part1 import Q

# ---------------------------------------------------------------- colloquial (+ followups placed right after their parent)
Q("hur mkt fick kulturforv 2024", "sv", "colloquial", "answered",
  "Kulturnämnden hade 3 EU-projekt och 424 000 kr i betalda EU-medel 2024 (redovisas per nämnd).",
  "000", "Kulturnimnden 3 projekt 424 000 kronor",
  must=[424000], mustnot=[444000])

Q("och 2022?", "sv", "followup", "not_reported",
  "För 2022 redovisas inget belopp för kulturförvaltningen: den deltog i 1 projekt men finns inte med i tabellen över utbetalda EU-medel (som gäller projekt där staden var projektägare).",
  "001", "• Kulturförvaltningen deltog i 1 projekt.",
  mustnot=[0, 424000], fu=True,
  note="Följdfråga: gäller kulturförvaltningen 2022.")

Q("gymnasie o vux hur manga projekt 2022", "sv", "colloquial", "answered",
  "Gymnasie- och vuxenutbildningsförvaltningen deltog i 5 EU-projekt 2022 (och fick ca 3,9 miljoner kr).",
  "001", "• Gymnasie- och vuxenutbildningsförvaltningen deltog i 5 projekt.",
  must=[5])

Q("and in English?", "en", "followup", "answered",
  "In 2022 the upper secondary and adult education administration took part in 5 EU projects and received about SEK 3.9 million in EU funds.",
  "001", "• Gymnasie- och vuxenutbildningsförvaltningen deltog i 5 projekt.",
  must=[5], fu=True)

Q("miljoforv antal eu projekt 2022?", "sv", "colloquial", "answered",
  "Miljöförvaltningen deltog i 14 EU-projekt 2022 – flest av alla förvaltningar.",
  "001", "• Miljöförvaltningen deltog i 14 projekt.",
  must=[14], mustnot=[25])

Q("hur mkt pengar fick de då?", "sv", "followup", "answered",
  "Ca 1,6 miljoner kr i utbetalda EU-medel 2022.",
  "001", "Miljöförvaltningen ca 1,6 miljoner kr",
  must=[1600000], mustnot=[10404000], fu=True)

Q("ASF eu pengar 2022?", "sv", "colloquial", "answered",
  "Arbetsmarknads- och socialförvaltningen fick ca 8,3 miljoner kr i utbetalda EU-medel 2022 – mest av förvaltningarna.",
  "001", "Arbetsmarknads och socialförvaltningen ca 8,3 miljoner kr",
  must=[8300000], mustnot=[25660000, 4029253])

Q("och 2019?", "sv", "followup", "answered",
  "2019: 4 029 253 kr, fördelat på åtta projekt (ASN:s tjänsteskrivelse).",
  "003", "Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen har under 2019 uppgått till 4 029 253 SEK fördelat på åtta projekt.",
  must=[4029253], mustnot=[8300000], fu=True)

Q("vilket projekt fick mest då?", "sv", "followup", "answered",
  "Hela familjen: 1 680 158 kr 2019.",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  must=[1680158], words=["hela familjen"], fu=True)

Q("vilken fond var det?", "sv", "followup", "answered",
  "Europeiska socialfonden (ESF).",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  words=["esf"], fu=True)

Q("FGK eu medel 2022", "sv", "colloquial", "answered",
  "Fastighets- och gatukontoret fick ca 3,4 miljoner kr i utbetalda EU-medel 2022 (2 projekt).",
  "001", "Fastighets- och gatukontoret ca 3,4 miljoner kr",
  must=[3400000])

Q("SBK 2024 hur mkt", "sv", "colloquial", "answered",
  "Stadsbyggnadsnämnden: 1 projekt och 444 000 kr i betalda EU-medel 2024.",
  "000", "Stadsbyggnadsnimnden 1 projekt 444 000 kronor",
  must=[444000], mustnot=[424000])

Q("grundskolan eu-pengar 2024", "sv", "colloquial", "answered",
  "Grundskolenämnden hade 9 EU-projekt och 5 900 000 kr i betalda EU-medel 2024.",
  "000", "Grundskolenimnden 9 projekt 5900 000 kronor",
  must=[5900000, 9], mustnot=[2700000])

Q("vad ar happ", "sv", "colloquial", "answered",
  "HÅPP (Hållbar plattform för kompetensutveckling) är funktionsstödsförvaltningens tvååriga ESF-projekt från mars 2019 för kompetensutveckling av medarbetare och ledare inom LSS, med normkritiskt perspektiv och flipped classroom.",
  "002", "Projektet *Hållbar plattform för kompetensutveckling (HÅPP)* är tvåårigt och startade sista mars 2019.",
  words=["kompetensutveckling", "funktionsstöd", "esf"])

Q("hur manga medarbetare kartlades?", "sv", "followup", "answered",
  "297 medarbetare och chefer kartlades.",
  "002", "HÅPP har genomfört kompetenskartläggning av 297 medarbetare och chefer.",
  must=[297], fu=True)

Q("hur manga eu projekt hade stan 2019", "sv", "colloquial", "answered",
  "51 EU-projekt 2019 (47 år 2018).",
  "002", "Projektverksamheten har ökat från 47 EU-projekt på nationell och internationell nivå 2018 till 51 EU-projekt 2019.",
  must=[51])

Q("och året innan?", "sv", "followup", "answered",
  "2018: 47 EU-projekt.",
  "002", "Projektverksamheten har ökat från 47 EU-projekt på nationell och internationell nivå 2018 till 51 EU-projekt 2019.",
  must=[47], mustnot=[51], fu=True)

Q("tekniska namnden projekt 2024?", "sv", "colloquial", "answered",
  "Tekniska nämnden: 4 EU-projekt och 1 660 000 kr 2024.",
  "000", "Tekniska namnden 4 projekt 1 660 000",
  must=[4, 1660000])

Q("ASN 2018 eu medel totalt", "sv", "colloquial", "answered",
  "20 038 526 kr i utbetalda EU-medel 2018 (tabell 1).",
  "004", "Summa\t20 038 526",
  must=[20038526], section="2 EU-medel 2018")

Q("funktionsstod hur manga projekt 2022", "sv", "colloquial", "answered",
  "Funktionsstödsförvaltningen deltog i 1 projekt 2022 (Malmö tillsammans, finansierat bl.a. via Europeiska regionalfonden).",
  "001", "• Funktionsstödsförvaltningen deltog i 1 projekt",
  must=[1])

Q("hvof cities changing diabetes va e de", "sv", "colloquial", "answered",
  "Cities Changing Diabetes är ett program som Malmö stad gick med i 2019 tillsammans med Malmö universitet, Novo Nordisk och Region Skåne, för att förstå och stoppa ökningen av typ 2-diabetes. Fler än 40 städer ingår; Malmö var först i Sverige. HVOF arbetar med kompetens kring diabetes, med början i Rosengård.",
  "001", "Förutom Malmö ingår fler än 40 städer runt om i världen",
  must=[40], words=["diabetes", "novo nordisk"])

Q("forskoleforv erasmus pengar delprojekt 1", "sv", "colloquial", "answered",
  "Delprojekt ett tilldelades 54 450 euro under 2021 (delprojekt två fick 106 750 euro 2022).",
  "001", "delades en budget på totalt 54 450 euro. Under 2022 har delprojekt två tilldelats 106 750 euro och fler utbyten planeras.",
  must=[54450])

Q("miljonamnden pengar 2024", "sv", "colloquial", "answered",
  "Miljönämnden: 10 404 000 kr i betalda EU-medel och 25 projekt 2024.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[10404000])

Q("STK hur manga tjanster for internationellt", "sv", "colloquial", "answered",
  "Tre: avdelningen Omvärld och näringsliv har avsatt tre tjänstepersoner, varav en är Brysselkontoret (både 2019 och 2022).",
  "001", "Avdelningen för Omvärld och Näringsliv har avsatt tre tjänstepersoner för det internationella",
  must=[3])

Q("grundskolan hur manga projekt 2022 vs 2024", "sv", "colloquial", "answered",
  "2022: grundskoleförvaltningen 12 projekt; 2024: grundskolenämnden 9 projekt.",
  "001", "• Grundskoleförvaltningen deltog i 12 projekt.",
  must=[12, 9])

Q("sluta skjut skjutningar 2022", "sv", "colloquial", "answered",
  "29 skjutningar 2022, jämfört med 21 år 2021.",
  "001", "År 2022 har skjutningarna ökat lite igen till 29",
  must=[29])

Q("och sprängningar?", "sv", "followup", "answered",
  "8 sprängningar 2022 – lägre än det tidigare lägsta, 17 år 2020.",
  "001", "Sprängningarna år 2022 ligger dock så lågt som 8 st. Det lägsta vi haft förut är 17 år 2020",
  must=[8], fu=True)

# ---------------------------------------------------------------- more followups
Q("Hur många EU-projekt var Malmö med i 2022?", "sv", "text_figure", "answered",
  "47 EU-projekt, som projektägare eller partner, med 10 förvaltningar.",
  "001", "Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt, antingen som projektägare eller projektpartner, att jämföra med 2021 då åtta förvaltningar deltog i totalt 42 projekt.",
  must=[47])

Q("i hur många av dem var staden projektägare?", "sv", "followup", "answered",
  "20 projekt.",
  "001", "Malmö stad var under 2022 projektägare i 20 projekt vilka sammantagna hade ett budgetvärde på 78,8 miljoner.",
  must=[20], fu=True)

Q("och vad hade de för budget sammanlagt?", "sv", "followup", "answered",
  "De 20 projekten hade ett sammanlagt budgetvärde på 78,8 miljoner kronor.",
  "001", "Malmö stad var under 2022 projektägare i 20 projekt vilka sammantagna hade ett budgetvärde på 78,8 miljoner.",
  must=[78800000], fu=True)

Q("Vilken nämnd hade flest EU-projekt förra året (2024)?", "sv", "rank", "answered",
  "Miljönämnden, med 25 projekt.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[25], words=["miljö"])

Q("hur mycket fick de?", "sv", "followup", "answered",
  "10 404 000 kronor i betalda EU-medel 2024.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[10404000], mustnot=[25660000], fu=True)

Q("Vad är STRIVE?", "sv", "project", "answered",
  "Ett projekt om hållbara evenemang och cirkulär ekonomi i festivalplanering i södra Östersjöregionen, som fastighets- och gatukontoret projektlett 2024 med stöd från miljöförvaltningen; Malmöfestivalen står i centrum.",
  "000", "Under 2024 har forvaltningen projektlett det Interregfinansierade projektet STRIVE med st6d fran milj6férvaltningen.",
  words=["evenemang", "malmöfestivalen"])

Q("vilken fond?", "sv", "followup", "answered",
  "Interreg.",
  "000", "Under 2024 har forvaltningen projektlett det Interregfinansierade projektet STRIVE med st6d fran milj6férvaltningen.",
  words=["interreg"], fu=True)

Q("Hur många deltagare hade jobbmässan i Malmö i april 2022?", "sv", "text_figure", "answered",
  "Cirka 300 deltagare (20 april 2022).",
  "001", "o Jobbmässa i Malmö med cirka 300 deltagare den 20 april 2022.",
  must=[300], mustnot=[3000, 2000])

Q("och den i oktober?", "sv", "followup", "answered",
  "Jobbmässan i Malmö den 25 oktober 2022 hade cirka 2000 deltagare.",
  "001", "o Jobbmässa i Malmö med cirka 2000 deltagare den 25 oktober 2022.",
  must=[2000], mustnot=[300], fu=True)

Q("How much EU money was paid out in Malmö in 2024?", "en", "english", "answered",
  "About SEK 50.5 million was paid out in co-financing in 2024.",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[50500000], mustnot=[22500000])

Q("and in 2023?", "en", "followup", "answered",
  "About SEK 43 million in 2023.",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[43000000], mustnot=[50500000], fu=True)

Q("and how many projects was that?", "en", "followup", "answered",
  "54 EU projects in 2023 (60 in 2024).",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[54], fu=True)

Q("Vad var Äldreomsorgslyftet?", "sv", "narrative", "answered",
  "Ett riktat statsbidrag till hälsa-, vård- och omsorgsnämnden 2022, delvis finansierat av EU-medel via Faciliteten för återhämtning och resiliens (Sveriges återhämtningsplan), som lät personal studera på betald arbetstid; drygt 200 vårdbiträden blev undersköterskor.",
  "001", "Nämnden hade möjlighet att rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor.",
  words=["statsbidrag", "återhämtning", "undersköterskor"])

Q("hur mycket av pengarna användes?", "sv", "followup", "answered",
  "Utfallet blev 24 887 000 kr av möjliga 41 889 445 kr (ca 59 %).",
  "001", "Nämnden hade möjlighet att rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor.",
  must=[24887000], fu=True)

Q("Hur många Call in gjordes i Sluta skjut 2019?", "sv", "text_figure", "answered",
  "Två Call in under 2019, med cirka 10 deltagare vid varje tillfälle.",
  "002", "Under 2019 har det skett uppsökande verksamhet inom projektet genom bland annat två ”Call in”. Vid varje tillfälle har cirka 10 personer deltagit.",
  must=[2])

Q("och 2022?", "sv", "followup", "answered",
  "2022: ett Call in och 13 custom notifications.",
  "001", "2022 har Malmö genomfört ett Call in och 13 custom notification.",
  must=[1, 13], mustnot=[2], fu=True)

Q("Vilka partnerstäder fanns i AMIF-ansökan?", "sv", "project", "answered",
  "ASF ansökte tillsammans med förskoleförvaltningen om att bli partner i ett AMIF-finansierat samarbete med Bryssel, Nürnberg, Wien, Zaragoza ('Sargosa') och Vanda, för mobila integrationsinsatser som ska öka andelen barn på förskolor i utsatta områden.",
  "003", "Andra städer som ingår i samarbetet är Bryssel, Nurnberg, Wien, Sargosa och Vanda.",
  words=["bryssel", "wien", "vanda"])

Q("blev den beviljad?", "sv", "followup", "not_reported",
  "Det framgår inte. Tjänsteskrivelsen för 2019 säger bara att ansökan lämnats ('Om ansökan beviljas ...'); senare rapporter nämner inte utfallet.",
  "003", "Om ansökan beviljas avser Malmö stad genom projektet genomföra riktade mobila integrationsinsatser för att öka andelen barn på förskolor i utsatta områden.",
  fu=True)

Q("Vad fick GVF i EU-pengar 2024?", "sv", "table_figure", "answered",
  "Gymnasie- och vuxenutbildningsnämnden: 3 813 000 kr, 5 projekt.",
  "000", "Gymnasie- och vuxenutbildningsnimnden 5 projekt 3813 000 kronor",
  must=[3813000])

Q("stämmer det att det är mindre än 2022?", "sv", "followup", "answered",
  "Ja, marginellt: 3 813 000 kr 2024 mot ca 3,9 miljoner kr 2022 – ca 87 000 kr mindre. Jämförelsen är grov, eftersom 2022 avser förvaltningen och projekt där staden var projektägare, och beloppet då bara anges avrundat.",
  "001", "Gymnasie- och vuxenutbildningsförvaltningen ca 3,9 miljoner kr",
  must=[3813000, 3900000], fu=True)

# ---------------------------------------------------------------- inconsistency
Q("Går förvaltningarnas projektantal 2022 ihop med totalen 47?", "sv", "inconsistency", "answered",
  "Nej. Listan per förvaltning summerar till 48 (14+12+8+5+2+1+1+2+2+1), medan rapporten anger 47 projekt. Skillnaden kan bero på att flera förvaltningar deltar i samma projekt, men rapporten förklarar det inte.",
  "001", "Under året medverkade 10 av stadens förvaltningar i 47 EU-projekt, antingen som projektägare eller projektpartner.",
  must=[48, 47],
  note="Operander: de tio punkterna i listan 'Fördelningen mellan förvaltningarna var som följer' (001).")

Q("Stämmer programtabellen 2024 med totalen 50,5 miljoner?", "sv", "inconsistency", "answered",
  "Inte helt. Programtabellen summerar till 49 834 469 kr (29 239 146 + 9 239 146 + 635 342 + 8 309 537 + 2 411 298), ca 0,7 miljoner mindre än 'cirka 50,5 miljoner'. Nämndtabellen summerar däremot till 50 468 000 kr. ESF- och Horisont-beloppen har också identiska sju sista siffror (29 239 146 och 9 239 146), vilket kan tyda på ett skrivfel.",
  "000", "Betalda medel 2024 férdelat pa program",
  must=[49834469, 50500000],
  note="Operander: de fem raderna i 'Betalda medel 2024 fördelat på program' (000).")

Q("Nämndernas projekt 2024 summerar inte till 60 – varför?", "sv", "inconsistency", "answered",
  "Nämndtabellen summerar till 63 projekt (10+2+9+5+4+3+25+1+4) mot 60 EU-projekt totalt. Rapporten anger att flera nämnder kan ingå i samma projekt, vilket kan förklara skillnaden. Projekten per kommunfullmäktigemål summerar till 77, eftersom projekt kan kopplas till flera mål.",
  "000", "Flera nimnder kan inga 1 samma EU-projekt, 1 egenskap av projektigare eller projektpartner.",
  must=[63, 60])

Q("Är beloppen i 2024 års nämndtabell verkligen avrundade till hundratusental?", "sv", "inconsistency", "answered",
  "Nej, inte alla. Rubriken säger 'avrundat till närmsta 100 000-tal', men flera belopp är inte det, t.ex. 25 660 000, 917 000, 3 813 000, 1 246 000, 424 000, 10 404 000 och 444 000. Bara 5 900 000 är jämnt hundratusental.",
  "000", "Antalet EU-projekt hos nimnderna samt betalda EU-medel (avrundat till nirmsta 100 000-tal).",
  must=[917000, 25660000])

Q("Vilket år ska byggsektorn i Malmö bli klimatneutral enligt 2024 års redovisning?", "sv", "inconsistency", "answered",
  "Texten om Färdplanen för klimatneutralt byggande säger 'klimatneutralitet 2023', vilket sannolikt är ett skrivfel för 2030: samma dokument säger att NetZeroCities-städerna ska bli klimatneutrala 2030, och nätverket heter LFM30 (Lokal Färdplan Malmö 2030).",
  "000", "byggnader och byggprojekt i Malmé och uppna klimatneutralitet 2023.",
  must=[2023, 2030])

Q("Stämmer ASN:s måltabell 2018 med totalen?", "sv", "inconsistency", "answered",
  "Nästan. Tabell 3 (per budgetmål) summerar till 20 038 525 kr, medan tabell 1 anger 20 038 526 kr – 1 krona skillnad, troligen avrundning. Delarna 19 328 949 + 402 264 + 307 312 = 20 038 525.",
  "004", "Summa\t20 038 525",
  must=[20038525, 20038526], section="2 EU-medel 2018")

Q("Hur många i Hela familjen 2.0 blev självförsörjande – 185 eller 187?", "sv", "inconsistency", "answered",
  "Rapporterna skiljer sig: ASN:s 2018-rapport anger 185 självförsörjande, stadens 2019-rapport 187. Båda anger över 800 deltagare, över 300 avslutade och projektmålet 120. Skillnaden kan bero på olika mättidpunkt, men det förklaras inte.",
  "002", "Under projekttiden har över 300 deltagare avslutats till arbete, studier eller andra orsaker varav 187 nu är självförsörjande, projektmålet var 120 avslutade individer till självförsörjning.",
  must=[185, 187],
  note="2018: 'Under projekttiden har över 300 deltagare lämnat projektet för arbete, studier eller andra orsaker varav 185 nu är självförsörjande.' (004).")

Q("Stämmer det som står om sprängningar 2017 i Sluta skjut-texten?", "sv", "inconsistency", "answered",
  "Texten har ett årtalsfel: 'det låg så högt som 62 år 1017' – sannolikt menas 2017. Samma stycke säger att skjutningarna 'fortsätter att minska varje år', trots att de ökade från 21 (2021) till 29 (2022).",
  "001", "Det lägsta vi haft förut är 17 år 2020 men det låg så högt som 62 år 1017.",
  must=[62])

Q("Går Malmökraftens procentsiffror ihop med deltagartalen?", "sv", "inconsistency", "answered",
  "Nej. 1870 av 4295 deltagare gick till arbete eller studier (ca 43,5 %), men texten säger samtidigt att 4,7 % av kvinnorna och 5,1 % av männen gick vidare till arbete eller studier. Procentsiffrorna stämmer inte med antalen.",
  "001", "En lika stor andel kvinnor som män 50/50, har medverkat i projektet, varav 4,7% av kvinnorna och 5,1% av männen har gått vidare till arbete eller studier.",
  must=[4.7, 5.1, 43.5])

Q("I vilken ordning fördelas 2022 års projekt på fonder?", "sv", "inconsistency", "answered",
  "Dokumenten säger olika. Tjänsteskrivelsen: Erasmus+, ESF+, ERUF, Horizon, Interreg. Rapporten: Erasmus, Europeiska regionalfonden, Europeiska socialfonden, Interreg, Horizon 2020 samt EuropeAid, Rights, Equality and Citizenship och Creative Europe. Båda sätter Erasmus först, men ordningen för ESF/ERUF och Horizon/Interreg skiljer sig.",
  "001", "Eu-projekten fördelas i fallande ordning på Erasmus, Europeiska regionalfonden,",
  words=["erasmus"],
  note="Andra citat: 'medfinansieras främst av ERASMUS+, därefter ESF+, ERUF, Horizon och Interreg i fallande ordning.' (001, tjänsteskrivelsen).")

Q("När tog Malmö innovationsarena slut?", "sv", "inconsistency", "answered",
  "Uppgifterna skiljer sig: ASN:s 2018-rapport säger att projektet pågår till juni 2019, stadens 2019-rapport att det pågår till och med sista december 2019.",
  "002", "Projektet pågår fram till och med sista december 2019.",
  words=["juni", "december"],
  note="2018: 'Projektet pågår till år juni 2019.' (004).")

Q("Betalades ASF:s EU-medel 2019 verkligen ut till åtta projekt?", "sv", "inconsistency", "answered",
  "Inte riktigt. Texten säger att 4 029 253 kr fördelades på åtta projekt, men i tabellen har Sluta skjut/GVI 0 kr (utbetalning sker januari 2020), så bara sju projekt fick pengar 2019.",
  "003", "Sluta skjut/GVI IFS 0 SEK 6",
  must=[8, 7, 0])

Q("Var projektverksamheten låg eller hög 2022 jämfört med 2021?", "sv", "inconsistency", "answered",
  "Rapporten motsäger sig själv. Sammanfattningen säger att projektverksamheten är 'fortsatt relativt låg även under 2022 jämfört med 2021', men siffrorna visar en ökning från 42 projekt (8 förvaltningar) 2021 till 47 projekt (10 förvaltningar) 2022.",
  "001", "EU:s nya programperiod 2021–2027 har inletts men projektverksamheten är fortsatt relativt låg även under 2022 jämfört med 2021.",
  must=[42, 47])

Q("Om funktionsstöd, HVOF och fritid har EU-projekt 2024, varför syns de inte i tabellen?", "sv", "inconsistency", "answered",
  "Rapporten förklarar det inte. Texten säger att funktionsstödsförvaltningen deltog i två ESF-projekt, att hälsa-, vård- och omsorgsförvaltningen är med i Perfare och fritidsförvaltningen i U-LYNC och ESF-projektet om barns fritid – men tabellen listar bara nio nämnder, utan funktionsstöds-, HVO- och fritidsnämnden. Deras antal projekt och belopp redovisas alltså inte (ska inte tolkas som 0).",
  "000", "Funktionsstodsforvaltningen har under 2024 deltagit i tva parallella ESF-projekt med fokus pa kompetensférsorjning och rekrytering tillsammans med andra forvaltningar.",
  mustnot=[0],
  note="Möjlig förklaring: de är partner utan egna medel – men det står inte i rapporten.")

Q("TAMU: var köksutbildningen sex eller nio månader?", "sv", "inconsistency", "answered",
  "Rapporterna ger olika bild. ASN:s 2018-rapport säger att projektet erbjöd en sexmånaders köksutbildning; 2019-rapporten säger att utbildningen ändrades från 9 till 6 månader när TAMU implementerades i ordinarie verksamhet.",
  "002", "TAMU implementerades till ordinarie verksamhet och i och med det förändrades utbildningen från 9 månader till 6 månader och en kortare caféutbildning på 6 veckor startades.",
  must=[9, 6],
  note="2018: 'Inom projektet erbjuds en sexmånaders köksutbildning samt en sexveckors introduktionskurs i café och servering.' (004).")

Q("Is Sluta skjut funded by IFS or ISF?", "en", "inconsistency", "answered",
  "Both names refer to the EU's Internal Security Fund. The 2018/2019 documents write IFS ('fond för inre säkerhet'); the 2022 report writes ISF ('EU:s internationella säkerhetsfond'), which also misnames it. EU funding for the coordinator ran until 1 February 2021 and the project ended in 2021.",
  "001", "Det EU-finansierade projektet, med finansiellt stöd av EU:s internationella säkerhetsfond (ISF), avslutades under 2021.",
  words=["ifs", "isf"])

Q("Do the 2024 KF goal counts add up to the number of projects?", "en", "inconsistency", "answered",
  "No: 19 + 9 + 34 + 8 + 7 = 77 goal links against 60 projects. The report says many administrations link their projects to more than one city council goal, which explains the difference.",
  "000", "att de arbetar for fler in ett kommunfullmiktigemal*.",
  must=[77, 60])

# ---------------------------------------------------------------- english
Q("Which committee got the most EU money in 2024, and how much?", "en", "english", "answered",
  "The labour market and social services committee (arbetsmarknads- och socialnämnden): SEK 25,660,000 across 10 projects.",
  "000", "Arbetsmarknads- och socialnimnden 10 projekt 25 660 000 kronor",
  must=[25660000], mustnot=[10404000])

Q("How many EU projects did Malmö take part in during 2022, and how many did it own?", "en", "english", "answered",
  "47 projects (as owner or partner), of which the city owned 20.",
  "001", "Malmö stad var under 2022 projektägare i 20 projekt vilka sammantagna hade ett budgetvärde på 78,8 miljoner.",
  must=[47, 20])

Q("What is Sluta skjut?", "en", "english", "answered",
  "Sluta skjut ('Stop shooting') is Malmö's Group Violence Intervention (GVI) pilot, based on a proven US method, to reduce lethal and serious violence among criminal groups. It is run with the police, the Prison and Probation Service and civil society, and was supported by the EU Internal Security Fund (IFS/ISF).",
  "002", "Pilotprojektet *Sluta skjut/GVI* (Group violence intervention) genomförs i samverkan med Brottsförebyggande rådet (BRÅ) och med stöd av EU:s fond för inre säkerhet (IFS).",
  words=["group violence intervention", "police"])

Q("How many delegates came to the ICLEI World Congress in Malmö?", "en", "english", "answered",
  "625 delegates from 55 countries came to Malmö in May 2022, and more than 200 participants from 43 countries took part digitally.",
  "001", "lockade i maj 2022 625 delegater till Malmö från 55 länder och över 200 deltagare från 43",
  must=[625, 55, 200])

Q("What was the total value of the EU projects in 2019?", "en", "english", "answered",
  "About SEK 725 million for the 51 EU projects; EU funds paid to the administrations were SEK 25 million.",
  "002", "Det totala projektvärdet av de 51 EU-projekten på nationell och internationellt plan är cirka 725 mkr.",
  must=[725000000])

Q("How many international visitors did the city planning office handle in 2019?", "en", "english", "answered",
  "1,265 international visitors (the summary says 'just over 1,265').",
  "002", "Under 2019 hanterade studiebesöksverksamheten program för 1265 internationella besökare.",
  must=[1265])

Q("Did the health, care and elderly committee report for 2019?", "en", "english", "not_reported",
  "No. The 2019 report says 'Rapportering har ej inkommit' (no report received) under every heading for the health, care and elderly committee, so its international work and EU funds for 2019 are not reported.",
  "002", "Rapportering har ej inkommit",
  mustnot=[0], section="7.1.1 Förvaltningarnas prioriterade områden i det internationella arbetet")

Q("What share of project costs does the EU cover in the new programme period?", "en", "english", "answered",
  "According to the 2022 report, 40% (down from 50%), so applicants pay 60%. The 2024 report says 40–60% for social and regional fund projects, varying in other programmes.",
  "001", "medlen täcker 50 % av projektkostnaderna till 40 %. Då sökande i fortsättningen står för 60% av projektkostnaden",
  must=[40, 60])

Q("How many participants did Malmökraften 2.0 have?", "en", "english", "answered",
  "4,295 unique participants up to 31 December 2022, including 274 from the Social Insurance Agency; 1,870 moved on to work or studies.",
  "001", "Fram till sista december 2022 har 4295 unika deltagare tagit del av projektet inklusive 274 deltagare från Försäkringskassan, vilka uppbär sjukpenning. 1870 har gått vidare till arbete eller studier",
  must=[4295])

Q("What did the 2024 climate assembly produce?", "en", "english", "answered",
  "The climate assembly (klimatrådslag), held in autumn 2024 with Klimatriksdagen, produced 26 proposals from Malmö residents to speed up the climate transition; they will be tried in the environment committee.",
  "000", "Klimatradslaget utmynnade i 26 foérslag fran Malmoborna som ska",
  must=[26])

Q("How much did the labour market and social services administration receive in EU funds in 2018?", "en", "english", "answered",
  "SEK 20,038,526 in paid EU funds (structural funds) in 2018.",
  "004", "Arbetsmarknads- och socialförvaltningen\t20 038 526",
  must=[20038526], mustnot=[4029253], section="2 EU-medel 2018")

Q("How were the labour market administration's 2018 partners split by sector?", "en", "english", "answered",
  "30 partners in total: public 13, private 5, university/research 3, non-profit sector 9.",
  "004", "Summa\t30",
  must=[13, 5, 3, 9, 30], section="3 Samverkansparter 2018")

Q("How many administrations took part in EU projects in 2022 compared with 2021?", "en", "english", "answered",
  "10 administrations in 2022 (47 projects) compared with 8 in 2021 (42 projects).",
  "001", "Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt, antingen som projektägare eller projektpartner, att jämföra med 2021 då åtta förvaltningar deltog i totalt 42 projekt.",
  must=[10, 8])

Q("How many EU-funded positions did the environment department have in 2019?", "en", "english", "answered",
  "About 17 EU-funded positions on average over the year; in total about 57 people were partly or fully funded by EU money in 2019.",
  "002", "Miljöförvaltningen har ett årsgenomsnitt med cirka 17 EU-finansierade tjänster och sammanlagt fick cirka 57 personer del- eller helfinansiering via EU-medel under 2019",
  must=[17, 57])

Q("What is U-LYNC and who is involved?", "en", "english", "answered",
  "U-LYNC (Urban Life of Young People in the Nordic Countries) is an Erasmus project that Malmö's leisure administration contributed to. Data on being young in Sweden, Denmark, Norway, Iceland and Finland was collected in 2023, followed by digital workshops and a discussion in Reykjavik.",
  "000", "LYNC (Urban Life of Young People in the Nordic Countries) inom vilket data samlades in 2023 om hur det ar att vara ung i Sverige, Danmark, Norge, Island och Finland.",
  words=["erasmus", "leisure", "reykjavik"])

Q("How many schools joined the ICT to Enhance Learning mobility project?", "en", "english", "answered",
  "11 schools took part; 114 educators job-shadowed colleagues in Europe over two years.",
  "002", "Grundskoleförvaltningen har ingått i ett mobilitetsprojekt där 11 skolor deltagit.",
  must=[11])

Q("What was the 2024 budget range of EU projects?", "en", "english", "answered",
  "Total project budgets ranged from SEK 70,000 for smaller Erasmus projects to SEK 220,000,000 for large Horizon projects.",
  "000", "Spinnvidden mellan respektive projekts totala projektbudget kan skifta fran 70 000 kronor f6r mindre Erasmus-projekt till 220 000 000 kronor for stora Horisont-projekt.",
  must=[70000, 220000000])

Q("How much did the preschool committee get in 2024 – and is that over a million?", "en", "english", "answered",
  "SEK 917,000 across 2 projects – no, it is under one million.",
  "000", "Forskolenimnden 2 projekt 917 000 kronor",
  must=[917000])
