"""Questions as users ask them, on the real corpus: figures in running text, projects and
events by name, colloquial names, arithmetic with its work shown, claims compared like with
like, and no answer to a different question."""

from __future__ import annotations

import pytest

from core.entities import CITY
from service.answer.arithmetic import compute

D22 = "2022_ks_protokoll_redovisning_internationellt_arbete"
M19 = "2019_malmo_stad_redovisning_internationellt_arbete"


def values(answer) -> list[float]:  # type: ignore[no-untyped-def]
    return [f.value for f in answer.figures]


def test_a_count_in_running_text_is_answered_with_its_sentence(engine):
    answer = engine.ask("Hur många medarbetare och chefer kartlade HÅPP?")
    assert answer.status == "answered" and answer.verified
    assert values(answer)[0] == 297
    quote = answer.citations[answer.figures[0].citation - 1]
    assert quote.doc_id == M19 and "297 medarbetare och chefer" in quote.quote


def test_the_asked_year_of_a_text_figure(engine):
    answer = engine.ask("Hur många skjutningar var det 2017?")
    assert values(answer)[0] == 65 and answer.figures[0].year == 2017


def test_a_year_the_text_does_not_give_is_not_reported(engine):
    answer = engine.ask("Hur många skjutningar var det 2018?")
    assert answer.status == "not_reported"
    assert answer.text.startswith("Rapporterna anger inget")


def test_how_many_noun_is_never_the_project_count(engine):
    answer = engine.ask("Hur många delegater kom till Malmö 2022?")
    assert 625 in values(answer)
    assert all(f.metric != "project_count" for f in answer.figures)


def test_a_project_amount_is_never_the_city_total(engine):
    answer = engine.ask("Hur mycket fick HÅPP i EU-medel?")
    assert answer.status == "not_reported"
    assert all(f.org != CITY or f.metric == "figure" for f in answer.figures)
    assert "HÅPP" in answer.text.split("\n")[0]


def test_an_unknown_organisation_is_said_to_be_unknown(engine):
    answer = engine.ask("Hur mycket fick xyzförvaltningen 2022?")
    assert answer.status == "unclear" and answer.figures == []
    assert "xyzförvaltningen" in answer.text


@pytest.mark.parametrize(("question", "value"), [
    ("hur mkt fick kulturförv 2024", 424_000),
    ("Hur mycket EU-pengar fick grundskolan 2024?", None),
    ("gymnasie o vux eu-medel 2022", 3_900_000),
])
def test_colloquial_names_resolve(engine, question, value):
    answer = engine.ask(question)
    assert answer.query.orgs, question
    if value is not None:
        assert value in values(answer)


def test_rank_by_the_asked_measure_names_the_winner_first(engine):
    answer = engine.ask("Vilken nämnd hade flest projekt 2024?")
    first = answer.text.split("\n")[0]
    assert "Miljönämnden" in first and "25" in first
    assert {f.metric for f in answer.figures} == {"project_count"}


def test_threshold_and_share_show_their_work(engine):
    answer = engine.ask("Vilka förvaltningar fick mindre än 2 miljoner 2022, och hur stor andel av totalen var det?")
    assert answer.verified and answer.status == "answered"
    shares = [c for c in answer.computations if c.op == "share"]
    assert shares and "beräknat" in answer.text
    by_id = {f.fact_id: f for f in engine.facts.all()}
    operands = [by_id[i] for i in shares[0].operands]
    assert all(f.value < 2_000_000 for f in operands[:-1])
    total = operands[-1]
    assert total.value == pytest.approx(22_500_000, rel=0.01)
    assert shares[0].value == pytest.approx(sum(f.value for f in operands[:-1]) / total.value * 100, abs=0.05)


def test_percent_change_between_years(engine):
    answer = engine.ask("Hur mycket ökade de utbetalda EU-medlen från 2023 till 2024, i kronor och procent?")
    ops = {c.op: c for c in answer.computations}
    assert ops["difference"].value == pytest.approx(7_500_000, rel=0.01)
    assert ops["pct_change"].value == pytest.approx(17.4, abs=0.1)
    assert "ca 43 miljoner kr" in answer.text and "ca 50,5 miljoner kr" in answer.text


def test_compute_is_the_arithmetic_verify_redoes(facts):
    a, b = facts[0].model_copy(update={"value": 40.0}), facts[0].model_copy(update={"value": 50.0})
    assert compute("sum", [a, b]) == 90 and compute("difference", [a, b]) == 10
    assert compute("pct_change", [a, b]) == 25.0 and compute("share", [a, b]) == 80.0


@pytest.mark.parametrize(("question", "start"), [
    ("Stämmer det att förskolenämnden fick över en miljon 2024?", "Nej"),
    ("Stämmer det att ASF fick 8,3 miljoner 2022?", "Ja"),
    ("Stämmer det att HÅPP kartlade 297 medarbetare och chefer?", "Ja"),
])
def test_claims_start_with_a_verdict_of_the_same_quantity(engine, question, start):
    answer = engine.ask(question)
    assert answer.text.startswith(start), answer.text
    assert answer.verified


def test_series_state_every_value_and_the_missing_years(engine):
    answer = engine.ask("Hur har antalet EU-projekt utvecklats sedan 2018?")
    rows = {r.label: r.display for r in answer.table}
    assert [rows[y] for y in ("2018", "2019", "2022", "2023", "2024")] == ["47", "51", "47", "54", "60"]
    assert rows["2020"] == "ej redovisat" and "Ej redovisat: 2020" in answer.text
    assert ": 47 [" not in answer.text  # stated once, in the table


def test_english_question_gets_english_framing(engine):
    answer = engine.ask("How many shootings were there in Malmö in 2017?")
    assert answer.lang == "en" and 65 in values(answer)


def test_follow_up_keeps_the_subject(engine):
    conversation = engine.new_conversation()
    engine.ask("Hur många skjutningar var det 2017?", conversation_id=conversation)
    answer = engine.ask("och 2019?", conversation_id=conversation)
    assert 31 in values(answer)


def test_a_short_question_of_its_own_in_a_conversation_is_no_follow_up(engine):
    """'Hur sprids projektresultaten?' after a figure question is about the results, not the figure again;
    'Vad gjorde de?' points back."""
    conversation = engine.new_conversation()
    engine.ask("Hur mycket EU-medel fick miljönämnden 2024?", conversation_id=conversation)
    own = engine.ask("Hur sprids projektresultaten?", conversation_id=conversation)
    assert not own.figures and not own.query.inherited and "projektresultat" in own.text.lower()
    back = engine.ask("Vad gjorde de?", conversation_id=conversation)
    assert "orgs" in back.query.inherited


def test_a_list_of_what_no_table_counts_is_told_from_the_text(engine):
    """'Vilka samarbeten finns med andra städer?' is no list of EU funds: the text says which."""
    answer = engine.ask("Vilka samarbeten finns med andra städer?")
    assert not answer.figures and "Andra städer som ingår i samarbetet" in answer.text


def test_a_claim_about_miljonamnden_is_checked_against_its_own_quantity(engine):
    """'miljönämnden' folds to 'miljonamnden': its 'miljon' is no amount, the claim counts projects (25)."""
    answer = engine.ask("Stämmer det att miljönämnden hade 30 EU-projekt 2024?")
    assert answer.text.startswith("Nej") and values(answer) == [25]


def test_narrative_quotes_are_about_the_named_project_and_clean(engine):
    answer = engine.ask("Vad är HÅPP?")
    assert answer.text.strip() and "#" not in answer.text and "**" not in answer.text
    assert any("HÅPP" in c.quote for c in answer.citations)


def test_goal_named_by_its_words(engine):
    answer = engine.ask("Hur många EU-projekt kopplades till kommunfullmäktigemålet om en grön stad?")
    assert values(answer) == [34]


def test_a_project_card_says_who_owns_it_its_fund_and_amounts(engine):
    answer = engine.ask("vad ar Vagen in")  # no å/ä/ö
    # "Vägen in är ett arbetsmarknadsprojekt som ägs av arbetsmarknads- och socialförvaltningen" (2019, s. 7)
    assert answer.text.startswith("Projektägare för Vägen in: Arbetsmarknads- och socialförvaltningen")
    assert any("ägs av arbetsmarknads- och socialförvaltningen" in c.quote for c in answer.citations)
    assert "Europeiska socialfonden" in answer.text
    assert 1_469_932 in values(answer)
    assert any("Vägen in" in c.quote for c in answer.citations)


def test_which_fund_after_a_question_about_a_project(engine):
    conversation = engine.new_conversation()
    engine.ask("vad ar Sluta skjut", conversation_id=conversation)
    answer = engine.ask("vilken fond var det?", conversation_id=conversation)
    assert answer.text.startswith("Fonden för inre säkerhet")
    named = {m.entity_id for c in answer.citations for m in engine.registry.find_funds(c.quote)}
    assert "ifs" in named  # the cited sentence names the fund (as "fond för inre säkerhet", IFS or ISF)


def test_outcome_before_target(engine):
    answer = engine.ask("Malmökraften 2.0: hur många deltog?")
    assert values(answer)[0] == 4295  # "4000 deltagare förväntas delta" is the target


def test_a_loose_claim_within_its_rounding(engine):
    answer = engine.ask("Stämmer det att förskolenämnden fick nästan en miljon 2024?")
    assert answer.text.startswith("Ja, ungefär") and 917_000 in values(answer)


def test_a_goal_the_report_leaves_empty_is_not_reported(engine):
    answer = engine.ask("Hur mycket EU-medel gick till KF-målet trygghet och delaktighet 2022?")
    assert answer.status == "not_reported"
    assert 22_550_504 not in values(answer) and 22_500_000 not in values(answer)


def test_english_answers_use_english_numbers(engine):
    answer = engine.ask("How much EU funding did the labour market department get in 2022?")
    assert "about SEK 8.3 million" in answer.text and answer.verified


def test_euro_in_running_text(engine):
    answer = engine.ask("hur mkt euro fick forskoleforv till erasmus delprojekt 2")
    assert values(answer)[0] == 106_750 and answer.figures[0].unit == "EUR"


@pytest.mark.parametrize(("question", "start", "value"), [
    ("Stämmer det att miljöförvaltningen fick mest EU-medel 2022?", "Nej: högst 2022 ligger Arbetsmarknads", 8_300_000),
    ("Stämmer det att ASF fick mest EU-medel 2022?", "Ja: Arbetsmarknads", 8_300_000),
    ("Stämmer det att EU-medlen 2024 främst kom från Erasmus+?", "Nej: högst 2024 ligger Europeiska socialfonden",
     29_239_146),
    ("Stämmer det att Malmö stad var projektägare i 47 EU-projekt 2022?", "Nej", 20),
])
def test_claims_about_rankings_and_owned_projects(engine, question, start, value):
    answer = engine.ask(question)
    assert answer.text.startswith(start), answer.text
    assert value in values(answer) and answer.verified


def test_a_claim_about_a_projects_fund(engine):
    answer = engine.ask("Stämmer det att Sluta skjut är ett ESF-projekt?")
    assert answer.text.startswith("Nej: Sluta skjut/GVI finansieras enligt rapporten av Fonden för inre säkerhet")
    assert answer.citations and answer.verified


def test_owned_projects_are_never_answered_with_all_projects(engine):
    answer = engine.ask("I hur många EU-projekt var Malmö stad projektägare 2024?")
    assert answer.status == "not_reported" and 60 not in values(answer)
    assert all(f.metric == "owned_project_count" for f in answer.figures)


def test_a_count_for_a_year_not_stated_offers_the_nearest_year(engine):
    answer = engine.ask("How many shootings were there in Malmö in 2023?")
    assert answer.status == "not_reported" and values(answer) == [29]


def test_a_sum_of_the_figures_one_sentence_states(engine):
    answer = engine.ask("Hur många deltagare var det på ASF:s jobbmässor 2022 sammanlagt?")
    sums = [c for c in answer.computations if c.op == "sum"]
    assert sums and sums[0].value == 5300 and answer.verified
    assert answer.text.startswith("Sammanlagt ca 5 300")


def test_a_claim_is_checked_against_the_figure_of_its_role(engine, documents):
    """'gav nämnden nästan 42 miljoner': 41 889 445 kr could be requisitioned, the outcome was 24 887 000 kr."""
    answer = engine.ask("Stämmer det att Äldreomsorgslyftet gav nämnden nästan 42 miljoner?")
    assert answer.text.startswith("Nej") and answer.status == "answered"
    assert [f.value for f in answer.figures] == [24_887_000]
    assert "41 889 445 kr är det som kunde rekvireras, inte utfallet" in answer.text
    quote = answer.citations[0].quote
    assert "rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor" in " ".join(quote.split())
    doc = documents[answer.citations[0].doc_id]
    assert doc.text[answer.citations[0].span_start:answer.citations[0].span_end] == quote


def test_a_share_of_what_could_be_requisitioned_is_computed_from_the_sentence(engine):
    answer = engine.ask("Äldreomsorgslyftet: hur stor andel av de möjliga medlen användes?")
    ops = {c.op: c for c in answer.computations}
    assert ops["share"].value == pytest.approx(59.4, abs=0.05)
    assert ops["difference"].value == pytest.approx(17_002_445, abs=1)
    assert answer.verified and answer.text.startswith("Utfallet är 59,4 %")


def test_an_average_per_project_divides_the_stated_amount_by_the_stated_count(engine):
    answer = engine.ask("Hur mycket fick miljönämnden per projekt i snitt 2024?")
    comp = answer.computations[0]
    assert comp.op == "average" and comp.value == pytest.approx(10_404_000 / 25, abs=1)
    assert sorted(f.value for f in answer.figures) == [25, 10_404_000]
    follow = engine.new_conversation()
    engine.ask("Hur mycket EU-medel fick ASF 2022?", conversation_id=follow)
    again = engine.ask("och i snitt per projekt?", conversation_id=follow)
    assert again.computations and again.computations[0].op == "average"
    assert again.computations[0].value == pytest.approx(8_300_000 / 8, abs=1)


def test_a_series_names_the_change_of_scope_and_every_measure_asked(engine):
    answer = engine.ask("Förskolan 2022 jämfört med 2024 – projekt och pengar?")
    assert "olika nivå" in answer.text.split("\n")[0]
    assert {1_300_000, 917_000} <= {f.value for f in answer.figures}
    assert {2} <= {f.value for f in answer.figures}  # förskolenämnden's 2 projects in 2024


S24 = "2024_stk_redovisning_internationellt_arbete"


@pytest.mark.parametrize(("question", "low", "high"), [
    ("What was the range of project budgets in 2024?", "SEK 70,000", "SEK 220,000,000"),
    ("Hur stora var projekten 2024, från minst till störst?", "70 000 kr", "220 000 000 kr"),  # the answer's form
    ("Hur stora är projekten budgetmässigt – spannet 2024?", "70 000 kr", "220 000 000 kr"),
])
def test_a_range_is_answered_with_both_ends_not_a_total(engine, question, low, high):
    answer = engine.ask(question)
    assert answer.status == "answered" and answer.verified, answer.text
    assert [(f.value, f.high) for f in answer.figures] == [(70_000, 220_000_000)]
    first = answer.text.split("\n")[0]
    assert low in first and high in first  # "från 70 000 kr till 220 000 000 kr"
    assert answer.computations == [] and answer.table == []
    source = answer.citations[answer.figures[0].citation - 1]
    assert source.doc_id == S24 and "projektbudget" in source.quote  # verbatim OCR text: "Spinnvidden"


def test_a_range_of_a_year_the_reports_do_not_give_says_so_first(engine):
    answer = engine.ask("Vad var spannet för projektens budgetar 2021?")
    assert answer.status == "not_reported" and answer.text.startswith("Rapporterna anger inget")
    assert [(f.value, f.high, f.year) for f in answer.figures] == [(250_000, 15_000_000, 2022)]  # the nearest year


def test_a_claim_within_a_stated_range_is_partly_true(engine):
    answer = engine.ask("Stämmer det att EU står för 50 procent av kostnaden i socialfondsprojekt 2024?")
    assert answer.text.startswith("Delvis") and answer.verified
    assert [(f.value, f.high) for f in answer.figures] == [(40, 60)]


def test_a_ranking_is_no_range(engine):
    answer = engine.ask("Rangordna nämnderna efter EU-medel 2024, från minst till störst")
    assert all(f.high is None for f in answer.figures) and len(answer.figures) > 3
