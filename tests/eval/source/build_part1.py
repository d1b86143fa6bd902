# -*- coding: utf-8 -*-
# Part 1 of the question set: helpers + table_figure, text_figure
DOCS = {
    "000": "2024_stk_redovisning_internationellt_arbete",
    "001": "2022_ks_protokoll_redovisning_internationellt_arbete",
    "002": "2019_malmo_stad_redovisning_internationellt_arbete",
    "003": "2019_asn_tjansteskrivelse_internationell_redovisning",
    "004": "2018_asn_redovisning_internationellt_arbete",
}
ITEMS = []


def Q(question, lang, kind, status, answer, doc, quote, must=None, mustnot=None,
      words=None, note="", fu=False, section=None):
    ITEMS.append(dict(question=question, lang=lang, kind=kind, status=status,
                      answer=answer, doc=doc, quote=quote, must=must or [],
                      mustnot=mustnot or [], words=words or [], note=note, fu=fu,
                      section=section))


# ---------------------------------------------------------------- table_figure
Q("Hur mycket EU-medel betalades ut till förskolenämnden 2024?", "sv", "table_figure", "answered",
  "Förskolenämnden hade 2 EU-projekt och fick 917 000 kronor i betalda EU-medel 2024 (tabellen anger avrundade belopp).",
  "000", "Forskolenimnden 2 projekt 917 000 kronor",
  must=[917000], mustnot=[1300000, 50500000],
  note="1 300 000 (ca 1,3 milj) är förskoleförvaltningens siffra för 2022 – fel år om den ges som svar.")

Q("Antal EU-projekt och betalda medel för miljönämnden 2024?", "sv", "table_figure", "answered",
  "Miljönämnden deltog i 25 EU-projekt och fick 10 404 000 kronor i betalda EU-medel 2024.",
  "000", "Miljonamnden 25 projekt 10 404 000 kronor",
  must=[25, 10404000], mustnot=[14, 1600000],
  note="14 projekt / ca 1,6 milj är miljöförvaltningens siffror för 2022.")

Q("Vad fick gymnasie- och vuxenutbildningsnämnden i EU-medel under 2024?", "sv", "table_figure", "answered",
  "Gymnasie- och vuxenutbildningsnämnden fick 3 813 000 kronor fördelat på 5 EU-projekt 2024.",
  "000", "Gymnasie- och vuxenutbildningsnimnden 5 projekt 3813 000 kronor",
  must=[3813000], mustnot=[3900000],
  note="ca 3,9 milj är GVF:s siffra för 2022.")

Q("Tekniska nämnden 2024 – hur många projekt och hur mycket pengar?", "sv", "table_figure", "answered",
  "Tekniska nämnden hade 4 EU-projekt och 1 660 000 (kronor) i betalda EU-medel 2024. I tabellraden saknas ordet 'kronor', men det är samma tabell.",
  "000", "Tekniska namnden 4 projekt 1 660 000",
  must=[4, 1660000], mustnot=[3400000],
  note="ca 3,4 milj är fastighets- och gatukontorets (FGK) siffra 2022.")

Q("Hur mycket betalades ut till Erasmus-projekt 2024?", "sv", "table_figure", "answered",
  "Till Erasmus-projekt betalades 8 309 537 kronor ut 2024.",
  "000", "Erasmus-projekt 8 309 537 kronor",
  must=[8309537], mustnot=[29239146, 50500000])

Q("Hur mycket pengar gick till Interreg-projekten 2024?", "sv", "table_figure", "answered",
  "Till Interreg-projekt betalades 635 342 kronor ut 2024 – det minsta av de namngivna programmen.",
  "000", "Interreg-projekt 635 342 kronor",
  must=[635342], mustnot=[2411298])

Q("Hur många EU-projekt kopplades till kommunfullmäktigemålet om en grön stad som leder klimatomställningen?", "sv", "table_figure", "answered",
  "34 projekt kopplades till målet 'En grön stad som leder klimatomställningen' (kommunfullmäktigemål 2024–2026, redovisning 2024).",
  "000", "3. En gron stad som leder klimatomstallningen. 34 projekt",
  must=[34], mustnot=[60],
  note="Projekt kan kopplas till flera mål, så summan av målen (77) överstiger antalet projekt (60).")

Q("Hur många projekt bidrog till målet 'En mer jämlik stad' 2024?", "sv", "table_figure", "answered",
  "8 projekt var kopplade till målet 'En mer jämlik stad' 2024.",
  "000", "4. En mer jamlik stad 8 projekt",
  must=[8], mustnot=[7, 9])

Q("Hur mycket EU-medel betalades ut till gymnasie- och vuxenutbildningsförvaltningen 2022?", "sv", "table_figure", "answered",
  "Ca 3,9 miljoner kronor betalades ut till gymnasie- och vuxenutbildningsförvaltningen 2022 (utbetalda EU-medel i projekt där staden var projektägare).",
  "001", "Gymnasie- och vuxenutbildningsförvaltningen ca 3,9 miljoner kr",
  must=[3900000], mustnot=[3813000],
  note="Rapporten anger bara avrundat (ca). 3 813 000 är 2024 års siffra för nämnden.")

Q("Utbetalda EU-medel till fastighets- och gatukontoret 2022?", "sv", "table_figure", "answered",
  "Fastighets- och gatukontoret fick ca 3,4 miljoner kronor i utbetalda EU-medel 2022.",
  "001", "Fastighets- och gatukontoret ca 3,4 miljoner kr",
  must=[3400000], mustnot=[1660000])

Q("Hur mycket EU-medel gick till kf-målet Utbildning och arbete 2022?", "sv", "table_figure", "answered",
  "16 881 967 kronor av de utbetalda EU-medlen 2022 hänfördes till kommunfullmäktigemålet Utbildning och arbete.",
  "001", "1. Utbildning och arbete 16 881 967",
  must=[16881967], mustnot=[5668537, 22550504])

Q("How much of the 2022 EU funds went to the goal 'Stadsutveckling och klimat' (urban development and climate)?", "en", "table_figure", "answered",
  "SEK 5,668,537 of the EU funds paid out in 2022 were attributed to the city council goal 'Stadsutveckling och klimat'.",
  "001", "2. Stadsutveckling och klimat 5 668 537",
  must=[5668537], mustnot=[16881967])

Q("Hur mycket fick ASF för Vägen in under 2019?", "sv", "table_figure", "answered",
  "1 469 932 kronor betalades ut till arbetsmarknads- och socialförvaltningen för Vägen in 2019 (ESF, bidrar till KF-mål 2).",
  "003", "Vägen in ESF 1 469 932 SEK 2",
  must=[1469932], mustnot=[1680158, 4029253])

Q("Vad betalades ut till TAMU 2019?", "sv", "table_figure", "answered",
  "257 345 kronor betalades ut till ASF för TAMU (ESF) 2019.",
  "003", "TAMU ESF 257 345 SEK 2",
  must=[257345], mustnot=[4029253])

Q("Hur mycket fick förvaltningen för Malmö Innovationsarena 2019 och från vilken fond?", "sv", "table_figure", "answered",
  "214 598 kronor från ERUF (Europeiska regionala utvecklingsfonden) betalades ut till ASF för Malmö Innovationsarena 2019.",
  "003", "Malmö Innovationsarena ERUF 214 598 SEK 8",
  must=[214598], mustnot=[19110], words=["eruf"])

Q("Vilket KF-mål kopplas Sluta skjut/GVI till i ASN:s tabell för 2019, och vad betalades ut?", "sv", "table_figure", "answered",
  "Sluta skjut/GVI (fond: IFS) kopplas till KF-mål 6 och 0 kronor betalades ut 2019 – utbetalningen genomförs i januari 2020.",
  "003", "Sluta skjut/GVI IFS 0 SEK 6",
  must=[6, 0], words=["ifs"],
  note="Här är 0 SEK faktiskt rapporterat (utbetalning skedde först januari 2020).")

Q("ASN 2018: hur mycket betalades ut till målområdet En trygg stad?", "sv", "table_figure", "answered",
  "402 264 kronor av de utbetalda EU-medlen 2018 hänfördes till målområdet 6, En trygg stad.",
  "004", "6. En trygg stad\t402 264",
  must=[402264], mustnot=[19328949, 307312], section="2 EU-medel 2018")

Q("Hur många samverkansparter från ideell sektor hade arbetsmarknads- och socialförvaltningen 2018?", "sv", "table_figure", "answered",
  "9 samverkansparter kom från ideell sektor, av totalt 30 samverkansparter 2018.",
  "004", "Ideell sektor\t9",
  must=[9], mustnot=[13], section="3 Samverkansparter 2018")

Q("Totalt utbetalda EU-medel till arbetsmarknads- och socialförvaltningen 2018 enligt tabell 1?", "sv", "table_figure", "answered",
  "20 038 526 kronor i utbetalda EU-medel (tabell 1, strukturfonder) 2018.",
  "004", "Arbetsmarknads- och socialförvaltningen\t20 038 526",
  must=[20038526], mustnot=[4029253], section="2 EU-medel 2018",
  note="Tabell 3 summerar till 20 038 525 (1 kr skillnad) – går att nämna.")

Q("Kommunstyrelsen 2024 – antal EU-projekt och betalda medel?", "sv", "table_figure", "answered",
  "Kommunstyrelsen hade 4 EU-projekt och 1 246 000 kronor i betalda EU-medel 2024.",
  "000", "Kommunstyrelsen 4 projekt 1246 000 kronor",
  must=[4, 1246000], mustnot=[1300000],
  note="ca 1,3 milj och 2 projekt är stadskontorets siffror 2022.")

Q("Hur mycket EU-pengar fick stadsbyggnadsnämnden 2024?", "sv", "table_figure", "answered",
  "Stadsbyggnadsnämnden hade 1 EU-projekt och 444 000 kronor i betalda EU-medel 2024.",
  "000", "Stadsbyggnadsnimnden 1 projekt 444 000 kronor",
  must=[444000], mustnot=[424000])

Q("Hur mycket betalades ut till 'övriga projekt' 2024, alltså utanför ESF, Horisont, Interreg och Erasmus?", "sv", "table_figure", "answered",
  "2 411 298 kronor betalades ut till övriga projekt 2024.",
  "000", "Ovriga projekt 2 411 298 kronor",
  must=[2411298], mustnot=[635342])

Q("How much was paid to Horizon projects in 2024?", "en", "table_figure", "answered",
  "SEK 9,239,146 was paid to Horizon (Horisont) projects in 2024. Note that the figure has the same last seven digits as the ESF figure (29,239,146), which may be a copy error in the report.",
  "000", "Horisont-projekt 9 239 146 kronor",
  must=[9239146], mustnot=[29239146])

Q("Hur många projekt kopplades till målet 'En god organisation' 2024?", "sv", "table_figure", "answered",
  "7 projekt kopplades till målet 'En god organisation' 2024.",
  "000", "5. En god organisation 7 projekt",
  must=[7], mustnot=[8])

Q("Hur mycket fick ASF för Yalla Sofielund 2019?", "sv", "table_figure", "answered",
  "215 824 kronor (ESF) betalades ut till ASF för Yalla Sofielund 2019.",
  "003", "Yalla Sofielund ESF 215 824 SEK 2",
  must=[215824], mustnot=[214598])

# ---------------------------------------------------------------- text_figure
Q("Hur många EU-projekt hade staden under 2024?", "sv", "text_figure", "answered",
  "60 EU-projekt 2024, en ökning från 54 projekt 2023.",
  "000", "Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
  must=[60], mustnot=[47, 51])

Q("Hur många nämnder var med i EU-projekt 2024?", "sv", "text_figure", "answered",
  "Nio nämnder deltog i EU-projekt 2024, jämfört med åtta nämnder 2023.",
  "000", "Under 2024 har nio av stadens nimnder deltagit i EU-projekt jimfért med 2023 da atta nimnder deltog i projektverksamhet.",
  must=[9], mustnot=[10])

Q("Hur mycket EU-medfinansiering betalades ut totalt 2024?", "sv", "text_figure", "answered",
  "Cirka 50,5 miljoner kronor betalades ut i medfinansiering 2024 (2023: cirka 43 miljoner kronor).",
  "000", "Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering, motsvarande siffra f6r 2023 var cirka 43 miljoner kronor.",
  must=[50500000], mustnot=[22500000, 25000000])

Q("Hur stor andel av kostnaden står EU för i social- och regionalfondsprojekt enligt 2024 års redovisning?", "sv", "text_figure", "answered",
  "EU:s medfinansiering sträcker sig från 40 till 60 procent för social- och regionalfondsprojekt och skiftar i andra program; förvaltningarna står för resten i arbetsinsats eller kontanta medel.",
  "000", "EU:s medfinansiering stricker sig fran 40 procent till 60 procent for social- och regionalfondsprojekt och skiftar i andra program.",
  must=[40, 60], mustnot=[50])

Q("Hur stora är projekten budgetmässigt – spannet 2024?", "sv", "text_figure", "answered",
  "Projektens totala budget skiftar från 70 000 kronor för mindre Erasmus-projekt till 220 000 000 kronor för stora Horisont-projekt.",
  "000", "Spinnvidden mellan respektive projekts totala projektbudget kan skifta fran 70 000 kronor f6r mindre Erasmus-projekt till 220 000 000 kronor for stora Horisont-projekt.",
  must=[70000, 220000000], mustnot=[250000, 15000000],
  note="250 000–15 000 000 är spannet för 2022 (projekt där staden var projektägare).")

Q("Hur många förslag kom klimatrådslaget fram till?", "sv", "text_figure", "answered",
  "Klimatrådslaget hösten 2024 (i samverkan med Klimatriksdagen) utmynnade i 26 förslag från Malmöborna som ska prövas i miljönämnden.",
  "000", "Klimatradslaget utmynnade i 26 foérslag fran Malmoborna som ska",
  must=[26])

Q("Hur många aktörer ingår i LFM30?", "sv", "text_figure", "answered",
  "LFM30 (Lokal Färdplan Malmö 2030) är ett nätverk med cirka 200 aktörer från byggsektorn.",
  "000", "ett natverk med cirka 200 aktorer",
  must=[200])

Q("Hur många förvaltningar medverkade i EU-projekt 2022 och i hur många projekt?", "sv", "text_figure", "answered",
  "10 förvaltningar medverkade i 47 EU-projekt 2022, som projektägare eller projektpartner (2021: åtta förvaltningar i 42 projekt).",
  "001", "Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt, antingen som projektägare eller projektpartner, att jämföra med 2021 då åtta förvaltningar deltog i totalt 42 projekt.",
  must=[10, 47], mustnot=[60, 9])

Q("I hur många projekt var Malmö stad projektägare 2022?", "sv", "text_figure", "answered",
  "Malmö stad var projektägare i 20 av de 47 projekten 2022.",
  "001", "Malmö stad var under 2022 projektägare i 20 projekt vilka sammantagna hade ett budgetvärde på 78,8 miljoner.",
  must=[20], mustnot=[47])

Q("Hur mycket EU-medel betalades ut under 2022?", "sv", "text_figure", "answered",
  "Cirka 22,5 miljoner kronor i EU-medel betalades ut 2022 till de projekt där Malmö stad var projektägare.",
  "001", "Under 2022 utbetalades sammanlagt cirka 22,5 miljoner kronor i EU-medel till de projekt där Malmö stad var projektägare.",
  must=[22500000], mustnot=[50500000, 25000000],
  note="Avgränsningen (endast projekt där staden var projektägare) bör nämnas.")

Q("Med hur många länder samverkade staden 2022?", "sv", "text_figure", "answered",
  "Staden samverkade med ett 30-tal andra länder 2022; flest samarbeten med Danmark, Finland, Spanien, Grekland, Portugal, Italien och Frankrike.",
  "001", "Under året samverkade Malmö stads med ett 30-tal andra länder.",
  must=[30])

Q("Hur många deltog i IPVI-konferensen?", "sv", "text_figure", "answered",
  "En heldagskonferens med 80 deltagare från olika myndigheter och lokalsamhället genomfördes när NNSC från USA besökte Malmö 2022.",
  "001", "en större heldagskonferens med 80 deltagare från olika myndigheter",
  must=[80])

Q("Hur många Call in och custom notifications gjordes i Sluta skjut 2022?", "sv", "text_figure", "answered",
  "Under 2022 genomfördes ett Call in och 13 custom notifications.",
  "001", "2022 har Malmö genomfört ett Call in och 13 custom notification.",
  must=[1, 13], mustnot=[2])

Q("Hur många skjutningar var det i Malmö 2022 enligt redovisningen?", "sv", "text_figure", "answered",
  "29 skjutningar 2022, en ökning från 21 år 2021 (20 år 2020, 65 år 2017).",
  "001", "År 2022 har skjutningarna ökat lite igen till 29",
  must=[29], mustnot=[31])

Q("Hur många sprängningar var det 2022?", "sv", "text_figure", "answered",
  "8 sprängningar 2022; det lägsta tidigare var 17 år 2020.",
  "001", "Sprängningarna år 2022 ligger dock så lågt som 8 st. Det lägsta vi haft förut är 17 år 2020",
  must=[8], mustnot=[29])

Q("Hur många andra kommuner startade GVI-arbete under 2022?", "sv", "text_figure", "answered",
  "Fem andra kommuner i Sverige startade upp ett GVI-arbete under 2022.",
  "001", "Fem andra kommuner i Sverige har under 2022 startat upp ett GVI-arbete.",
  must=[5])

Q("How many care educators (omsorgspedagoger) took La Trobe University's online course in 2022?", "en", "text_figure", "answered",
  "57 omsorgspedagoger in the LSS housing department completed La Trobe's online course 'Frontline Practice Leadership' in autumn 2022.",
  "001", "Under hösten genomförde 57 omsorgspedagoger",
  must=[57])

Q("Hur många förste förskollärare ingick i projektgruppen i förskolans Erasmusprojekt?", "sv", "text_figure", "answered",
  "Projektgruppen bestod av 17 förste förskollärare från förvaltningens olika utbildningsområden.",
  "001", "projektgruppen, bestående av 17 förste",
  must=[17])

Q("Hur mycket fick delprojekt två i förskoleförvaltningens Erasmusprojekt?", "sv", "text_figure", "answered",
  "Delprojekt två tilldelades 106 750 euro under 2022 (delprojekt ett fick 54 450 euro 2021).",
  "001", "delades en budget på totalt 54 450 euro. Under 2022 har delprojekt två tilldelats 106 750 euro och fler utbyten planeras.",
  must=[106750], mustnot=[54450],
  note="Beloppet är i euro, inte kronor.")

Q("Hur stor del av den beviljade Erasmusbudgeten hade förskolan betalat ut?", "sv", "text_figure", "answered",
  "Hittills hade cirka 80 procent av beviljad budget delats ut (enligt 2022 års redovisning).",
  "001", "Hittills har cirka 80 procent av beviljad budget utdelats.",
  must=[80])

Q("Hur många unga från Malmö var med i LEMA-workshopen i Köpenhamn/Malmö?", "sv", "text_figure", "answered",
  "10 ungdomar från Hermodsdal och fyra professionella deltog från Malmö (november 2022).",
  "001", "Från Malmö deltog 10 ungdomar från Hermodsdal och fyra professionella",
  must=[10, 4])

Q("UNITY-projektet: hur många fysiska möten och lektionsplaneringar blev det 2022?", "sv", "text_figure", "answered",
  "Två fysiska möten (ett i Malmö, ett i Turkiet) och alla partners skapade 10 lektionsplaneringar kring hållbar utveckling och PBL.",
  "001", "Under 2022 har det genomförts två fysiska möten, ett i Malmö och ett i Turkiet. En gemensam projektplan baserad på PBL har tagits fram gemensamt och alla partners har skapat 10 lektionsplaneringar kring hållbar utveckling och PBL.",
  must=[2, 10])

Q("Hur många aktiva Erasmus+-projekt har gymnasie- och vuxenutbildningsförvaltningen?", "sv", "text_figure", "answered",
  "Fem aktiva Erasmus+-finansierade projekt, varav två är Erasmus+-ackreditering; Malmö Borgarskola är projektägare/partner i alla fem (2022).",
  "001", "På förvaltningen pågår totalt fem aktiva Erasmus+-finansierade projekt, varav två är Erasmus+ ackreditering",
  must=[5, 2])

Q("Hur många städer ingår i Cities Changing Diabetes?", "sv", "text_figure", "answered",
  "Förutom Malmö ingår fler än 40 städer runt om i världen (t.ex. Köpenhamn, Beijing, Manchester och Johannesburg); Malmö var första staden i Sverige.",
  "001", "Förutom Malmö ingår fler än 40 städer runt om i världen",
  must=[40])

Q("Äldreomsorgslyftet: hur mycket kunde nämnden rekvirera och vad blev utfallet?", "sv", "text_figure", "answered",
  "Hälsa-, vård- och omsorgsnämnden kunde rekvirera 41 889 445 kronor; utfallet blev 24 887 000 kronor (statsbidrag delvis finansierat av EU-medel, 2022).",
  "001", "Nämnden hade möjlighet att rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor.",
  must=[41889445, 24887000])

Q("Hur många vårdbiträden blev undersköterskor genom Äldreomsorgslyftet?", "sv", "text_figure", "answered",
  "Drygt 200 vårdbiträden utbildade sig till undersköterskor, och ytterligare 100 påbörjade vidareutbildning 2022 som avslutas 2023.",
  "001", "Inom hälsa-, vård- och omsorgsförvaltningen har drygt 200 vårdbiträden utbildat sig till undersköterskor och ytterligare 100 vårdbiträden påbörjade sin vidareutbildning under 2022",
  must=[200, 100])

Q("Hur många snubbelstenar invigde stadsarkivet?", "sv", "text_figure", "answered",
  "Tre snubbelstenar invigdes, tillsammans med tillrest släkt från Brasilien, Israel och Storbritannien.",
  "001", "Stadsarkivet invigde även installationen med tre snubbelstenar tillsammans med tillrest släkt från Brasilien, Israel och Storbritannien.",
  must=[3])

Q("Hur många styrgruppsmöten hade Biblioteken i Malmö inom Världens bibliotek 2022?", "sv", "text_figure", "answered",
  "Fem styrgruppsmöten, med Kungliga biblioteket, Stockholms stadsbibliotek och Nasjonalbiblioteket i Oslo.",
  "001", "Biblioteken i Malmö (BiM) har under året genomfört fem styrgruppsmöten",
  must=[5])

Q("Hur många nätverksmöten och studiebesök hade serviceförvaltningen 2022?", "sv", "text_figure", "answered",
  "Serviceförvaltningen hade 4 nätverksmöten online och 2 studiebesök under 2022; inga projektansökningar hanterades.",
  "001", "4 nätverksmöte online och 2 studiebesök under året. Inga projektansökningar har hanterats.",
  must=[4, 2])

Q("Hur länge var DTU på besök i Malmö för MORE-projektet?", "sv", "text_figure", "answered",
  "DTU (Dresden Technical University) besökte Malmö under 10 dagar och gjorde egna observationer med MORE-projektets metoder.",
  "001", "besökte DTU Malmö under 10 dagar och kompletterade med egna observationer",
  must=[10])

Q("React-EU Uppsök: hur många hade skrivits in t.o.m. december 2022?", "sv", "text_figure", "answered",
  "117 personer hade skrivits in i projektet och 101 av dem i Ung Malmö (mål: 200 inskrivna, varav 150 till Ung Malmö).",
  "001", "Följande resultat har uppnåtts t.o.m. december 2022: 117 personer har skrivits in i projektet och 101 av dessa har skrivits in i Ung Malmö.",
  must=[117, 101], mustnot=[160])

Q("Hur många ska skrivas in i React-EU Bortom Malmö?", "sv", "text_figure", "answered",
  "Målet är 160 individer (80 kvinnor och 80 män), varav 40 % ska gå vidare till arbete eller studier; 90 % ska närma sig arbetsmarknaden.",
  "001", "Det förväntade resultatet för projektet är att 160 individer (80 kvinnor och 80 män) ska skrivas in i projektet och att 40% av dessa går vidare till arbete eller studier (50% män och 50% kvinnor).",
  must=[160, 40], mustnot=[117],
  note="Endast förväntat resultat; inget utfall redovisas.")

Q("Hur många deltog i Malmökraften 2.0?", "sv", "text_figure", "answered",
  "Fram till sista december 2022 hade 4295 unika deltagare tagit del av projektet, inklusive 274 från Försäkringskassan; 1870 gick vidare till arbete eller studier (mål: 4000 deltagare, 1800 till arbete/studier).",
  "001", "Fram till sista december 2022 har 4295 unika deltagare tagit del av projektet inklusive 274 deltagare från Försäkringskassan, vilka uppbär sjukpenning. 1870 har gått vidare till arbete eller studier",
  must=[4295, 1870], mustnot=[4000])

Q("Hur mycket ESF-pengar har Care for Ukraine fått?", "sv", "text_figure", "answered",
  "ESF-medlen till Care for Ukraine (Stiftelsen Botildenborg) uppgår till 2 184 964 kronor.",
  "001", "ESF-medlen uppgår till 2 184 964 kr.",
  must=[2184964])

Q("Vilka effekter förväntas av Care for Ukraine?", "sv", "text_figure", "answered",
  "Förväntat är bl.a. att 40 personer ska ha gått vidare till praktik på företag och att 25 personer ska ha fått anställning i någon form efter avslutat projekt.",
  "001", "Förväntade effekter är bland annat att 40 personer ska ha gått vidare till praktik på företag och fått fördjupad kunskap kring den svenska arbetsmarknaden och utökat nätverk samt att 25 perso- ner ska ha fått anställning i någon form efter avslutat projekt.",
  must=[40, 25])

Q("Hur många individer ska Sida vid sida nå?", "sv", "text_figure", "answered",
  "Projektet ska beröra 130 individer, med målet att hälften (dvs. 65) går vidare till arbete eller studier.",
  "001", "Projektet kommer att beröra 130 individer och har som mål att hälften av dessa",
  must=[130])

Q("Vad är målet för Växtplats Botildenborg?", "sv", "text_figure", "answered",
  "Målet är att 150 deltagare ska starta i projektet och att minst 50 ska gå till arbete eller studier.",
  "001", "Projektets mål är att 150 deltagare ska starta i projektet och att minst 50 ska gå till arbete eller studier.",
  must=[150, 50])

Q("Hur många kom till jobbmässan i Köpenhamn i mars 2022?", "sv", "text_figure", "answered",
  "Cirka 3000 deltagare på jobbmässan i Köpenhamn den 8 mars 2022.",
  "001", "o Jobbmässa i Köpenhamn med cirka 3000 deltagare den 8 mars 2022.",
  must=[3000], mustnot=[2000, 300])

Q("Hur många delegater lockade ICLEI:s världskongress?", "sv", "text_figure", "answered",
  "Kongressen i maj 2022 lockade 625 delegater från 55 länder till Malmö, och över 200 deltagare från 43 länder deltog digitalt.",
  "001", "lockade i maj 2022 625 delegater till Malmö från 55 länder och över 200 deltagare från 43",
  must=[625, 55])

Q("Hur ofta träffades storstadsnätverket 2022?", "sv", "text_figure", "answered",
  "Storstadsnätverket (Malmö-Göteborg-Stockholm och Uppsala) träffades 3 gånger under 2022, plus ett digitalt möte i månaden.",
  "001", "Storstadsnätverket (Malmö-Göteborg-Stockholm och Uppsala) har träffats 3 gånger under året.",
  must=[3])

Q("Hur många sociala företag har Stadsmissionen i Inkluderande arbetsintegration?", "sv", "text_figure", "answered",
  "Stadsmissionen har sju sociala företag; projektet beräknas nå 130 män och kvinnor 18–65 år.",
  "001", "Stadsmissionen har sju sociala företag",
  must=[7])

Q("Hur många EU-projekt hade staden 2019?", "sv", "text_figure", "answered",
  "51 EU-projekt 2019, en ökning från 47 projekt 2018.",
  "002", "Projektverksamheten har ökat från 47 EU-projekt på nationell och internationell nivå 2018 till 51 EU-projekt 2019.",
  must=[51], mustnot=[60])

Q("Vad var det totala projektvärdet för EU-projekten 2019?", "sv", "text_figure", "answered",
  "Det totala projektvärdet för de 51 EU-projekten var cirka 725 mkr.",
  "002", "Det totala projektvärdet av de 51 EU-projekten på nationell och internationellt plan är cirka 725 mkr.",
  must=[725000000], mustnot=[25000000],
  note="725 mkr är totalt projektvärde, inte stadens utbetalda medel (25 mkr).")

Q("Hur mycket EU-medel betalades ut till förvaltningarna 2019?", "sv", "text_figure", "answered",
  "Den utbetalda andelen EU-medel till förvaltningarna uppgick till 25 mkr 2019.",
  "002", "Den utbetalda andelen EU-medel till förvaltningarna uppgår till 25 mkr.",
  must=[25000000], mustnot=[725000000, 22500000])

Q("Med hur många externa aktörer samverkade förvaltningarna i projekten 2019?", "sv", "text_figure", "answered",
  "275 externa aktörer 2019.",
  "002", "Under året har förvaltningarna samverkat med 275 antal externa aktörer i projekten.",
  must=[275])

Q("Hur många EU-finansierade tjänster hade miljöförvaltningen 2019?", "sv", "text_figure", "answered",
  "Ett årsgenomsnitt på cirka 17 EU-finansierade tjänster; sammanlagt fick cirka 57 personer del- eller helfinansiering via EU-medel 2019.",
  "002", "Miljöförvaltningen har ett årsgenomsnitt med cirka 17 EU-finansierade tjänster och sammanlagt fick cirka 57 personer del- eller helfinansiering via EU-medel under 2019",
  must=[17, 57])

Q("Hur många internationella besökare hanterade stadsbyggnadskontorets studiebesöksverksamhet 2019?", "sv", "text_figure", "answered",
  "1265 internationella besökare 2019 (sammanfattningen skriver 'drygt 1265'); SBK var den förvaltning som tog emot flest studiebesök.",
  "002", "Under 2019 hanterade studiebesöksverksamheten program för 1265 internationella besökare.",
  must=[1265])

Q("Hur många skolor började digital certifiering tack vare DSoE och ICT-projektet?", "sv", "text_figure", "answered",
  "Cirka 70 av grundskoleförvaltningens skolor påbörjade en digital certifieringsprocess.",
  "002", "har gjort att cirka 70 av förvaltningens skolor påbörjat en digital certifieringsprocess",
  must=[70])

Q("Hur många pedagoger jobbskuggade inom ICT to Enhance Learning?", "sv", "text_figure", "answered",
  "114 pedagoger (rektorer, pedagoger, elevkoordinatorer, skolsköterskor m.fl.) jobbskuggade under tvåårsperioden.",
  "002", "114 pedagoger (rektorer, pedagoger, elevkoordinatorer, skolsköterskor med fler) har jobbskuggat under två årsperioden.",
  must=[114])

Q("Hur många medarbetare kartlades i HÅPP?", "sv", "text_figure", "answered",
  "HÅPP genomförde kompetenskartläggning av 297 medarbetare och chefer (2019).",
  "002", "HÅPP har genomfört kompetenskartläggning av 297 medarbetare och chefer.",
  must=[297])

Q("Vägen in – hur många kvinnor var med och hur många fanns kvar?", "sv", "text_figure", "answered",
  "30 utrikes födda kvinnor erbjöds paketet; 27 var kvar och förväntades fullfölja studierna våren 2020. Dessutom erbjöds cirka 100 ungdomar praktik.",
  "002", "Av 30 kvinnor är det 27 kvar som förväntas fullfölja sina studier under vårterminen 2020.",
  must=[30, 27])

Q("Hur många deltog i StickUt Malmö?", "sv", "text_figure", "answered",
  "En kärna på femtio (50) deltagare från stadens förvaltningar, och därutöver minst 750 personer på lunchmöten, informationsträffar och forskarföreläsningar.",
  "002", "Den primära målgruppen har varit en kärna på femtio deltagare från Malmö stads olika förvaltningar samt därutöver ytterligare minst 750 personer inom staden",
  must=[50, 750])

Q("I hur många nationer finns UCLG:s nätverk?", "sv", "text_figure", "answered",
  "UCLG har ett globalt nätverk med kulturaktörer och städer i 160 nationer.",
  "002", "UCLG har ett globalt nätverk med kulturaktörer och städer i 160 nationer.",
  must=[160])

Q("Hur många läsare når tidningen Förskolan, som skrev om Lillstjärnans projekt?", "sv", "text_figure", "answered",
  "Tidningen Förskolan (8-sidigt inlägg om projektet) når ca 100 000 förskollärare och pedagoger.",
  "002", "Tidningen har läsare över hela Sverige och når ca. 100 000 förskollärare och pedagoger.",
  must=[100000])

Q("Sluta skjut 2019: hur många Call in och hur många deltog?", "sv", "text_figure", "answered",
  "Två Call in under 2019, med cirka 10 personer vid varje tillfälle.",
  "002", "Under 2019 har det skett uppsökande verksamhet inom projektet genom bland annat två ”Call in”. Vid varje tillfälle har cirka 10 personer deltagit.",
  must=[2, 10], mustnot=[13])

Q("Hur många partnerstäder har Naturvation?", "sv", "text_figure", "answered",
  "Malmö deltar som en av sex partnerstäder i Naturvation, som leds av Durham University.",
  "002", "Projektet leds av Durham University och Malmö deltar som en av sex partnerstäder.",
  must=[6])

Q("Hur många delprojekt har Rebus i Malmö?", "sv", "text_figure", "answered",
  "Rebus arbetar med 6 delprojekt i Malmö stad.",
  "002", "Projektet jobbar med 6 olika delprojekt i Malmö stad.",
  must=[6])

Q("Hur mycket har elevantalet ökat i grundskolan sedan 2015 enligt 2019 års redovisning?", "sv", "text_figure", "answered",
  "Sedan december 2015 har antalet elever ökat med omkring 5000.",
  "002", "Sedan december 2015 har antalet elever ökat med omkring 5000 elever.",
  must=[5000])

Q("Hur många socialsekreterare arbetade i Hela familjen 2.0?", "sv", "text_figure", "answered",
  "15 socialsekreterare samt projektledare och projektadministratör.",
  "004", "I projektet arbetar 15 socialsekreterare samt projektledare och projektadministratör.",
  must=[15], section="4.4 Uppnådda resultat (direkt projektrelaterade och indirekta resultat) / Hela familjen 2.0")

Q("Hur stor andel av TAMU-deltagarna gick till arbete eller studier?", "sv", "text_figure", "answered",
  "Enligt hittills gjorda utvärderingar (2018 års redovisning) har 30 procent gått till arbete/studier eller annan kompetenshöjande insats.",
  "004", "Hittills gjorda utvärderingar visar att 30 procent av deltagarna har gått till arbete/studier eller annan kompetenshöjande insats efter avslutat deltagande.",
  must=[30], section="4.4 Uppnådda resultat (direkt projektrelaterade och indirekta resultat) / TAMU Malmö")

Q("Hur mycket EU-medel fick arbetsmarknads- och socialförvaltningen 2019?", "sv", "text_figure", "answered",
  "4 029 253 kronor fördelat på åtta projekt 2019.",
  "003", "Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen har under 2019 uppgått till 4 029 253 SEK fördelat på åtta projekt.",
  must=[4029253], mustnot=[25000000, 20038526])

Q("Hur många EU-projekt var ASF projektägare för 2019?", "sv", "text_figure", "answered",
  "Fyra: Hela Familjen 2.0, TAMU Malmö, Vägen in och Yalla Sofielund. Dessutom var förvaltningen projektpart i tre projekt.",
  "003", "Arbetsmarknads- och socialförvaltningen har varit projektägare för fyra EU-finansierade projekt under 2019: Hela Familjen 2.0, TAMU Malmö, Vägen in samt Yalla Sofielund.",
  must=[4], words=["hela familjen", "tamu", "vägen in", "yalla"])

Q("Hur många tjänstepersoner på stadskontoret arbetar med internationella frågor?", "sv", "text_figure", "answered",
  "Avdelningen för Omvärld och näringsliv har avsatt tre tjänstepersoner för det internationella arbetet (2022), varav en är verksamhetsansvarig för Brysselkontoret.",
  "001", "Avdelningen för Omvärld och Näringsliv har avsatt tre tjänstepersoner för det internationella",
  must=[3])

Q("Hur stor del av en tjänst lägger kulturförvaltningen på UCLG-arbetet 2019?", "sv", "text_figure", "answered",
  "Tre tjänstepersoner arbetade med UCLG på del av sina tjänster, sammanlagt motsvarande 25 % av en tjänst över året; dessutom avsätter en tjänsteperson ca 20 % för övergripande internationella frågor.",
  "002", "I arbetsgruppen för arbetet inom ramen för UCLG har tre tjänstepersoner arbetat löpande under året på del av sina tjänster, sammanlagt motsvarar tiden 25% av en tjänst över året.",
  must=[25], mustnot=[])

Q("How many people worked in the HÅPP project team?", "en", "text_figure", "answered",
  "HÅPP had five project staff, all financed with project funds (project manager, project administrator, two coordinators for pedagogical support, and from October 2019 a part-time web producer).",
  "002", "HÅPP har fem projektmedarbetare, samtliga finansieras med projektmedel.",
  must=[5])

Q("How many schools took part in the Digital Schools of Europe project?", "en", "text_figure", "answered",
  "Ten schools in the compulsory school administration took part, together with seven other countries, in the Erasmus+ project, which ended in February 2019.",
  "002", "Tio skolor inom grundskoleförvaltningen ingick tillsammans med sju andra länder i ett Erasmus+projekt och fick EU-medel för detta.",
  must=[10, 7])

Q("How many people attended the job fair in Malmö on 25 October 2022?", "en", "text_figure", "answered",
  "About 2,000 participants.",
  "001", "o Jobbmässa i Malmö med cirka 2000 deltagare den 25 oktober 2022.",
  must=[2000], mustnot=[3000, 300])

Q("What was the range of total budgets for the projects Malmö owned in 2022?", "en", "text_figure", "answered",
  "The total budgets of the 20 EU projects the city owned in 2022 ranged from about SEK 250,000 to SEK 15,000,000 (combined budget value SEK 78.8 million).",
  "001", "EU-projekts totala budget sträcker sig mellan cirka 250 000 kronor till 15 000 000 kronor.",
  must=[250000, 15000000], mustnot=[70000, 220000000])
