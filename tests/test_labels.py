"""What a figure is called where it is listed (/api/checks, facts): whole words, one line (issue 18 item 4)."""

from __future__ import annotations

import re

from core.entities import fold
from core.words import words_before
from service.serving import Serving
from tests.test_api import _client


def test_a_label_starts_at_a_word_and_is_one_line():
    text = "4.2 EU-projekt \nUnder 2022 medverkade 10 av stadens förvaltningar i 47 projekt"
    assert words_before(text, text.index("47")) == "Under 2022 medverkade 10 av stadens förvaltningar i"
    assert words_before("Totalt 12", 7) == "Totalt"  # the whole text, shorter than the limit
    assert words_before("Miljöförvaltningen deltog i 14", 28, limit=12) == "deltog i"


async def test_check_figures_are_labelled_with_whole_words(ingested):
    async with _client(ingested[0], Serving(ingested[0], store=ingested[1])) as client:
        checks = (await client.get("/api/checks")).json()["checks"]
    facts = {f.fact_id: f for f in ingested[1].load_facts()}
    labels = [(f["label"], facts[f["fact_id"]]) for c in checks for f in c["figures"]]
    assert labels and not [label for label, _ in labels if "\n" in label]
    said = [(label, fact.quote) for label, fact in labels if fact.role == "value"]  # running text, not table rows
    cut = [label for label, quote in said  # folded: a label is read from the normalized text
           if not re.search(rf"(?<!\w){re.escape(fold(label.split()[0]))}", fold(" ".join(quote.split())))]
    assert not cut, cut
    assert "Under 2022 medverkade 10 av stadens förvaltningar i" in [label for label, _ in labels]
