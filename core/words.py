"""Word stems for matching Swedish text: lower case, Snowball Swedish stem, å/ä/ö folded, so
'Miljönämndens' and 'miljonamnden' meet. Shared by the keyword index, the answer engine and
the consistency checks."""

from __future__ import annotations

import re

import Stemmer

from core.entities import fold

TOKEN = re.compile(r"[^\W_]+")
_stemmer = Stemmer.Stemmer("swedish")


def tokenize(text: str) -> list[str]:
    words = TOKEN.findall(text.lower())
    return [fold(w) for w in _stemmer.stemWords(words)]


LABEL_CHARS = 60  # characters of the text before a running-text figure kept as its label


def words_before(text: str, end: int, limit: int = LABEL_CHARS) -> str:
    """Up to `limit` characters of `text` before `end` as whole words, white space (line breaks too) made one
    blank: a word the limit cuts is left out ('…projekt Under 2022' gives 'Under 2022', never 'rojekt Under')."""
    start = max(0, end - limit)
    if start > 0 and not text[start - 1].isspace() and not text[start].isspace():  # inside a word
        blank = re.search(r"\s", text[start:end])
        start = start + blank.end() if blank else end
    return " ".join(text[start:end].split())
