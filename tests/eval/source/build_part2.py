# -*- coding: utf-8 -*-
from build_part1 import Q

# ---------------------------------------------------------------- project
Q("Vad är HÅPP?", "sv", "project", "answered",
  "HÅPP – Hållbar plattform för kompetensutveckling – är funktionsstödsförvaltningens tvååriga ESF-projekt (utlysningen 'Normbrytande kompetensförsörjning i Sydsverige') som startade sista mars 2019. Det riktar sig till medarbetare och ledare inom LSS och kombinerar flipped classroom, arbetsplatsnära stöd och normbrytande ledarskap.",
  "002", "Projektet *Hållbar plattform för kompetensutveckling (HÅPP)* är tvåårigt och startade sista mars 2019.",
  words=["hållbar plattform för kompetensutveckling", "funktionsstöd", "esf", "lss"])

Q("Vad är U-LYNC?", "sv", "project", "answered",
  "U-LYNC (Urban Life of Young People in the Nordic Countries) är ett Erasmus-projekt som fritidsförvaltningen bidragit till. Data samlades in 2023 om hur det är att vara ung i Sverige, Danmark, Norge, Island och Finland; ungdomar deltog i digitala workshops och diskuterade teman i Reykjavik.",
  "000", "LYNC (Urban Life of Young People in the Nordic Countries) inom vilket data samlades in 2023 om hur det ar att vara ung i Sverige, Danmark, Norge, Island och Finland.",
  words=["erasmus", "fritid", "urban life of young people"])

Q("Vad handlar STRIVE om och vem leder det?", "sv", "project", "answered",
  "STRIVE är ett Interreg-finansierat projekt som fastighets- och gatukontoret projektlett under 2024 med stöd från miljöförvaltningen. Det samlar länder i södra Östersjöregionen med stora festivaler och verkar för en global standard för hållbara evenemang genom cirkulär ekonomi; i Malmö har Malmöfestivalen stått i centrum.",
  "000", "Under 2024 har forvaltningen projektlett det Interregfinansierade projektet STRIVE med st6d fran milj6férvaltningen.",
  words=["interreg", "fastighet", "malmöfestivalen"])

Q("Vad är Perfare?", "sv", "project", "answered",
  "Perfare (Kultur och hälsa) är ett EU-projekt där kulturförvaltningen (bl.a. Malmö stadsarkiv) medverkar tillsammans med hälsa-, vård- och omsorgsförvaltningen. Det har lett till utbyte av praktiska erfarenheter av kultur som hälsofrämjande aktivitet riktad till personer med demens, i linje med samverkan kring 'Kultur för äldre'.",
  "000", "Kulturforvaltningen medverkar tillsammans med hilsa- vard- och omsorgsforvaltningen i EU-projektet Perfare som lett till ett utbyte av praktiska erfarenheter med kultur som hilsofrimjande aktivitet som riktas till personer med demens.",
  words=["kultur", "demens"])

Q("Vem ägde Malmökraften 2.0 och hur finansierades det?", "sv", "project", "answered",
  "Arbetsförmedlingen var projektägare; projektet finansierades av ESF och FINSAM och pågick januari 2020–december 2022. Övriga samverkande var Malmö stad, Försäkringskassan och Primärvården i Region Skåne.",
  "001", "Arbetsförmedlingen är projektägare och de övriga samverkande är Malmö stad, Försäkringskassan och Primärvården i Region Skåne.",
  words=["arbetsförmedlingen", "esf", "finsam"])

Q("Vad är LuMa?", "sv", "project", "answered",
  "LuMa – Lusaka and Malmö Youth for Change – är ett projekt mellan Malmö stad och Lusaka i Zambia som drivs av miljöförvaltningen (grundskoleförvaltningen samarbetar), finansierat av ICLD. Syftet är demokratiutveckling och att öka ungas delaktighet i klimatarbetet; ett ungdomsråd har inrättats.",
  "001", "Lusaka and Malmö Youth for Change Projekt (LuMa). Grundskoleförvaltningen samarbetar med Miljöförvaltningen som driver ett internationellt projekt mellan Malmö Stad och Lusaka i Zambia",
  words=["lusaka", "icld", "miljö"])

Q("Vad är AVEC och kostar det staden något?", "sv", "project", "answered",
  "AVEC är ett projekt om barn som bor på skyddade boenden efter våld, finansierat av Rights, Equality and Citizenship Programme; Rädda Barnen är koordinator. Det medför inga kostnader för Malmö stad utöver investerad arbetstid.",
  "001", "Projektet medför inga kostnader för Malmö stad utöver investerad arbetstid.",
  words=["rädda barnen", "rights, equality and citizenship"])

Q("Vilken fond finansierade Sluta skjut/GVI?", "sv", "project", "answered",
  "EU:s fond för inre säkerhet (IFS; i 2022 års rapport kallad ISF). EU-finansieringen av stadens projektkoordinator pågick till 1 februari 2021; därefter fortsatte arbetet i ordinarie verksamhet.",
  "004", "Group violence intervention (GVI), eller *Sluta skjut* som pilotprojektet i Malmö heter, genomförs i samverkan med BRÅ och med stöd av EU:s fond för inre säkerhet (IFS).",
  words=["inre säkerhet"], section="4.4 Uppnådda resultat (direkt projektrelaterade och indirekta resultat) / Projektkoordinator GVI/ Sluta skjut")

Q("Vad är React-EU Uppsök?", "sv", "project", "answered",
  "Ett ESF-helfinansierat projekt (React-EU) som ägs av ASF:s arbetsmarknadsavdelning, 1 december 2021–30 mars 2023. Det skalar upp uppsökande arbete mot unga som varken arbetar eller studerar (uvas) så att de skrivs in i Ung Malmö.",
  "001", "Projektet startade 1 december 2021 och pågår till och med 30 mars 2023.",
  words=["esf", "uvas", "ung malmö"])

Q("Vad är Wisdome Innovation och hur finansieras det?", "sv", "project", "answered",
  "Wisdome/Wisdom Innovation är kulturförvaltningens (Malmö Museer) samverkansprojekt för en upplevelsearena med domteater, digitala labb och lärmiljöer. Det finansieras av Europeiska regionala utvecklingsfonden, Malmö stad, Lunds universitet, Altitude Meetings AB, Malmö universitet, ESS och Game Habitat Southern Sweden; ungefär två tredjedelar av budgeten går till utveckling och en tredjedel till fysiska investeringar.",
  "002", "Projektet finansieras av europeiska regionala utvecklingsfonden, Malmö stad, Lunds universitet, Altitude Meetings AB, Malmö universitet, European Spallation Source (ESS) och Game Habitat Southern Sweden.",
  words=["domteater", "regionala utvecklingsfonden"],
  note="Rapporten stavar både 'Wisdom' och 'Wisdome'.")

Q("Vad är Rebus?", "sv", "project", "answered",
  "Rebus är serviceförvaltningens projekt i programmet Interreg Europe om energieffektivisering av befintliga kommunala byggnader, med fokus på icke-tekniska aspekter (kompetens, incitament, kommunikation/beteendepåverkan). Det har 6 delprojekt i Malmö.",
  "002", "Rebus är ett projekt i programmet Interreg Europé.",
  words=["interreg", "service", "energieffektivisering"])

Q("Vad åstadkom tekniska förvaltningen i Sumps-up?", "sv", "project", "answered",
  "Inom Sumps-up uppnådde förvaltningen målen och tog fram en flerkärnig urban mobilitetsplan (polySUMP), en trafikanalys och en jämförelse av digital och postal resvaneundersökning.",
  "002", "Inom Sumps-up har förvaltningen uppnått målen och producerat en flerkärnig urban mobilitetsplan (polySUMP), en trafikanalys samt en jämförelse av digital och postal resvaneundersökning.",
  words=["polysump", "trafikanalys", "resvaneundersökning"])

Q("Vad var Lillstjärnans EU-projekt?", "sv", "project", "answered",
  "Ett Erasmus+-projekt (Strategiskt partnerskap skola) på Lillstjärnans förskola, september 2017–september 2019, med förskolor i Sofia (Bulgarien) och Aten (Grekland). Syftet var att utveckla pedagogiskt arbete med musik, rytmik och dans för inkluderande, interkulturella och normkritiska lärmiljöer.",
  "002", "Projektet, som avslutades i september 2019, har genomförts i samarbete med en förskola i Sofia, Bulgarien och en i Aten, Grekland.",
  words=["erasmus", "sofia", "aten", "musik"])

Q("Vad är ACCESS-projektet?", "sv", "project", "answered",
  "ACCESS (Advancing Communities towards low-Carbon Energy Smart System) är miljöförvaltningens projekt där ett parkeringshus med Parkering Malmö görs till en energihubb; 2022 var byggnationen av parkeringshuset klar och det kunde öppna. Projektet stöder också arbetet med stadens energistrategi.",
  "001", "I projektet Advancing Communities towards low-Carbon Energy Smart System har byggnation av ett parkeringshus avslutats varpå man kunde öppna.",
  words=["parkeringshus", "energi"])

Q("Vad är projektet Samverkan för barns rätt till lek, vila och fritid?", "sv", "project", "answered",
  "Ett ESF(+)-projekt där arbetsmarknads- och socialförvaltningen arbetar med grundskole-, kultur- och fritidsförvaltningen för att ge barn i särskilt utsatta områden meningsfulla kultur- och fritidsaktiviteter via en modell som samordnar skola, föreningar och andra aktörer. Det beviljades under utlysningen om att motverka barnfattigdom och startade 2023.",
  "000", "grundskoleforvaltningen, kulturférvaltningen och fritidsférvaltningen i ESF-projektet ”Samverkan for barns ritt till lek, vila och fritid” som vill ge barn i sdrskilt utsatta omriden meningsfulla kultur- och fritidsaktiviteter",
  words=["esf", "utsatta områden"])

Q("Vilka ERUF-projekt hade ASF 2019 och vad fick de?", "sv", "project", "answered",
  "Malmö Innovationsarena (214 598 kr) och Malmö växer (19 110 kr), båda med miljöförvaltningen som projektägare och ASF som projektpart; båda kopplade till KF-mål 8.",
  "003", "Malmö växer ERUF 19 110 SEK 8",
  must=[214598, 19110], words=["innovationsarena", "malmö växer"])

Q("Vad är TEN-projektet i grundskolan?", "sv", "project", "answered",
  "TEN (Telepresence Network) är ett Erasmus+-projekt som startade januari 2021 för att bygga nätverk och utbilda kring AV1 (telepresence) med Sverige, Danmark och Norge; 2022 hölls tre stora workshops/seminarier och riktlinjer togs fram.",
  "001", "Under 2022 har tre stora workshops och seminarier utförts",
  must=[3], words=["telepresence", "erasmus"])

Q("Vilket Erasmus-projekt hade ASF och vad producerades?", "sv", "project", "answered",
  "Konsekvenspedagogisk vägledning/KRAMI (Krami Malmö), ett Erasmus+-projekt med Sverige, Norge och Danmark från september 2015 till november 2018. Det producerade en e-bok, en film, en podcast och två pilotutbildningar; sista medlen, 172 286 kr, betalades ut 2019.",
  "004", "Under projektperioden har projektet producerat en e-bok, en film, en podcast samt genomfört två pilotutbildningar",
  must=[2], words=["krami", "erasmus"], section="4.4 Uppnådda resultat (direkt projektrelaterade och indirekta resultat) / Krami Malmö/ Konsekvenspedagogisk vägledning")

Q("What is Care for Ukraine?", "en", "project", "answered",
  "An ESF-funded project run by Stiftelsen Botildenborg from 17 October 2022 to 29 September 2023 for people from Ukraine covered by the temporary protection (mass-flight) directive. It gets SEK 2,184,964 from ESF; the labour market and social services administration sits on its steering group.",
  "001", "ESF-medlen uppgår till 2 184 964 kr.",
  must=[2184964], words=["botildenborg", "esf"])

Q("Which fund paid for Hela familjen and how much came in 2019?", "en", "project", "answered",
  "Hela familjen (2.0) was co-financed by the European Social Fund (ESF); SEK 1,680,158 was paid to the labour market and social services administration in 2019.",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  must=[1680158], words=["esf"])

# ---------------------------------------------------------------- arithmetic
Q("Hur mycket ökade de utbetalda EU-medlen från 2023 till 2024, i kronor och procent?", "sv", "arithmetic", "answered",
  "Från cirka 43 miljoner (2023) till cirka 50,5 miljoner (2024): en ökning med ca 7,5 miljoner kronor, ca 17 %. Uträkning: 50,5 − 43 = 7,5; 7,5 / 43 ≈ 17,4 %.",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[7500000, 17.4],
  note="Operander: 50,5 milj (2024) och 43 milj (2023), samma mening. Avrundning 17 % eller 17,4 % godtas; båda operanderna är 'cirka'.")

Q("Hur stor andel av stadens betalda EU-medel 2024 gick till arbetsmarknads- och socialnämnden?", "sv", "arithmetic", "answered",
  "Ca 51 %: 25 660 000 kr av cirka 50,5 miljoner kr (25,66 / 50,5 ≈ 50,8 %).",
  "000", "Arbetsmarknads- och socialnimnden 10 projekt 25 660 000 kronor",
  must=[25660000, 50.8],
  note="Operander: ASN 25 660 000 ('Arbetsmarknads- och socialnimnden 10 projekt 25 660 000 kronor') och total cirka 50,5 milj ('Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut'). Med nämndsumman 50 468 000 blir andelen också ≈ 50,8 %. 51 % godtas.")

Q("Hur stor andel av 2024 års medel kom från ESF?", "sv", "arithmetic", "answered",
  "Ca 58 %: ESF-projekt fick 29 239 146 kr av cirka 50,5 miljoner kr (≈ 57,9 %). Räknat på summan av programtabellen (49 834 469 kr) blir det ≈ 58,7 %.",
  "000", "ESF-projekt 29 239 146 kronor",
  must=[29239146, 57.9],
  note="Operander: ESF 29 239 146 och total cirka 50,5 milj. 58 % godtas. Programtabellens summa (49 834 469) avviker från 50,5 milj.")

Q("Summera nämndernas betalda EU-medel 2024 – stämmer det med totalen?", "sv", "arithmetic", "answered",
  "Nämndernas belopp summerar till 50 468 000 kr (25 660 000 + 917 000 + 5 900 000 + 3 813 000 + 1 246 000 + 424 000 + 10 404 000 + 444 000 + 1 660 000), vilket stämmer med 'cirka 50,5 miljoner kronor'.",
  "000", "Antalet EU-projekt hos nimnderna samt betalda EU-medel (avrundat till nirmsta 100 000-tal).",
  must=[50468000, 50500000],
  note="Operander: de nio raderna i tabellen 'Antalet EU-projekt hos nämnderna samt betalda EU-medel' i 000.")

Q("Hur mycket mer EU-medel fick miljö 2024 jämfört med 2022?", "sv", "arithmetic", "answered",
  "Miljönämnden fick 10 404 000 kr 2024 mot ca 1,6 miljoner kr för miljöförvaltningen 2022 – ca 8,8 miljoner kr mer. Obs: 2024 redovisas per nämnd och avser betalda medel; 2022 per förvaltning och avser utbetalt i projekt där staden var projektägare.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[10404000, 1600000, 8800000],
  note="Operander: 'Miljonamnden 25 projekt 10 404 000 kronor' (000) och 'Miljöförvaltningen ca 1,6 miljoner kr' (001). Differens 8 804 000 ≈ 8,8 milj.")

Q("Hur många fler EU-projekt hade staden 2024 jämfört med 2019?", "sv", "arithmetic", "answered",
  "9 fler: 60 projekt 2024 mot 51 projekt 2019 (+ca 18 %).",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[9, 60, 51],
  note="Operander: 60 (000) och 51 ('Projektverksamheten har ökat från 47 EU-projekt på nationell och internationell nivå 2018 till 51 EU-projekt 2019.', 002). 9/51 ≈ 17,6 %.")

Q("Hur mycket ESF-pengar fick ASF totalt 2019?", "sv", "arithmetic", "answered",
  "3 623 259 kr: Hela familjen 1 680 158 + Vägen in 1 469 932 + Yalla Sofielund 215 824 + TAMU 257 345.",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  must=[3623259],
  note="Operander: raderna Hela familjen, Vägen in, Yalla Sofielund och TAMU (ESF) i tabellen i 003.")

Q("Hur mycket av ASF:s EU-medel 2019 bidrog till KF-mål 2?", "sv", "arithmetic", "answered",
  "3 795 545 kr (ca 94 % av 4 029 253 kr): Hela familjen 1 680 158 + Vägen in 1 469 932 + Yalla Sofielund 215 824 + TAMU 257 345 + KRAMI 172 286.",
  "003", "TOTALT:  4 029 253 SEK",
  must=[3795545],
  note="Operander: de fem raderna med KF-mål 2 i tabellen i 003. 3 795 545 / 4 029 253 ≈ 94,2 %.")

Q("Hur mycket minskade ASF:s utbetalda EU-medel mellan 2018 och 2019?", "sv", "arithmetic", "answered",
  "Från 20 038 526 kr (2018) till 4 029 253 kr (2019): en minskning med 16 009 273 kr, ca 80 %.",
  "003", "Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen har under 2019 uppgått till 4 029 253 SEK fördelat på åtta projekt.",
  must=[16009273, 80],
  note="Operander: 20 038 526 ('Arbetsmarknads- och socialförvaltningen\t20 038 526', 004, tabell 1) och 4 029 253 (003). −79,9 %.")

Q("Äldreomsorgslyftet: hur stor andel av de möjliga medlen användes?", "sv", "arithmetic", "answered",
  "Ca 59 %: utfallet 24 887 000 kr av möjliga 41 889 445 kr; 17 002 445 kr rekvirerades inte.",
  "001", "Nämnden hade möjlighet att rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor.",
  must=[59.4, 17002445],
  note="24 887 000 / 41 889 445 = 59,4 %; 41 889 445 − 24 887 000 = 17 002 445.")

Q("Hur mycket fick förskolans Erasmusprojekt sammanlagt för delprojekt ett och två?", "sv", "arithmetic", "answered",
  "161 200 euro: 54 450 euro (delprojekt ett, 2021) + 106 750 euro (delprojekt två, 2022).",
  "001", "delades en budget på totalt 54 450 euro. Under 2022 har delprojekt två tilldelats 106 750 euro och fler utbyten planeras.",
  must=[161200],
  note="Belopp i euro.")

Q("Hur många deltagare var det på ASF:s jobbmässor 2022 sammanlagt?", "sv", "arithmetic", "partial",
  "Minst cirka 5 300 deltagare på de tre mässor där antal anges (ca 3000 i Köpenhamn 8 mars, ca 300 i Malmö 20 april, ca 2000 i Malmö 25 oktober). Mässan på Kastrup 31 mars saknar deltagarantal, så totalen för alla fyra går inte att räkna ut.",
  "001", "o Jobbmässa på Kastrup (Köpenhamn) den 31 mars 2022.",
  must=[5300],
  note="Operander: 3000, 300, 2000 från de tre mässraderna i 001. Svar som anger en total för alla fyra mässor utan förbehåll är fel.")

Q("Hur stor andel av utbetalda EU-medel 2022 gick till målet Utbildning och arbete?", "sv", "arithmetic", "answered",
  "Ca 75 %: 16 881 967 kr av 22 550 504 kr (≈ 74,9 %).",
  "001", "Summa 22 550 504",
  must=[74.9],
  note="Operander: '1. Utbildning och arbete 16 881 967' och 'Summa 22 550 504' (001). 75 % godtas.")

Q("Hur långt nådde React-EU Uppsök mot sina mål i december 2022, i procent?", "sv", "arithmetic", "answered",
  "117 av 200 inskrivna (58,5 %) och 101 av 150 till Ung Malmö (ca 67 %).",
  "001", "Förväntat resultat för projektet är att 200 unga Malmöbor skrivs in i projektet och att 150 av dessa sedan skrivs in på Ung Malmö",
  must=[58.5, 67],
  note="Operander: mål 200/150 och utfall 117/101 ('117 personer har skrivits in i projektet och 101 av dessa har skrivits in i Ung Malmö'). 101/150 = 67,3 %.")

Q("How much did Horizon and Erasmus projects receive together in 2024?", "en", "arithmetic", "answered",
  "SEK 17,548,683: Horizon SEK 9,239,146 + Erasmus SEK 8,309,537.",
  "000", "Erasmus-projekt 8 309 537 kronor",
  must=[17548683],
  note="Operands: 'Horisont-projekt 9 239 146 kronor' and 'Erasmus-projekt 8 309 537 kronor' (000).")

Q("Hur många deltog totalt på ICLEI-kongressen, på plats och digitalt?", "sv", "arithmetic", "answered",
  "Över 825: 625 delegater på plats i Malmö och över 200 digitalt.",
  "001", "lockade i maj 2022 625 delegater till Malmö från 55 länder och över 200 deltagare från 43",
  must=[825],
  note="625 + 'över 200' = över 825; exakt total kan inte anges.")

Q("Med hur många procent ökade antalet EU-projekt från 2023 till 2024?", "sv", "arithmetic", "answered",
  "Med ca 11 %: från 54 till 60 projekt (+6).",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[11.1, 6],
  note="6/54 = 11,1 %.")

Q("What share of Malmökraften 2.0 participants went on to work or studies, and was the target met?", "en", "arithmetic", "answered",
  "About 43.5%: 1,870 of 4,295 unique participants. The targets (4,000 participants, 1,800 to work or studies, i.e. 45%) were exceeded in absolute numbers. Note the report also says 4.7% of women and 5.1% of men went on to work or studies, which does not match 1,870/4,295.",
  "001", "4000 deltagare förväntas delta i Malmökraften 2.0 med mål att 1800 av dem ska ha gått till arbete eller studier vid avslutat projekt.",
  must=[43.5, 1870, 4295],
  note="Operands: 1870 and 4295 ('Fram till sista december 2022 har 4295 unika deltagare ... 1870 har gått vidare till arbete eller studier').")

Q("Hur mycket mer fick grundskolan 2024 än 2022?", "sv", "arithmetic", "answered",
  "Ca 3,2 miljoner kr mer: grundskolenämnden 5 900 000 kr (2024) mot grundskoleförvaltningen ca 2,7 miljoner kr (2022). Obs: nämnd 2024 vs förvaltning 2022, och 2022 avser projekt där staden var projektägare.",
  "000", "Grundskolenimnden 9 projekt 5900 000 kronor",
  must=[5900000, 2700000, 3200000],
  note="Operander: 'Grundskolenimnden 9 projekt 5900 000 kronor' (000) och 'Grundskoleförvaltningen ca 2,7 miljoner kr' (001).")

# ---------------------------------------------------------------- rank
Q("Vilken nämnd fick mest EU-medel 2024?", "sv", "rank", "answered",
  "Arbetsmarknads- och socialnämnden: 25 660 000 kronor (10 projekt), följd av miljönämnden med 10 404 000 kronor.",
  "000", "Arbetsmarknads- och socialnimnden 10 projekt 25 660 000 kronor",
  must=[25660000], words=["arbetsmarknads"])

Q("Vilken nämnd hade flest EU-projekt 2024?", "sv", "rank", "answered",
  "Miljönämnden med 25 projekt, följd av arbetsmarknads- och socialnämnden med 10 och grundskolenämnden med 9.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[25], words=["miljö"])

Q("Vilken nämnd fick minst EU-pengar 2024?", "sv", "rank", "answered",
  "Kulturnämnden med 424 000 kronor (3 projekt), tätt följd av stadsbyggnadsnämnden med 444 000 kronor.",
  "000", "Kulturnimnden 3 projekt 424 000 kronor",
  must=[424000], words=["kultur"],
  note="Gäller de nio nämnder som finns i tabellen; nämnder utanför tabellen redovisas inte (inte 0).")

Q("Vilken nämnd hade färst EU-projekt 2024?", "sv", "rank", "answered",
  "Stadsbyggnadsnämnden med 1 projekt (444 000 kronor).",
  "000", "Stadsbyggnadsnimnden 1 projekt 444 000 kronor",
  must=[1], words=["stadsbyggnad"])

Q("Vilket EU-program gav mest pengar 2024 och vilket minst?", "sv", "rank", "answered",
  "Mest: ESF-projekt, 29 239 146 kr. Minst: Interreg-projekt, 635 342 kr (övriga projekt fick 2 411 298 kr).",
  "000", "ESF-projekt 29 239 146 kronor",
  must=[29239146, 635342], words=["esf", "interreg"])

Q("Vilken förvaltning fick mest EU-medel 2022?", "sv", "rank", "answered",
  "Arbetsmarknads- och socialförvaltningen, ca 8,3 miljoner kr; därefter gymnasie- och vuxenutbildningsförvaltningen ca 3,9 miljoner kr.",
  "001", "Arbetsmarknads och socialförvaltningen ca 8,3 miljoner kr",
  must=[8300000], mustnot=[25660000], words=["arbetsmarknads"])

Q("Vilka förvaltningar fick minst i 2022 års tabell över utbetalda EU-medel?", "sv", "rank", "answered",
  "Förskoleförvaltningen och stadskontoret, ca 1,3 miljoner kr vardera. Förvaltningar som inte står i tabellen (t.ex. kultur, service, funktionsstöd) redovisas inte med belopp.",
  "001", "Förskoleförvaltningen ca 1,3 miljoner kr",
  must=[1300000], words=["förskole", "stadskontoret"])

Q("Vilken förvaltning deltog i flest EU-projekt 2022?", "sv", "rank", "answered",
  "Miljöförvaltningen med 14 projekt, följd av grundskoleförvaltningen med 12.",
  "001", "• Miljöförvaltningen deltog i 14 projekt.",
  must=[14], mustnot=[25], words=["miljö"])

Q("Vilket kommunfullmäktigemål hade flest och vilket färst projekt 2024?", "sv", "rank", "answered",
  "Flest: 'En grön stad som leder klimatomställningen' med 34 projekt. Färst: 'En god organisation' med 7 projekt.",
  "000", "3. En gron stad som leder klimatomstallningen. 34 projekt",
  must=[34, 7], words=["grön", "god organisation"])

Q("Vilket av ASF:s projekt fick mest EU-pengar 2019?", "sv", "rank", "answered",
  "Hela familjen (ESF) med 1 680 158 kr, följt av Vägen in med 1 469 932 kr.",
  "003", "Hela familjen ESF 1 680 158 SEK 2",
  must=[1680158], words=["hela familjen"])

Q("Vilken typ av samverkanspart var vanligast för ASF 2018?", "sv", "rank", "answered",
  "Offentliga aktörer: 13 av 30 samverkansparter (ideell sektor 9, privat 5, universitet/forskning 3).",
  "004", "Offentlig\t13",
  must=[13, 30], words=["offentlig"], section="3 Samverkansparter 2018")

Q("Vilket program hade flest projekt 2022?", "sv", "rank", "answered",
  "Erasmus(+) – både tjänsteskrivelsen och rapporten sätter Erasmus först. Ordningen därefter skiljer sig mellan dokumenten (tjänsteskrivelsen: ESF+, ERUF, Horizon, Interreg; rapporten: regionalfonden, socialfonden, Interreg, Horizon 2020).",
  "001", "medfinansieras främst av ERASMUS+, därefter ESF+, ERUF, Horizon och Interreg i fallande ordning.",
  words=["erasmus"],
  note="Inga antal per program anges, bara rangordning.")

Q("Vilken förvaltning tog emot flest studiebesök 2019?", "sv", "rank", "answered",
  "Stadsbyggnadskontoret; studiebesöksverksamheten hanterade program för 1265 internationella besökare 2019.",
  "002", "Under 2019 utmärkte sig stadsbyggnadskontoret som den förvaltning som tog emot flest studiebesök.",
  must=[1265], words=["stadsbyggnadskontoret"])

Q("Vilket KF-mål fick mest EU-pengar 2022?", "sv", "rank", "answered",
  "Utbildning och arbete: 16 881 967 kr av 22 550 504 kr. Trygghet och delaktighet samt En god organisation har inga belopp i tabellen.",
  "001", "1. Utbildning och arbete 16 881 967",
  must=[16881967], words=["utbildning och arbete"])

Q("Which committee had the second-largest paid EU funds in 2024?", "en", "rank", "answered",
  "The environment committee (miljönämnden), SEK 10,404,000 across 25 projects, after the labour market and social services committee (SEK 25,660,000).",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[10404000], words=["environment"])

Q("Which fund accounted for most of the co-financing in 2024, and what came next?", "en", "rank", "answered",
  "Mainly the European Social Fund (ESF), then the Horizon programmes, Erasmus+ and Interreg. In the table ESF projects got SEK 29,239,146.",
  "000", "Medfinansieringen 2024 kom frimst fran Europeiska Socialfonden, direfter fran Horisont-programmen, Erasmus+ samt Interreg-programmen.",
  must=[29239146], words=["esf", "horizon"])

# ---------------------------------------------------------------- series
Q("Hur har antalet EU-projekt utvecklats sedan 2018?", "sv", "series", "answered",
  "2018: 47, 2019: 51, 2021: 42, 2022: 47, 2023: 54, 2024: 60 projekt. 2020 redovisas inte i underlaget.",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[47, 51, 42, 54, 60],
  note="Källor: 002 (47/51), 001 (42/47), 000 (54/60). 2020 saknas – ska inte fyllas i.")

Q("Hur har stadens utbetalda EU-medel utvecklats sedan 2019?", "sv", "series", "answered",
  "2019: 25 mkr till förvaltningarna; 2022: ca 22,5 mkr (endast projekt där staden var projektägare); 2023: ca 43 mkr; 2024: ca 50,5 mkr i medfinansiering. Definitionerna skiljer sig mellan åren, och 2020–2021 redovisas inte.",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[25000000, 22500000, 43000000, 50500000],
  note="Källor: 002 ('Den utbetalda andelen EU-medel till förvaltningarna uppgår till 25 mkr.'), 001 (22,5 milj), 000 (43/50,5). Definitionsskillnaden 2022 ska nämnas.")

Q("Hur har arbetsmarknads- och socialförvaltningens EU-medel utvecklats över åren?", "sv", "series", "answered",
  "2018: 20 038 526 kr; 2019: 4 029 253 kr; 2022: ca 8,3 miljoner kr; 2024 (nämnden): 25 660 000 kr. 2020, 2021 och 2023 redovisas inte per förvaltning/nämnd.",
  "003", "Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen har under 2019 uppgått till 4 029 253 SEK fördelat på åtta projekt.",
  must=[20038526, 4029253, 8300000, 25660000],
  note="Källor: 004 tabell 1, 003, 001 tabell, 000 tabell.")

Q("Hur många förvaltningar eller nämnder har deltagit i EU-projekt de senaste åren?", "sv", "series", "answered",
  "2021: 8 förvaltningar; 2022: 10 förvaltningar; 2023: 8 nämnder; 2024: 9 nämnder. Obs: 2021–2022 räknas per förvaltning, 2023–2024 per nämnd.",
  "000", "Under 2024 har nio av stadens nimnder deltagit i EU-projekt jimfért med 2023 da atta nimnder deltog i projektverksamhet.",
  must=[8, 10, 9],
  note="Källa 2021/2022: 001 ('Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt ... 2021 då åtta förvaltningar').")

Q("Hur har antalet skjutningar i Malmö förändrats enligt redovisningarna?", "sv", "series", "answered",
  "2017: 65; 2019: 31 (till och med 19/11); 2020: 20; 2021: 21; 2022: 29. Siffran för 2019 gäller inte helt år och 2018 anges inte.",
  "001", "Antal skjutningar fortsätter att minska varje år. Från 65 skjutningar år 2017 till 20 skjutningar 2020 och 21 skjutningar 2021. År 2022 har skjutningarna ökat lite igen till 29",
  must=[65, 31, 20, 21, 29],
  note="2019-siffran från 002: 'till 31 skjutningar 2019 (till och med den 19/11)'.")

Q("Grundskolans EU-projekt och pengar 2022 jämfört med 2024?", "sv", "series", "answered",
  "2022 deltog grundskoleförvaltningen i 12 projekt och fick ca 2,7 miljoner kr; 2024 hade grundskolenämnden 9 projekt och 5 900 000 kr. Färre projekt men mer pengar; obs förvaltning vs nämnd och olika beloppsdefinitioner.",
  "001", "• Grundskoleförvaltningen deltog i 12 projekt.",
  must=[12, 2700000, 9, 5900000])

Q("Miljö: hur har antalet projekt och pengarna utvecklats från 2022 till 2024?", "sv", "series", "answered",
  "2022: miljöförvaltningen 14 projekt och ca 1,6 miljoner kr; 2024: miljönämnden 25 projekt och 10 404 000 kr.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[14, 1600000, 25, 10404000])

Q("Hur många medarbetare hade ASF för EU-frågor 2018 respektive 2019?", "sv", "series", "answered",
  "2018: en medarbetare som ansvarade för EU/internationella frågor som del av sin tjänst; 2019: två medarbetare (strategiska avdelningen och arbetsmarknadsavdelningen).",
  "002", "Arbetsmarknads- och socialförvaltningen har två medarbetare som arbetar med EU/internationella frågor som en del av sin tjänst.",
  must=[1, 2],
  note="2018-källa: 004 'Arbetsmarknads- och socialförvaltningen har en medarbetare som ansvarar för EU/internationella frågor som del av sin tjänst.'")

Q("Hur har EU:s medfinansieringsgrad förändrats enligt rapporterna?", "sv", "series", "answered",
  "2022 års redovisning: EU medfinansierade 50 %, men i nya programperioden täcker EU-medlen 40 % och sökande står för 60 %. 2024 års redovisning: 40–60 % för social- och regionalfondsprojekt, varierande i andra program.",
  "001", "medlen täcker 50 % av projektkostnaderna till 40 %. Då sökande i fortsättningen står för 60% av projektkostnaden",
  must=[50, 40, 60])

Q("Förskolan 2022 jämfört med 2024 – projekt och pengar?", "sv", "series", "answered",
  "2022: förskoleförvaltningen 2 projekt, ca 1,3 miljoner kr; 2024: förskolenämnden 2 projekt, 917 000 kr – alltså en minskning av beloppet.",
  "000", "Forskolenimnden 2 projekt 917 000 kronor",
  must=[1300000, 917000])

Q("Hur många skolor deltog i JDO-samarbetet 2019 och 2022?", "sv", "series", "answered",
  "2019: fyra skolor; 2022: tre skolor (Neptuni, Apelgårdsskolan och Mellanheden).",
  "001", "Tre av grundskoleförvaltningens skolor (Neptuni, Apelgårdsskolan",
  must=[4, 3],
  note="2019: 'Fyra av grundskoleförvaltningens skolor deltar i samarbetet med bland annat klasser i USA.' (002).")

Q("Gymnasie och vux: EU-pengar 2022 jämfört med 2024?", "sv", "series", "answered",
  "2022: ca 3,9 miljoner kr (5 projekt); 2024: 3 813 000 kr (5 projekt) – i stort sett oförändrat.",
  "000", "Gymnasie- och vuxenutbildningsnimnden 5 projekt 3813 000 kronor",
  must=[3900000, 3813000])

Q("Stadskontoret/kommunstyrelsen: projekt och pengar 2022 och 2024?", "sv", "series", "answered",
  "2022: stadskontoret 2 projekt, ca 1,3 miljoner kr; 2024: kommunstyrelsen 4 projekt, 1 246 000 kr.",
  "000", "Kommunstyrelsen 4 projekt 1246 000 kronor",
  must=[2, 1300000, 4, 1246000])

Q("How did the number of EU projects develop from 2022 to 2024?", "en", "series", "answered",
  "2022: 47 projects; 2023: 54; 2024: 60.",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[47, 54, 60],
  note="2022 figure from 001.")

Q("How did paid EU funds to the labour market and social services side develop between 2018 and 2024?", "en", "series", "answered",
  "2018: SEK 20,038,526; 2019: SEK 4,029,253; 2022: about SEK 8.3 million; 2024 (committee level): SEK 25,660,000. No figures for 2020, 2021 or 2023.",
  "004", "Arbetsmarknads- och socialförvaltningen\t20 038 526",
  must=[20038526, 4029253, 8300000, 25660000], section="2 EU-medel 2018")
