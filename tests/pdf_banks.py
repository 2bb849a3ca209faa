"""Hand-built question banks for the PDF tests: every kind of question, and a 30-question exam."""

from __future__ import annotations

from typing import Any

from quizgen.questions.model import ClozeBlank, Deck, Kind, Question, QuestionBank, SourceNote

NOTES = SourceNote(title="Test notes “quoted” & <i>marked</i>", quote="x < y && y > z")


def question(id: str, kind: Kind, prompt: str, answer: tuple[str, ...], **more: Any) -> Question:
    explanation = str(more.pop("explanation", ""))
    return Question(
        id=id,
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation=explanation,
        source=NOTES,
        fact_ids=(id.split(":")[0],),
        template=kind.value,
        **more,
    )


EVERY_KIND = (
    question(
        "club:single",
        Kind.SINGLE,
        "Which state joined The {{ curly }} & <angle> Club in 2008?",
        ("Azərbaycan",),
        choices=("Россия", "Azərbaycan", "Trinidad & Tobago", "Ελλάδα"),
        explanation="Azərbaycan joined in 2008; <b>not</b> bold.",
    ),
    question(
        "club:multiple",
        Kind.MULTIPLE,
        "Which of these were members of the club in 2012?",
        ("Россия", "Ελλάδα"),
        choices=(
            "Trinidad & Tobago",
            "Россия",
            "<script>window.__pwned = 1</script>Scriptland (until 2001, the founding state)",
            "Ελλάδα",
        ),
    ),
    question(
        "turkiye:true-false",
        Kind.TRUE_FALSE,
        "Türkiye joined the club in 2015.",
        ("True",),
        choices=("True", "False"),
    ),
    question(
        "pact:year",
        Kind.YEAR,
        'In which year was the Treaty of "Angles" & <Brackets> signed?',
        ("1997",),
        choices=("1993", "1995", "1997", "1999"),
    ),
    question(
        "stmt-markup:cloze",
        Kind.CLOZE,
        "Complete the sentence about markup.",
        ("<br/>", "&nbsp;"),
        prompt_parts=("In markup, ", " breaks a line and ", " is a space."),
        blanks=(ClozeBlank("<br/>"), ClozeBlank("&nbsp;", accept=("&#160;",))),
    ),
    question(
        "documents:matching",
        Kind.MATCHING,
        "Match each document with the year it was signed.",
        ("2001", "2005", "2011"),
        pairs=(('Pact of "Quotes" & <Tags>', "2001"), ("Accord Ωμέγα", "2005"), ("Хартия", "2011")),
        choices=("2011", "2001", "2005"),
    ),
    question(
        "documents:ordering",
        Kind.ORDERING,
        "Put these documents in the order they were signed.",
        ('Pact of "Quotes" & <Tags>', "Accord Ωμέγα", "Хартия"),
        order=('Pact of "Quotes" & <Tags>', "Accord Ωμέγα", "Хартия"),
        choices=("Хартия", 'Pact of "Quotes" & <Tags>', "Accord Ωμέγα"),
    ),
    question(
        "term-amp:short",
        Kind.SHORT,
        "Which character does the HTML entity “&amp;” stand for?",
        ("ampersand",),
        accept=("&", "and sign"),
    ),
)

# Realistic lengths for a printed exam: a few short options, some a full line, prompts of one or
# two lines, as a teacher's 30-question exam on the topic would have.
STATES = (
    "Armenia",
    "Belarus",
    "Kazakhstan",
    "Kyrgyzstan",
    "Russia",
    "Tajikistan",
    "Uzbekistan",
    "Azerbaijan",
    "Georgia",
    "Moldova",
    "Ukraine",
    "Turkmenistan",
)
LONG_OPTIONS = (
    "Collective defence against an attack on any member state",
    "Joint customs union and a common external tariff",
    "Peacekeeping only under a United Nations mandate",
    "Consultations when a member's security is threatened",
)


def thirty_question_exam() -> QuestionBank:
    questions = []
    for number in range(30):
        if number % 3 == 2:
            prompt = (
                f"According to the article, which of these best describes provision "
                f"{number} of the Collective Security Treaty as it was read in the 1990s?"
            )
            choices = LONG_OPTIONS[number % 4 :] + LONG_OPTIONS[: number % 4]
        else:
            prompt = f"Which state joined the organisation in step {number} of its enlargement?"
            choices = tuple(STATES[(number + k * 3) % len(STATES)] for k in range(4))
        questions.append(
            question(
                f"exam-{number:02d}:single",
                Kind.SINGLE,
                prompt,
                (choices[number % 4],),
                choices=choices,
            )
        )
    return bank_of(tuple(questions), title="The Collective Security Treaty Organization")


def bank_of(
    questions: tuple[Question, ...],
    title: str = "Hostile <b>text</b> & friends",
    slug: str = "test-deck",
) -> QuestionBank:
    deck = Deck(
        name="Test::Every kind",
        slug=slug,
        title="Every kind <of> question & more",
        description="",
        questions=questions,
    )
    return QuestionBank(
        title=title,
        description="",
        questions=questions,
        decks=(deck,),
        seed=7,
        generated_at=1_700_000_000,
    )
