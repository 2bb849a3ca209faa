"""How questions read: each wording rule a review of the bundled bank found broken, checked on a
small topic of its own (the rules know no topic) and, where it showed, on the bundled bank."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_FACTS,
    EU_FACTS,
    LITERATURE_FACTS,
    NOVELS_FACTS,
    PLANETS_FACTS,
)
from quizgen.facts.loader import load_facts
from quizgen.facts.model import PartialDate
from quizgen.questions.claims import Claim, Relation
from quizgen.questions.engine import generate_questions
from quizgen.questions.grammar import a_or_an, plural
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import Oracle, Verdict
from quizgen.questions.wording import (
    ProperWords,
    according_to,
    dates_text,
    did_not,
    document_in_sentence,
    emphasised_not,
    event_in_sentence,
    lowered_opening,
    on_date,
    proper_words_in,
    standing_alone,
    took_part,
)

HARBOURS = """\
format: quizgen-facts/1
topic: {title: Harbour towns, as_of: 2020-10}
sources:
  - {id: chronicle, title: The Harbour Chronicle, cite_as: the chronicle}
entities:
  - {id: portavia, name: Portavia, type: state, tags: [t], source: {reference: r}}
  - {id: bellamar, name: Bellamar, type: state, tags: [t], source: {reference: r}}
  - {id: corvino, name: Corvino, type: state, tags: [t], source: {reference: r}}
  - {id: dunmere, name: Dunmere, type: state, tags: [t], source: {reference: r}}
  - id: port-royal
    name: Port Royal, N.B.
    type: city
    description: The capital of Portavia.
    tags: [t]
    source: {reference: r}
  - {id: saltby, name: Saltby, type: city, description: A town., tags: [t], source: {reference: r}}
  - {id: westholm, name: Westholm, type: city, tags: [t], source: {reference: r}}
  - id: council
    name: United Harbours Council
    short: UH Council
    type: assembly
    tags: [t]
    source: {reference: r}
groups:
  - id: league
    name: Harbour League
    short: HL
    as_of: 2020-10
    tags: [t]
    source: {reference: r}
    members:
      - {entity: portavia, since: 1994}
      - {entity: bellamar, since: 1994}
  - id: union
    name: Harbour Union
    founded: 1995-01-01
    as_of: 2020-10
    tags: [t]
    source: {reference: r}
    members:
      - {entity: corvino, since: 1995-01-01}
events:
  - id: renewal
    name: Renewal of the Harbour Pact
    date: 1999-04
    description: Two parties extended their alliance for five years and two let it lapse.
    tags: [t]
    source: {reference: r}
    complete: true
    participants:
      - {entity: portavia, role: renewed the Pact}
      - {entity: bellamar, role: renewed the Pact}
      - {entity: corvino, role: did not renew the Pact}
      - {entity: dunmere, role: did not renew the Pact}
  - id: fair
    name: Portside trade fair
    date: 2020-09-21
    end: 2020-09-26
    place: port-royal
    description: A week of commerce held in the capital in September 2020.
    tags: [t]
    source: {reference: r}
    complete: true
    participants:
      - {entity: portavia, role: host}
      - {entity: bellamar, role: sent ships}
      - {entity: corvino, role: sent ships}
      - {entity: league, role: sponsored the fair}
    figures:
      - {label: Ships expected by the chronicle, value: 80-120}
      - {label: Visitors, value: "about 5,000"}
  - id: blockade
    name: Portavia's blockade of Saltby
    date: 2014-03
    place: saltby
    tags: [t]
    source: {reference: r}
    participants:
      - {entity: portavia, role: blockaded Saltby}
documents:
  - id: union-treaty
    name: Treaty on the Harbour Union
    kind: treaty
    signed: 1994-05-29
    tags: [t]
    source: {reference: r}
  - id: pact
    name: Harbour Pact
    kind: treaty
    signed: 1994-05-15
    place: westholm
    tags: [t]
    source: {reference: r}
    provisions:
      - label: Article 2
        text: An attack on one harbour is an attack on all.
        summary: Common defence
statements:
  - id: rumours
    text: Allegations of smuggling since {1704|!1710} rest more on rumour than on evidence.
    attributed: true
    tags: [t]
    source: {ref: chronicle, quote: rumour}
  - id: bellamar-ships
    text: Bellamar sent {twelve|12|!ten} ships to the fair.
    attributed: true
    tags: [t]
    source: {ref: chronicle, quote: twelve}
"""


@pytest.fixture(scope="module")
def harbour_bank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Question, ...]:
    path = tmp_path_factory.mktemp("harbours") / "facts.yaml"
    path.write_text(HARBOURS, encoding="utf-8")
    return generate_questions(load_facts(path), seed=4)


@pytest.fixture(scope="module")
def bundled_bank() -> tuple[Question, ...]:
    return generate_questions(load_facts(BUNDLED_FACTS), seed=0)


def texts(bank: Sequence[Question]) -> list[str]:
    return [text for q in bank for text in (q.prompt, q.explanation, q.reverse_prompt)]


def made_by(bank: tuple[Question, ...], template: str, fact_id: str) -> list[Question]:
    return [q for q in bank if q.template == template and fact_id in q.fact_ids]


# -- event names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "in_sentence"),
    [
        ("Renewal of the Harbour Pact", "the renewal of the Harbour Pact"),
        ("Decision to close the port", "the decision to close the port"),
        ("Tavush/Tovuz border clashes", "the Tavush/Tovuz border clashes"),
        ("The 9/11 terrorist attacks", "the 9/11 terrorist attacks"),
        ("Russian snap drills before Kavkaz-2020", "the Russian snap drills before Kavkaz-2020"),
        ("Armenia's appeal to the CSTO", "Armenia's appeal to the CSTO"),
        ("Kavkaz-2020", "Kavkaz-2020"),
        # Whether these take an article, their form does not say: quoted as titles.
        ("Schuman Declaration", "“Schuman Declaration”"),
        ("The United Kingdom leaves the EU", "“The United Kingdom leaves the EU”"),
    ],
)
def test_an_event_name_reads_as_a_noun_phrase_where_its_form_shows_one(
    name: str, in_sentence: str
) -> None:
    assert event_in_sentence(name) == in_sentence


@pytest.mark.parametrize(
    ("name", "in_sentence"),
    [
        # A title keeps its capitals.
        (
            "Treaty of Friendship, Cooperation and Mutual Assistance",
            "the Treaty of Friendship, Cooperation and Mutual Assistance",
        ),
        (
            "Agreement on the Collective Rapid Reaction Forces",
            "the Agreement on the Collective Rapid Reaction Forces",
        ),
        ("Statute of Anne", "the Statute of Anne"),
        (
            "Treaty establishing the European Coal and Steel Community",
            "the Treaty establishing the European Coal and Steel Community",
        ),
        # A name the author writes in lower case describes the document: a noun phrase, with
        # no capital a teacher would correct mid-sentence ("the Decision to create ...").
        (
            "decision to create the Collective Rapid Reaction Forces",
            "the decision to create the Collective Rapid Reaction Forces",
        ),
        ("IAU resolution defining a planet", "the IAU resolution defining a planet"),
        ("The Hague Convention", "the Hague Convention"),
        ("Almagest", "the Almagest"),
    ],
)
def test_a_document_name_reads_as_a_title_or_as_the_noun_phrase_it_is(
    name: str, in_sentence: str
) -> None:
    assert document_in_sentence(name) == in_sentence


def test_a_question_asking_for_a_denial_says_not_in_capitals(
    bundled_bank: tuple[Question, ...],
) -> None:
    assert emphasised_not("did not renew the Treaty") == "did NOT renew the Treaty"
    assert emphasised_not("sent forces") == "sent forces"
    assert emphasised_not("was not invited, nor notified") == "was NOT invited, nor notified"
    # The bundled facts say what the states that left did ("declined to renew the Treaty"), so
    # no bundled question needs a NOT; any that did would say it in capitals.
    asking = [q.prompt for q in bundled_bank if q.template.startswith("participant")]
    assert asking
    assert not any(re.search(r"\bnot\b", prompt, re.IGNORECASE) for prompt in asking)


def test_the_author_says_whether_an_event_takes_the_article() -> None:
    assert event_in_sentence("Schuman Declaration", the=True) == "the Schuman Declaration"
    assert event_in_sentence("The Great Fire", the=True) == "the Great Fire"
    assert event_in_sentence("Brexit", the=False) == "Brexit"


def test_event_stems_use_the_event_as_a_noun_phrase(harbour_bank: tuple[Question, ...]) -> None:
    prompts = [q.prompt for q in harbour_bank]
    assert "In which year did the renewal of the Harbour Pact take place?" in prompts
    assert any(p.startswith("In the Portside trade fair, which") for p in prompts)
    # A list of events (a chronology) shows each name as a title; a sentence does not.
    sentences = [q for q in harbour_bank if q.kind not in (Kind.ORDERING, Kind.MATCHING)]
    assert not any("“Renewal" in text or "In Renewal" in text for text in texts(sentences))


# -- participants ---------------------------------------------------------------------------------


def test_a_role_that_is_a_denial_is_not_denied_again_for_the_others(
    harbour_bank: tuple[Question, ...],
) -> None:
    """ "Corvino and Dunmere did not renew the Pact; Portavia and Bellamar did not" said the
    opposite of the truth about the wrong options."""
    denied = [
        q
        for q in made_by(harbour_bank, "event-participants", "renewal")
        if "did NOT renew" in q.prompt
    ]
    assert denied
    for question in denied:
        assert re.search(
            r"did not renew the Pact\. [A-Za-z, ]+ renewed the Pact\.", question.explanation
        )
        assert "did not did" not in question.explanation
    assert did_not("did not renew the Treaty") == "did"
    assert did_not("was not invited", several=True) == "were"
    assert did_not("invited", several=True) == "were not"
    assert did_not("sent troops") == "did not"


def test_a_role_named_by_a_noun_takes_an_article(harbour_bank: tuple[Question, ...]) -> None:
    assert took_part("host", only=True) == "was the host"
    assert took_part("observer") == "took part as an observer"
    assert took_part("observer", several=True) == "took part as observers"
    prompts = [q.prompt for q in made_by(harbour_bank, "participant-choice", "fair")]
    assert "In the Portside trade fair, which one of these states was the host?" in prompts
    assert not any("took part as host" in text for text in texts(harbour_bank))


def test_a_group_taking_part_is_named_with_its_article(harbour_bank: tuple[Question, ...]) -> None:
    """By its full name, too: the topic's title never said what "HL" stands for."""
    explanations = [q.explanation.casefold() for q in harbour_bank if "league" in q.fact_ids]
    assert any("the harbour league sponsored the fair" in e for e in explanations)
    assert not any("the hl " in e for e in explanations)


def test_an_event_with_one_role_asks_no_true_false_that_restates_it(
    harbour_bank: tuple[Question, ...],
) -> None:
    """ "In Portavia's blockade of Saltby, Portavia blockaded Saltby" could only be true."""
    assert made_by(harbour_bank, "participant-true-false", "blockade") == []
    assert made_by(harbour_bank, "participant-true-false", "fair")


# -- figures and dates ----------------------------------------------------------------------------


def test_a_range_is_not_typed_and_one_number_accepts_its_digits(
    harbour_bank: tuple[Question, ...],
) -> None:
    """Nobody types "80-120" word for word: a range is not asked as a typed figure."""
    figures = {q.answer[0]: q for q in made_by(harbour_bank, "event-figure", "fair")}
    assert "80-120" not in figures
    assert figures["about 5,000"].accept == ("5000",)


def test_a_span_of_days_names_its_month_once() -> None:
    start, end = PartialDate(2020, 9, 21), PartialDate(2020, 9, 26)
    assert dates_text(start, end) == "from 21 to 26 September 2020"
    assert dates_text(start, PartialDate(2020, 10, 2)) == "from 21 September to 2 October 2020"
    assert dates_text(start, None) == "on 21 September 2020"


def test_a_described_event_is_asked_by_its_description_alone(
    harbour_bank: tuple[Question, ...],
) -> None:
    """A date would let a learner who knows the options' dates pass over the description."""
    prompts = {q.fact_ids[0]: q.prompt for q in harbour_bank if q.template == "event-name"}
    # "Renewal of the Harbour Pact" is a label, not a name to type; chosen among the other
    # events, of other kinds, "two parties extended their alliance" would give it away.
    assert "renewal" not in prompts
    assert (
        prompts["fair"]
        == "Name the event: a week of commerce held in the capital in September 2020."
    )


def test_no_bundled_description_stem_repeats_its_year(bundled_bank: tuple[Question, ...]) -> None:
    for question in bundled_bank:
        if question.template == "event-name":
            dated = re.match(r"Name the event \([^)]*\b(\d{4})\): (.*)", question.prompt)
            assert not (dated and re.search(rf"\b{dated[1]}\b", dated[2])), question.prompt
            assert not re.search(r", (?:in|on) [^,]*\d{4}\.$", question.prompt), question.prompt


# -- names and short names ------------------------------------------------------------------------


def test_a_name_ending_in_a_full_stop_gets_no_second_one(
    harbour_bank: tuple[Question, ...], bundled_bank: tuple[Question, ...]
) -> None:
    assert any(q.explanation.startswith("Port Royal, N.B. is ") for q in harbour_bank)
    assert not any(".. " in text or text.endswith("..") for text in texts(bundled_bank))


def test_a_shortened_name_that_is_no_abbreviation_asks_for_the_full_name(
    harbour_bank: tuple[Question, ...], bundled_bank: tuple[Question, ...]
) -> None:
    council = made_by(harbour_bank, "entity-abbreviation", "council")
    assert [q.prompt for q in council] == ["What is the full name of the UH Council?"]
    assert council[0].reverse_prompt == "What is the short name of the United Harbours Council?"
    league = made_by(harbour_bank, "group-abbreviation", "league")
    assert [q.prompt for q in league] == ["What does the abbreviation HL stand for?"]
    assert league[0].explanation.startswith("HL stands for the Harbour League. ")
    assert not any("abbreviation UN Security Council" in text for text in texts(bundled_bank))


def test_a_reverse_card_names_the_thing_with_its_article(
    bundled_bank: tuple[Question, ...],
) -> None:
    reverse = {q.reverse_prompt for q in bundled_bank}
    assert "What is the Southern Military District?" in reverse
    assert "What is the abbreviation of the North Atlantic Treaty Organization?" in reverse
    assert "What is Crimea?" in reverse


def test_a_provision_is_not_quoted_as_if_it_were_the_documents_wording(
    harbour_bank: tuple[Question, ...],
) -> None:
    (cloze,) = made_by(harbour_bank, "provision-cloze", "pact")
    assert (
        cloze.prompt
        == "____ of the Harbour Pact provides that an attack on one harbour is an attack on all."
    )
    assert cloze.explanation.startswith("Article 2 of the Harbour Pact is on common defence.")


# -- wrong options ---------------------------------------------------------------------------------


def test_the_year_a_unions_treaty_was_signed_is_no_wrong_founding_year(tmp_path: Path) -> None:
    """The EAEU was founded by a treaty signed in 2014 and in force from 2015: offering 2014 as
    a wrong answer to "In which year was it founded?" would mark a defensible answer wrong."""
    path = tmp_path / "facts.yaml"
    path.write_text(HARBOURS, encoding="utf-8")
    oracle = Oracle(load_facts(path))
    founded = Claim(Relation.FOUNDED_IN, "union")
    assert oracle.verdict(founded, "1995") is Verdict.TRUE
    assert oracle.verdict(founded, "1994") is Verdict.UNKNOWN
    assert oracle.verdict(founded, "1993") is Verdict.FALSE


def test_the_eaeu_is_never_said_to_have_been_founded_in_2014() -> None:
    facts = load_facts(BUNDLED_FACTS)
    for seed in range(12):
        for question in generate_questions(facts, seed):
            if question.template == "group-founded" and "eaeu" in question.fact_ids:
                assert "2014" not in question.choices


# -- capitals after "According to ..." and colons -------------------------------------------------


NAMES = ProperWords(
    alone=frozenset({"Russian", "Belarus"}), in_names=frozenset({"Armed", "Commonwealth"})
)


@pytest.mark.parametrize(
    ("text", "after_comma"),
    [
        ("Allegations of an Armenian strategy rest", "allegations of an Armenian strategy rest"),
        ("Speculation of involvement was denied", "speculation of involvement was denied"),
        ("The capital of Russia", "the capital of Russia"),
        ("Russian-sponsored structures represent", "Russian-sponsored structures represent"),
        ("Belarus emerged as a supplier", "Belarus emerged as a supplier"),
        ("NATO's clause is Article 5", "NATO's clause is Article 5"),
        ("IL-76 flights", "IL-76 flights"),
        ("Armed clashes on the border", "armed clashes on the border"),
        ("Armed Forces of Ruritania", "Armed Forces of Ruritania"),
        ("Commonwealth of Independent States", "Commonwealth of Independent States"),
    ],
)
def test_a_capital_is_kept_only_where_the_facts_write_it_inside_a_sentence(
    text: str, after_comma: str
) -> None:
    assert lowered_opening(text, NAMES) == after_comma
    assert according_to(text, "the article", NAMES) == f"According to the article, {after_comma}"


def test_capitals_inside_sentences_are_told_apart_from_those_of_longer_names() -> None:
    found = proper_words_in(
        "Reported Russian arms shipments angered the Conference on Security and Cooperation in "
        "Europe. Chief of the Russian Armed Forces."
    )
    assert "Russian" in found.alone and "Reported" not in found.alone | found.in_names
    assert {"Security", "Cooperation", "Armed", "Forces"} <= found.in_names
    assert "Chief" not in found.alone | found.in_names


def test_an_attributed_stem_lowers_a_common_word_and_keeps_a_name(
    harbour_bank: tuple[Question, ...],
) -> None:
    prompts = [q.prompt for q in harbour_bank if q.kind is Kind.CLOZE]
    assert (
        "According to the chronicle, allegations of smuggling since ____ rest more on rumour than "
        "on evidence." in prompts
    )
    assert "According to the chronicle, Bellamar sent ____ ships to the fair." in prompts


def test_a_participants_reason_is_told_in_the_explanation(
    bundled_bank: tuple[Question, ...],
) -> None:
    """The facts say why India withdrew from Kavkaz-2020; a learner who answers should learn why."""
    withdrew = [
        q
        for q in bundled_bank
        if "kavkaz-2020" in q.fact_ids and "india" in q.fact_ids and "withdrew" in q.explanation
    ]
    assert withdrew
    for question in withdrew:
        assert "because of COVID-19 restrictions" in question.explanation, question.explanation


def test_articles_and_plurals_come_from_the_grammar_module() -> None:
    assert [a_or_an(w) for w in ("union", "hour", "observer", "European state")] == [
        "a union",
        "an hour",
        "an observer",
        "a European state",
    ]
    assert [
        plural(n) for n in ("city", "person", "organ of the CSTO", "observer (parliaments)")
    ] == [
        "cities",
        "people",
        "organs of the CSTO",
        "observers (parliaments)",
    ]


def test_a_document_is_asked_about_with_its_own_verb(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\ntopic: {title: Astronomy, as_of: 2024}\n"
        "entities:\n"
        "  - {id: prague, name: Prague, type: city, source: {reference: r}}\n"
        "  - {id: paris, name: Paris, type: city, source: {reference: r}}\n"
        "  - {id: rome, name: Rome, type: city, source: {reference: r}}\n"
        "  - {id: oslo, name: Oslo, type: city, source: {reference: r}}\n"
        "documents:\n"
        "  - {id: b5, name: Resolution on the definition of a planet, kind: resolution,\n"
        "     signed: 2006-08-24, verb: adopted, place: prague, source: {reference: r}}\n"
        "  - {id: old, name: Resolution on star names, kind: resolution,\n"
        "     signed: 2016-05-01, verb: adopted, place: paris, source: {reference: r}}\n",
        encoding="utf-8",
    )
    prompts = [q.prompt for q in generate_questions(load_facts(path), seed=1)]
    assert "Where was the Resolution on the definition of a planet adopted?" in prompts
    assert not any("signed" in prompt for prompt in prompts)


def test_a_name_keeping_an_abbreviation_is_asked_only_with_that_abbreviation_spelt_out(
    tmp_path: Path,
) -> None:
    """What "HL PA" stands for is "Harbour League Parliamentary Assembly": the question is asked
    only when the facts give that form, and "HL Parliamentary Assembly", which leaves "HL" as
    asked, is no answer to it."""
    facts = """\
format: quizgen-facts/1
topic: {title: Harbours, as_of: 2020}
sources: [{id: chronicle, title: The Harbour Chronicle}]
groups:
  - {id: league, name: Harbour League, short: HL, source: {ref: chronicle, quote: HL}}
  - id: assembly
    name: HL Parliamentary Assembly
    short: HL PA
    description: the assembly of the parliaments of the League's ports.
    source: {ref: chronicle, quote: HL PA}
"""

    def typed_expansions(text: str) -> list[Question]:
        path = tmp_path / "facts.yaml"
        path.write_text(text, encoding="utf-8")
        bank = generate_questions(load_facts(path), seed=0)
        return [q for q in bank if q.prompt == "What does the abbreviation HL PA stand for?"]

    assert typed_expansions(facts) == []
    spelt_out = "Harbour League Parliamentary Assembly"
    (question,) = typed_expansions(facts + f"    aliases: [{spelt_out}]\n")
    # Keyed by the whole expansion: the name that keeps "HL" only half answers "stand for".
    assert question.answer == (spelt_out,)
    assert "HL Parliamentary Assembly" not in question.accept


def test_a_cloze_hides_whether_its_answer_takes_a_or_an_and_takes_every_name_of_it(
    bundled_bank: tuple[Question, ...], tmp_path: Path
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        BUNDLED_FACTS.read_text(encoding="utf-8").rstrip("\n") + "\n"
        "  - id: the-plane\n"
        "    text: The shipments flew in an {IL-76} transport plane.\n"
        "    source: {reference: A report}\n",
        encoding="utf-8",
    )
    plane = [
        q.prompt for q in generate_questions(load_facts(facts), seed=0) if "the-plane" in q.fact_ids
    ]
    assert plane == ["The shipments flew in a(n) ____ transport plane."]
    clozes = {q.prompt: q for q in bundled_bank if q.kind is Kind.CLOZE}
    assert not any(re.search(r"\ban? ____", p) for p in clozes)
    (chisinau,) = [
        q for p, q in clozes.items() if p.startswith("The CSTO Charter was signed in ____")
    ]
    assert "Kishinev" in chisinau.blanks[0].accept


def test_the_grammar_module_leaves_typeguard_as_it_found_it() -> None:
    """inflect is imported with typeguard's start-up checks off; a program that embeds quizgen
    and uses typeguard itself still gets the real decorator."""
    import typeguard
    from typeguard import _decorators

    import quizgen.questions.grammar  # noqa: F401

    assert typeguard.typechecked is _decorators.typechecked


def test_a_count_is_asked_how_many_and_told_as_a_plain_sentence() -> None:
    """ "What is the number of chapters of Moby-Dick?" and "The number of chapters of Pride and
    Prejudice is 61" are no English a teacher writes: a count is asked "How many chapters does
    Moby-Dick have?" and told "Pride and Prejudice has 61 chapters"; none is "no moons"."""
    bank = generate_questions(load_facts(NOVELS_FACTS), seed=0)
    one_value = ("quantity-choice", "quantity-typed", "quantity-true-false")
    counts = [q for q in bank if q.template in one_value and "chapters" in q.prompt]
    assert counts
    assert not [q.prompt for q in counts if "number of chapters of" in q.prompt]
    assert "How many chapters does Moby-Dick have?" in {q.prompt for q in counts}
    assert not [q.explanation for q in counts if "number of chapters of" in q.explanation]
    moons = generate_questions(load_facts(ASTRONOMY_FACTS), seed=0)
    assert any("Venus has no known moons" in q.explanation for q in moons)
    # A count of one takes the singular ("the number of known moons of Earth is 1" before).
    told = " ".join(q.explanation for q in moons)
    assert "Earth has 1 known moon" in told and "moons of Earth is 1" not in told
    # A comparison with an equal count compares nothing.
    assert "for comparison, Mercury has no known moons" not in " ".join(
        q.explanation for q in moons if "Venus has no known moons" in q.explanation
    )


def test_a_classification_that_ended_is_told_as_how_the_thing_was_classed() -> None:
    """ "Pluto was a planet until 24 August 2006" reads as if Pluto had changed; what ended in
    2006 was how astronomers classed it."""
    bank = generate_questions(load_facts(ASTRONOMY_FACTS), seed=0)
    told = " ".join(q.explanation for q in bank)
    assert "Pluto was classed as a planet until 24 August 2006" in told
    assert "Pluto was a planet until" not in told


def test_an_option_that_stands_alone_reads_as_a_title() -> None:
    """ "the Divine Comedy" among "Hamlet" and "Don Quixote" stood out by its small letter: an
    option on its own line opens with a capital, as a title does."""
    for path in (LITERATURE_FACTS, ASTRONOMY_FACTS):
        bank = generate_questions(load_facts(path), seed=0)
        shown = [
            text
            for q in bank
            if q.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.MATCHING, Kind.ORDERING)
            for text in (*q.choices, *q.answer, *(side for pair in q.pairs for side in pair))
        ]
        assert "The Divine Comedy" in shown or "The Moon" in shown
        assert not [t for t in shown if t.startswith("the ")]


def test_a_definition_that_is_a_noun_phrase_follows_means_without_a_colon() -> None:
    """ "The term “gas giant” means: a large planet ..." put a colon between a verb and its
    object: a noun phrase follows "means" as any object does."""
    bank = generate_questions(load_facts(PLANETS_FACTS), seed=0)
    stems = [q.prompt for q in bank if "The term “" in q.prompt]
    assert any("The term “gas giant” means a large planet" in s for s in stems)
    assert not [s for s in stems if re.search(r"means: (?:a|an|the) ", s)]


def test_a_role_said_of_several_makes_its_own_theirs() -> None:
    """ "Azerbaijan and India withdrew its forces" is the error a teacher circles first."""
    assert took_part("withdrew its forces", several=True) == "withdrew their forces"
    assert took_part("withdrew its forces") == "withdrew its forces"
    assert took_part("declared itself neutral", several=True) == "declared themselves neutral"
    assert took_part("sent its navy and its air force", several=True) == (
        "sent their navy and their air force"
    )


def test_an_option_standing_alone_opens_with_a_capital_that_names_the_same() -> None:
    """ "writing of the Aeneid" stands as "Writing of the Aeneid"; a kind with its article
    completes the stem; a letter whose capital is another letter's is left as written."""
    assert standing_alone("writing of the Aeneid") == "Writing of the Aeneid"
    assert standing_alone("the Divine Comedy") == "The Divine Comedy"
    assert standing_alone("a gas giant") == "a gas giant"
    assert standing_alone("ıstanbul") == "ıstanbul"


def test_an_approximate_date_reads_without_a_preposition() -> None:
    """ "Dante was born in c. 1265" reads "in circa": "born c. 1265"."""
    assert on_date(PartialDate(1265, approximate=True)) == "c. 1265"
    assert on_date(PartialDate(1265)) == "in 1265"
    assert on_date(PartialDate(2020, 7, 13)) == "on 13 July 2020"


def test_a_body_that_is_gone_is_asked_what_its_abbreviation_stood_for_in_its_years() -> None:
    """ "What does the abbreviation ICIC stand for?" has many answers today; the League of
    Nations' committee is asked in the past, with what it was and the years its name was
    borne."""
    literature = {q.prompt: q for q in generate_questions(load_facts(LITERATURE_FACTS), seed=0)}
    icic = literature[
        "What did ICIC, the League of Nations' advisory body of scholars and writers"
        " (1922\u20131946), stand for?"
    ]
    assert icic.explanation.startswith(
        "ICIC stood for the International Committee on Intellectual Cooperation"
    )
    assert "What does the abbreviation WIPO stand for?" in literature
    # The European Community bore that name from 1993, when the EEC was renamed.
    eu = [q.prompt for q in generate_questions(load_facts(EU_FACTS), seed=0)]
    assert "From 1993 to 2009, what did the abbreviation EC stand for?" in eu
    assert not [p for p in eu if p.startswith("From 1958")]


def test_a_gone_bodys_stem_tells_what_it_was_only_where_that_reads_whole_and_gives_nothing_away(
    tmp_path: Path,
) -> None:
    """A description cut at its first comma would say "a union of France (1952-2002)"; one that
    shares a word with the name gives it away; a body whose founding the facts do not give is
    still asked in the past."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Bodies of Europe}\n"
        "groups:\n"
        "  - {id: ecsc, name: European Coal and Steel Community, short: ECSC, founded: 1952,\n"
        "     dissolved: 2002, source: {reference: EUR-Lex},\n"
        "     description: 'a union of France, West Germany, Italy and the Benelux states'}\n"
        "  - {id: wudo, name: Western Union Defence Organization, short: WUDO, founded: 1948,\n"
        "     dissolved: 1951, source: {reference: NATO},\n"
        "     description: the defence arm of the Western Union}\n"
        "  - {id: weu, name: Western European Union, short: WEU, dissolved: 2011,\n"
        "     source: {reference: WEU}}\n"
        "  - {id: wub, name: Guild of Bruges Merchants, short: GBM, founded: 1308,\n"
        "     dissolved: 1450, source: {reference: Archives},\n"
        "     description: a council of traders. It met in the Burg}\n",
        encoding="utf-8",
    )
    prompts = {q.prompt for q in generate_questions(load_facts(path), seed=0)}
    assert "From 1952 to 2002, what did the abbreviation ECSC stand for?" in prompts
    assert "From 1948 to 1951, what did the abbreviation WUDO stand for?" in prompts
    assert "What did the abbreviation WEU stand for?" in prompts
    # Its first sentence only: "What did GBM, a council of traders. It met ..." read as two.
    assert "What did GBM, a council of traders (1308\u20131450), stand for?" in prompts
