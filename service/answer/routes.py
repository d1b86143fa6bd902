"""Routes: which stage answers a question. Table metrics by a recognised subject go to the
facts lookup; nouns the tables do not count, and subjects that are no organisation, fund or
goal (a project, an event), go to the figures of the running text; sums, shares, rankings
and thresholds over table metrics go to arithmetic.
"""

from __future__ import annotations

import re

from core.entities import Registry, fold
from core.schemas import Query
from core.words import tokenize
from service.answer.lookup import Evidence
from service.answer.statements import QUESTION_WORDS

TEXT_ROLES = re.compile(r"rekvirera|beviljad|beviljat|beviljades|tilldela|utfall|kostade|kostnad"
                        r"|\beuro\b|granted|awarded|claim|cost")
ARITHMETIC = {"sum", "share", "pct_change", "threshold", "rank", "difference"}
METRIC_WORDS = set(tokenize(
    "eu eu-medel eu-pengar eu-projekt pengar medel betalades betalats betalats utbetalda utbetalt utbetalning ut "
    "fick få erhöll erhållit projekt projekten projektet kommunfullmäktigemål kf-mål mål målet fond fonden fonder "
    "program programmet förvaltning förvaltningen förvaltningar nämnd nämnden nämnder stadens staden hela mest "
    "minst flest färst högst lägst störst vilken vilka money funds funding paid received get got projects project "
    "department committee most least which amount belopp summa mkr miljoner kr sek budget budgeten ungefär cirka "
    "ca exakt redovisade redovisat rapporterade jämfört jämför skillnad utveckling kom in gick totalt sammanlagt "
    "alla olika under året internationella internationellt arbete arbetet tid period perioden"))


def topic_words(query: Query, registry: Registry) -> set[str]:
    """Distinctive words of the question: not question, metric, organisation or fund words."""
    text = f"{query.question} {query.topic or ''}"
    spans = [(m.start, m.end) for m in (*registry.find_orgs_asked(text), *registry.find_funds_asked(text))]
    folded = fold(text)
    for start, end in sorted(spans, reverse=True):
        folded = folded[:start] + " " + folded[end:]
    return {t for t in tokenize(folded) if t not in QUESTION_WORDS and t not in METRIC_WORDS
            and not t.isdigit() and len(t) > 2}


def arithmetic(query: Query) -> bool:
    return (query.metric not in (None, "figure") and not query.quantity
            and (query.operation in ARITHMETIC or query.threshold is not None) and query.intent != "check")


NAME_LIKE = re.compile(r"(?<![.?!]\s)\b(?:[A-ZÅÄÖ][\wåäöÅÄÖ\-+.]*[\wåäöÅÄÖ+])(?:\s+(?:[A-ZÅÄÖ0-9][\wåäöÅÄÖ\-+.]*"
                       r"[\wåäöÅÄÖ+]|of|for|to|the)(?=\s+[A-ZÅÄÖ0-9]|\b))*"
                       r"|[”\"'“]([^”\"'“]{3,})[”\"'“]")


def names_in(query: Query, registry: Registry) -> list[str]:
    """Capitalised words, acronyms and quoted phrases that are not organisations or funds: a project, an event."""
    text = query.question
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


ACRONYM = re.compile(r"[A-ZÅÄÖ].*[A-ZÅÄÖ]")
METRIC_NAMES = {"a", "an", "ar", "de", "den", "det", "en", "esf-pengar", "ett", "eu", "eu-medel", "eu-medlen",
                "eu-pengar", "eu-projekt", "eu-projekten", "how", "hur", "i", "is", "kf", "kf-mal", "mkr", "och",
                "sek", "stammer", "the", "vad", "var", "vilka", "vilken", "what", "which"}


def statement(query: Query, ev: Evidence, registry: Registry) -> bool:
    """Whether running-text figures answer: a noun the tables do not count, or a named project or
    event (never the city's or a fund's total in its place)."""
    if query.metric == "figure" or query.quantity:
        return True
    if query.metric is None and query.intent == "list" and names_in(query, registry):
        return False  # "vilka samarbetar med i Sluta skjut": words about a project, not a figure
    if any(f.project or f.goal for f in ev.exact) or query.intent == "narrative":
        return False  # a project of a project table, a goal named by its words; a question for words
    if query.unit == "EUR" or TEXT_ROLES.search(fold(query.question)):
        return True  # euro, "rekvirera", "beviljades", "budget för projektet": the tables have none of these
    if names_in(query, registry) and not query.goals:
        return True  # a project or event named, even with its organisation: its own figure first
    subject = query.orgs or query.goals or query.projects
    if subject or query.intent == "narrative" or not topic_words(query, registry):
        return False
    return not ev.exact or bool(names_in(query, registry))
