# -*- coding: utf-8 -*-
import json, re, glob, collections, sys
sys.path.insert(0, "/work/eval_new")
import build_part1
import build_part2, build_part3, build_part4  # noqa: F401  (register items)
from build_part1 import ITEMS, DOCS


EXTRA_NOTES = {
 "Hur mycket var Malmö stads del av projektvärdet 2019?": "Andra citat: 'Den utbetalda andelen EU-medel till förvaltningarna uppgår till 25 mkr.' (002).",
 "Stämmer det att staden hade lika många EU-projekt 2022 som 2018?": "Andra citat: 'Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt' (001).",
 "Vilka ERUF-projekt hade ASF 2019 och vad fick de?": "Andra citat: 'Malmö Innovationsarena ERUF 214 598 SEK 8' (003).",
 "Vilket EU-program gav mest pengar 2024 och vilket minst?": "Andra citat: 'Interreg-projekt 635 342 kronor' (000).",
 "Vilket kommunfullmäktigemål hade flest och vilket färst projekt 2024?": "Andra citat: '5. En god organisation 7 projekt' (000).",
 "Vilken typ av samverkanspart var vanligast för ASF 2018?": "Andra citat: 'Summa\t30' i tabell 4 (004).",
 "Vilken förvaltning tog emot flest studiebesök 2019?": "Andra citat: 'Under 2019 hanterade studiebesöksverksamheten program för 1265 internationella besökare.' (002).",
 "Which fund accounted for most of the co-financing in 2024, and what came next?": "Other quote: 'ESF-projekt 29 239 146 kronor' (000).",
 "Stämmer det att Malmö stad var projektägare i 47 EU-projekt 2022?": "Andra citat: 'Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt, antingen som projektägare eller projektpartner' (001).",
 "Stämmer det att miljöförvaltningen fick mest EU-medel 2022?": "Andra citat: 'Arbetsmarknads och socialförvaltningen ca 8,3 miljoner kr' (001).",
 "Stämmer det att EU-medlen 2024 främst kom från Erasmus+?": "Andra citat: 'ESF-projekt 29 239 146 kronor' och 'Erasmus-projekt 8 309 537 kronor' (000).",
 "Stämmer det att EU alltid står för halva projektkostnaden?": "Andra citat: 'medlen täcker 50 % av projektkostnaderna till 40 %. Då sökande i fortsättningen står för 60% av projektkostnaden' (001).",
 "Stämmer det att Malmökraften nådde sitt mål för hur många som skulle gå till arbete eller studier?": "Andra citat: '4000 deltagare förväntas delta i Malmökraften 2.0 med mål att 1800 av dem ska ha gått till arbete eller studier vid avslutat projekt.' (001).",
 "Is it true that the city's EU funding more than doubled between 2022 and 2024?": "Other quote: 'Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut 1 medfinansiering' (000).",
 "Hur mycket betalades ut per fond 2022?": "Andra citat: 'Under 2022 utbetalades sammanlagt cirka 22,5 miljoner kronor i EU-medel till de projekt där Malmö stad var projektägare.' (001).",
 "Hur många deltog i Malmökraften 2024?": "Andra citat (2022): 'Fram till sista december 2022 har 4295 unika deltagare tagit del av projektet' (001).",
 "grundskolan hur manga projekt 2022 vs 2024": "Andra citat: 'Grundskolenimnden 9 projekt 5900 000 kronor' (000). Obs förvaltning 2022 vs nämnd 2024.",
 "stämmer det att det är mindre än 2022?": "Andra citat: 'Gymnasie- och vuxenutbildningsnimnden 5 projekt 3813 000 kronor' (000).",
 "How many EU projects did Malmö take part in during 2022, and how many did it own?": "Other quote: 'Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt' (001).",
 "How were the labour market administration's 2018 partners split by sector?": "Other rows of table 4 (004): 'Offentlig\t13', 'Privat\t5', 'Universitet/forskning\t3', 'Ideell sektor\t9'.",
 "Hur har arbetsmarknads- och socialförvaltningens EU-medel utvecklats över åren?": "",
}

TRANSLATE = {
 "Hur mycket betalades ut till Erasmus-projekt 2024?": ("How much was paid to Erasmus projects in 2024?", "SEK 8,309,537 was paid to Erasmus projects in 2024.", None),
 "Hur mycket fick ASF för Yalla Sofielund 2019?": ("How much did Yalla Sofielund bring the labour market and social services administration in 2019?", "SEK 215,824 from the ESF was paid to the administration for Yalla Sofielund in 2019.", None),
 "Hur många deltog i IPVI-konferensen?": ("How many people attended the IPVI conference?", "80 participants from various authorities and the local community attended a full-day conference during the visit of the US National Network for Safe Communities (NNSC) in 2022.", None),
 "Hur många skolor började digital certifiering tack vare DSoE och ICT-projektet?": ("How many schools started digital certification thanks to the DSoE and ICT projects?", "About 70 of the compulsory school administration's schools started a digital certification process.", None),
 "Hur många aktörer ingår i LFM30?": ("How many actors are in the LFM30 network?", "LFM30 (Lokal Färdplan Malmö 2030) is a network of about 200 actors from the construction sector.", None),
 "Äldreomsorgslyftet: hur mycket kunde nämnden rekvirera och vad blev utfallet?": ("Äldreomsorgslyftet (elderly care boost): how much could the committee claim, and how much did it actually get?", "The health, care and elderly committee could claim SEK 41,889,445; the outcome was SEK 24,887,000 (a state grant partly financed by EU funds, 2022).", None),
 "Hur många fler EU-projekt hade staden 2024 jämfört med 2019?": ("How many more EU projects did the city have in 2024 than in 2019?", "9 more: 60 projects in 2024 against 51 in 2019 (about +18%).", None),
 "Hur stor andel av utbetalda EU-medel 2022 gick till målet Utbildning och arbete?": ("What share of the EU funds paid out in 2022 went to the goal 'Utbildning och arbete' (education and work)?", "About 75%: SEK 16,881,967 of SEK 22,550,504 (74.9%).", None),
 "Vilken förvaltning deltog i flest EU-projekt 2022?": ("Which administration took part in the most EU projects in 2022?", "The environment department (miljöförvaltningen) with 14 projects, followed by the compulsory school administration with 12.", ["environment"]),
 "Vilken nämnd hade färst EU-projekt 2024?": ("Which committee had the fewest EU projects in 2024?", "The city planning committee (stadsbyggnadsnämnden), with 1 project (SEK 444,000).", ["planning"]),
 "Hur har antalet skjutningar i Malmö förändrats enligt redovisningarna?": ("How has the number of shootings in Malmö changed according to the reports?", "2017: 65; 2019: 31 (up to 19 November); 2020: 20; 2021: 21; 2022: 29. The 2019 figure is not a full year, and no figure is given for 2018.", None),
 "Stämmer det att ICLEI-kongressen i Malmö samlade över 600 delegater?": ("Is it true that the ICLEI congress in Malmö drew over 600 delegates?", "Yes. 625 delegates from 55 countries in May 2022, plus over 200 digital participants.", None),
 "Vilka länder samverkade staden mest med 2022?": ("Which countries did the city cooperate with most in 2022?", "Most cooperation was with the EU countries Denmark, Finland, Spain, Greece, Portugal, Italy and France, out of about 30 countries in total.", ["denmark", "finland", "spain"]),
 "Hur många skjutningar var det i Malmö 2023?": ("How many shootings were there in Malmö in 2023?", "Not reported. The latest figure in the reports is 29 shootings in 2022.", None),
 "Hur mycket EU-medel fick serviceförvaltningen 2022?": ("How much EU funding did the service administration receive in 2022?", "Not reported. The service administration took part in 1 project in 2022 but is not in the table of paid EU funds, and says it handled no project applications.", None),
 "Hur mycket EU-medel fick Malmö stad totalt 2018?": ("What was Malmö's total EU funding in 2018?", "No city-wide total for 2018 is given. What is available: the labour market and social services administration received SEK 20,038,526 in 2018, and the city had 47 EU projects that year.", None),
 "Vad är Rebus?": ("What is Rebus?", "Rebus is the service administration's Interreg Europe project on energy efficiency in existing municipal buildings. It focuses on non-technical aspects (skills, incentives, communication/behaviour change) and has 6 sub-projects in Malmö.", ["interreg", "energy"]),
 "Hur många i Hela familjen 2.0 blev självförsörjande – 185 eller 187?": ("How many Hela familjen 2.0 participants became self-supporting – 185 or 187?", "The reports differ: the 2018 ASN report says 185, the city's 2019 report says 187. Both give over 800 participants, over 300 who left the project, and a target of 120. The difference may reflect different measurement dates, but this is not explained.", None),
 "Vad är LuMa?": ("What is LuMa?", "LuMa – Lusaka and Malmö Youth for Change – is a project between Malmö and Lusaka (Zambia), run by the environment department with the compulsory school administration and financed by ICLD. It aims at local democracy and youth participation in climate work; a youth council was set up.", ["lusaka", "icld"]),
}
for it in ITEMS:
    if it["question"] in EXTRA_NOTES and EXTRA_NOTES[it["question"]]:
        it["note"] = (it["note"] + " " + EXTRA_NOTES[it["question"]]).strip()
    if it["question"] in TRANSLATE:
        q, a, w = TRANSLATE[it["question"]]
        it["question"], it["answer"], it["lang"] = q, a, "en"
        if w is not None:
            it["words"] = w

CORPUS = "/work/shared/corpus"
raw = {k: open(glob.glob(f"{CORPUS}/{k}_*.txt")[0], encoding="utf-8").read() for k in DOCS}


def normalize_with_map(text):
    out, idx = [], []
    prev_space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                out.append(" "); idx.append(i)
            prev_space = True
        else:
            out.append(ch); idx.append(i); prev_space = False
    return "".join(out), idx


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


NORM = {k: normalize_with_map(v) for k, v in raw.items()}


def page_of(doc, line_no):
    lines = raw[doc].split("\n")
    markers = [i + 1 for i, l in enumerate(lines) if re.match(r"^ [^ ]", l)]
    base = 0 if (markers and markers[0] == 1) else 1
    return base + sum(1 for m in markers if m <= line_no)


def section_of(doc, line_no):
    lines = raw[doc].split("\n")
    for i in range(line_no - 1, -1, -1):
        l = lines[i]
        if doc == "002" and l.startswith("#"):
            return re.sub(r"[#*□]", "", l).strip()
        if doc == "004" and re.match(r"^\d+(\.\d+)*\s[^\t]+$", l) and i > 23:
            return l.strip()
    return None


errors = []
out = []
for n, it in enumerate(ITEMS, 1):
    qid = f"e{n:03d}"
    doc = it["doc"]
    nt, idx = NORM[doc]
    q = norm(it["quote"])
    pos = nt.find(q)
    if pos < 0:
        errors.append((qid, "QUOTE NOT FOUND", doc, q[:90]))
        line_no = None
    else:
        line_no = raw[doc][: idx[pos]].count("\n") + 1
    page, section = None, None
    if doc in ("000", "001", "003") and line_no:
        page = page_of(doc, line_no)
    if doc in ("002", "004") and line_no:
        section = it["section"] or section_of(doc, line_no)
    if it["section"] and doc in ("000", "001", "003"):
        section = it["section"]
    fu = None
    if it["fu"]:
        fu = out[-1]["id"]
    rec = {
        "id": qid,
        "question": it["question"],
        "lang": it["lang"],
        "kind": it["kind"],
        "followup_of": fu,
        "expected_status": it["status"],
        "expected_answer": it["answer"],
        "must_numbers": it["must"],
        "must_not_numbers": it["mustnot"],
        "must_words": [w.lower() for w in it["words"]],
        "source_doc": DOCS[doc],
        "source_page": page,
        "source_section": section,
        "source_quote": it["quote"],
        "note": it["note"],
    }
    out.append(rec)

# sanity checks
kinds = {"table_figure", "text_figure", "project", "arithmetic", "rank", "series", "claim", "narrative",
         "not_reported", "partial", "colloquial", "inconsistency", "followup", "english"}
ids = set()
for r in out:
    assert r["kind"] in kinds, r
    assert r["lang"] in ("sv", "en"), r
    assert r["expected_status"] in ("answered", "partial", "not_reported"), r
    if r["followup_of"]:
        assert r["followup_of"] in ids, r
    if r["kind"] == "followup":
        assert r["followup_of"], r["id"]
    ids.add(r["id"])
    # numbers present in quote (for non-arithmetic, answered items) -- soft check
    qn = norm(r["source_quote"]).replace(" ", "")
    for x in r["must_numbers"]:
        s = str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")
        if s not in qn and r["kind"] not in ("arithmetic", "series", "inconsistency"):
            errors.append((r["id"], "must_number not literally in quote (check)", x))

for e in errors:
    print("WARN", e)
json.dump(out, open("/work/eval_new/questions.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("total", len(out))
print(collections.Counter(r["kind"] for r in out))
print(collections.Counter(r["lang"] for r in out))
print(collections.Counter(r["expected_status"] for r in out))
print(collections.Counter(r["source_doc"] for r in out))
