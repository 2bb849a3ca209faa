"""Questions on links by relations the file declares, worded by the declaration both ways:
"Which of these planets has the moon Titan?" (reverse), "Which of these astronomers discovered
Uranus?" (forward), typed where the relation allows one answer, true or false, and matching."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from quizgen.facts.model import Citation, Person, RelationKind
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, shuffled, shuffled_out_of_order
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import plural, plural_predicate
from quizgen.questions.item_rules import content_words
from quizgen.questions.model import Kind
from quizgen.questions.oracle import Verdict
from quizgen.questions.subjects import NamedFact, spoken_name
from quizgen.questions.templates.base import (
    MULTIPLE_OPTIONS,
    OPTION_COUNT,
    Context,
    Draft,
    Notes,
)
from quizgen.questions.wording import capitalized, listed, role_is_verb

MAX_RIGHT = 3
MAX_TOLD = 9
MAX_PAIRS = 6


ERA_APART = 60
"""Years between two lives beyond which one's work is no plausible slip for the other's."""


def link_questions(fact: NamedFact, context: Context) -> Iterator[CheckedQuestion | None]:
    subjects = context.index.subjects_index()
    for relation_id in dict.fromkeys(link.relation_id for link in fact.links):
        if relation_id in subjects.relations:
            yield objects_choice(fact, subjects.relations[relation_id], context)
    for link in fact.links:
        relation = subjects.relations.get(link.relation_id)
        if relation is None:
            continue
        if relation.one_object:
            yield object_typed(fact, relation, link.object_id, context)
        yield subject_choice(fact, relation, link.object_id, context)
        if relation.one_subject:
            yield subject_typed(fact, relation, link.object_id, context)
        yield link_true_false(fact, relation, link.object_id, context)


def nouns(
    relation: RelationKind, subject_id: str, object_id: str, context: Context
) -> tuple[str, str]:
    subjects = context.index.subjects_index()
    return (
        subjects.noun_of(subject_id, relation.subject_noun),
        subjects.noun_of(object_id, relation.object_noun),
    )


def like(fact_id: str, context: Context) -> list[str]:
    """Facts of the same kind and type as ``fact_id``: the pool of wrong answers."""
    subjects = context.index.subjects_index()
    return subjects.ids_by_noun.get(subjects.noun_of(fact_id), [])


def in_relation(relation: RelationKind, object_ids: Sequence[str], context: Context) -> list[str]:
    """The objects the relation links something to: a planet with no moons is no plausible
    answer to "Which planet has the moon Titania?", and "a moon of Venus" is false on its face."""
    subjects = context.index.subjects_index()
    return [o for o in object_ids if subjects.subjects.get((relation.id, o))]


def forward(relation: RelationKind, subject_id: str, object_id: str, context: Context) -> str:
    """``Titan is a moon of Saturn``."""
    return (
        f"{spoken_name(context.index, subject_id)} {relation.forward} "
        f"{spoken_name(context.index, object_id)}"
    )


def reverse(relation: RelationKind, subject_id: str, object_id: str, context: Context) -> str:
    """``Saturn has the moon Titan``."""
    return (
        f"{spoken_name(context.index, object_id)} {relation.reverse} "
        f"{spoken_name(context.index, subject_id)}"
    )


def link_told(
    relation: RelationKind,
    subject_id: str,
    object_id: str,
    context: Context,
    for_statement: bool = False,
) -> str:
    """A link with what else the facts link by the relation: every subject of the object
    (``Titan and Enceladus are moons of Saturn``), else every object of the subject (``William
    Herschel discovered Uranus, Titania and Oberon``), else the link itself. For a statement the
    objects come first (``Uranus and Titania were discovered by William Herschel``, ``Saturn has
    the moon Titan``), so that the explanation never reads as the statement again."""
    subjects = context.index.subjects_index()
    linked = list(dict.fromkeys(subjects.subjects.get((relation.id, object_id), [])))
    if len(linked) > 1:
        return context.told.linked_to(relation.id, linked[:MAX_TOLD], object_id)
    objects = list(dict.fromkeys(subjects.objects.get((relation.id, subject_id), [])))
    if len(objects) > 1 and for_statement:
        names = listed([spoken_name(context.index, o) for o in objects[:MAX_TOLD]])
        subject = spoken_name(context.index, subject_id)
        return f"{names} {plural_predicate(relation.reverse)} {subject}"
    if len(objects) > 1:
        return objects_told(relation, subject_id, objects, context)
    if for_statement:
        return reverse(relation, subject_id, object_id, context)
    return forward(relation, subject_id, object_id, context)


def objects_told(
    relation: RelationKind, subject_id: str, object_ids: Sequence[str], context: Context
) -> str:
    """``William Herschel discovered Uranus, Titania and Oberon``."""
    names = listed([spoken_name(context.index, o) for o in object_ids[:MAX_TOLD]])
    return f"{spoken_name(context.index, subject_id)} {relation.forward} {names}"


def subjects_of(
    relation: RelationKind, texts: Sequence[str], leave_out: str, context: Context
) -> str:
    """Why other objects are no answer: what the relation links to each instead (``Io and
    Europa are moons of Jupiter``, ``William Shakespeare wrote Hamlet and Macbeth``)."""
    subjects = context.index.subjects_index()
    by_subjects: dict[tuple[str, ...], list[str]] = {}
    for text in texts:
        object_id = context.told.option_ids(text)
        ids = [s for s in subjects.subjects.get((relation.id, object_id), []) if s != leave_out]
        if object_id and ids:
            by_subjects.setdefault(tuple(ids[:MAX_TOLD]), []).append(object_id)
    told = []
    for subject_ids, objects in by_subjects.items():
        if len(objects) == 1:
            told.append(context.told.linked_to(relation.id, list(subject_ids), objects[0]))
        else:
            names = listed([spoken_name(context.index, s) for s in subject_ids])
            several = len(subject_ids) > 1
            predicate = plural_predicate(relation.forward) if several else relation.forward
            said = listed([spoken_name(context.index, o) for o in objects])
            told.append(f"{names} {predicate} {said}")
    return context.told.joined(told)


def objects_of(
    relation: RelationKind, texts: Sequence[str], leave_out: str, context: Context
) -> str:
    """Why other subjects are no answer: what each is linked to instead (``Io is a moon of
    Jupiter``)."""
    subjects = context.index.subjects_index()

    def linked(subject_id: str) -> str:
        ids = [o for o in subjects.objects.get((relation.id, subject_id), []) if o != leave_out]
        if ids:
            return objects_told(relation, subject_id, ids, context)
        # One linked to nothing is told by what the facts say it did ("Urbain Le Verrier
        # calculated where Neptune had to be"), where they say it with a verb.
        fact = context.index.by_id.get(subject_id)
        if isinstance(fact, Person) and role_is_verb(fact.description):
            return context.told.description_of(subject_id)
        return ""

    return context.told.each(texts, linked)


def described_cited(texts: Sequence[str], context: Context) -> tuple[tuple[str, Citation], ...]:
    """What a wrong option's own description says, cited by its source wherever it is told."""
    cited = []
    for text in texts:
        for fact_id in context.index.resolve(text):
            fact = context.index.by_id.get(fact_id)
            if isinstance(fact, Person) and fact.citation is not None:
                cited.append((context.told.description_of(fact_id), fact.citation))
    return tuple(c for c in cited if c[0])


def citation_of(fact: NamedFact, relation_id: str, object_id: str) -> Citation | None:
    return next(
        (
            link.citation
            for link in fact.links
            if (link.relation_id, link.object_id) == (relation_id, object_id)
        ),
        None,
    )


def link_explained(subject_id: str, relation_id: str, object_id: str, context: Context) -> str:
    """The author's account of one link ("Emily Brontë published Wuthering Heights in 1847
    under the name Ellis Bell."), or nothing."""
    subject = context.index.by_id.get(subject_id)
    return next(
        (
            link.explain
            for link in getattr(subject, "links", ())
            if (link.relation_id, link.object_id) == (relation_id, object_id)
        ),
        "",
    )


def with_explained(
    told: str, links: Sequence[tuple[str, str]], relation_id: str, context: Context
) -> str:
    """``told`` followed by what the author explains of the links it tells, each once."""
    explained = dict.fromkeys(
        e for s, o in links if (e := link_explained(s, relation_id, o, context))
    )
    return " ".join([f"{told}.", *explained]) if explained else told


def typed_link_why(
    relation: RelationKind,
    subject_id: str,
    object_id: str,
    about: tuple[str, ...],
    context: Context,
) -> Why:
    """A typed link's explanation: the link with what else the relation links, and the
    author's account of it."""
    told = link_told(relation, subject_id, object_id, context)
    return Why(with_explained(told, [(subject_id, object_id)], relation.id, context), about=about)


def objects_choice(
    fact: NamedFact, relation: RelationKind, context: Context
) -> CheckedQuestion | None:
    """``Which of these planets has the moon Titan?``; select all when the subject has several
    (``Which of these bodies were discovered by William Herschel?``)."""
    subjects = context.index.subjects_index()
    claim = Claim(Relation.LINK_OBJECT, fact.id, detail=relation.id)
    holders = [
        i
        for i in dict.fromkeys(subjects.objects.get((relation.id, fact.id), []))
        if context.is_right(claim, context.index.name(i))
    ]
    if not holders:
        return None
    kind = Kind.MULTIPLE if len(holders) > 1 else Kind.SINGLE
    draft = context.draft("link-objects", kind, [fact.id, *holders[:1]], qualifier=relation.id)
    _, object_noun = nouns(relation, fact.id, holders[0], context)
    nouns_held = dict.fromkeys(subjects.noun_of(holder) for holder in holders[:8])
    # Of the holder's kind first, nearest in time within it: a novel beside Cervantes's novel,
    # not the plays of his contemporaries, which a learner rules out by their form.
    eras = [
        of_their_kind(tier, holders, context)
        for noun in nouns_held
        for tier in of_their_era(
            relation,
            in_relation(relation, subjects.ids_by_noun.get(noun, []), context),
            fact.id,
            context,
        )
    ]
    # Within each kind, compatriots' works of the subject's era first (Wuthering Heights beside
    # Austen's novels, before The Scarlet Letter of her lifetime), then all by era: a Japanese
    # novel of the 20th century is no slip for Murasaki's.
    own = nation_of(fact.id, relation, context)

    def compatriots_of_their_time(tiers: list[list[str]]) -> list[str]:
        return [
            o
            for tier in tiers
            for o in tier
            if own
            and nation_of(o, relation, context) == own
            and era_gap(relation, o, fact.id, context) <= ERA_APART
        ]

    same_tiers = [same for same, _ in eras]
    other_tiers = [other for _, other in eras]
    compatriots_same_kind = compatriots_of_their_time(same_tiers)
    compatriots_other_kind = compatriots_of_their_time(other_tiers)
    pools = [compatriots_same_kind]
    if not set(compatriots_same_kind) - set(holders):
        # With no compatriot's work of its kind, one of another kind from the holder's time
        # is the slip a learner makes: The Pillow Book beside The Tale of Genji, not three
        # Spanish novels that leave Genji the one Japanese title.
        pools.append(compatriots_other_kind)
    pools += same_tiers
    # Works of another kind only where the holder's kind offers too few: Don Quixote among
    # Shakespeare's rivals' plays is the one option a learner rules out by its form, and three
    # plays beat four options with a novel.
    if len({o for tier in same_tiers for o in tier} - set(holders)) < 2:
        pools += [compatriots_other_kind, *other_tiers]
    if len(set(compatriots_same_kind) - set(holders)) >= 2:
        # Two compatriots' works of the holder's kind and time make three good options; a
        # fourth from another country ("Crime and Punishment" beside American novels) is
        # ruled out at once.
        pools = [compatriots_same_kind]
    options = right_and_wrong(draft, kind, pools, claim, holders, context)
    if options is None:
        return None
    right, wrong = options
    right_texts = [context.index.name(h) for h in right]
    subject_name = spoken_name(context.index, fact.id)
    several = kind is Kind.MULTIPLE
    predicate = plural_predicate(relation.reverse) if several else relation.reverse
    why = Why(
        with_explained(
            objects_told(relation, fact.id, holders, context),
            [(fact.id, h) for h in right],
            relation.id,
            context,
        ),
        subjects_of(relation, wrong, fact.id, context),
        about=(fact.id, *right),
    )
    return draft.finish(
        fact,
        capitalized(f"which of these {plural(object_noun)} {predicate} {subject_name}?"),
        right_texts,
        why,
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
        citation=citation_of(fact, relation.id, holders[0]) if len(right) == 1 else None,
    )


def object_typed(
    fact: NamedFact, relation: RelationKind, object_id: str, context: Context
) -> CheckedQuestion | None:
    """``Which planet has the moon Titan?``, typed: the relation gives a subject one object."""
    draft = context.draft(
        "link-object-typed", Kind.SHORT, [fact.id, object_id], qualifier=relation.id
    )
    _, object_noun = nouns(relation, fact.id, object_id, context)
    object_fact = context.index.by_id[object_id]
    from quizgen.questions.index import names_of

    return draft.finish(
        fact,
        capitalized(
            f"which {object_noun} {relation.reverse} {spoken_name(context.index, fact.id)}?"
        ),
        [context.index.name(object_id)],
        typed_link_why(relation, fact.id, object_id, (fact.id, object_id), context),
        [Claim(Relation.LINK_OBJECT, fact.id, detail=relation.id)],
        accept=list(names_of(object_fact)[1:]),
        citation=citation_of(fact, relation.id, object_id),
    )


def subject_choice(
    fact: NamedFact, relation: RelationKind, object_id: str, context: Context
) -> CheckedQuestion | None:
    """``Which of these moons is a moon of Saturn?`` (select all when it has several)."""
    subjects = context.index.subjects_index()
    claim = Claim(Relation.LINK_SUBJECT, object_id, detail=relation.id)
    holders = [
        i
        for i in dict.fromkeys(subjects.subjects.get((relation.id, object_id), []))
        if context.is_right(claim, context.index.name(i))
    ]
    if not holders or holders[0] != fact.id:
        return None  # asked once per object, with its first subject
    subject_noun, _ = nouns(relation, fact.id, object_id, context)
    kind = Kind.MULTIPLE if len(holders) > 1 else Kind.SINGLE
    draft = context.draft("link-subjects", kind, [fact.id, object_id], qualifier=relation.id)
    # Those the relation links to something else first: who wrote another work, not a
    # bystander of the same kind who wrote none (Claire Clairmont for Dracula).
    alike = like(fact.id, context)
    doers = [i for i in alike if subjects.objects.get((relation.id, i))]
    # Among them, those who did the same kind of thing first: playwrights for a play.
    same_kind = [
        i
        for i in doers
        if of_their_kind(subjects.objects.get((relation.id, i), []), [object_id], context)[0]
    ]
    # Compatriots first: Tolstoy's countrymen for a Russian novel, not Melville; an English
    # poet of Austen's time before an American novelist who was a boy when she died.
    own_kind, other_kind = compatriots_first(same_kind, fact.id, relation, context)
    own_doers, other_doers = compatriots_first(doers, fact.id, relation, context)
    pools = [own_kind, own_doers, other_kind, other_doers, alike]
    # Two compatriots of the holder's kind and time make three good options: Hawthorne and
    # Cooper beside Melville, and no Charlotte Brontë, whom a learner rules out at once. Only
    # where every holder is of one state the facts give (co-authors of two states share none).
    states = {nation_of(h, relation, context) for h in holders}
    shared = len(states) == 1 and bool(states.pop())
    if shared and len(set(contemporaries(own_kind, holders, context)) - set(holders)) >= 2:
        pools = [own_kind]
    options = right_and_wrong(draft, kind, pools, claim, holders, context)
    if options is None:
        return None
    right, wrong = options
    right_texts = [context.index.name(h) for h in right]
    object_name = spoken_name(context.index, object_id)
    predicate = plural_predicate(relation.forward) if kind is Kind.MULTIPLE else relation.forward
    # "Which of these are moons of Uranus?": a predicate that names the subjects' kind says it
    # once, not "which of these moons are moons of".
    among = plural(subject_noun)
    said = (
        among
        if not content_words(among) <= content_words(plural_predicate(relation.forward))
        else ""
    )
    stem = f"which of these {said} {predicate} {object_name}?".replace("  ", " ")
    why = Why(
        with_explained(
            context.told.linked_to(relation.id, holders[:MAX_TOLD], object_id),
            [(h, object_id) for h in right],
            relation.id,
            context,
        ),
        objects_of(relation, wrong, object_id, context),
        about=(object_id, *right),
        cited_too=described_cited(wrong, context),
    )
    return draft.finish(
        fact,
        capitalized(stem),
        right_texts,
        why,
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
        citation=citation_of(fact, relation.id, object_id),
    )


def subject_typed(
    fact: NamedFact, relation: RelationKind, object_id: str, context: Context
) -> CheckedQuestion | None:
    """``Which astronomer discovered Uranus?``, typed: the relation gives an object one subject."""
    from quizgen.questions.index import names_of

    draft = context.draft(
        "link-subject-typed", Kind.SHORT, [fact.id, object_id], qualifier=relation.id
    )
    subject_noun, _ = nouns(relation, fact.id, object_id, context)
    # A person is asked "Who wrote Frankenstein?": "Which writer wrote" says the verb twice.
    asker = "who" if isinstance(fact, Person) else f"which {subject_noun}"
    return draft.finish(
        fact,
        capitalized(f"{asker} {relation.forward} {spoken_name(context.index, object_id)}?"),
        [context.index.name(fact.id)],
        typed_link_why(relation, fact.id, object_id, (object_id, fact.id), context),
        [Claim(Relation.LINK_SUBJECT, object_id, detail=relation.id)],
        accept=list(names_of(fact)[1:]),
        citation=citation_of(fact, relation.id, object_id),
    )


def link_true_false(
    fact: NamedFact, relation: RelationKind, object_id: str, context: Context
) -> CheckedQuestion | None:
    """``Titan is a moon of Jupiter.``: the right object, or (half the time) one proven wrong."""
    draft = context.draft(
        "link-true-false", Kind.TRUE_FALSE, [fact.id, object_id], qualifier=relation.id
    )
    claim = Claim(Relation.LINK_OBJECT, fact.id, detail=relation.id)
    right = context.index.name(object_id)
    subject_name = spoken_name(context.index, fact.id)

    def statement(value: str) -> str:
        ids = context.index.resolve(value)
        named = spoken_name(context.index, ids.pop()) if len(ids) == 1 else value
        return f"{subject_name} {relation.forward} {named}"

    # A work of another age is no error a learner makes ("Murasaki Shikibu wrote the Divine
    # Comedy", three centuries on). Without a near one the link has no false form, and a
    # statement that is always true is no test: it is not asked. (Where near ones exist but
    # the oracle proves none wrong, the true form alone is made, as for any statement.)
    swaps = of_their_era(
        relation,
        [o for o in in_relation(relation, like(object_id, context), context) if o != object_id],
        fact.id,
        context,
        within=ERA_APART,
    )
    if not any(swaps):
        return None
    # Of the right one's kind first: "Europa is a moon of Saturn", a giant planet like Jupiter,
    # not "of Mars", which a learner who knows Mars's two small moons rules out.
    swaps = [tier for era in swaps for tier in by_kinship(era, object_id, context)]
    # A compatriot's work first: "Leo Tolstoy wrote Crime and Punishment" is a slip a learner
    # makes; "Leo Tolstoy wrote Moby-Dick" is not.
    swaps = [part for tier in swaps for part in compatriots_first(tier, fact.id, relation, context)]
    return draft.true_false(
        fact,
        claim,
        right,
        lambda: pick_distractors(
            draft.rng,
            1,
            swaps,
            context.index.name,
            context.is_wrong(claim),
            [right],
        ),
        statement,
        Notes(citation=citation_of(fact, relation.id, object_id)),
        # Where the subject has one object (a moon of one planet), its own link decides a swapped
        # one; where the object has one subject (a moon found by one astronomer), the object's.
        why=lambda value: (
            link_why(
                relation,
                fact.id,
                object_id,
                subjects_of(relation, [value], fact.id, context) if value != right else "",
                context,
            )
            if value == right or relation.one_object
            else swapped_link_why(relation, fact.id, object_id, value, context)
        ),
    )


def swapped_link_why(
    relation: RelationKind, subject_id: str, object_id: str, value: str, context: Context
) -> Why:
    """Why "Gerard Kuiper discovered Phobos" is false: who did ("Asaph Hall discovered Phobos",
    cited by that link's own source) first, then what the subject did instead."""
    # The subject's own link is told bare: the account of it is beside the point of a swap.
    right_link = link_why(relation, subject_id, object_id, "", context, explained=False)
    instead = subjects_of(relation, [value], subject_id, context)
    if not instead:
        return right_link
    value_ids = context.index.resolve(value)
    cited = [
        (instead, citation)
        for value_id in value_ids
        for holder in context.index.subjects_index().subjects.get((relation.id, value_id), [])
        if isinstance(holder_fact := context.index.by_id.get(holder), NamedFact)
        and (citation := citation_of(holder_fact, relation.id, value_id) or holder_fact.citation)
        is not None
    ]
    return Why(instead, right_link.answer, about=right_link.about, cited_too=tuple(cited))


def link_why(
    relation: RelationKind,
    subject_id: str,
    object_id: str,
    wrong: str,
    context: Context,
    explained: bool = True,
) -> Why:
    """The link told from the object's side, with what else the facts link; where that is only
    the statement turned round ("Frankenstein was written by Mary Shelley"), it says the stem
    again, and the facts tell more ("Mary Shelley began Frankenstein ... in 1816")."""
    told = link_told(relation, subject_id, object_id, context, for_statement=True)
    if explained:
        told = with_explained(told, [(subject_id, object_id)], relation.id, context)
    return Why(
        told,
        wrong,
        about=(subject_id, object_id),
        restates=told == reverse(relation, subject_id, object_id, context),
    )


def relation_matching(context: Context) -> Iterator[CheckedQuestion | None]:
    """Per relation: match subjects to their objects, in sets the oracle shows unambiguous."""
    subjects = context.index.subjects_index()
    for relation in context.facts.relations:
        chunk: list[tuple[str, str]] = []
        for subject_id, object_id in subjects.links.get(relation.id, []):
            if (
                chunk
                and not relation.object_noun
                and (subjects.noun_of(object_id) != subjects.noun_of(chunk[0][1]))
            ):
                continue  # "the planet it is a moon of" must fit every right-hand item
            claim = Claim(Relation.LINK_OBJECT, subject_id, detail=relation.id)
            right = context.index.name(object_id)
            fits = all(
                context.oracle.verdict(claim, context.index.name(other_object)) is Verdict.FALSE
                and context.oracle.verdict(
                    Claim(Relation.LINK_OBJECT, other_subject, detail=relation.id), right
                )
                is Verdict.FALSE
                for other_subject, other_object in chunk
            )
            if fits and subject_id not in {s for s, _ in chunk}:
                chunk.append((subject_id, object_id))
            if len(chunk) == MAX_PAIRS:
                yield matching(relation, chunk, context)
                chunk = []
        if len(chunk) >= 3:
            yield matching(relation, chunk, context)


def matching(
    relation: RelationKind, chunk: list[tuple[str, str]], context: Context
) -> CheckedQuestion | None:
    fact_ids = list(dict.fromkeys(i for pair in chunk for i in pair))
    draft = context.draft("link-matching", Kind.MATCHING, fact_ids, qualifier=relation.id)
    subject_noun, object_noun = nouns(relation, chunk[0][0], chunk[0][1], context)
    person = context.index.subjects_index().noun_of(chunk[0][0]) == "person"
    pronoun = "they" if person else "it"
    predicate = plural_predicate(relation.forward) if person else relation.forward
    pairs = [(context.index.name(s), context.index.name(o)) for s, o in chunk]
    rights = [right for _, right in pairs]
    fact = context.index.by_id[chunk[0][0]]
    told = [link_told(relation, s, o, context) for s, o in chunk]
    return draft.finish(
        fact,
        f"Match each {subject_noun} to the {object_noun} {pronoun} {predicate}.",
        rights,
        Why(
            "; ".join(told),
            about=tuple(i for pair in chunk for i in pair),
            citations=tuple(
                citation_of(context.index.by_id[s], relation.id, o)  # type: ignore[arg-type]
                or context.index.by_id[s].citation
                for s, o in chunk
            ),
        ),
        [Claim(Relation.LINK_OBJECT, s, detail=relation.id) for s, _ in chunk],
        pairs=pairs,
        choices=shuffled_out_of_order(draft.rng, rights),
        tags=list(dict.fromkeys(t for s, _ in chunk for t in context.index.by_id[s].tags)),
        attribute=False,
    )


def contemporaries(
    candidates: Sequence[str], holders: Sequence[str], context: Context
) -> list[str]:
    """The candidates a learner could confuse with the holders by era: a person whose working
    life overlaps a holder's (nobody offers Hipparchus as the discoverer of Pluto, nor the
    Brontës, children when Polidori died, as the author of The Vampyre); anything else, or
    anyone whose dates the facts do not give, as it is."""
    return overlapping(candidates, holders, context, working_life)


def overlapping(
    candidates: Sequence[str],
    holders: Sequence[str],
    context: Context,
    span_of: Callable[[str, Context], tuple[int, int] | None],
) -> list[str]:
    spans = [span for span in (span_of(h, context) for h in holders) if span is not None]
    if not spans:
        return list(candidates)
    kept = []
    for candidate in candidates:
        span = span_of(candidate, context)
        if span is None or any(span[0] <= end and start <= span[1] for start, end in spans):
            kept.append(candidate)
    return kept


GROWN_UP = 18
"""The age from which a person's life is one of work: a child writes no novel of the time."""


def working_life(fact_id: str, context: Context) -> tuple[int, int] | None:
    span = life_span(fact_id, context)
    if span is None:
        return None
    return min(span[0] + GROWN_UP, span[1]), span[1]


def of_their_era(
    relation: RelationKind,
    objects: Sequence[str],
    subject_id: str,
    context: Context,
    within: float = float("inf"),
) -> list[list[str]]:
    """``objects`` in tiers by era: those whose own subjects lived when ``subject_id`` did (Jane
    Eyre beside Jane Austen), then the others nearest in time first (Hamlet before Pride and
    Prejudice beside Dante), none more than ``within`` years apart; the objects of undated
    subjects last, as they are."""
    subjects = context.index.subjects_index()
    if life_span(subject_id, context) is None:
        return [list(objects)]
    gap = {o: era_gap(relation, o, subject_id, context) for o in objects}
    near = [o for o in objects if gap[o] == 0]
    far = sorted(
        (o for o in objects if 0 < gap[o] < float("inf") and gap[o] <= within),
        key=gap.__getitem__,
    )
    undated = [o for o in objects if gap[o] == float("inf")]

    def one_each(tier: list[str]) -> list[str]:
        # One object of each subject first: three plays of Shakespeare beside Don Quixote say
        # "not Shakespeare" more than they test Cervantes.
        seen: set[str] = set()
        first = []
        for o in tier:
            by = subjects.subjects.get((relation.id, o), [o])[0]
            if by not in seen:
                seen.add(by)
                first.append(o)
        return first

    near_first, far_first = one_each(near), one_each(far)
    return [
        near_first,
        *([o] for o in far_first),
        [o for o in near if o not in near_first],
        [o for o in far if o not in far_first],
        undated,
    ]


def era_gap(relation: RelationKind, object_id: str, subject_id: str, context: Context) -> float:
    """The years between the subject's life and the nearest life of those linked to the object
    (0 where they overlap; infinite where the facts give no dates)."""
    own = life_span(subject_id, context)
    if own is None:
        return float("inf")
    subjects = context.index.subjects_index().subjects.get((relation.id, object_id), [])
    spans = [span for span in (life_span(s, context) for s in subjects) if span is not None]
    gaps = [max(0, span[0] - own[1], own[0] - span[1]) for span in spans]
    return min(gaps, default=float("inf"))


def of_their_kind(ids: Sequence[str], like: Sequence[str], context: Context) -> list[list[str]]:
    """``ids`` with those of a kind of ``like`` first (a category they share: plays beside
    Marlowe's play, not novels a learner rules out by their form), then the rest."""
    subjects = context.index.subjects_index()

    def kinds(fact_id: str) -> set[str]:
        return {m.category_id for m in subjects.categories_of.get(fact_id, [])}

    wanted = set().union(*(kinds(i) for i in like)) if like else set()
    same = [i for i in ids if kinds(i) & wanted]
    return [same, [i for i in ids if i not in same]]


def by_kinship(ids: Sequence[str], like: str, context: Context) -> list[list[str]]:
    """``ids`` in two tiers: those that share a category with ``like`` besides any every one of
    them shares first (Saturn, Uranus and Neptune, giant planets beside Jupiter; "planet" tells
    none apart), the rest after (Mars). Not the very nearest alone: every moon of Jupiter
    offered as Saturn's is a pattern."""
    subjects = context.index.subjects_index()

    def kinds(fact_id: str) -> set[str]:
        return {m.category_id for m in subjects.categories_of.get(fact_id, [])}

    wanted = kinds(like)
    common = set(wanted).intersection(*(kinds(i) for i in ids)) if ids else set()
    near = [i for i in ids if (kinds(i) & wanted) - common]
    return [near, [i for i in ids if i not in near]]


def nation_of(fact_id: str, relation: RelationKind, context: Context) -> str | None:
    """The state a person is from, or a thing's maker is from ("" where the facts say none);
    None for a thing no person is linked to."""
    fact = context.index.by_id.get(fact_id)
    if isinstance(fact, Person):
        return fact.nationality_id
    makers = context.index.subjects_index().subjects.get((relation.id, fact_id), [])
    people = [m for m in makers if isinstance(context.index.by_id.get(m), Person)]
    return nation_of(people[0], relation, context) if people else None


def compatriots_first(
    ids: Sequence[str], like_id: str, relation: RelationKind, context: Context
) -> list[list[str]]:
    """``ids`` in two tiers: those from the state ``like_id`` is from (or whose makers are) first,
    the rest after; one tier where the facts give it no state."""
    own = nation_of(like_id, relation, context)
    if not own:
        return [list(ids), []]
    same = [i for i in ids if nation_of(i, relation, context) == own]
    return [same, [i for i in ids if i not in same]]


def life_span(fact_id: str, context: Context) -> tuple[int, int] | None:
    """The years a person lived (to the facts' own date when alive), or None."""
    person = context.index.by_id.get(fact_id)
    if not isinstance(person, Person) or person.born is None:
        return None
    end = person.died or context.index.checked_until(person)
    return person.born.year, end.year if end is not None else person.born.year + 100


def right_and_wrong(
    draft: Draft,
    kind: Kind,
    pools: Sequence[Sequence[str]],
    claim: Claim,
    holders: Sequence[str],
    context: Context,
) -> tuple[list[str], list[str]] | None:
    """The holders to offer as right and the option texts to offer as wrong, for a single choice
    (every holder) or a select-all (a few holders); None when too few wrong options are proven."""
    wrong = pick_distractors(
        draft.rng,
        MULTIPLE_OPTIONS - 1 if kind is Kind.MULTIPLE else OPTION_COUNT - 1,
        # In each pool, those who worked when the holders did first, then those merely alive
        # then: Lassell before Galle, a boy when Herschel died, beside Herschel's moons.
        [
            tier
            for pool in pools
            for tier in (
                contemporaries(pool, holders, context),
                overlapping(pool, holders, context, life_span),
            )
        ],
        context.index.name,
        context.is_wrong(claim),
        [context.index.name(h) for h in holders],
    )
    if len(wrong) < (1 if kind is Kind.MULTIPLE else 2):
        return None
    if kind is Kind.MULTIPLE:
        count = max(draft.rng.randint(1, MAX_RIGHT), MULTIPLE_OPTIONS - 1 - len(wrong))
        right = draft.rng.sample(holders, min(len(holders), count))
        wrong = wrong[: max(1, MULTIPLE_OPTIONS - len(right))]
    else:
        right = list(holders)
    return list(right), list(wrong)
