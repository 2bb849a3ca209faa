"""What every question template shares: the generation context and a draft that becomes a question
with its id, its own random generator, wording rules, source note, tags and difficulty."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from quizgen.facts.model import Citation, Fact, Facts
from quizgen.questions.answers import is_typable
from quizgen.questions.claims import CheckedQuestion, Claim
from quizgen.questions.distractors import (
    PROVEN_WRONG,
    nearby_years,
    pick_with_reasons,
    shuffled,
)
from quizgen.questions.explanations import Why, compose, quoted_in
from quizgen.questions.identity import question_id, question_rng
from quizgen.questions.index import FactIndex, text_key
from quizgen.questions.item_rules import content_words
from quizgen.questions.model import ClozeBlank, Kind, Question, SourceNote
from quizgen.questions.oracle import FALSE_TEXT, TRUE_TEXT, Oracle, Verdict
from quizgen.questions.profiles import Profiles, profiles
from quizgen.questions.wording import according_to, lowered_opening, sentence, standing_alone

OPTION_COUNT = 4
# The list an explanation ends with when it cites more than one source.
SEVERAL_SOURCES = re.compile(r"(?:^|(?<=[.!?”] ))Sources: (.+)\.$")
MIN_SINGLE_OPTIONS = 3
MULTIPLE_OPTIONS = 5
CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR)
# Kinds whose options a learner reads one by one, each on its own line.
OPTION_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.MATCHING, Kind.ORDERING)

# Difficulty: recognising is easier than recalling, and recalling a date-bound fact is harder.
BASE_DIFFICULTY = {
    Kind.TRUE_FALSE: 1,
    Kind.SINGLE: 1,
    Kind.YEAR: 2,
    Kind.MULTIPLE: 2,
    Kind.CLOZE: 2,
    Kind.MATCHING: 2,
    Kind.ORDERING: 3,
    Kind.SHORT: 3,
}


@dataclass(frozen=True)
class Context:
    """Everything a template reads: the facts, their index, the oracle and the bank's seed."""

    facts: Facts
    index: FactIndex
    oracle: Oracle
    seed: int
    false_statements: set[str] = field(default_factory=set, compare=False, hash=False)
    """False statements already made: another item makes a different one, or its deck is left
    with nothing but true statements to choose from."""

    def draft(
        self, template: str, kind: Kind, fact_ids: Sequence[str], qualifier: str = ""
    ) -> Draft:
        ids = tuple(fact_ids)
        identity = question_id(ids, kind.value, template, qualifier)
        rng = question_rng(self.seed, identity)
        return Draft(self, identity, template, kind, ids, rng, qualifier=qualifier)

    @property
    def told(self) -> Profiles:
        """What the facts hold about each fact, as sentences for explanations."""
        return profiles(self.index)

    def is_wrong(self, claim: Claim) -> Callable[[str], bool]:
        """A test for candidates the facts prove wrong for ``claim`` (not merely unknown)."""
        return lambda candidate: self.oracle.verdict(claim, candidate) is Verdict.FALSE

    def is_right(self, claim: Claim, candidate: str) -> bool:
        return self.oracle.verdict(claim, candidate) is Verdict.TRUE

    def source_note(self, citation: Citation) -> SourceNote:
        source = self.index.source_of(citation.source_id) if citation.source_id else None
        if source is None:
            return SourceNote(title="", quote=citation.quote, reference=citation.reference)
        title = source.title
        if source.author:
            year = f" ({source.published.year})" if source.published else ""
            title = f"{source.author}{year}, {title}"
        return SourceNote(
            title=title, quote=citation.quote, reference=citation.reference, url=source.url
        )

    def attributed(self, text: str, fact: Fact) -> str:
        """``According to the article, ...`` before a stem on a source's own framing."""
        return according_to(text, self.cite_as(fact), self.index.proper_words)

    def attributed_why(self, why: Why, fact: Fact) -> Why:
        """An explanation of a source's own framing says whose it is, after its answer."""
        cite_as = self.cite_as(fact)
        if not why.answer or cite_as.casefold() in why.answer.casefold():
            return why
        # The author's own explanation is the author's, not the source's framing.
        if why.answer == getattr(fact, "explain", None):
            return why
        return replace(why, answer=f"{why.answer.rstrip('.')}, according to {cite_as}")

    def after_colon(self, text: str) -> str:
        """Text that follows a colon: a capital it has only as a sentence opener is lowered."""
        return lowered_opening(text, self.index.proper_words)

    def cite_as(self, fact: Fact) -> str:
        return self.cited_as(fact.citation)

    def cited_as(self, citation: Citation | None) -> str:
        """How stems name the source of ``citation``: its ``cite_as``, else its title."""
        source = self.index.source_of(citation.source_id) if citation is not None else None
        if source is not None:
            return source.cite_as or source.title
        return "the source"


@dataclass(frozen=True)
class Notes:
    """What a question may carry besides its options: a reverse card, a date, tags, a citation."""

    reverse: tuple[str, str] = ("", "")
    dated: bool = False
    citation: Citation | None = None
    tags: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()

    def fields(self) -> dict[str, Any]:
        return {
            "reverse": self.reverse,
            "dated": self.dated,
            "citation": self.citation,
            "tags": self.tags,
            "accept": self.accept,
        }


NO_NOTES = Notes()


@dataclass
class Draft:
    """A question being written: its identity and random generator exist before its options."""

    context: Context
    id: str
    template: str
    kind: Kind
    fact_ids: tuple[str, ...]
    rng: random.Random
    tags: tuple[str, ...] = field(default=())
    qualifier: str = ""

    def finish(
        self,
        subject: Fact,
        prompt: str,
        answer: Sequence[str],
        why: Why,
        claims: Sequence[Claim],
        *,
        choices: Sequence[str] = (),
        accept: Sequence[str] = (),
        pairs: Sequence[tuple[str, str]] = (),
        order: Sequence[str] = (),
        prompt_parts: Sequence[str] = (),
        blanks: Sequence[ClozeBlank] = (),
        reverse: tuple[str, str] = ("", ""),
        dated: bool = False,
        citation: Citation | None = None,
        tags: Sequence[str] = (),
        attribute: bool = True,
        reasons: Sequence[tuple[str, str]] = (),
    ) -> CheckedQuestion | None:
        """The finished question, or None when it would not be a fair one (too few options)."""
        if attribute and subject.attributed:
            prompt = self.context.attributed(prompt, subject)
        if self.kind in CHOICE_KINDS and not (
            _fair_choices(self.kind, choices, answer) and self._settled(claims[0], choices, answer)
        ):
            return None
        if self.kind in (Kind.SHORT, Kind.YEAR):
            # A typed answer must be one the facts settle; an alias two facts share is left out.
            if not all(self.context.is_right(claims[0], a) for a in answer):
                return None
            accept = [a for a in accept if self.context.is_right(claims[0], a)]
        if self.kind in OPTION_KINDS:
            # An option stands alone, as a title does: "The Divine Comedy", not "the Divine
            # Comedy", which reads as a fragment and stands out among capitalised names.
            choices = [standing_alone(c) for c in choices]
            answer = [standing_alone(a) for a in answer]
            pairs = [(standing_alone(a), standing_alone(b)) for a, b in pairs]
            order = [standing_alone(o) for o in order]
            reasons = [(standing_alone(c), why_it) for c, why_it in reasons]
        answer_keys = {text_key(a) for a in answer}
        citation = why.citation or citation or subject.citation
        question = Question(
            id=self.id,
            kind=self.kind,
            prompt=prompt,
            answer=tuple(answer),
            explanation="",
            source=self.context.source_note(citation),
            fact_ids=self.fact_ids,
            template=self.template,
            choices=tuple(choices),
            accept=tuple(dict.fromkeys(a for a in accept if a and text_key(a) not in answer_keys)),
            tags=tuple(dict.fromkeys(tags or subject.tags)),
            difficulty=min(3, BASE_DIFFICULTY[self.kind] + (1 if dated else 0)),
            pairs=tuple(pairs),
            order=tuple(order),
            prompt_parts=tuple(prompt_parts),
            blanks=tuple(blanks),
            reverse_prompt=reverse[0],
            reverse_answer=reverse[1],
            background=subject.background,
            distractor_reasons=_reasons(self.kind, choices, answer, reasons),
        )
        if subject.attributed:
            why = self.context.attributed_why(why, subject)
        explanation = compose(self.context.index, why, question, citation)
        source = question.source
        # A quote is shown as the source only where it says what the question tests, that is
        # where the explanation quotes it: the membership sentence is no source for a founding
        # year, and printed beside it would seem to be.
        if source.quote and not quoted_in(source.quote, explanation):
            # With an outside reference, that reference is the source, not the quote's work;
            # unless the stem says "According to the article": the article is then its source.
            if source.reference and not getattr(subject, "attributed", False):
                source = replace(source, title="", quote="", url="")
            else:
                source = replace(source, quote="")
        # An explanation that cites several sources (a matching, a figure told for comparison)
        # shows them all as its source: one of them alone may not hold the claim that decides.
        several = SEVERAL_SOURCES.search(explanation)
        if several:
            listed = several.group(1)
            if source.quote and quoted_in(source.quote, explanation):
                source = replace(source, reference=listed)
            else:
                source = SourceNote(title="", quote="", reference=listed)
        return CheckedQuestion(
            replace(question, explanation=explanation, source=source), tuple(claims)
        )

    def _settled(self, claim: Claim, choices: Sequence[str], answer: Sequence[str]) -> bool:
        """Whether the facts prove every right option right and every other one wrong: a last
        check that also catches two facts sharing a name, which makes an option ambiguous."""
        oracle = self.context.oracle
        return all(
            oracle.verdict(claim, choice) is (Verdict.TRUE if choice in answer else Verdict.FALSE)
            for choice in choices
        )

    # -- the shapes most templates share ----------------------------------------------------------

    def single(
        self,
        subject: Fact,
        prompt: str,
        answer_text: str,
        claim: Claim,
        tiers: Sequence[Sequence[str]],
        text_of: Callable[[str], str],
        why: Why,
        notes: Notes = NO_NOTES,
        reasons: Sequence[str] = (),
    ) -> CheckedQuestion | None:
        """One right option and up to three the oracle proves wrong, in random order. When the
        answer shares a word with the stem, options sharing it come first, so that the word is
        no cue (the engine drops the question if it still is one)."""
        cue = content_words(answer_text) & content_words(prompt)
        reasons = list(reasons) or [PROVEN_WRONG] * len(tiers)
        if cue:
            alike = [i for tier in tiers for i in tier if content_words(text_of(i)) & cue]
            tiers = [alike, *tiers]
            reasons = ["shares a word with the stem, as the answer does", *reasons]
        picked = pick_with_reasons(
            self.rng,
            OPTION_COUNT - 1,
            tiers,
            text_of,
            self.context.is_wrong(claim),
            [answer_text],
            reasons,
        )
        if len(picked) + 1 < MIN_SINGLE_OPTIONS:
            return None
        choices = shuffled(self.rng, [answer_text, *(text for text, _ in picked)])
        return self.finish(
            subject,
            prompt,
            [answer_text],
            why,
            [claim],
            choices=choices,
            reasons=picked,
            **notes.fields(),
        )

    def typed_or_chosen(
        self,
        subject: Fact,
        prompts: tuple[str, str],
        answer_text: str,
        claim: Claim,
        tiers: Sequence[Sequence[str]],
        text_of: Callable[[str], str],
        why: Why,
        notes: Notes = NO_NOTES,
        spelled_by: str = "",
    ) -> CheckedQuestion | None:
        """Typed when a learner could produce the answer (a name, a term, a number), else one to
        choose among others of its kind: ``prompts`` are the typed and the chosen stem."""
        if is_typable(answer_text, notes.accept, spelled_by):
            return self.finish(subject, prompts[0], [answer_text], why, [claim], **notes.fields())
        chosen = self.context.draft(self.template, Kind.SINGLE, self.fact_ids, self.qualifier)
        return chosen.single(
            subject,
            prompts[1],
            answer_text,
            claim,
            tiers,
            text_of,
            why,
            replace(notes, accept=()),
        )

    def year(
        self,
        subject: Fact,
        prompt: str,
        year: int,
        claim: Claim,
        why: Why,
        notes: Notes = NO_NOTES,
        earliest: int | None = None,
        arguable: frozenset[int] = frozenset(),
    ) -> CheckedQuestion | None:
        """A year to choose among nearby years (in order) or to type; none before ``earliest``
        (a year before the thing existed is no plausible option), none after the facts' date and
        none of the ``arguable`` years the facts tie to the same claim (a ratification two years
        after an admission)."""
        latest = self.context.index.latest_year(subject)
        is_wrong = self.context.is_wrong(claim)
        wrong = nearby_years(
            self.rng,
            year,
            OPTION_COUNT - 1,
            latest,
            lambda text: (
                (earliest is None or int(text) >= earliest)
                and int(text) not in arguable
                and is_wrong(text)
            ),
        )
        choices = sorted([str(year), *wrong], key=int)
        return self.finish(
            subject, prompt, [str(year)], why, [claim], choices=choices, **notes.fields()
        )

    def true_false(
        self,
        subject: Fact,
        claim: Claim,
        right_value: str,
        wrong_values: Callable[[], list[str]],
        statement_for: Callable[[str], str],
        notes: Notes = NO_NOTES,
        why: Callable[[str], Why] | None = None,
    ) -> CheckedQuestion | None:
        """A statement about ``claim`` with the right value, carrying as its ``false_form`` the
        statement with a wrong one (the engine picks which to ask).

        The wrong value comes from ``wrong_values`` (each already proven wrong); without one only
        the true statement is made rather than risk a doubtful "false". ``why`` explains the form
        that asserts a value: the right value and what the facts add, and for a wrong value why
        it is wrong.
        """
        explain = why or (lambda _: Why(statement_for(right_value)))
        true_form = self._true_false_form(
            subject, claim, right_value, statement_for, explain(right_value), notes, right_value
        )
        made = self.context.false_statements
        fresh = [c for c in wrong_values() if sentence(statement_for(c)) not in made]
        false_form = (
            self._true_false_form(
                subject,
                claim,
                fresh[0],
                statement_for,
                explain(fresh[0]),
                notes,
                right_value,
                (fresh[0], f"in place of {_short(right_value)}, and wrong by the facts"),
            )
            if fresh
            else None
        )
        if fresh:
            made.add(sentence(statement_for(fresh[0])))
        if true_form is None or false_form is None:
            return true_form or false_form
        return replace(true_form, false_form=false_form)

    def _true_false_form(
        self,
        subject: Fact,
        claim: Claim,
        asserted: str,
        statement_for: Callable[[str], str],
        why: Why,
        notes: Notes,
        right_value: str,
        swapped: tuple[str, str] | None = None,
    ) -> CheckedQuestion | None:
        checked = Claim(
            claim.relation, claim.subject, claim.other, claim.detail, claim.when, asserted
        )
        truth = self.context.oracle.verdict(checked, TRUE_TEXT)
        if truth is Verdict.UNKNOWN:
            return None
        answer = TRUE_TEXT if truth is Verdict.TRUE else FALSE_TEXT
        statement = sentence(statement_for(asserted))
        if subject.attributed:
            statement = self.context.attributed(statement, subject)
        return self.finish(
            subject,
            f"True or false? {statement}",
            [answer],
            replace(why, values=why.values or (right_value,)),
            [checked],
            choices=[TRUE_TEXT, FALSE_TEXT],
            attribute=False,
            reasons=[swapped] if swapped else [],
            **notes.fields(),
        )


def _short(value: str) -> str:
    """A value as a reason names it: itself, or "the right value" when it is a whole sentence."""
    return value if len(value) <= 40 else "the right value"


def _reasons(
    kind: Kind,
    choices: Sequence[str],
    answer: Sequence[str],
    given: Sequence[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """Why each wrong option is there: the template's reason, else what every option shares."""
    known = dict(given)
    if kind is Kind.TRUE_FALSE:
        return tuple(known.items())
    reasons = []
    for choice in choices:
        if choice in answer:
            continue
        if choice in known:
            reasons.append((choice, known[choice]))
        elif kind is Kind.YEAR and choice.isdigit() and answer[0].isdigit():
            gap = int(choice) - int(answer[0])
            side = "after" if gap > 0 else "before"
            reasons.append((choice, f"{abs(gap)} years {side} the answer, wrong by the facts"))
        else:
            reasons.append((choice, PROVEN_WRONG))
    return tuple(reasons)


def _fair_choices(kind: Kind, choices: Sequence[str], answer: Sequence[str]) -> bool:
    keys = [text_key(c) for c in choices]
    if len(set(keys)) != len(keys) or not set(answer) <= set(choices) or not answer:
        return False
    if kind is Kind.SINGLE:
        return len(answer) == 1 and len(choices) >= MIN_SINGLE_OPTIONS
    if kind is Kind.MULTIPLE:
        return len(choices) >= MIN_SINGLE_OPTIONS and len(answer) < len(choices)
    if kind is Kind.YEAR:
        return len(answer) == 1 and len(choices) >= MIN_SINGLE_OPTIONS
    return True
