"""Questions on a person: who held a role on a date, which role they held, and their nationality."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from quizgen.facts.model import Group, PartialDate, Person, Role
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import a_or_an
from quizgen.questions.index import contains_word, text_key
from quizgen.questions.item_rules import content_words, opens_like
from quizgen.questions.model import Kind
from quizgen.questions.oracle import surely_holds
from quizgen.questions.templates.base import Context, Notes
from quizgen.questions.wording import as_of, capitalized, on_date, role_is_verb, span_text


def person_questions(person: Person, context: Context) -> Iterator[CheckedQuestion | None]:
    for number, role in enumerate(person.roles):
        when = role_date(role, context.index.checked_until(person))
        if when is None:
            continue
        yield role_holder(person, role, when, context)
        yield role_title(person, role, when, context)
        if number == 0:
            yield role_true_false(person, role, when, context)
    if person.nationality_id:
        yield nationality(person, context)


def role_date(role: Role, checked: PartialDate | None) -> PartialDate | None:
    """A date the role surely covers: a whole year inside it, the middle one first (1862 of a
    directorship from 1854 to 1870, not 1869, an edge the learner may not know to the month),
    else a month, else its check date."""
    span = role.span
    if span.until is None:
        return checked if checked is not None and surely_holds(span, checked) else None
    first = span.since.year + 1 if span.since else span.until.year - 1
    last = span.until.year - 1
    years = sorted(range(first, last + 1), key=lambda y: (abs(2 * y - first - last), -y))
    candidates = [PartialDate(y) for y in years]
    if span.since and span.since.month:
        month = span.since.month % 12 + 1
        candidates.append(PartialDate(span.since.year + (span.since.month == 12), month))
    if span.until.month:
        month = (span.until.month - 2) % 12 + 1
        candidates.append(PartialDate(span.until.year - (span.until.month == 1), month))
    return next((when for when in candidates if surely_holds(span, when)), None)


def opening(role: Role, when: PartialDate) -> str:
    """``As of October 2020`` for a role still held, ``In 2021`` for one that has ended."""
    return as_of(when) if role.span.until is None else capitalized(on_date(when))


def position(role: Role, context: Context) -> str:
    """``Secretary General of the CSTO``; the bare title when it names no body or names it."""
    return context.index.position(role)


def role_facts(person: Person, role: Role) -> list[str]:
    return [person.id, role.organization_id] if role.organization_id else [person.id]


def holding(person: Person, role: Role, context: Context) -> Why:
    """``Stanislav Zas was Secretary General of the CSTO from January 2020 to December 2022``."""
    number = person.roles.index(role)
    about = (person.id, role.organization_id) if role.organization_id else (person.id,)
    told = context.told.holding(person, number)
    # What the person did in an event of the topic ("directed the Kavkaz-2020 exercise") is
    # why the post is asked at all: told after it. A deed beside the point of the post
    # ("calculated where Neptune had to be", of an observatory's director) is not.
    if role_is_verb(person.description) and names_an_event(person.description, context):
        told = f"{told}. {context.told.description_of(person.id)}"
    return Why(told, about=about)


def names_an_event(text: str, context: Context) -> bool:
    said = text_key(text)
    return any(
        contains_word(said, text_key(name))
        for event in context.index.facts.events
        for name in (event.name, *event.aliases)
    )


def posts_of(texts: Sequence[str], context: Context, role: Role) -> str:
    """Why other people are no answer: the posts they held (``Valery Gerasimov has been Chief of
    the General Staff of the Russian Armed Forces since 2012``)."""

    def held(person_id: str) -> str:
        person = context.index.by_id[person_id]
        if not isinstance(person, Person) or not person.roles:
            return ""
        others = [n for n, r in enumerate(person.roles) if r.title != role.title]
        return context.told.holding(person, others[0] if others else 0)

    return context.told.each(texts, held)


def titles_of(texts: Sequence[str], context: Context) -> str:
    """Why other titles are no answer: who held them, and when, where the facts say (``Elmar
    Mammadyarov was Minister of Foreign Affairs of Azerbaijan from April 2004 to July 2020``): a
    bare "was the post of" leaves open whether it still was at the stem's date."""
    told = []
    for text in texts:
        for person in context.facts.people:
            for number, role in enumerate(person.roles):
                if role.title == text:
                    told.append(context.told.holding(person, number))
    return "; ".join(t for t in told if t)


def _body_kind(organization_id: str, context: Context) -> str:
    """What kind of body a post is in: a state, a city, ..., or "group" for an organisation."""
    kind = context.index.type_of(organization_id)
    return kind or ("group" if organization_id in context.index.memberships else "")


def person_tiers(role: Role, context: Context) -> list[list[str]]:
    """People of the same organisation first (predecessors make the best wrong options), then
    people who held office in a body of the same kind (a state's officials for a state's post).
    Nobody else: a background figure such as a source's author is no plausible office holder."""
    kind = _body_kind(role.organization_id, context)
    alike = [
        p.id
        for p in context.facts.people
        if not p.background and any(_body_kind(r.organization_id, context) == kind for r in p.roles)
    ]
    return [context.index.people_by_org.get(role.organization_id, []), alike if kind else []]


def name_if_alive(context: Context, when: PartialDate) -> Callable[[str], str]:
    """A person's name as an option on a date, or "" (never offered) for someone not alive
    then: no one born centuries later is a plausible holder."""

    def text_of(person_id: str) -> str:
        alive = alive_on(context.index.by_id.get(person_id), when)
        return context.index.name(person_id) if alive else ""

    return text_of


def alive_on(person: object, when: PartialDate) -> bool:
    """False only when the facts place ``when`` wholly before birth or after death."""
    if not isinstance(person, Person):
        return True
    if person.born is not None and person.born.earliest > when.latest:
        return False
    return not (person.died is not None and person.died.latest < when.earliest)


def role_holder(
    person: Person, role: Role, when: PartialDate, context: Context
) -> CheckedQuestion | None:
    draft = context.draft(
        "person-role", Kind.SINGLE, role_facts(person, role), qualifier=role.title
    )
    return draft.single(
        person,
        f"{opening(role, when)}, who was {position(role, context)}?",
        person.name,
        Claim(Relation.ROLE_HOLDER, role.organization_id, detail=role.title, when=when),
        person_tiers(role, context),
        name_if_alive(context, when),
        replace(
            holding(person, role, context),
            wrong_of=lambda texts: posts_of(texts, context, role),
        ),
        Notes(dated=True, citation=role.citation),
    )


def role_title(
    person: Person, role: Role, when: PartialDate, context: Context
) -> CheckedQuestion | None:
    """Typed: the title a person held (in an organisation) over the role's span."""
    draft = context.draft(
        "person-title", Kind.SHORT, role_facts(person, role), qualifier=role.title
    )
    # A title that names its body ("Ambassador of Azerbaijan to ...") needs no "in ..." after it.
    named = role.organization_id and context.index.position(role) != role.title
    where = f" in {context.index.in_sentence(role.organization_id)}" if named else ""
    span = span_text(role.span.since, role.span.until)
    period = f" {span}" if role.span.until else f" (as of {when.text})"
    stem = f"What position did {person.name} hold{where}{period}?"
    # Titles alike in form: one that names its body ("Ambassador of Azerbaijan to ...") among
    # others that do, a bare one ("Coordinator") among bare ones.
    # Titles in the same body first: the Russian defence minister's title for the Russian chief
    # of staff, not an Azerbaijani adviser's.
    alike = [
        r
        for p in context.facts.people
        for r in p.roles
        if r.title != role.title and _names_its_body(r, context) == _names_its_body(role, context)
    ]
    same_body = [r.title for r in alike if r.organization_id == role.organization_id]
    # Then posts in bodies of the same kind only: the CSTO's Secretary General among
    # ambassadors and ministers of states stands out by its kind alone.
    kind = _body_kind(role.organization_id, context)
    titles = [r.title for r in alike if _body_kind(r.organization_id, context) == kind]
    # Then the posts of the person's compatriots, in a body of any kind: a Russian general's
    # title beside Azerbaijani ministers' is told apart by the country alone.
    compatriots = {
        r.title
        for p in context.facts.people
        if person.nationality_id and p.nationality_id == person.nationality_id
        for r in p.roles
    }
    return draft.typed_or_chosen(
        person,
        (stem, stem),
        role.title,
        Claim(Relation.ROLE_TITLE, person.id, other=role.organization_id, when=when),
        [
            list(dict.fromkeys(same_body)),
            [
                r.title
                for r in alike
                if r.title in compatriots and _in_group(r, context) == _in_group(role, context)
            ],
            list(dict.fromkeys(titles)),
        ],
        str,
        replace(holding(person, role, context), wrong_of=lambda texts: titles_of(texts, context)),
        Notes(
            accept=role.aliases,
            dated=True,
            citation=role.citation,
            reverse=(
                f"Who was {position(role, context)} {span}?"
                if role.span.until
                else f"{as_of(when)}, who was {position(role, context)}?",
                person.name,
            ),
        ),
    )


def role_true_false(
    person: Person, role: Role, when: PartialDate, context: Context
) -> CheckedQuestion | None:
    """ "In 2021, X was Secretary General of the CSTO": the holder, or someone else swapped in."""
    draft = context.draft(
        "person-role-true-false", Kind.TRUE_FALSE, role_facts(person, role), qualifier=role.title
    )
    claim = Claim(Relation.ROLE_HOLDER, role.organization_id, detail=role.title, when=when)
    return draft.true_false(
        person,
        claim,
        person.name,
        lambda: pick_distractors(
            draft.rng,
            1,
            person_tiers(role, context),
            name_if_alive(context, when),
            context.is_wrong(claim),
            [person.name],
        ),
        lambda value: f"{opening(role, when)}, {value} was {position(role, context)}",
        Notes(dated=True, citation=role.citation),
        why=lambda value: replace(
            holding(person, role, context),
            wrong=posts_of([value], context, role) if value != person.name else "",
        ),
    )


def nationality(person: Person, context: Context) -> CheckedQuestion | None:
    """``Stanislav Zas, Secretary General of the CSTO (2020–2022), is from which state?``: the
    person is named with a post, so that the stem says who is meant; not asked where a post
    names the state ("Chief of the General Staff of the Russian Armed Forces")."""
    state = context.index.name(person.nationality_id)
    posts = [context.index.role_label(role) for role in person.roles]
    if not posts:
        # A name alone says nothing of who is meant, and its language often says the state:
        # "Fyodor Dostoevsky was from which state?" is answered by the name.
        return None
    stem_of_state = content_words(state)
    if any(_names_state(post, stem_of_state) for post in posts):
        return None
    draft = context.draft("person-nationality", Kind.SINGLE, [person.id, person.nationality_id])
    kind = context.index.type_of(person.nationality_id) or "country"
    state_said = context.told.said(person.nationality_id)
    who = f"{person.name}, {posts[0]}," if posts else person.name
    # The dead are told in the past: "Leo Tolstoy was from Russia".
    was = "was" if person.died else "is"
    stem = f"{who} {was} from which {kind}?"
    told = _from_where(person, state_said, stem_of_state)
    if opens_like(stem, told):
        comes = "came" if person.died else "comes"
        told = f"{capitalized(state_said)} is where {person.name} {comes} from"
    # The states of the body the person served first: a Secretary General of the CSTO comes
    # from one of its members, and Serbia or Azerbaijan would be no likely guess.
    # Members while the person held the post come first: Uzbekistan, out of the CSTO from 2012,
    # is no guess for a Secretary General of 2020.
    served = [
        (entity_id, any(m.span.shares_time_with(role.span) for m in memberships))
        for role in person.roles
        for entity_id, memberships in context.index.memberships.get(
            role.organization_id, {}
        ).items()
    ]
    return draft.single(
        person,
        stem,
        state,
        Claim(Relation.NATIONALITY, person.id),
        [
            list(dict.fromkeys(e for e, then in served if then)),
            list(dict.fromkeys(e for e, _ in served)),
            context.index.nationalities,
            context.index.same_type(person.nationality_id),
        ],
        context.index.name,
        Why(told, about=(person.id,)),
    )


def _from_where(person: Person, state_said: str, state_words: set[str]) -> str:
    """``Stanislav Zas is a Belarusian general``: the person's description where it says the
    state, as a reader would put it; else ``Belarus is where Stanislav Zas comes from``."""
    described = person.description.strip().rstrip(".")
    if described and _names_state(described, state_words):
        if described.split(" ", 1)[0].casefold() not in ("a", "an", "the"):
            described = a_or_an(described)
        return f"{person.name} {'was' if person.died else 'is'} {described}"
    if person.died:
        return f"{person.name} was from {state_said}"
    return f"{capitalized(state_said)} is where {person.name} comes from"


def _names_state(post: str, state_words: set[str]) -> bool:
    """Whether a post's title names a state, or its adjective ("Russian" for Russia)."""
    words = content_words(post)
    return any(w == s or (len(s) > 3 and w.startswith(s[:-1])) for w in words for s in state_words)


def _in_group(role: Role, context: Context) -> bool:
    """Whether the post is in an organisation (a group of states), not in a state's own body."""
    return isinstance(context.index.by_id.get(role.organization_id), Group)


def _names_its_body(role: Role, context: Context) -> bool:
    return not role.organization_id or context.index.position(role) == role.title
