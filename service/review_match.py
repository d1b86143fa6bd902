"""A draft's figure against the stored facts, value first (Granska text).

A figure copied from a report is found among the facts by its value (within the rounding the draft
or the report states); it is confirmed only when what the draft says about it (year, subject,
what is counted, role) agrees with the fact and at least one of them is positively the same. A
figure found only with another year, role or subject is that verdict; a figure not found is
compared with the fact the draft's context points to (the reported figure shown). What this
cannot settle (shares, computed changes, targets against outcomes) is left to the engine's claim
answerers (service/review.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.entities import CITY, fold
from core.numbers import Figure
from core.schemas import Fact, Query
from core.words import tokenize

MILLION = 1e5  # a figure written in millions ('3,9 miljoner') has at least this step
MONEY_WORDS = re.compile(r"\b(?:kronor|kr|mkr|sek|eu-medel|eu-pengar|pengar|medel|euro|budget)\b", re.IGNORECASE)
CITY_ORGANS = {"ks", "stk"}  # the city's report is kommunstyrelsen's, compiled by stadskontoret
PERCENT_AFTER = re.compile(r"^\s*(?:%|procent\b|percent\b|per cent\b)", re.IGNORECASE)
EURO_AFTER = re.compile(r"^\s*(?:euro|eur)\b", re.IGNORECASE)
NOUN_AFTER = re.compile(r"^\s*(?:st\.?\s+|stycken\s+)?(?:av\s+(?:stadens|de|dem)\s+)?([A-Za-zÅÄÖåäöÉé\-]{3,})")
FILLER = {"st", "stycken", "kronor", "kr", "sek", "miljoner", "mkr", "procent", "euro", "olika", "nya", "st.", "the",
          "and", "year", "years", "from", "till", "för", "som", "med", "och", "per", "året", "åren", "under", "inom",
          "than", "more", "less", "mer", "fler", "färre", "alla", "all", "av", "of", "in"}
STEM = 5  # letters two nouns share to count the same ("projekt", "projekten"; "nämnder", "nämnderna")
SMALL = 12  # a count this small is found in many sentences: it needs what it counts and one more agreement
METRIC_NOUNS = {
    "project_count": ("projekt", "eu-projekt"), "owned_project_count": ("projekt", "eu-projekt"),
    "partner_project_count": ("projekt", "eu-projekt"), "participating_units": ("nämnder", "förvaltningar", "nämnd"),
    "partners": ("partner", "aktörer", "organisationer", "samverkansparter"), "countries": ("länder", "land"),
}
FACT_ROLE = {"mal": "target", "budget": "budget", "beviljat": "granted", "rekvirera": "requisition"}
CLAIM_ROLES = {"target", "budget", "granted", "requisition"}
ABOUT = {"ca", "cirka", "omkring", "ungefär", "runt"}
TARGET_BEFORE = re.compile(r"\b(?:ska|skall|förvänta\w*|beräknas|planeras|målet?|målsättning\w*|mål att|siktar på|"
                           r"förväntade?|budgeterade?)\W+(?:\w+\W+){0,6}$", re.IGNORECASE)
FAIR = 0.1
WORDED = 2  # stems of substance a fact's sentence shares with the draft's to be the same sentence
DISTINCT_DIGITS = 3
ROLE_NEAR = 40  # characters around a figure in which its role's word speaks of it
ROLE_WORDS = {"budget": re.compile(r"budget", re.IGNORECASE),
              "granted": re.compile(r"beviljat|beviljade|tilldela|granted|allocated", re.IGNORECASE),
              "requisition": re.compile(r"rekvir", re.IGNORECASE)}
TARGET_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}(?:förväntas|ska|skall|beräknas|planeras|är målet|is expected|"
                          r"are expected|will)\b", re.IGNORECASE)
DRAFT_TARGET_BEFORE = re.compile(r"(?:mål(?:et|en)?|målsättning(?:en)?|target|goal|aim)\s+(?:(?:var|är|blev|på|att|om|"
                                 r"of|was|is|to)\s+){0,3}$", re.IGNORECASE)  # 'målet 1 800', 'Målet var att 200'
DRAFT_TARGET_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}(?:förväntas|ska|skall|skulle|beräknas|planeras|is expected|"
                                r"are expected|were expected|will|would)\b", re.IGNORECASE)
DRAFT_BUDGET_BEFORE = re.compile(r"(?:värde\w*|budget\w*|omslutning\w*|value|budget)(?:\s+[^\s.;]+){0,5}?\s+"
                                 r"(?:på|om|of|was|var|är|is|till|at|to)\s+(?:(?:omkring|cirka|ca|drygt|nästan|about|"
                                 r"around|some|roughly)\s+)?$", re.IGNORECASE)  # 'projektvärdet för … till cirka
LABEL_BEFORE = re.compile(r"([A-Za-zÅÄÖåäöÉé\-]{3,}):\s*$")
VERB_FORM = re.compile(r"(?:tt|its|ades)$", re.IGNORECASE)  # 'målet 1 800 nått', '117 skrivits in': no noun
LOOSE_UP = {"drygt", "över", "närmare"}  # the figure is a bit above (drygt) or just below it
BELOW = {"nästan", "knappt", "närmare"}


@dataclass
class Context:
    """What the draft says around one figure."""

    value: float
    unit: str  # SEK, EUR, percent or count
    precision: float
    qualifier: str | None
    approximate: bool
    years: list[int]
    orgs: set[str]
    projects: set[str]
    funds: set[str]
    noun: str | None
    goals: set[str]  # kommunfullmäktige goal numbers the figure's clause names
    words: frozenset[str]  # stems of substance in the figure's clause (for percentages)
    role: str | None  # target, budget, granted, requisition; None: what happened
    carried: bool = False  # the subject is the sentences' before, not this sentence's own
    year_local: bool = True  # the year is written in the figure's sentence, not the draft's running year


@dataclass
class Fit:
    fact: Fact
    year: bool | None
    subject: bool | None
    noun: bool | None
    role: bool
    topic: bool = True  # a percentage's sentence shares a word of substance with the draft's
    worded: bool = False  # the fact's sentence and the draft's share words of substance ('delegater', 'länder')

    @property
    def agrees(self) -> bool:
        return (self.year is not False and self.subject is not False and self.noun is not False and self.role
                and self.topic)

    @property
    def positives(self) -> int:
        return sum(1 for x in (self.year, self.subject, self.noun, self.worded) if x)

    def only_off(self) -> str | None:
        """The one thing that differs ('year', 'subject', 'role'), when all else agrees."""
        off = [name for name, ok in (("year", self.year), ("subject", self.subject), ("noun", self.noun),
                                     ("role", self.role)) if ok is False]
        return off[0] if len(off) == 1 else None


@dataclass
class Match:
    verdict: str  # correct, rounded, deviates, other_role, other_year; "" when the facts cannot settle it
    fact: Fact | None = None
    other: Fact | None = None  # the fact the claimed value belongs to, when another year/role/subject
    off: str | None = None
    reasons: list[str] = field(default_factory=list)


def context(sentence: str, fig: Figure, query: Query, family: dict[str, set[str]], *, carried: bool = False,
            year_local: bool = True, share: bool = False) -> Context:
    after = sentence[fig.end:]
    unit = unit_of(sentence, fig, share)
    noun = None
    m = NOUN_AFTER.match(after)
    if unit == "count" and m and fold(m.group(1)) not in FILLER and not VERB_FORM.search(m.group(1)):
        noun = fold(m.group(1))
    elif unit == "count" and (label := LABEL_BEFORE.search(sentence[:fig.start])) and any(
            fold(label.group(1))[:STEM] == fold(w)[:STEM] for nouns in METRIC_NOUNS.values() for w in nouns):
        noun = fold(label.group(1))  # '• Antal deltagande nämnder: 9': a list's label says what it counts
    orgs = {o for org in query.orgs for o in family.get(org, {org})}
    role = next((r for r in query.roles if r in CLAIM_ROLES), None)
    if role == "target" and (query.asks_goal or query.goals or query.goals_named):
        role = None  # 'till målet Utbildning och arbete': a kommunfullmäktige goal, not a target
    if role == "budget" and re.search(r"budgetmål", sentence, re.IGNORECASE):
        role = None  # 'bidrog till budgetmålet En stad för näringsliv och arbete': a goal, not a budget
    if role is None and not (query.goals or query.goals_named) and (
            DRAFT_TARGET_BEFORE.search(sentence[max(0, fig.start - 40):fig.start])
            or DRAFT_TARGET_AFTER.match(sentence[fig.end:])):
        role = "target"  # 'målet 1 800 nått', '200 skulle skrivas in': the draft's own words
    if role is None and DRAFT_BUDGET_BEFORE.search(sentence[max(0, fig.start - 40):fig.start]):
        role = "budget"  # 'ett sammanlagt värde på omkring 725 miljoner': what the projects are worth
    return Context(value=fig.value, unit=unit, precision=fig.precision, qualifier=fig.qualifier,
                   approximate=fig.approximate, years=list(query.years), orgs=orgs, projects=set(query.project_ids),
                   funds=set(query.funds), noun=noun, goals=set(query.goals_named or query.goals),
                   words=substance(sentence), role=role, carried=carried,
                   year_local=year_local)


def unit_of(sentence: str, fig: Figure, share: bool = False) -> str:
    """SEK, EUR, percent or count: what the words after a figure (or the sentence's money words) make it."""
    after = sentence[fig.end:]
    millions = fig.precision >= MILLION and not fig.money  # '3,9 miljoner' in a sentence about kronor
    return ("percent" if PERCENT_AFTER.match(after) or share else "EUR" if EURO_AFTER.match(after)
            else "SEK" if fig.money or (millions and MONEY_WORDS.search(sentence)) else "count")


def value_fit(c: Context, fact: Fact) -> str | None:
    """'exact' when the fact states the draft's figure, 'rounded' when the draft rounds it fairly, else None."""
    if fact.unit != c.unit:
        return None
    diff = c.value - fact.value
    if fact.high is not None:  # a plain figure at one end of a range ('40 procent', 'upp till 220 miljoner');
        # about one end ('omkring 60 procent') is a claim the range does not make
        at_end = abs(c.value - fact.high) <= 0.5 or abs(c.value - fact.value) <= 0.5
        return "exact" if at_end and not c.qualifier else None
    if abs(diff) <= 0.5 or (fact.approximate and (fact.qualifier or "ca") in ABOUT
                            and abs(diff) <= max(fact.precision, 1.0) / 2):
        return "exact"  # 'ca 22,5 miljoner' states 22 550 504 too; 'över 100' does not state 141
    step = max(c.precision, 1.0)
    fair = FAIR * abs(fact.value)  # no rounding moves a figure by more than this ('ca 100' is not 70)
    q = c.qualifier or ""
    if q in LOOSE_UP and 0 < fact.value - c.value <= min(step * 1.5, fair) and q != "närmare":
        return "rounded"  # 'drygt 10,4 miljoner' for 10 404 000
    if q in BELOW and 0 < c.value - fact.value <= min(step / 2, fair):
        return "rounded"  # 'nästan 17 miljoner' for 16 881 967; not 'nästan 11 miljoner' for 10 404 000
    if (c.approximate or q) and q not in LOOSE_UP | BELOW and abs(diff) <= min(step / 2 + 1e-9, fair):
        return "rounded"
    if not c.approximate and c.precision >= 1 and abs(diff) <= step / 2 and fact.value > 1000:
        return "rounded"  # '1,7 miljoner kronor' written without 'ca'
    return None


def _noun_fit(c: Context, fact: Fact) -> bool | None:
    if c.unit != "count" or not c.noun:
        return None
    nouns = [fold(n) for n in METRIC_NOUNS.get(fact.metric, ())]
    if fact.quantity:
        nouns += [fold(w) for w in fact.quantity.split()]
    words = [w for n in nouns for w in re.split(r"[\s\-]", n) if w]
    if not words and fact.source == "text":
        words = tokenize(_near(fact, c.value))
    if not words:
        return None
    noun = c.noun.rsplit("-", 1)[-1] if len(c.noun.rsplit("-", 1)[-1]) >= 3 else c.noun  # 'eu-projekten'
    head = noun[:STEM]
    return any(w[:STEM] == head or w.endswith(noun) or noun.endswith(w) for w in words if len(w) >= 3)


def _near(fact: Fact, value: float, chars: int = 40) -> str:
    label = fact.label or ""
    digits = f"{value:.0f}"
    at = label.replace(" ", "").find(digits)
    return label if at < 0 else label[max(0, at - chars):at + chars]


def _subject_fit(c: Context, fact: Fact, project_of: dict[str, str],
                 related: dict[str, set[str]] | None = None) -> bool | None:
    if c.goals and fact.goal:  # '19 projects an attractive city for work and business': that goal's row
        return fact.goal in c.goals
    if c.funds:  # 'från Erasmusprojekt': a fund's row, not another's, nor an organisation's
        if fact.fund and fact.fund not in c.funds:
            return False
        if not fact.fund:
            return False if fact.metric == "eu_funds_paid" else None
        if not c.projects:
            return True  # 'Yalla Sofielund (ESF): …': the project's row, not another project's of that fund
    if fact.fund and not c.orgs and not c.projects:
        return None  # a fund's row, and the draft names no subject: it may be speaking of the fund
    own = project_of.get(fact.fact_id)
    if c.projects:
        if own in c.projects:
            return True
        return False if (own or fact.project) else None
    if own is not None and not c.projects:
        # a project's own figure is not its nämnd's ('fem' of one project, 'fem projekt' of ASF): another
        # subject when the draft names an organisation the reports do not tie to the project (its owner, or
        # one that reports it or is its projektpart: 'HVON kunde rekvirera … för satsningen'), else not known
        named = c.orgs - {CITY} - CITY_ORGANS
        tied = related.get(own, set()) if related else set()
        return False if named and not c.carried and not named & tied else None
    if c.orgs:
        if fact.org in c.orgs or fact.unit_org in c.orgs:
            return True
        if (fact.org == CITY and c.orgs <= CITY_ORGANS) or (c.orgs == {CITY} and fact.org in CITY_ORGANS):
            return None  # the city's figure said by its office, or the office's chapter of the city's report
        return None if c.carried else False  # a subject read sentences before is no proof of another one
    if fact.org == CITY:
        return True
    return None  # the draft names no subject: the city or whoever the paragraph is about


def role_fit(c: Context, fact: Fact | None) -> bool:
    """Whether the role the draft gives a figure is the fact's (True when the fact is not known)."""
    return True if fact is None else _role_fit(c, fact)


def fact_role(fact: Fact) -> str | None:
    """The role a report gives a figure (target, budget, granted, requisition; None: what happened)."""
    stated = FACT_ROLE.get(fact.stated_role or "")
    if stated is not None and not _role_phrase(fact, stated):
        stated = None  # 'Över 800 har deltagit med målsättningen att …': the figure is what happened
    if stated is None and fact.stated_role == "andel" and _role_phrase(fact, "target"):
        stated = "target"  # 'Det förväntade resultatet är att … 40% av dessa går vidare': an expected share
    return stated


def _role_fit(c: Context, fact: Fact) -> bool:
    stated = fact_role(fact)
    if {stated, c.role} == {"budget", "granted"}:
        return True  # 'tilldelades en budget på 54 450 euro': set aside, not spent
    if fact.metric == "total_budget":
        stated = "budget"
    if c.role is None:
        return stated not in ("target", "budget", "granted", "requisition")
    return stated == c.role or (stated is None and fact.metric != "eu_funds_paid")


def match(c: Context, facts: list[Fact], project_of: dict[str, str],
          related: dict[str, set[str]] | None = None) -> Match:
    """The verdict the stored facts give on one figure of a draft ('' when they cannot settle it)."""
    fits = [(value_fit(c, f), Fit(f, _year_fit(c, f), _subject_fit(c, f, project_of, related), _noun_fit(c, f),
                                  _role_fit(c, f), c.unit != "percent" or bool(c.words & substance(f.label or "")),
                                  f.source == "text" and len(c.words & substance(f.label or "")) >= WORDED))
            for f in facts if f.unit == c.unit]
    same = [(how, fit) for how, fit in fits if how]
    small = c.unit == "count" and c.value <= SMALL
    agreeing = sorted(((how, fit) for how, fit in same if fit.agrees and fit.positives >= _needed(c)
                       and (not small or fit.noun)), key=lambda hf: (-hf[1].positives, hf[0] != "exact"))
    if agreeing:
        how, fit = agreeing[0]
        return Match("correct" if how == "exact" else "rounded", fit.fact)
    weak = [fit for _, fit in same if fit.agrees and fit.positives >= 1 and (not small or fit.noun)]
    asked = _asked(c, fits)
    sure = [fit for fit in asked if fit.subject and fit.year]  # the draft's subject's figure of its year
    if weak and sure and not weak[0].subject and len({f.fact.value for f in sure[:3]}) == 1:
        return Match("deviates", sure[0].fact)  # 'drygt 1,2 mkr' under Förskoleförvaltningen: it got 917 000
    if weak:  # a round figure stated in the report, but too little in the draft says it is that one
        return Match("unclear", other=weak[0].fact, off="weak")
    worded = [(how, fit) for how, fit in same if fit.worded and fit.only_off() == "year" and not c.year_local
              and fit.positives >= _needed(c)]
    if worded:  # the report's own sentence, written again, in a sentence of the draft that names no year
        how, fit = worded[0]
        return Match("correct" if how == "exact" else "rounded", fit.fact)
    if not c.year_local and not any(fit.year for fit in asked):
        # the draft's running year may not be this figure's: with no figure of that year to compare, the
        # value found with everything else agreeing is the one meant
        loose = [(how, fit) for how, fit in same if fit.only_off() == "year" and fit.positives >= _needed(c)
                 and (not small or fit.noun)]
        if loose:
            how, fit = loose[0]
            return Match("correct" if how == "exact" else "rounded", fit.fact)
    elsewhere = [(fit.only_off(), fit) for _, fit in same if fit.only_off() in ("year", "role", "subject")
                 and fit.positives >= 1]
    if elsewhere:
        off, fit = elsewhere[0]
        verdict = {"year": "other_year", "role": "other_role", "subject": "deviates"}[off or "subject"]
        return Match(verdict, asked[0].fact if asked else None, other=fit.fact, off=off)
    if asked and len({f.fact.value for f in asked[:3] if f.positives == asked[0].positives}) == 1:
        return Match("deviates", asked[0].fact)
    return Match("")


def range_match(c: Context, low: float, high: float, facts: list[Fact]) -> Match:
    """Both ends of a range the draft states ('mellan 40 och 60 procent') against the ranges the reports
    state: the same two ends in the same unit, of a year that does not differ, is the same figure."""
    for fact in facts:
        if (fact.high is not None and fact.unit == c.unit and abs(fact.value - low) <= 0.5
                and abs(fact.high - high) <= 0.5 and (_year_fit(c, fact) is not False or not c.year_local)):
            return Match("correct", fact)
    return Match("")


def _needed(c: Context) -> int:
    """Agreements besides the value a confirmation needs: one for a figure whose digits say which it is
    (25 660 000; 1870), two for a round or small one that many sentences state (10, 50 %, 25 projekt)."""
    digits = f"{c.value:.0f}".strip("0") if c.value >= 1 else ""
    return 1 if len(digits) >= DISTINCT_DIGITS else 2


def _asked(c: Context, fits: list[tuple[str | None, Fit]]) -> list[Fit]:
    """The facts the draft's context points to (year, subject and what is counted agree), whatever their value."""
    return sorted((fit for how, fit in fits if not how and fit.agrees and fit.positives >= 2 and fit.fact.high is None
                    and fit.year is not None and (c.unit != "count" or fit.noun)),
                  key=lambda fit: -fit.positives)


SUBSTANCE = 6  # letters of a stem that says what a sentence is about ('medfinansier', 'utbetal')


def substance(text: str) -> frozenset[str]:
    return frozenset(w[:SUBSTANCE] for w in tokenize(text) if len(w) >= SUBSTANCE and not w.isdigit())


def _year_fit(c: Context, fact: Fact) -> bool | None:
    if not c.years or fact.year is None:
        return None
    if fact.source == "text":  # '… jämfört med 2021 då åtta förvaltningar deltog i totalt 42 projekt'
        before = (fact.label or "")[:max(0, _at(fact) + 1)]
        written = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", before)]
        if written:
            return written[-1] in c.years
    return fact.year in c.years


def _at(fact: Fact) -> int:
    """Where a text fact's figure stands in its sentence (its display, else its digits)."""
    label = fact.label or ""
    at = label.find(fact.display) if fact.display else -1
    return at if at >= 0 else label.find(f"{fact.value:.0f}")


def _role_phrase(fact: Fact, role: str) -> bool:
    """The role's wording near the figure ('ska', 'förväntas', 'med mål att' before a target; 'budget',
    'beviljat', 'rekvirera' around an amount); tables state their roles."""
    if fact.source != "text":
        return True
    at = _at(fact)
    label = fact.label or ""
    if at < 0:
        return True
    if role == "target":  # 'med mål att 1800 …', '4000 deltagare förväntas delta'
        return bool(TARGET_BEFORE.search(label[:at]) or TARGET_AFTER.match(label[at + len(fact.display or ""):]))
    near = label[max(0, at - ROLE_NEAR):at + len(fact.display or "") + ROLE_NEAR]
    return bool(ROLE_WORDS[role].search(near)) if role in ROLE_WORDS else True


__all__ = ["Context", "Match", "context", "match", "fact_role", "range_match", "role_fit", "unit_of", "value_fit"]
