"""Explanations composed from what the facts hold: the answer with what the stem did not say, why
the wrong options are wrong, and the exact claim's own source, quoted only where the quote says
what the question tests."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_DECKS,
    BUNDLED_FACTS,
    ENGINE_FACTS,
    EXAMPLE_FACTS,
    LITERATURE_FACTS,
    NOVELS_FACTS,
    run_quizgen,
)
from quizgen.exporters import exporter_names
from quizgen.facts.loader import load_facts
from quizgen.facts.model import Citation, PartialDate, Source
from quizgen.questions.decks import load_decks
from quizgen.questions.engine import generate_questions
from quizgen.questions.explanations import MONTHS, short_cite, supports, with_citations
from quizgen.questions.index import FactIndex
from quizgen.questions.item_rules import content_words
from quizgen.questions.model import Kind, Question, SourceNote


@cache
def bank(path: Path) -> tuple[Question, ...]:
    return generate_questions(load_facts(path), seed=0)


def deck_bank() -> tuple[Question, ...]:
    """The bundled bank as its decks balance it: the form of a true/false item is the one the
    decks' learners see."""
    facts = load_facts(BUNDLED_FACTS)
    return generate_questions(
        facts, seed=0, decks=load_decks(BUNDLED_DECKS, facts, exporter_names())
    )


def asked(path: Path, template: str, prompt: str) -> Question:
    found = [q for q in bank(path) if q.template == template and q.prompt == prompt]
    assert len(found) == 1, f"{template}: {prompt!r} is not in the bank once"
    return found[0]


def test_a_source_is_cited_by_its_author_and_year() -> None:
    article = Source(id="a", title="T", author="Jason E. Strakes", published=PartialDate(2020))
    assert short_cite(article) == "Strakes (2020)"
    pair = Source(id="b", title="T", author="Ann Lee and Bo Park", published=PartialDate(1999))
    assert short_cite(pair) == "Lee and Park (1999)"
    assert short_cite(Source(id="c", title="Planetary Fact Sheet", publisher="NASA")) == "NASA"


def test_a_quote_supports_a_claim_only_when_it_says_what_is_tested() -> None:
    claim = "Which city is this: the capital of Russia? Moscow is the capital of Russia"
    assert not supports("recent diplomatic tensions between Baku and Moscow", claim, ["Moscow"])
    charter = "In which year was the Charter of the Collective Security Treaty Organization signed?"
    quote = "It was only in 2002 that the CSTO was established with the signature of the Charter"
    assert supports(quote, charter, ["2002"])
    assert not supports(quote, charter, ["2004"])


def test_a_quote_that_does_not_say_the_claim_is_not_quoted_as_if_it_did() -> None:
    question = asked(BUNDLED_FACTS, "entity-description", "Name the city: the capital of Russia.")
    # Neither the explanation nor the source line shows the words on Baku and Moscow.
    assert question.source.quote == "" and question.source.title.startswith("Jason E. Strakes")
    assert "Baku" not in question.explanation
    assert question.explanation.endswith("Source: Strakes (2020).")
    year = asked(
        BUNDLED_FACTS,
        "document-year",
        "In which year was the Charter of the Collective Security Treaty Organization signed?",
    )
    assert "As Strakes (2020) puts it, “It was only in 2002" in year.explanation


def test_the_answer_comes_with_what_the_stem_did_not_say() -> None:
    year = asked(
        BUNDLED_FACTS,
        "document-year",
        "In which year was the Charter of the Collective Security Treaty Organization signed?",
    )
    assert year.explanation.startswith(
        "The Charter of the Collective Security Treaty Organization was signed in Chisinau on "
        "7 October 2002."
    )
    moscow = asked(BUNDLED_FACTS, "entity-description", "Name the city: the capital of Russia.")
    treaty = "Treaty of Friendship, Cooperation and Mutual Assistance between Russia and Armenia"
    assert f"{treaty} was signed" in moscow.explanation


def test_one_participant_asked_is_told_with_every_other_and_the_wrong_options_parts() -> None:
    question = next(
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "participant-choice" and q.answer == ("Iran",)
    )
    reason, *_ = question.explanation.split(". ")
    assert reason == "Russia, Armenia, Belarus, China, Myanmar, Pakistan and Iran sent forces"
    for wrong in set(question.choices) - set(question.answer):
        assert wrong in question.explanation
    # Its source is the participant's own, not the event's.
    assert "Iranian warships" in question.source.reference
    assert question.explanation.endswith(f"Source: {question.source.reference}.")


def test_a_participant_told_beside_the_asked_one_is_told_with_its_other_part() -> None:
    """ "Azerbaijan sent observers, as did ... Iran" read as if Iran only watched, beside items
    where Iran sent warships: one who played two parts is told with both."""
    told = [
        q.explanation
        for q in deck_bank()
        if q.prompt == "True or false? In Kavkaz-2020, Kazakhstan sent observers."
    ]
    assert told
    for explanation in told:
        assert explanation.startswith(
            "True. Kazakhstan sent observers, as did Indonesia, Tajikistan, Iran and Azerbaijan; "
            "Iran also sent forces; Azerbaijan also withdrew its forces from the exercise."
        )


def test_a_life_within_one_century_is_told_once_and_in_the_past() -> None:
    """ "Hipparchus was born in the 2nd century BC and died in the 2nd century BC" says one thing
    twice, and a man dead since 1880 "was" what his description says."""
    told = " ".join(q.explanation for q in bank(ASTRONOMY_FACTS))
    assert "born in the 2nd century BC and died" not in told
    assert "William Lassell was an English brewer" in told
    assert "William Lassell is " not in told
    died = asked(
        ASTRONOMY_FACTS, "person-died-century", "In which century did Claudius Ptolemy die?"
    )
    assert died.explanation.startswith("Claudius Ptolemy died c. AD 170, in the 2nd century AD.")


def test_a_wrong_place_is_told_by_what_happened_there() -> None:
    question = asked(BUNDLED_FACTS, "document-place", "Where was the North Atlantic Treaty signed?")
    for place in set(question.choices) - set(question.answer):
        assert f"{place} is where " in question.explanation


def test_a_false_statement_gives_the_right_value_and_what_the_wrong_one_is() -> None:
    false_places = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "document-true-false"
        and q.answer == ("False",)
        and not q.distractor_reasons[0][0].isdigit()
    ]
    assert false_places
    names = {fact.id: fact.name for fact in load_facts(BUNDLED_FACTS).entities}
    for question in false_places:
        swapped = question.distractor_reasons[0][0]
        right = names[question.fact_ids[1]]
        assert question.explanation.startswith(f"False. {right} is where ")
        assert f"{swapped} is where " in question.explanation


def test_a_group_question_lists_every_member_where_the_list_is_complete() -> None:
    members = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "group-members" and "members of the CSTO?" in q.prompt
    ]
    assert members
    assert members[0].explanation.startswith(
        "The members of the CSTO as of October 2020 were Armenia, Belarus, Kazakhstan, "
        "Kyrgyzstan, Russia and Tajikistan."
    )


def test_a_category_question_names_the_other_members_of_each_category() -> None:
    question = asked(LITERATURE_FACTS, "category-of", "What kind of work is the Aeneid?")
    # What the kind is says why the Aeneid is one, where the file describes the kind.
    assert question.explanation.startswith(
        "The Aeneid is an epic poem: a long poem that tells of heroic deeds or a great journey."
    )
    # A kind the file does not describe is told by its other members.
    saturn = asked(
        ASTRONOMY_FACTS, "category-of", "According to NASA, what kind of planet is Saturn?"
    )
    assert saturn.explanation.startswith("Saturn is a gas giant, as is Jupiter.")
    # Offered are the widest kinds the Aeneid is not ("a play", never "a tragedy" beside it),
    # each told by what it is: six plays named say nothing of the Aeneid.
    assert "a play is a work written to be acted on a stage" in question.explanation
    assert "Hamlet" not in question.explanation
    # A wrong kind the file does not describe is told by its members.
    hamlet = next(
        q
        for q in bank(LITERATURE_FACTS)
        if q.template == "category-of" and q.answer == ("a tragedy",) and "Hamlet" in q.prompt
    )
    assert "a comedy" in hamlet.choices
    assert "Twelfth Night and Volpone are comedies" in hamlet.explanation


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_every_explanation_is_sentences_in_sentence_case(path: Path) -> None:
    opening = re.compile(r"(?:^|(?<=[a-z0-9)”’'])[.!?] )[“‘\"]?[a-z]")
    lower = [q.explanation for q in bank(path) if opening.search(q.explanation)]
    assert lower == []
    unfinished = [q.explanation for q in bank(path) if not q.explanation.endswith((".", "?", "!"))]
    assert unfinished == []


def test_a_statement_is_explained_in_the_authors_own_words_where_it_gives_them() -> None:
    il76 = [q for q in bank(BUNDLED_FACTS) if q.claim_id.startswith("il-76-iranian-airspace/")]

    assert il76
    for question in il76:
        assert "a flight from Russia to Armenia can cross Georgia or Iran" in question.explanation
        assert "It would be false with" not in question.explanation


def test_an_explanation_that_is_no_sentence_is_refused_with_its_place(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        BUNDLED_FACTS.read_text(encoding="utf-8").rstrip("\n") + "\n"
        "  - id: dam\n"
        "    text: The dam was completed in {1970}.\n"
        "    explain: built to hold back the flood\n"
        "    source: {reference: An atlas}\n",
        encoding="utf-8",
    )
    lines = facts.read_text(encoding="utf-8").splitlines()
    result = run_quizgen("validate", facts)

    assert result.exit_code == 1
    assert (
        f"{facts}:{len(lines) - 1}:14: explain of statement must be whole sentences"
        in result.output
    ), result.output
    assert "Traceback" not in result.output


def adds_only_a_date(question: Question) -> bool:
    """Whether a true statement's explanation tells nothing but the stem and a date."""
    # The evidence is cut off: "Source: ...", or a quote "As Strakes (2020) puts it, ..." (not
    # a date such as "As of June 2024, ...").
    said = re.split(r" Sources?: | As (?:(?!\. ).)+? puts it, ", question.explanation)[0]
    new = content_words(said) - content_words(question.prompt) - {"true"}
    return not {w for w in new if not w.isdigit() and w not in MONTHS}


def test_a_hand_made_true_statement_explained_by_its_date_alone_is_caught() -> None:
    question = Question(
        id="q-000000000000",
        kind=Kind.TRUE_FALSE,
        prompt="True or false? The Treaty was signed in Tashkent.",
        answer=("True",),
        explanation="True. Tashkent is where the Treaty was signed, on 15 May 1992. Source: x.",
        source=SourceNote(title="x"),
        fact_ids=("treaty",),
        template="hand-made",
        choices=("True", "False"),
    )
    assert adds_only_a_date(question)


@pytest.mark.parametrize("path", [BUNDLED_FACTS, ASTRONOMY_FACTS])
def test_a_true_statement_is_explained_with_more_than_its_date(path: Path) -> None:
    """ "True. Tashkent is where the Collective Security Treaty was signed, on 15 May 1992" only
    repeats the stem: the explanation goes on with what the facts say of the treaty."""
    true = [q for q in bank(path) if q.kind is Kind.TRUE_FALSE and q.answer == ("True",)]
    assert true
    assert [q.prompt for q in true if adds_only_a_date(q)] == []


def test_a_sentence_told_from_another_fact_is_cited_with_its_source() -> None:
    """The true/false on which wording of Article 4 the article quotes explains with what the
    Treaty's article says, which comes from the Treaty's text, not from the amending protocol."""
    article_4 = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.kind is Kind.TRUE_FALSE
        and q.prompt.startswith("True or false? The wording of Article 4")
    ]
    assert article_4
    for question in article_4:
        assert "Article 4 of the Collective Security Treaty is on collective defence" in (
            question.explanation
        )
        assert "Collective Security Treaty of 15 May 1992" in question.explanation
        assert "Collective Security Treaty of 15 May 1992" in question.source.reference


def test_a_status_that_held_when_the_facts_were_checked_is_told_as_of_then() -> None:
    """ "Afghanistan has been an observer since 2013" says it still is; its parliament stopped
    sitting in 2021. The facts were checked in October 2020, and the explanation says so ("had
    been ... since 2013, as of October 2020" said it in words no teacher would write)."""
    observers = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.kind is Kind.TRUE_FALSE and "observer of the CSTO Parliamentary Assembly" in q.prompt
    ]
    assert observers
    for question in observers:
        assert "in 2013 and still was in October 2020" in question.explanation, question.explanation
        assert "has been" not in question.explanation


def test_another_spelling_of_a_name_is_accepted_but_not_told_as_another_name() -> None:
    """ "Gyumri is also called Gumri or Giumri" explains nothing: the spellings are accepted in
    typed answers, and an explanation tells what else the facts hold."""
    questions = bank(BUNDLED_FACTS)
    assert not [q.explanation for q in questions if "also called Gumri" in q.explanation]
    gyumri = [q for q in questions if q.kind is Kind.CLOZE and "Gyumri" in q.answer]
    assert gyumri and all("Gumri" in q.blanks[0].accept for q in gyumri)


def test_a_word_of_another_facts_name_does_not_make_a_sentence_bear_on_the_question(
    tmp_path: Path,
) -> None:
    """A true/false on where Kavkaz-2020 took place, the Southern Military District, is not
    explained with the number of foreign military personnel invited: "military" there is no word
    of what was asked, only of the district's name."""
    text = ENGINE_FACTS.read_text(encoding="utf-8").replace(
        "{label: personnel,", "{label: foreign military personnel invited,"
    )
    assert "foreign military personnel invited" in text
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    where = [
        q
        for q in generate_questions(load_facts(facts), seed=0)
        if q.kind is Kind.TRUE_FALSE
        and q.prompt.startswith("True or false? Kavkaz-2020 took place")
    ]
    assert where
    for question in where:
        assert "figure given" not in question.explanation, question.explanation


def test_a_name_it_question_is_explained_in_the_authors_own_words_where_they_give_them() -> None:
    """ "Name the organ of the CSTO: the permanent working body ..." was explained by the
    postponement of July 2020, which says nothing of what the Secretariat is. The author's
    ``explain`` on the entity says it, and its own source is cited."""
    facts = load_facts(BUNDLED_FACTS)
    secretariat = next(e for e in facts.entities if e.id == "csto-secretariat")
    assert secretariat.explain
    named = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "entity-description" and q.fact_ids == ("csto-secretariat",)
    ]
    assert named
    for question in named:
        assert question.explanation.startswith(secretariat.explain), question.explanation
        assert "postponed" not in question.explanation
        assert "Charter of the Collective Security Treaty Organization" in question.explanation


def test_an_entity_explanation_that_is_no_sentence_is_refused_with_its_place(
    tmp_path: Path,
) -> None:
    text = ENGINE_FACTS.read_text(encoding="utf-8")
    marker = "    type: military district\n"
    assert marker in text
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        text.replace(marker, marker + "    explain: formed in 2010\n", 1), encoding="utf-8"
    )
    line = facts.read_text(encoding="utf-8").splitlines().index("    explain: formed in 2010") + 1
    result = run_quizgen("validate", facts)

    assert result.exit_code == 1
    assert f"{facts}:{line}:14: explain of entity must be whole sentences" in result.output, (
        result.output
    )
    assert "Traceback" not in result.output


def test_a_quote_is_followed_by_the_reference_that_gives_the_rest_of_the_claim() -> None:
    """ "The Charter was signed in Chisinau on 7 October 2002. As Strakes (2020) puts it, “It
    was only in 2002 ...”" credits the article with the day and place, which it does not give:
    the Charter's own text, the fact's reference, is cited after the quote."""
    charter_year = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.kind is Kind.YEAR and "Charter of the Collective Security Treaty" in q.prompt
    ]
    assert charter_year
    for question in charter_year:
        assert "puts it, “It was only in 2002" in question.explanation, question.explanation
        assert question.explanation.endswith(
            "”. Source: Charter of the Collective Security Treaty Organization, 7 October 2002 "
            "(kremlin.ru)."
        ), question.explanation


def test_a_year_is_explained_with_what_the_thing_was() -> None:
    """ "The Treaty ... was signed in Moscow on 29 August 1997." only dates the stem again: the
    explanation goes on with what the treaty was, in a sentence of its own."""
    friendship = [
        q for q in bank(BUNDLED_FACTS) if q.kind is Kind.YEAR and "Treaty of Friendship" in q.prompt
    ]
    assert friendship
    for question in friendship:
        assert (
            "29 August 1997. It is the bilateral Russian-Armenian treaty" in question.explanation
        ), question.explanation


def test_a_past_years_members_cite_the_memberships_that_make_it_past() -> None:
    """The members of the CSTO in 2011 were cited to the article, which lists those of 2020:
    Uzbekistan's membership from 2006 to 2012 has its own source, and it is cited too."""
    history = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "group-members-history" and "CSTO" in q.prompt
    ]
    assert history
    for question in history:
        assert "CSTO, history of the Collective Security Treaty" in question.explanation


def test_a_wrong_value_is_quoted_as_the_stem_writes_it() -> None:
    """ "According to the article, twelve states were invited" is corrected with "eighteen" in
    place of "twelve", not with "Eighteen" and "Twelve", which the stem never wrote."""
    invited = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.kind is Kind.TRUE_FALSE and "twelve states were invited" in q.prompt
    ]
    assert invited
    for question in invited:
        assert "“eighteen” in place of “twelve”" in question.explanation, question.explanation


def test_another_things_figure_told_in_an_explanation_is_cited_by_its_own_source() -> None:
    """ "For comparison, Titan's mean diameter is 5,150 km", told after a question on Ganymede,
    was cited to the Ganymede page: every figure told is cited by the sheet that gives it."""
    telling = [
        q
        for q in bank(ASTRONOMY_FACTS)
        if "Titan's mean diameter is 5,150 km" in q.explanation
        or "5,150 km is Titan's mean diameter" in q.explanation
    ]
    assert any("titan" not in q.fact_ids for q in telling)
    for question in telling:
        assert "NASA Saturnian Satellite Fact Sheet" in question.explanation, question.prompt


def test_when_a_thing_joined_a_category_is_told_with_what_it_left_and_cited_by_its_ruling() -> None:
    """ "Pluto became a dwarf planet on 24 August 2006. Source: NASA Pluto Fact Sheet." said
    the stem again and cited a sheet that rules on nothing."""
    question = asked(
        ASTRONOMY_FACTS, "category-since", "In which year did Pluto become a dwarf planet?"
    )
    assert question.explanation.startswith(
        "Pluto became a dwarf planet on 24 August 2006, when it ceased to be classed as a planet."
    )
    assert "IAU Resolution B6" in question.source.reference


def test_a_true_part_in_an_event_is_told_with_another_part_of_it(tmp_path: Path) -> None:
    """ "True. Dunmere was the host." only says the statement again: the explanation tells
    another part of the event besides, one the host also played first."""
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        """\
format: quizgen-facts/1
topic: {title: Regattas, as_of: 2020}
sources: [{id: log, title: The Harbour Log}]
entities:
  - {id: dunmere, name: Dunmere, type: port, source: {ref: log, quote: Dunmere}}
  - {id: calder, name: Calder, type: port, source: {ref: log, quote: Calder}}
  - {id: westby, name: Westby, type: port, source: {ref: log, quote: Westby}}
events:
  - id: regatta
    name: Spring Regatta
    date: 2019-05-04
    complete: true
    source: {ref: log, quote: the Spring Regatta}
    participants:
      - {entity: dunmere, role: host}
      - {entity: dunmere, role: sent boats}
      - {entity: calder, role: sent boats}
      - {entity: westby, role: withdrew}
""",
        encoding="utf-8",
    )
    told = [
        q
        for q in generate_questions(load_facts(facts), seed=0)
        if q.template == "participant-true-false" and q.answer == ("True",)
    ]
    host = [q for q in told if q.prompt.endswith("Dunmere was the host.")]
    assert host
    assert host[0].explanation.startswith(
        "True. Dunmere was the host; Dunmere and Calder sent boats."
    )


def test_a_category_question_tells_every_keyed_member_of_a_long_list() -> None:
    """ "The novels include Don Quixote, Pride and Prejudice, Emma and Jane Eyre" after a
    question that keyed Moby-Dick left it untold: the keyed members are named first."""
    asked = [
        q
        for q in bank(LITERATURE_FACTS)
        if q.template == "category-members" and q.prompt == "Which of these works are novels?"
    ]
    assert asked
    for question in asked:
        told = question.explanation.split(". ")[0]
        assert all(answer in told for answer in question.answer), question.explanation


def test_a_question_that_cites_several_sources_shows_them_all_as_its_source() -> None:
    """A matching of six documents showed only the first one's source beside it, which holds
    none of the other five dates: the source shown is every source the explanation cites."""
    several = [q for q in bank(BUNDLED_FACTS) if " Sources: " in q.explanation]
    assert any(q.kind is Kind.MATCHING for q in several)
    for question in several:
        cited = question.explanation.rsplit(" Sources: ", 1)[1].rstrip(".")
        assert question.source.reference == cited, question.prompt


def test_a_post_held_when_the_facts_were_checked_is_told_as_of_then() -> None:
    """ "Alexander Dvornikov has been Commander of the Southern Military District since
    September 2016" was stale when it was printed: an open post is told as of the check date."""
    told = " ".join(q.explanation for q in bank(BUNDLED_FACTS))
    assert (
        "Valery Gerasimov became Chief of the General Staff of the Russian Armed Forces in "
        "November 2012 and still was in September 2020" in told
    )
    facts = load_facts(BUNDLED_FACTS)
    for person in facts.people:
        assert f"{person.name} has been " not in told, person.name


def test_a_true_link_is_explained_by_more_than_the_statement_turned_round() -> None:
    """ "True. Pluto was discovered by Clyde Tombaugh." only turns the statement round: the facts
    tell more, as they would for any other stem said again."""
    true_links = [
        q
        for path in (ASTRONOMY_FACTS, LITERATURE_FACTS)
        for q in bank(path)
        if q.template == "link-true-false" and q.answer == ("True",)
    ]
    assert true_links
    for question in true_links:
        told = question.explanation.split(" Source")[0]
        # One thing, linked to one: "True. The Aeneid was written by Virgil." and no more.
        turned_round = r"True\. [^.,]+ was (?:\w+ )+by (?:(?:[A-Z][\w'’-]*|de|van|von)\s?)+\."
        assert not re.fullmatch(turned_round, told), question.explanation


def test_a_thing_is_told_by_its_narrowest_kind() -> None:
    """ "Neptune is a giant planet" after a question on Triton said less than the facts know:
    every ice giant is a giant planet, and the narrower kind is the one told."""
    told = " ".join(q.explanation for q in bank(ASTRONOMY_FACTS))
    assert "Neptune is a giant planet" not in told
    literature = " ".join(q.explanation for q in bank(LITERATURE_FACTS))
    assert "The Jew of Malta is a play." not in literature
    assert "The Jew of Malta is a tragedy" in literature


def test_right_ones_with_sources_of_their_own_are_each_cited() -> None:
    """ "Which of these states withdrew?" keyed Azerbaijan and India and cited the defence
    ministry's list of who came, which says nothing of either withdrawal."""
    asked = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "event-participants"
        and q.prompt.endswith("withdrew their forces from the exercise?")
    ]
    assert asked
    for question in asked:
        assert "Indian Ministry of Defence" in question.source.reference
        assert "Azerbaijani Defence Ministry" in question.source.reference


def test_a_true_link_is_said_once_with_what_the_facts_add() -> None:
    """ "Titan was discovered by Christiaan Huygens. Christiaan Huygens discovered Titan in 1655
    ..." said the claim twice; the told sentence's news joins the answer instead."""
    typed = asked(ASTRONOMY_FACTS, "link-subject-typed", "Who discovered Titan?")
    assert typed.explanation.startswith(
        "Christiaan Huygens discovered Titan in 1655 with a telescope he had built himself."
    )
    assert typed.explanation.count("discovered") == 1


def test_a_wrong_options_part_is_told_with_the_key_that_played_it_too() -> None:
    """ "Polidori, Percy Shelley and Mary Shelley took part as contestants" after "Lord Byron was
    the host" read as if Byron wrote no ghost story; he did. Named by the answer already, the one
    host is told by his part ("as did the host"), not by name again with that part."""
    question = asked(
        LITERATURE_FACTS,
        "participant-choice",
        "In the ghost-story contest at the Villa Diodati, which one of these people was the host?",
    )
    assert "took part as contestants, as did the host." in question.explanation
    assert "Byron, who was also the host" not in question.explanation


def test_a_thing_named_as_the_subject_just_before_is_then_called_it() -> None:
    """ "In August 2010, the protocol extending the treaty on the Russian base in Gyumri was
    signed. The protocol extending the treaty on the Russian base in Gyumri is ..." named it twice
    running; "It is" fits, but not after "Tashkent is where ...", where "it" would be the city."""
    explanations = [q.explanation for q in bank(BUNDLED_FACTS)]
    protocol = [e for e in explanations if "In August 2010, the protocol extending" in e]
    assert protocol
    assert all(". It is the Russian-Armenian agreement of 2010" in e for e in protocol)
    tashkent = [e for e in explanations if ". Tashkent is where the Collective" in e]
    assert tashkent
    assert not any(". It is " in e for e in tashkent)


def test_a_wrong_option_of_the_wider_kind_is_told_to_be_outside_the_asked_one() -> None:
    """ "Don Quixote and Pride and Prejudice are novels" did not say why they are no Victorian
    novels; that they are novels, but not Victorian ones, does."""
    victorian = [
        q
        for q in bank(LITERATURE_FACTS)
        if q.prompt == "Which of these works are Victorian novels?"
    ]
    assert victorian
    for question in victorian:
        wrong = [c for c in question.choices if c not in question.answer]
        assert wrong
        assert "novels, but not Victorian novels" in question.explanation or (
            "a novel, but not a Victorian novel" in question.explanation
        )


def test_a_joining_year_is_told_with_what_came_before_in_the_body_it_grew_from() -> None:
    """ "Uzbekistan was a member of the CSTO from June 2006 to 2012" did not say why 1992 or
    2002 is wrong: it had been a party to the Treaty the CSTO's members signed, and left it."""
    joined = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.template == "membership-year" and "Uzbekistan" in q.prompt and "CSTO" in q.prompt
    ]
    assert joined
    assert joined[0].explanation.startswith(
        "Uzbekistan was a member of the CSTO from June 2006 until its membership was suspended in"
        " 2012; before that, it was a party to the Collective Security Treaty from 15 May 1992 to"
        " 1999."
    )


def test_a_key_that_also_played_a_wrong_options_part_is_told_with_the_part_asked() -> None:
    """ "Iran sent forces. Tajikistan and Indonesia sent observers, as did Iran" read as if the
    explanation took back its answer: "as did Iran, which also sent forces"."""
    told = " ".join(q.explanation for q in bank(BUNDLED_FACTS))
    assert re.search(r"as did Iran(?!, which also sent forces)", told) is None
    assert "as did Iran, which also sent forces" in told


def test_the_articles_loose_words_on_observers_are_not_quoted_as_evidence() -> None:
    """The article's "granted observer status" names no assembly; the curation corrects it."""
    observers = [
        q for q in bank(BUNDLED_FACTS) if "observer of the CSTO Parliamentary Assembly" in q.prompt
    ]
    assert observers
    for question in observers:
        assert "were granted observer status" not in question.explanation


def test_a_false_link_is_explained_first_by_who_did_it_with_that_links_source() -> None:
    """ "Gerard Kuiper discovered Phobos. False." was explained by Kuiper's Miranda, cited to
    the Miranda page: who discovered Phobos decides, and its own source says so."""
    swapped = [
        q
        for q in bank(ASTRONOMY_FACTS)
        if q.template == "link-true-false" and q.answer == ("False",) and "discovered" in q.prompt
    ]
    assert swapped
    for question in swapped:
        work = question.prompt.removesuffix(".").rsplit(" discovered ", 1)[1]
        decisive = re.search(
            rf"^False\. [A-Z][\w. ]+ discovered {re.escape(work)}\. ", question.explanation
        )
        assert decisive, question.explanation
        assert question.explanation.count("Source") == 1 and "Sources: " in question.explanation


def test_what_else_was_told_is_cited_after_a_quote_however_often_it_is_added() -> None:
    index = FactIndex(load_facts(BUNDLED_FACTS))
    quoted = "As Strakes (2020) puts it, “a claim”. Source: A"
    once = with_citations(index, [Citation(reference="B")], quoted)
    assert once == "As Strakes (2020) puts it, “a claim”. Sources: A; B"
    twice = with_citations(index, [Citation(reference="C")], once)
    assert twice == "As Strakes (2020) puts it, “a claim”. Sources: A; B; C"
    bare = with_citations(index, [Citation(reference="C")], "As Strakes (2020) puts it, “a claim”")
    assert bare == "As Strakes (2020) puts it, “a claim”. Source: C"


def test_a_persons_description_tells_their_part_only_where_it_is_about_it(tmp_path: Path) -> None:
    """ "True. Lord Byron was an English Romantic poet." said nothing of his being the host."""
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        """\
format: quizgen-facts/1
topic: {title: Ghost stories, as_of: 2020}
sources: [{id: log, title: Letters}]
people:
  - {id: byron, name: Lord Byron, born: 1788, died: 1824, description: an English Romantic poet,
     source: {ref: log, quote: Byron}}
  - {id: mary, name: Mary Shelley, born: 1797, died: 1851, source: {ref: log, quote: Mary}}
  - {id: percy, name: Percy Shelley, born: 1792, died: 1822, source: {ref: log, quote: Percy}}
events:
  - id: contest
    name: ghost-story contest
    date: 1816-06
    complete: true
    source: {ref: log, quote: contest}
    participants:
      - {entity: byron, role: host}
      - {entity: byron, role: contestant}
      - {entity: mary, role: contestant}
      - {entity: percy, role: contestant}
""",
        encoding="utf-8",
    )
    told = [
        q.explanation
        for q in generate_questions(load_facts(facts), seed=0)
        if q.template == "participant-true-false" and "Lord Byron" in q.prompt
    ]
    assert told
    for explanation in told:
        assert "Romantic poet" not in explanation.split(".")[1], explanation


def test_one_who_did_not_play_a_part_is_told_the_whole_list_as_the_only_ones() -> None:
    """ "Indonesia withdrew its forces" is false because the list of those who withdrew is
    complete; "Azerbaijan and India withdrew" alone may be read as two of several."""
    told = [
        q.explanation
        for q in deck_bank()
        if q.prompt
        == "True or false? In Kavkaz-2020, Indonesia withdrew its forces from the exercise."
    ]
    assert told
    for explanation in told:
        assert "only Azerbaijan and India withdrew their forces from the exercise" in explanation


def test_never_a_member_is_squared_with_the_body_the_group_grew_from() -> None:
    """The article calls Azerbaijan a former CSTO member: "never a member of the CSTO" is told
    with the Treaty it was a party to, and a body merely beside the group is not brought in."""
    explanations = {
        q.prompt: q.explanation
        for q in bank(BUNDLED_FACTS)
        if q.template == "membership-true-false"
    }
    azerbaijan = explanations[
        "True or false? As of October 2020, Azerbaijan was a member of the CSTO."
    ]
    assert (
        "Azerbaijan was never a member of the CSTO, though it was a party to the Collective "
        "Security Treaty from 1993 to 1999." in azerbaijan
    )
    assert "CSTO, history of the Collective Security Treaty" in azerbaijan
    uzbekistan = explanations[
        "True or false? As of October 2020, Uzbekistan was a member of the Eurasian Economic Union."
    ]
    assert "though" not in uzbekistan


def test_a_post_is_told_with_what_its_holder_did_where_the_facts_say() -> None:
    """ "Who was Chief of the General Staff?" is asked of an article on Kavkaz-2020 because he
    directed it; the explanation says so."""
    posts = [
        q.explanation
        for q in bank(BUNDLED_FACTS)
        if q.template in ("person-role", "person-title")
        and "Valery Gerasimov" in f"{q.prompt} {q.answer}"
    ]
    assert posts
    for explanation in posts:
        assert "Valery Gerasimov directed the Kavkaz-2020 exercise." in explanation


def test_a_count_is_compared_as_the_most_or_the_fewest() -> None:
    prompts = {q.prompt for q in bank(NOVELS_FACTS)}
    assert "Which of these works has the fewest chapters?" in prompts
    assert "Put these works in order of number of chapters, fewest first." in prompts


def test_a_status_other_than_member_is_told_with_what_the_body_is() -> None:
    """ "Afghanistan became an observer of the CSTO Parliamentary Assembly in 2013" only repeats
    the stem; what the assembly is says whose status it was: its parliament's."""
    observers = [
        q
        for q in bank(BUNDLED_FACTS)
        if q.kind is Kind.TRUE_FALSE
        and q.answer == ("True",)
        and "observer of the CSTO Parliamentary Assembly" in q.prompt
    ]
    assert observers
    for question in observers:
        assert "in which the parliaments of other states may sit as observers" in (
            question.explanation
        )


def test_a_wrong_option_linked_to_nothing_is_told_by_what_it_did() -> None:
    """ "Which of these astronomers discovered Titania?" offered Le Verrier and Galle and told
    nothing of them: they found no moon, and what they did find is why they are wrong."""
    asked = [
        q
        for q in bank(ASTRONOMY_FACTS)
        if q.template == "link-subjects" and "Johann Galle" in q.choices
    ]
    assert asked
    for question in asked:
        assert "Johann Galle located Neptune through the Berlin Observatory" in question.explanation
        assert "Encyclopaedia Britannica: Johann Gottfried Galle" in question.explanation


def test_a_body_is_described_beside_a_status_only_where_its_description_speaks_of_it() -> None:
    """ "Belarus was a party ... The Parties to the Collective Security Treaty is the states
    bound by ..." told nothing of being a party, and in broken grammar."""
    parties = [
        q.explanation
        for q in bank(BUNDLED_FACTS)
        if q.template == "membership-true-false"
        and "a party to the Collective Security Treaty" in q.prompt
    ]
    assert parties
    for explanation in parties:
        assert "the states bound by the Collective Security Treaty" not in explanation


def test_a_thing_asked_for_its_kind_is_told_by_what_the_author_says_of_its_making() -> None:
    """ "Emma is a novel: a long story in prose ..." says what a novel is and nothing of Emma;
    the author's account of the book (Jane Austen's, with its source) does."""
    emma = asked(LITERATURE_FACTS, "category-of", "What kind of work is Emma?")
    assert "Emma came out in December 1815" in emma.explanation
    assert "Encyclopaedia Britannica: Jane Austen" in emma.explanation
    # A kind told by its other members already says something of the thing: no more is added.
    uranus = [
        q
        for q in bank(ASTRONOMY_FACTS)
        if q.template == "category-of" and q.prompt.endswith("what kind of planet is Uranus?")
    ]
    assert uranus
    assert all("Herschel" not in q.explanation for q in uranus)


def test_a_select_all_of_a_long_kind_tells_the_keyed_members_and_what_the_kind_is() -> None:
    """ "The novels include Frankenstein, The Tale of Genji, The Scarlet Letter and Don Quixote"
    named a novel no option offered, which reads as one the learner missed; the keyed ones are
    told, with what a novel is."""
    novels = [q for q in bank(LITERATURE_FACTS) if q.prompt == "Which of these works are novels?"]
    assert novels
    facts = load_facts(LITERATURE_FACTS)
    works = {e.name for e in facts.entities if e.type == "work"}
    for question in novels:
        told = question.explanation.split(" Source")[0]
        named = {w for w in works if w.removeprefix("the ") in told or w in told}
        assert named <= set(question.choices) | {"the Aeneid", "the Divine Comedy"}, named
        assert "a novel is a long story in prose" in told
