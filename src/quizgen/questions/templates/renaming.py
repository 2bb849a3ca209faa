"""Questions on a state, city or body that kept its identity but changed its name (Ceylon became
Sri Lanka in 1972): the name it bore, which one bore a name, and when it was renamed. A renaming
is no succession, which the history templates ask: nothing new took the old one's place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from quizgen.facts.model import Entity, FormerName, Group, PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.explanations import Why
from quizgen.questions.index import text_key
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import Context, Notes
from quizgen.questions.templates.centuries import Dated, century_question
from quizgen.questions.templates.history import called
from quizgen.questions.templates.lives import year_text
from quizgen.questions.wording import capitalized, in_sentence, on_date, the


def renaming_questions(fact: Entity | Group, context: Context) -> Iterator[CheckedQuestion | None]:
    for position in range(len(fact.former_names)):
        renaming = Renaming(fact, position)
        yield former_name_asked(renaming, context)
        yield bearer_asked(renaming, context)
        yield renaming_date(renaming, context)


@dataclass(frozen=True)
class Renaming:
    """One former name of a fact and the name that took its place (the next former name, or the
    present one)."""

    fact: Entity | Group
    position: int

    @property
    def former(self) -> FormerName:
        return self.fact.former_names[self.position]

    @property
    def since(self) -> PartialDate | None:
        """When the name came into use: its own 'since', else when the name before it ended."""
        if self.former.since is not None or self.position == 0:
            return self.former.since
        return self.fact.former_names[self.position - 1].until

    @property
    def later(self) -> FormerName | None:
        """The former name that took this one's place; None when the present name did."""
        names = self.fact.former_names
        return names[self.position + 1] if self.position + 1 < len(names) else None

    def period(self) -> str:
        """``until 1972``, or ``from 1924 to 1991`` when the name had a known beginning."""
        until = year_text(self.former.until)
        return f"from {year_text(self.since)} to {until}" if self.since else f"until {until}"

    def said(self, name: str) -> str:
        """A name the fact bore, as it reads in a sentence: ``Ceylon``, ``the European Economic
        Community`` (a body's full name takes "the")."""
        if isinstance(self.fact, Group):
            return the(name)
        return in_sentence(name, self.fact.type)

    def next_said(self, context: Context) -> str:
        return self.said(self.later.name) if self.later else called(context, self.fact.id)

    def told(self, context: Context) -> str:
        """``Petrograd was renamed Leningrad in January 1924, and Saint Petersburg in
        September 1991``: the renaming, and the present name when it came later still."""
        told = (
            f"{capitalized(self.said(self.former.name))} was renamed {self.next_said(context)} "
            f"{when_text(self.former.until)}"
        )
        last = self.fact.former_names[-1]
        if self.later is not None:
            told += f", and {called(context, self.fact.id)} {when_text(last.until)}"
        return told


def when_text(when: PartialDate) -> str:
    """``on 22 May 1972``, ``in 1993``, ``c. 1265``."""
    return when.text if when.approximate else on_date(when)


def kin(fact: Entity | Group, context: Context) -> list[str]:
    """The ids of other facts of the same kind: entities of its type, or other groups."""
    if isinstance(fact, Entity):
        return [i for i in context.index.same_type(fact.id) if i != fact.id]
    return [i for i in context.index.group_ids if i != fact.id]


def former_name_asked(renaming: Renaming, context: Context) -> CheckedQuestion | None:
    """``Under which name was Sri Lanka known until 1972?``: typed, or chosen among the names,
    former ones first, of other facts of its kind."""
    fact, former = renaming.fact, renaming.former
    draft = context.draft("former-name", Kind.SHORT, [fact.id], qualifier=former.name)
    others = kin(fact, context)
    old_names = [
        n.name for i in others for n in getattr(context.index.by_id[i], "former_names", ())
    ]
    stem = f"Under which name was {called(context, fact.id)} known {renaming.period()}?"
    return draft.typed_or_chosen(
        fact,
        (stem, stem),
        former.name,
        Claim(Relation.FORMER_NAME, fact.id, detail=former.name, when=former.until),
        [old_names, [context.index.name(i) for i in others]],
        str,
        Why(renaming.told(context), about=(fact.id,)),
        Notes(accept=(former.short,) if former.short else (), citation=former.citation),
    )


def bearer_asked(renaming: Renaming, context: Context) -> CheckedQuestion | None:
    """``Which city was called Petrograd from 1914 to 1924?``: typed, with the names it took
    later accepted (Leningrad), or chosen among facts of its kind."""
    fact, former = renaming.fact, renaming.former
    draft = context.draft("former-name-of", Kind.SHORT, [fact.id], qualifier=former.name)
    noun = fact.type if isinstance(fact, Entity) else "organisation"
    # The names it took later name it too (Leningrad, for the city once called Petrograd).
    asked = {text_key(form) for form in former.forms}
    later = fact.former_names[renaming.position + 1 :]
    later_names = [form for named in later for form in named.forms if text_key(form) not in asked]
    return draft.typed_or_chosen(
        fact,
        (f"Which {noun} was called {renaming.said(former.name)} {renaming.period()}?",) * 2,
        context.index.name(fact.id),
        Claim(Relation.FORMER_NAME_OF, fact.id, detail=former.name, when=former.until),
        [kin(fact, context)],
        context.index.name,
        Why(renaming.told(context), about=(fact.id,)),
        Notes(accept=(fact.short, *fact.aliases, *later_names), citation=former.citation),
    )


def renaming_date(renaming: Renaming, context: Context) -> CheckedQuestion | None:
    """``In which year was Ceylon renamed Sri Lanka?``; a renaming known only roughly is asked
    by its century, and none before the name came into use or the body was founded."""
    fact, former = renaming.fact, renaming.former
    renamed = f"{renaming.said(former.name)} renamed {renaming.next_said(context)}"
    claim = Claim(Relation.RENAMED_IN, fact.id, detail=former.name)
    founded = fact.founded if isinstance(fact, Group) else None
    floor = renaming.since or founded
    if not former.until.exact:
        return century_question(
            fact,
            Dated(former.until, floor=floor),
            "renamed-century",
            f"In which century was {renamed}?",
            claim,
            renaming.told(context),
            context,
            qualifier=former.name,
            citation=former.citation,
        )
    draft = context.draft("renamed-year", Kind.YEAR, [fact.id], qualifier=former.name)
    return draft.year(
        fact,
        f"In which year was {renamed}?",
        former.until.year,
        claim,
        Why(renaming.told(context), about=(fact.id,)),
        Notes(citation=former.citation),
        earliest=floor.year if floor is not None and floor.exact else None,
    )
