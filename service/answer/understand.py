"""Understand: a question (Swedish or English, any casing, with or without å/ä/ö) -> Query.

Slots come from the alias registry (organisations, funds), year expressions (single, range,
"i fjol" relative to the latest report, "2023 jämfört med 2024") and keyword families for
the metric and intent. Nothing here rejects a question: unknown words leave slots empty
and the engine falls back to retrieval, unless nothing at all is understood (`reads_nothing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from core.entities import CITY, Mention, Registry, fold
from core.lang import LANGS, cue, pack, roles, word_list
from core.names import SURE, misspelled
from core.numbers import Typed, parse_figures, typed_figures, word_numbers
from core.schemas import Project, Query
from core.vocabulary import load as load_vocabulary
from core.words import tokenize

EN_WORDS = {"how", "much", "many", "what", "which", "did", "does", "the", "were", "was", "get", "receive",
            "received", "funds", "money", "projects", "and", "about", "is", "it", "true", "that", "of",
            "compare", "list", "show", "there", "who", "when", "why", "where", "has", "have", "with",
            "from", "between", "each", "year", "city", "department", "committee", "share", "total", "most", "by",
            "rank", "paid", "got", "its", "their", "participants", "people"}
SV_WORDS = {"hur", "mycket", "många", "manga", "vilka", "vilken", "fick", "och", "för", "for", "är", "ar", "det",
            "att", "stämmer", "stammer", "pengar", "medel", "antal", "projekt", "jämfört", "jamfort", "under", "till",
            "vad", "gjorde", "har", "om", "var", "inom", "då", "da", "mkt", "utbetalt", "utbetalda", "utbetalades",
            "betalades", "vilket", "vem", "nar", "när", "blev", "hade", "deltog", "sammanlagt", "totalt", "eller",
            "ca", "cirka", "kr", "kronor", "miljoner", "mkr", "fjol", "år", "arbete", "samt", "hos", "fran"}

VOCAB = load_vocabulary()
TABLE_METRICS = {m for m in VOCAB.metrics if m != "figure"}
INTENTS = [  # the first that matches is the question's intent (cues: core/data/lang/*.toml)
    ("check", cue("claim").pattern),
    ("comparison", cue("intent_comparison").pattern),
    ("series", cue("intent_series").pattern),
    ("list", cue("intent_list").pattern + "|" + cue("most").pattern + "|" + cue("least").pattern),
    ("count", cue("intent_count").pattern),
]
DIMENSIONS = [(d, cue(f"dim_{d}").pattern) for d in ("category", "fund", "goal", "org", "project")]
GOAL = re.compile(r"(?:kf-?mal|mal|goal|malomrade|budgetmal)\s*(?:nr\.?|nummer|number)?\s*(\d{1,2})\b")
RELATIVE = [(cue("last_year").pattern, -1), (cue("year_before_last").pattern, -2), (cue("this_year").pattern, 0)]
BOTH = {"eu_funds_paid", "project_count"}  # metrics a question may ask for together
PARTS_OF = {"owned_project_count", "partner_project_count"}  # asked for these, the total is another question
RANGE = re.compile(r"((?:19|20)\d{2})\s*(?:-|–|—|till|to|och|and)\s*((?:19|20)\d{2})")


def detect_lang(question: str) -> str:
    words = re.findall(r"[a-zåäö]+", question.lower())
    en = sum(w in EN_WORDS for w in words)
    sv = sum(w in SV_WORDS for w in words) + len(re.findall(r"[åäö]", question.lower()))
    sv += sum(1 for w in words if re.search(r"(forvaltning|namnd|projekt|medel|pengar|ningen|heten|arna|erna)$", w))
    return "en" if en > sv else "sv"


def _years(q: str, latest: int | None) -> list[int]:
    years: list[int] = []
    for m in RANGE.finditer(q):
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        joined = re.search(r"mellan|between|fran|from|-|–|till|to", m.group())
        if joined and hi - lo <= 10 and " och " not in m.group() and " and " not in m.group():
            years.extend(range(lo, hi + 1))
    years.extend(int(y) for y in re.findall(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])", q))
    since = re.search(r"(?:sedan|sen|since|fran och med|from)\s+((?:19|20)\d{2})(?!\s*(?:-|–|till|to|och|and)\s*\d)", q)
    if since and latest and int(since.group(1)) < latest:
        years.extend(range(int(since.group(1)), latest + 1))
    if latest:
        for pattern, delta in RELATIVE:
            if re.search(pattern, q):
                years.append(latest + delta)
    return sorted(dict.fromkeys(years), key=years.index)


ASK_QUANTITY = f"(?:{cue('amount_ask').pattern}|{cue('intent_count').pattern})"
QUANTITY = re.compile(  # the noun asked after 'hur många' / 'how many' (cues: quantity_* in core/data/lang/*.toml)
    rf"{ASK_QUANTITY}\s+(?:(?:{cue('quantity_filler').pattern})\s+)?(?:(?:{cue('quantity_more').pattern})\s+)?"
    rf"([a-z][\w\-]*(?:\s(?:{cue('quantity_join').pattern})\s[a-z][\w\-]*"
    rf"|\s(?!(?:{cue('quantity_stop').pattern})\b)[a-z][\w\-]*)?)")
RANK_NOUN = re.compile(f"(?:{cue('ranked_noun').pattern})"
                       r"\s+(?:antal\s+)?(?:eu[ -]?)?([a-z][\w\-]*)")
CLAIMED_NOUN = re.compile(rf"^\s*(?:(?:{cue('quantity_filler').pattern})\s+)?([a-z][\w\-]*(?:\s[a-z][\w\-]*)?)")
TABLE_NOUNS = re.compile(rf"^(eu[ -]?)?(?:{cue('table_noun').pattern})\b")
MONEY_NOUNS = re.compile(rf"^(eu[ -]?)?(?:{cue('money_word').pattern})")
VAGUE = re.compile(rf"^(?:{cue('vague_word').pattern})$")
PASSIVE = re.compile(rf"^(?:{cue('passive_verb').pattern})$")  # "skrevs", "genomfördes": a verb, no noun
AMOUNT = re.compile(cue("amount_ask").pattern)
STOP = re.compile(rf"^(?:{cue('quantity_stop').pattern})$")
EURO = cue("unit_eur")
PERCENT = cue("unit_percent")
COUNT_ASKS = [pack(lang).cues["intent_count"][0] for lang in LANGS]  # each pack's first: a plain phrase
PERCENT_WORD = re.compile(rf"^(?:{cue('unit_percent').pattern})$")
CHECK = cue("claim")
THRESHOLD = re.compile(r"(mer|mindre|fler|farre|over|under|more|less|fewer|greater|above|below)\s+(an|than)\s+")
NAME = re.compile(r"(?<![\w])([A-ZÅÄÖ][\wÅÄÖåäö\-+]{1,}(?:\s[A-ZÅÄÖ0-9][\wÅÄÖåäö\-+]*)*)")
ORG_WORD = re.compile(r"\b([\wåäö\-]+(?:forvaltningen|forvaltning|forv|namnden|namnd|kontoret|kontor))\b")


def _quantity(q: str) -> tuple[str | None, str | None]:
    """(noun asked, table metric it names) from 'hur många X' / 'antal X' / 'how many X'."""
    m = QUANTITY.search(q)
    if not m:
        return None, None
    noun = m.group(1)
    first = noun.split()[0]
    if AMOUNT.match(m.group()) or PERCENT_WORD.match(first):
        return None, None
    if TABLE_NOUNS.match(noun) or TABLE_NOUNS.match(noun.split()[-1]):
        return None, None
    if MONEY_NOUNS.match(first) or VAGUE.match(first) or PASSIVE.search(first):
        return None, None
    return noun, "figure"


OF_WHOLE = cue("of_whole")  # "9 av stadens nämnder": the noun after the whole is what is counted


def _claimed_quantity(after: str, metric: str | None, quantity: str | None) -> tuple[str | None, str | None]:
    """'Stämmer det att ... 60 EU-projekt' counts projects; '... 600 delegates' counts delegates; '9 av stadens
    nämnder' counts nämnder."""
    after = OF_WHOLE.sub(" ", after, count=1)
    m = CLAIMED_NOUN.match(after)
    if not m:
        return metric, quantity
    noun = m.group(1)
    named = next((mt for ask in COUNT_ASKS for mt in VOCAB.metrics_in(f"{ask} {noun}")
                  if mt not in ("figure", "eu_funds_paid")), None)
    if named == "project_count" and metric in ("owned_project_count", "partner_project_count"):
        return metric, None  # "projektägare i 47 EU-projekt": the owned projects, not all of them
    if named:
        return named, None
    return "figure", noun.split()[0] if not STOP.match(noun.split()[0]) else None


def _unit(q: str, metric: str | None) -> str | None:
    if EURO.search(q):
        return "EUR"
    if PERCENT.search(q) and not cue("percent_change").search(q):
        return "percent"
    if cue("unit_sek").search(q):
        return "SEK"
    if cue("intent_count").search(q):
        return "count"
    return VOCAB.unit(metric) if metric else None


ONE_MILLION = re.compile(r"\b(?:en|one|a)\s+(?=miljon|million)", re.IGNORECASE)


def _threshold(question: str, q: str) -> float | None:
    question = ONE_MILLION.sub("1 ", question)
    q = fold(question)
    m = THRESHOLD.search(q) or re.search(r"\b(over|above)\s+(?=\d)", q)
    if not m:
        return None
    figures = [f for f in typed_figures(question[m.end():]).figures if not f.is_year_like]
    if not figures:
        return None
    value = figures[0].value
    tail = q[m.end() + figures[0].end: m.end() + figures[0].end + 12]
    if re.match(r"\s*(miljoner|miljon|mkr|million)", tail) and value < 1000:
        value *= 1e6
    return value


def unresolved_names(question: str, registry: Registry, known: set[str]) -> list[str]:
    """Organisation-like words ("tekniska förv", "xyzförvaltningen") that the registry does not know."""
    q = fold(question)
    out = []
    for m in ORG_WORD.finditer(q):
        if not registry.find_orgs_asked(m.group(1)) and not any(m.start() >= k.start and m.end() <= k.end
                                                             for k in registry.find_orgs_asked(question)):
            out.append(question[m.start(): m.end()])
    return [o for o in out if fold(o) not in known]


def _in_a_name(question: str, mention: Mention) -> bool:
    """'Malmö' in 'Malmö Innovationsarena' names a project, not the city."""
    word = question[mention.start:mention.end]
    return word.lower().startswith("malm") and len(word) <= 6 and bool(re.match(r"\s+[A-ZÅÄÖ]", question[mention.end:]))



# --- names, cues and words: read here once, so no later stage reads the question again -----------

@dataclass(frozen=True)
class Lexicon:
    """What one build names that a question may name: the projects of its tables and the goal labels
    (label, goal number, year)."""

    projects: frozenset[str] = frozenset()
    goals: tuple[tuple[str, str, int], ...] = ()


NAME_LIKE = re.compile(r"(?<![.?!]\s)\b(?:[A-ZÅÄÖ][\wåäöÅÄÖ\-+.]*[\wåäöÅÄÖ+])(?:\s+(?:[A-ZÅÄÖ0-9][\wåäöÅÄÖ\-+.]*"
                       r"[\wåäöÅÄÖ+]|of|for|to|the)(?=\s+[A-ZÅÄÖ0-9]|\b))*"
                       r"|[”\"'“]([^”\"'“]{3,})[”\"'“]")
ACRONYM = re.compile(r"[A-ZÅÄÖ].*[A-ZÅÄÖ]")
METRIC_NAMES = {"a", "an", "ar", "de", "den", "det", "en", "esf-pengar", "ett", "eu", "eu-medel", "eu-medlen",
                "eu-pengar", "eu-projekt", "eu-projekten", "how", "hur", "i", "is", "kf", "kf-mal", "mkr", "och",
                "sek", "stammer", "the", "vad", "var", "vilka", "vilken", "what", "which"}
PLACE = re.compile(r"\b(?:i|pa|vid|in|at|on)\s+([a-z\-]+)")  # where something happened, not what it counts
GOAL_WORDS = 2  # distinctive words a question shares with a goal's label to name it
SHORT = 7  # words: a longer question stands on its own
QUESTION_WORDS = set(tokenize(" ".join(word_list("question"))))
METRIC_WORDS = set(tokenize(" ".join(word_list("metric"))))


def names_in(question: str, registry: Registry) -> list[str]:
    """Capitalised words, acronyms and quoted phrases that are not organisations or funds: a project, an event."""
    text = question
    known = [(m.start, m.end) for m in (*registry.find_orgs_asked(text), *registry.find_funds_asked(text))]
    out = []
    text = text.strip()
    for m in NAME_LIKE.finditer(text):
        first = m.group().split()[0] if m.group().split() else ""
        if m.start() == 0 and not (ACRONYM.search(first) or text[m.end():m.end() + 1] == ":"):
            continue  # a capital that only starts the sentence ("Hur", "Stämmer"), unless "HÅPP", "React-EU", "X:"
        words = [w for w in m.group().strip("”\"'“?.,!").split() if fold(w) not in METRIC_NAMES and not w.isdigit()]
        name = " ".join(words) if words and fold(words[0]) == fold(m.group().split()[0]) else ""
        name = re.sub(r"(?i)-?projekte[nt]$|-?projekt$|^projektet\s+", "", name)
        name = re.sub(r"-[a-zåäö]+$", "", name)  # "TAMU-deltagarna": the name is TAMU
        mentions = [fold(text[a:b]) for a, b in known if a < m.end() and m.start() < b]
        inside = any(fold(name) in k for k in mentions)  # an organisation or fund ("React-EU Uppsök" is a project)
        if not inside and fold(name) not in METRIC_NAMES and len(name) > 1:
            out.append(name)
    return out


def variants(question: str, name: str) -> list[str]:
    """'Sluta skjut' from "vad är Sluta skjut": the name with the lower-case words after it, longest first."""
    at = question.find(name)
    if at < 0:
        return [name]
    rest = re.findall(r"[\wåäöÅÄÖ\-]+", question[at + len(name):])[:2]
    return [f"{name} {' '.join(rest[:n])}" for n in (2, 1) if len(rest) >= n] + [name]


def content_terms(text: str) -> list[str]:
    """Word stems that are no question words (and no numbers)."""
    return list(dict.fromkeys(t for t in tokenize(text) if t not in QUESTION_WORDS and not t.isdigit()))


def noun_terms(text: str) -> list[str]:
    """An English question's nouns as stems of the nouns the reports write ('visitors' -> 'besok'), so that
    its words meet the reports' (core/data/vocabulary.toml, [[noun]])."""
    if detect_lang(text) == "sv":
        return []
    return [t for t in content_terms(" ".join(VOCAB.swedish_nouns(text))) if t not in content_terms(text)]


def topic_terms(text: str, registry: Registry) -> list[str]:
    """Distinctive stems of a text: not question, metric, organisation or fund words."""
    spans = [(m.start, m.end) for m in (*registry.find_orgs_asked(text), *registry.find_funds_asked(text))]
    folded = fold(text)
    for start, end in sorted(spans, reverse=True):
        folded = folded[:start] + " " + folded[end:]
    return list(dict.fromkeys(t for t in tokenize(folded) if t not in QUESTION_WORDS and t not in METRIC_WORDS
                              and not t.isdigit() and len(t) > 2))


def _named_in(q: str, names: set[str]) -> list[str]:
    """Names (goal labels, project names) that the folded question mentions, longest first."""
    return [n for n in sorted(names, key=len, reverse=True) if len(n) > 3 and fold(n) in q]


def _goals_named(question: str, q: str, years: list[int], lexicon: Lexicon) -> list[str]:
    labels = {label for label, _, year in lexicon.goals if not years or year in years}
    named = set(_named_in(q, labels))
    if not named and cue("goal").search(q):
        asked = set(tokenize(question))
        overlap = {lb: len(asked & set(tokenize(lb))) for lb in labels if lb}
        best = max(overlap.values(), default=0)
        named = {lb for lb, n in overlap.items() if n == best and n >= GOAL_WORDS}
    return sorted({goal for label, goal, _ in lexicon.goals if label in named})


def _rank_by(q: str) -> str:
    """What the rows of a ranking or threshold are."""
    if re.search(r"forvaltning|namnd|department|committee|administration|\bboards?\b", q):
        return "org"
    if re.search(r"\bfond|program|funds?\b(?! paid)", q) and not re.search(r"eu.funds", q):
        return "fund"
    if re.search(r"\bmal\b|malen|malet|goal", q):
        return "goal"
    if re.search(r"vilket projekt|vilka projekt|which project", q):
        return "project"
    return "org"


def _asked_numbers(question: str) -> list[float]:
    """The asker's own numbers ('över en miljon', '41,9 miljoner'), as any reader finds them in what was typed
    (the '8,3' of '8,3,3,3,3'): an answer may repeat them."""
    out = [1_000_000.0] if re.search(r"\b(?:en|one|a)\s+(?:miljon|million)\b", question, re.IGNORECASE) else []
    for fig in parse_figures(question) + typed_figures(question).figures + word_numbers(question):
        out.append(fig.value)
        if fig.bare and fig.value < 1000 and "miljon" in question[fig.end:fig.end + 9]:
            out.append(fig.value * 1e6)
    return out


def _claim_form(question: str, claimed: float | None, lang: str) -> tuple[float, bool]:
    """The precision of the claimed figure as written and whether it is hedged ('nästan', 'drygt')."""
    if claimed is None:
        return 0.0, False
    stated = [f for f in typed_figures(ONE_MILLION.sub("1 ", question), lang).figures
              if abs(f.value - claimed) < 0.5 * max(1.0, f.precision)]
    return (stated[0].precision, bool(stated[0].qualifier)) if stated else (0.0, False)


def _claimed_figures(question: str) -> Typed:
    """The figures of a claim, read the way its language writes them."""
    return typed_figures(ONE_MILLION.sub("1 ", question), "en" if detect_lang(question) == "en" else "sv")


def unread_numbers(query: Query) -> list[str]:
    """The numbers a claim writes that cannot be read as one ('8,3,3,3,3 miljoner'): its figure is unknown."""
    return _claimed_figures(query.question).unreadable if query.intent == "check" else []


WORD = re.compile(r"[^\W\d_]+")
ASKING_WORDS = {fold(w) for w in (*word_list("question"), *SV_WORDS, *EN_WORDS)}
A_WORD = 3.0  # Zipf frequency (wordfreq) from which a string is a word written in Swedish or English ('xxxx' 2.9)
EVERY_QUESTION = {"question", "lang", "intent", "rank_by", "search_text", "terms", "topic_terms"}  # always filled


def _reads_a_slot(query: Query) -> bool:
    """Some slot is filled: an organisation, fund, project, name, year, measure, cue or number was read."""
    blank = Query(question=query.question, lang=query.lang, intent="narrative")
    return query.intent != "narrative" or any(getattr(query, slot) != getattr(blank, slot)
                                              for slot in Query.model_fields if slot not in EVERY_QUESTION)


def reads_nothing(query: Query, known: Callable[[str], bool]) -> bool:
    """Nothing of the question is understood ('xxxx', 'asdf qwerty'): no slot read, no word a language pack asks
    with, no word the reports use (`known`), and mostly no words of Swedish or English."""
    if _reads_a_slot(query):
        return False
    words = [w.lower() for w in WORD.findall(query.question)]
    if any(fold(w) in ASKING_WORDS or known(w) for w in words):
        return False
    nonwords = [w for w in words if max(zipf_frequency(w, "sv"), zipf_frequency(w, "en")) < A_WORD]
    return not words or 2 * len(nonwords) > len(words)


GENERIC_ORG = re.compile(r"^(forvaltning|namnd|kontor|styrelse|organisation|kommun)[a-z]*$")
ORG_LIKE = 7  # letters of a word that may be a misspelled organisation name


CLAIMED_AMOUNT = 100_000  # a claimed figure this large is an amount ("80 miljoner"), not a count beside it
PAIR_WORD = 5  # letters of the second word of a two-word name read from a near miss ("nämden")


@cache
def _org_words(registry: Registry, words: int = 1) -> tuple[tuple[str, str], ...]:
    """(folded name of `words` words, the nämnd it belongs to) for every nämnd, förvaltning and kontor."""
    out = []
    for org in registry.organisations.values():
        if org.id == CITY:
            continue  # "staden", "kommunen": ordinary words, never read from a near miss
        for alias in (org.name, *org.aliases, *org.colloquial):
            word = fold(alias)
            if len(word.split()) == words and len(word) >= ORG_LIKE:
                out.append((word, registry.unit_of(org.id)))
    return tuple(sorted(set(out)))


FRACTIONS = {"share_half": 50.0, "share_third": 100 / 3, "share_quarter": 25.0, "share_two_thirds": 200 / 3,
             "share_three_quarters": 75.0, "share_majority": 50.0}
CLAIMED_PERCENT = cue("claimed_percent")  # "50 procent", "40 %": a percentage a claim states
N_OF_M = re.compile(r"(\d[\d ]*)\s+(?:av|of|out of)\s+(\d[\d ]*)")


def claimed_share(q: str) -> tuple[float | None, float | None, str | None]:
    """(share in percent, whole of 'N av M', comparison) a claim states: 'hälften', 'mer än hälften', '20 av 47',
    'majoriteten' (more than half), '40 %'."""
    cmp = "more" if cue("share_more").search(q) else "less" if cue("share_less").search(q) else None
    for name, value in FRACTIONS.items():
        if cue(name).search(q):
            return value, None, "more" if name == "share_majority" else cmp
    m = N_OF_M.search(q)
    if m and float(m.group(2).replace(" ", "")) > 0:
        part, whole = float(m.group(1).replace(" ", "")), float(m.group(2).replace(" ", ""))
        if part <= whole and whole < 1900:  # not a year
            return part / whole * 100, whole, cmp
    pct = CLAIMED_PERCENT.search(q)
    if pct:
        return float(re.sub(r"[^\d,.]", "", pct.group()).replace(",", ".")), None, cmp
    return None, None, None


def elided_orgs(question: str, registry: Registry) -> list[str]:
    """'förskole-, grundskole- och gymnasieförvaltningen' names three förvaltningar; 'hälsa-, vård- och
    omsorgsförvaltningen' one (kept when the parts, completed, are no organisations)."""
    out: list[str] = []
    for m in ELIDED.finditer(fold(question)):
        heads = re.findall(r"([a-z]+)-", m.group(1))
        tail = m.group(3)
        names = [f"{h}{tail}" for h in heads] + [f"{m.group(2)}{tail}"]
        found = [registry.find_orgs_asked(n) for n in names]
        if all(len(f) == 1 and f[0].end - f[0].start == len(n) for f, n in zip(found, names, strict=True)):
            out += [f[0].entity_id for f in found]
    return out


def misspelled_orgs(question: str, registry: Registry, taken: list[Mention]) -> tuple[list[str], list[str]]:
    """(sure, unsure) organisation ids of words that are no known name but nearly one ('miljönämden'),
    read by the one matcher of names as people type them (core/names.py)."""
    words = _org_words(registry)
    sure: list[str] = []
    unsure: list[str] = []
    for m in re.finditer(rf"[\wåäöÅÄÖ\-]{{{ORG_LIKE},}}", question):
        if any(t.start <= m.start() < t.end for t in taken):
            continue
        word = fold(m.group()).rstrip("s") if fold(m.group()).endswith("ns") else fold(m.group())
        if word in QUESTION_WORDS or word in METRIC_WORDS:
            continue
        if GENERIC_ORG.match(word):
            continue  # "förvaltningen", "nämnderna": no name at all
        read, asked_back = misspelled(word, words)
        sure.extend(read)
        unsure.extend(asked_back)
    if not sure:  # "tekniska nämdens": two words nearly a two-word name
        pairs = _org_words(registry, words=2)
        tokens = list(re.finditer(r"[\wåäöÅÄÖ\-]+", question))
        for a, b in zip(tokens, tokens[1:], strict=False):
            if any(t.start < b.end() and a.start() < t.end for t in taken) or len(b.group()) < PAIR_WORD:
                continue
            pair = fold(f"{a.group()} {b.group()}")
            pair = pair[:-1] if pair.endswith("ns") else pair
            read, asked_back = misspelled(pair, pairs)
            sure.extend(read)
            unsure.extend(asked_back)
        if sure:
            unsure = []  # the two words name it; one word alone only nearly named others
    return list(dict.fromkeys(sure)), list(dict.fromkeys(unsure))


ASKS_ABOUT = ("owner", "partners", "fund", "money", "results")  # what a question may ask about a project
PROJECT_WINDOW = 4  # words of a question compared with a project's name
PROJECT_FUZZY = 6  # characters: shorter forms are matched exactly only


def projects_named(question: str, registry: Registry, taken: list[Mention]) -> list[str]:
    """Project ids the question names: any form exactly (case and accents aside), else nearly ('malmökraften 2',
    'care for ukriane'); words that name an organisation or a fund are no project."""
    found = [m.entity_id for m in registry.find_projects(question)
             if not any(t.start <= m.start < t.end and t.end - t.start > m.end - m.start for t in taken)]
    if found:
        return list(dict.fromkeys(found))
    words = [(m.start(), m.end()) for m in re.finditer(r"[\wåäöÅÄÖ+][\wåäöÅÄÖ+\-.]*", question)]
    forms = [(f, pid) for f, pid in registry.project_forms() if len(f) >= PROJECT_FUZZY]
    best: tuple[float, str] | None = None
    for n in range(1, PROJECT_WINDOW + 1):
        for i in range(len(words) - n + 1):
            start, end = words[i][0], words[i + n - 1][1]
            if any(t.start < end and start < t.end for t in taken):
                continue
            window = fold(question[start:end]).strip(".")
            if len(window) < PROJECT_FUZZY or window in QUESTION_WORDS or window in METRIC_WORDS:
                continue
            for form, pid in forms:
                if abs(len(form) - len(window)) > 2 or form[:2] != window[:2]:
                    continue
                score = fuzz.ratio(window, form)
                if score >= SURE and (best is None or score > best[0]):
                    best = (score, pid)
    return [best[1]] if best else []


def _reading(question: str, registry: Registry, topic: str | None) -> dict[str, object]:
    """The slots that come from the question's words (and the topic a follow-up continues)."""
    q = fold(question)
    text = f"{question} {topic or ''}"
    names = names_in(question, registry)
    return {
        "names": names,
        "name_forms": [v for n in names for v in variants(question, n)],
        "search_text": text.strip(),
        "terms": content_terms(text),
        "noun_terms": noun_terms(text),
        "topic_terms": topic_terms(text, registry),
        "places": list(dict.fromkeys(t for m in PLACE.finditer(q) for t in tokenize(m.group(1)))),
    }

PART_BREAK = re.compile(
    r"\s*(?:\?\s+|,\s*(?:och\s+|o\s+|samt\s+|and\s+)?|\s(?:och|o|samt|and|men|but)\s+)"
    r"(?=(?:hur|vad|vilka|vilken|vilket|vem|när|nar|varför|varfor|how|what|which|who|when|where|why)\b)",
    re.IGNORECASE)
QUESTION_START = cue("question_start")
ELIDED = cue("org_elided")  # "förskole-, grundskole- och gymnasieförvaltningen"
CLAIM_OPENER = cue("claim_opener")  # "stämmer det att …": said again before each claimed figure
CLAIM_AND = cue("claim_and")  # "… och att …": the next claim
OPERATES_ON = {"share", "sum", "difference", "pct_change"}  # a part asking these of "det/de" works on the part before
INHERITED_BY_PARTS = ("years", "orgs", "funds", "names", "name_forms", "projects", "project_ids", "goals",
                      "goals_named", "unit")


PART_AGAIN = cue("part_again")  # "… 2024? Och året innan?": a second question about another year


def _after_question(text: str) -> list[str]:
    """'Hur mycket fick miljönämnden 2024? Och året innan' is two questions."""
    folded = fold(text)
    cuts = [m.start() for m in re.finditer(r"\?\s+", folded) if PART_AGAIN.match(folded[m.end():])]
    pieces, at = [], 0
    for cut in cuts:
        pieces.append(text[at:cut])
        at = cut + 1
    pieces.append(text[at:])
    return [p.strip(" ?,;") for p in pieces if p.strip(" ?,;")]


def split_parts(question: str) -> list[str]:
    """The questions a question asks: 'hur många deltog och hur många gick vidare?' is two; 'sbk eu-projekt
    2024, hur många o hur mkt' is two about the topic it starts with; a claim of two figures ('Stämmer det att
    EU-medlen var 25 miljoner och att antalet projekt var 47?') is two claims."""
    text = question.strip()
    opener = CLAIM_OPENER.match(fold(text))
    if opener:
        rest, folded, at = text[opener.end():], fold(text[opener.end():]), 0
        claims = []
        for m in CLAIM_AND.finditer(folded):
            claims.append(rest[at:m.start()])
            at = m.end()
        claims.append(rest[at:])
        if len(claims) > 1:
            return [f"{text[:opener.end()]}{c.strip(' ?,;')}" for c in claims if c.strip(" ?,;")]
    parts = [p.strip(" ?,;") for p in PART_BREAK.split(question.strip())]
    parts = [p for p in parts if p]
    parts = [piece for p in parts for piece in _after_question(p)]
    if len(parts) > 2 and not QUESTION_START.match(fold(parts[0])):  # a topic, then its questions
        parts = [f"{p} {parts[0]}" for p in parts[1:]]
    return parts if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts) else [question]


def understand(question: str, registry: Registry, *, latest_year: int | None, lang: str | None = None,
               lexicon: Lexicon | None = None) -> Query:
    """The Query of a question; one sub-query per part when it asks several things."""
    whole = _understand(question, registry, latest_year=latest_year, lang=lang, lexicon=lexicon)
    texts = split_parts(question)
    if len(texts) == 1:
        return whole
    first = _understand(texts[0] + "?", registry, latest_year=latest_year, lang=whole.lang, lexicon=lexicon)
    parts = [first]
    for text in texts[1:]:
        part = _understand(text + "?", registry, latest_year=latest_year, lang=whole.lang, lexicon=lexicon)
        if part.operation in OPERATES_ON and cue("points_back").search(fold(text)):
            return whole  # "…, och hur stor andel av totalen var det?": an operation on the first part's answer
        if first.which_projects and set(part.asks_about) & {"fund", "owner", "partners"} and cue(
                "points_back").search(fold(text)):
            return whole  # "vilka projekt … och hur finansierades de?": the list says how each was financed
        # "vad är NetZeroCities och hur har antalet EU-projekt förändrats?": a table measure asked without
        # pointing back is the city's, not the named project's
        own_measure = part.metric not in (None, "figure") and first.metric in (None, "figure") and not cue(
            "points_back").search(fold(text))
        named = {"names", "name_forms", "projects", "project_ids", "funds"}
        update: dict[str, object] = {s: getattr(first, s) for s in INHERITED_BY_PARTS
                                     if not getattr(part, s) and getattr(first, s) and not (own_measure and s in named)}
        if part.metric is None and not part.quantity and first.metric not in (None, "figure") and not (
                first.project_ids) and part.intent == "narrative" and len(text.split()) <= SHORT:
            # "… 2024? Och året innan?": the same table measure
            update.update({"metric": first.metric, "intent": first.intent, "unit": first.unit})
        shift = STEP.search(fold(text))
        if shift and first.years:  # "… 2024? And the year before?": the part before's year, moved
            delta = -1 if re.search(r"innan|fore|foregaende|before|previous", shift.group()) else 1
            update["years"] = [first.years[0] + delta]
        if update:
            update["inherited"] = [s for s in update if s in INHERITED_BY_PARTS]
            update["topic"] = first.question
            update.update(_reading(part.question, registry, first.question))
            if not own_measure:
                update["names"] = part.names or first.names
                update["name_forms"] = part.name_forms or first.name_forms
        parts.append(part.model_copy(update=update))
    return whole.model_copy(update={"parts": parts})


def _understand(question: str, registry: Registry, *, latest_year: int | None, lang: str | None = None,
                lexicon: Lexicon | None = None) -> Query:
    lexicon = lexicon or Lexicon()
    q = fold(question)
    mentions = registry.find_orgs_asked(question)
    orgs = list(dict.fromkeys(m.entity_id for m in mentions if not _in_a_name(question, m)))
    taken = [*mentions, *registry.find_funds_asked(question)]
    orgs += [o for o in elided_orgs(question, registry) if o not in orgs]
    interpreted, did_you_mean = misspelled_orgs(question, registry, taken)
    orgs += [o for o in interpreted if o not in orgs]
    if len(orgs) > 1 and CITY in orgs:
        orgs.remove(CITY)  # "stadens förvaltningar": the city is context, the unit is the subject
    funds = list(dict.fromkeys(m.entity_id for m in registry.find_funds_asked(question)))
    project_ids = projects_named(question, registry, taken)
    named_projects = [registry.projects[p] for p in project_ids]
    forms = {f for p in named_projects for f in (p.name, *p.aliases)}
    orgs = [o for o in orgs if not any(fold(registry.display(o)) in fold(f) for f in forms)]  # "Malmö" of a name
    years = _years(q, latest_year)
    quantity, forced = _quantity(q)
    ranked_noun = RANK_NOUN.search(q)
    if quantity is None and ranked_noun and not TABLE_NOUNS.match(ranked_noun.group(1)) \
            and not MONEY_NOUNS.match(ranked_noun.group(1)) and not VAGUE.match(ranked_noun.group(1)):
        quantity, forced = ranked_noun.group(1), "figure"  # "flest studiebesök": ranked by what was asked
    metrics = [m for m in VOCAB.metrics_in(q) if m != "figure"]
    metric = forced or next(iter(metrics), None)
    intent = next((name for name, pat in INTENTS if re.search(pat, q)), None)
    if CHECK.search(q):
        intent = "check"
    if intent is None:
        intent = "figure" if metric else "narrative"
    if metric is None and (cue("most").search(q) or cue("least").search(q)) and re.search(r"projekt|project", q) \
            and not re.search(r"pengar|medel|money|funds?|funding|kronor|belopp|amount|paid|betal", q):
        metric = "project_count"  # "the biggest EU project participant": ranked by projects, not by money
    if metric is None and funds and VOCAB.operation(q) in ("sum", "share", "difference", "average") and not (
            project_ids or names_in(question, registry)):
        metric = "eu_funds_paid"  # "ESF, Horisont och Erasmus sammanlagt": what the funds paid
    if intent == "count" and metric is None:
        metric = "project_count" if re.search(r"projekt|project", q) else "figure"
    if intent in ("figure", "count", "check") and (len(years) > 2 or (len(years) == 2 and len(orgs) <= 1)):
        intent = "series" if len(years) > 2 else "comparison"
    if intent == "count" and "eu_funds_paid" in metrics and re.search(r"hur mycket|how much", q):
        intent = "figure"  # "hur mycket ... och i hur många projekt": both
    goals = list(dict.fromkeys(GOAL.findall(q)))
    claimed = None
    if intent == "check":
        typed = _claimed_figures(question)
        figures = sorted([f for f in typed.figures if not f.is_year_like] + word_numbers(question),
                         key=lambda f: f.start)
        if typed.unreadable:  # a number it cannot read ('8,3,3,3,3'): no other figure is taken for the claim
            figures = []
        money = [f for f in figures if f.money or f.value >= CLAIMED_AMOUNT] if len(figures) > 1 else []
        if money:  # "de 20 projekten hade ett budgetvärde på runt 80 miljoner": the amount is what is claimed
            figures = money + [f for f in figures if f not in money]
        claimed = figures[0].value if figures else None
        if claimed is not None and claimed < 1000 and re.search(r"\d\s*(miljoner|miljon|mkr|million)", q):
            claimed *= 1e6
        if figures and not figures[0].money and not re.search(
                r"\bmiljon(er)?\b|\bmillions?\b|\bkronor\b|\bkr\b|\bmkr\b|\bsek\b", q):  # not "miljonamnden"
            metric, quantity = _claimed_quantity(fold(question[figures[0].end:]), metric, quantity)
    share_claim = claimed_share(q) if intent == "check" else (None, None, None)
    if share_claim[0] is not None and (metric is None or share_claim[1] is not None) and not CLAIMED_PERCENT.search(q) \
            and (VOCAB.metrics_in(q) or re.search(r"projekt|project", q)):  # a table's share, not "av deltagarna"
        # "hade miljönämnden hälften av alla EU-projekt?", "20 av 47 projekt hade staden som projektägare"
        metric = ("owned_project_count" if share_claim[1] and "projektagare" in q else
                  "partner_project_count" if share_claim[1] and "projektpart" in q else
                  "project_count" if re.search(r"projekt|project", q) else "eu_funds_paid")
    operation = "verdict" if intent == "check" else VOCAB.operation(q)
    asked_op = VOCAB.operation(q)
    threshold = _threshold(question, q)
    if intent == "check" and claimed is None and asked_op in ("sum", "share", "difference", "pct_change"):
        intent, operation = "figure", asked_op  # "summera ... stämmer det med totalen?": the sum, with the total
    if threshold is not None and [o for o in orgs if o != CITY] and intent != "check" and asked_op != "rank" \
            and not re.search(r"\bvilka\b|\bwhich\b", q):
        intent, operation, claimed = "check", "verdict", threshold  # "fick förskolenämnden över en miljon?"
    dimension = next((d for d, pat in DIMENSIONS if re.search(pat, q)), None) if intent == "list" or operation in (
        "rank", "threshold") else None
    language = lang or detect_lang(question)
    precision, loose = _claim_form(question, claimed, language)
    found_roles = [name for name, pattern in roles() if pattern.search(q)]
    short = len(question.split()) <= SHORT
    about_previous = ("fund" if cue("which_fund").search(q) else "year" if cue("which_year").search(q) else None
                      ) if short else None
    return Query(question=question, lang=language, intent=intent, years=years, orgs=orgs,
                 funds=funds, metric=metric, also_metrics=[m for m in metrics if m != metric and m in BOTH
                                                           and not (m == "project_count" and metric in PARTS_OF)],
                 goals=goals, goals_named=goals or _goals_named(question, q, years, lexicon),
                 projects=list(dict.fromkeys([*_named_in(q, set(lexicon.projects)),
                                              *(f for f in forms if f in lexicon.projects)])),
                 project_ids=project_ids,
                 asks_about=[a for a in ASKS_ABOUT if cue(f"asks_{a}").search(q)],
                 projects_about=bool(cue("projects_about").search(q)),
                 which_projects=bool(cue("which_projects").search(q)),
                 that_year=bool(cue("that_year").search(q)), per_unit=bool(cue("per_unit").search(q)),
                 reached_target=bool(cue("reached_target").search(q)),
                 claimed_share=share_claim[0], claimed_whole=share_claim[1], share_cmp=share_claim[2],
                 claimed=claimed, dimension=dimension,
                 ranked=bool(cue("most").search(q) or cue("least").search(q)),
                 quantity=quantity, operation=operation, threshold=threshold,
                 above=not re.search(r"mindre|farre|under|less|fewer|below", q),
                 fewest=bool(cue("least").search(q)), unit=_unit(q, metric),
                 unresolved=unresolved_names(question, registry, set()),
                 role=next(iter(found_roles), None), roles=found_roles,
                 asks="what" if cue("asks_what").search(q) else None, about_previous=about_previous,
                 points_back=short and bool(cue("subject_back").search(q)), asks_goal=bool(cue("goal").search(q)),
                 both_ends=bool(cue("both_ends").search(q)), asks_range=bool(cue("range").search(q)),
                 rank_by=_rank_by(q), mainly=bool(cue("mainly").search(q)),
                 claim_precision=precision, claim_loose=loose, asked_numbers=_asked_numbers(question),
                 asks_number=bool(cue("asks_number").search(q)),
                 interpreted=interpreted, did_you_mean=[o for o in did_you_mean if o not in orgs],
                 **_project_names(_reading(question, registry, None), named_projects))  # type: ignore[arg-type]


def _project_names(reading: dict[str, object], named: list[Project]) -> dict[str, object]:
    """A project of the registry is a name of the question, however it was typed: its figures anchor on it."""
    if not named:
        return reading
    said: list[str] = list(reading["names"])  # type: ignore[call-overload]
    forms = [f for p in named for f in (p.name, *p.aliases)]
    names = [n for n in said if not any(fold(n) in fold(f) or fold(f) in fold(n) for f in forms)]
    typed: list[str] = list(reading["name_forms"])  # type: ignore[call-overload]
    return {**reading, "names": [p.shown() for p in named] + names,
            "name_forms": list(dict.fromkeys([*forms, *typed]))}


STEP = re.compile(r"aret (innan|fore|efter)|foregaende ar|the year (before|after)|previous year|next year")
FOLLOW_UP = re.compile(
    r"^\s*(och|men|samt|what about|and|how about|och hur|och vad)\b|\bdå\s*\??\s*$|^\W*\w+\W*$"
    r"|\bav (det|detta|dem|dessa)\b|\bof (it|that|this|them)\b|\b(samma|same)\b",
    re.IGNORECASE,
)




def _own_topic(query: Query) -> bool:
    """A short question that asks about something by itself: a narrative question (no measure, no
    subject, no year) with no word pointing back to the previous one."""
    return (query.intent == "narrative" and query.metric is None and not query.quantity and not query.orgs
            and not query.funds and not query.years and not cue("points_back").search(fold(query.question)))


def _same_project(query: Query, previous: Query) -> Query:
    """'Hur många skulle gå vidare till jobb eller studier?' right after a question about Sida vid sida: a figure
    question with no subject of its own continues the project (the engine keeps it only when the project's own
    text has such a figure)."""
    if not previous.project_ids or query.orgs or query.project_ids or query.funds or query.names:
        return query
    if not (query.quantity or query.metric == "figure" or set(query.asks_about) & {"results", "owner", "partners",
                                                                                     "fund"}):
        return query
    return query.model_copy(update={"project_ids": previous.project_ids, "names": previous.names,
                                    "name_forms": previous.name_forms, "projects": previous.projects,
                                    "inherited": ["project_ids"], "topic": previous.topic or previous.question})


def asks_back(query: Query) -> bool:
    """Whether a question leans on the one before it: "och 2022?", "hur många projekt?"; not a short
    question of its own ("Hur sprids projektresultaten?")."""
    if FOLLOW_UP.search(query.question):
        return True
    if cue("subject_back").search(fold(query.question)) and not (
            (query.orgs and "owner" not in query.asks_about) or query.project_ids or query.funds):
        return True  # "vem ägde det?", "hur mycket pengar fick de?": about the previous answer's subject
    return len(query.question.split()) <= 4 and not _own_topic(query)


def follow_up(query: Query, previous: Query | None, registry: Registry | None = None) -> Query:
    """A short question that leaves slots empty takes them from the previous one (and its words, the
    topic it continues)."""
    if previous is None:
        return query
    if not asks_back(query):
        return _same_project(query, previous)
    update: dict[str, object] = {}
    inherited = []
    # "är det ASF som äger det?": the organisation is the claimed owner, the subject is the previous project
    own_subject = (query.orgs and "owner" not in query.asks_about) or query.project_ids or query.funds
    for slot in ("years", "orgs", "funds", "metric", "goals", "projects", "project_ids", "quantity", "unit", "names",
                 "name_forms"):
        if slot in ("orgs", "projects", "project_ids", "names", "name_forms") and own_subject:
            continue  # a follow-up that names its own subject does not take the previous one's
        if not getattr(query, slot) and getattr(previous, slot):
            update[slot] = getattr(previous, slot)
            inherited.append(slot)
    if query.intent == "narrative" and previous.intent != "narrative":
        update["intent"] = previous.intent
        inherited.append("intent")
    if query.funds and not query.years and previous.years:
        update["years"] = previous.years
    shift = STEP.search(fold(query.question))
    if shift and previous.years:
        delta = -1 if re.search(r"innan|foregaende|before|previous|tidigare", shift.group()) else 1
        update["years"] = [previous.years[0] + delta]
        inherited.append("years")
    if not re.search(r"[a-zåäö]{3,}", query.question.lower().replace("och", "")) or inherited:
        update.setdefault("lang", query.lang if detect_lang(query.question) == "en" else previous.lang)
    if inherited:
        update["topic"] = previous.topic or previous.question
        if registry is not None:
            update.update(_reading(query.question, registry, str(update["topic"])))
        if query.metric is None or "metric" in inherited:
            update["intent"] = previous.intent if previous.intent != "check" else "figure"
    return query.model_copy(update={**update, "inherited": inherited})
