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
