"""QTI 1.2 for Canvas: one ``<deck>-qti.zip`` per deck, holding a manifest and one assessment.

Canvas (Classic Quizzes, and New Quizzes through the same import) reads the item's
``question_type`` field and its response processing. Each item's ``ident`` is the question's id
and every item is scored out of 1 point (SCORE 0 to 100). Kinds map to Canvas types: single
choice ``multiple_choice``, multi-select ``multiple_answers``, ``true_false``, a year
``numerical`` (exact), ``short_answer``, a sentence with blanks ``fill_in_multiple_blanks``,
``matching``; Canvas has no ordering type, so an ordering question is a ``matching`` one that
pairs each item with its place (1 is first).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import ClassVar

from quizgen.exporters import BuildOptions, text_html
from quizgen.exporters.lms import (
    LmsQuiz,
    feedback_html,
    question_name,
    quizzes_of,
    write_zip,
)
from quizgen.questions.answer_view import AnswerView, answer_view
from quizgen.questions.model import Kind, Question, QuestionBank

FILE_SUFFIX = "-qti.zip"
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_SCHEMA = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NAMESPACE = "http://canvas.instructure.com/xsd/cccv1p0"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
IMSMD_NAMESPACE = "http://www.imsglobal.org/xsd/imsmd_v1p2"
RESPONSE = "response1"
GENERAL_FEEDBACK = "general_fb"
ORDERING_INSTRUCTION = "Match each item with its place in the order: 1 is the first."


class QtiExporter:
    """Writes ``<deck slug>-qti.zip`` for every deck: one Canvas quiz each."""

    name: ClassVar[str] = "qti"
    description: ClassVar[str] = "QTI 1.2 zip per deck for Canvas (<deck>-qti.zip)"
    file_patterns: ClassVar[tuple[str, ...]] = ("{deck}" + FILE_SUFFIX,)
    option_names: ClassVar[tuple[str, ...]] = ()

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        epoch = options.epoch or bank.generated_at
        written = []
        for quiz in quizzes_of(bank):
            path = folder / f"{quiz.slug}{FILE_SUFFIX}"
            write_zip(path, package_members(quiz, epoch), epoch)
            written.append(path)
        return written


def stable_ident(prefix: str, key: str) -> str:
    """An identifier from a stable key (SHA-256), the same in every build."""
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}"


def package_members(quiz: LmsQuiz, epoch: int) -> list[tuple[str, bytes]]:
    """The zip's files: the manifest, the assessment and Canvas's quiz settings beside it."""
    assessment_id = stable_ident("quizgen-assessment", quiz.name)
    folder = assessment_id
    return [
        ("imsmanifest.xml", xml_bytes(manifest_element(quiz, assessment_id, epoch))),
        (f"{folder}/{assessment_id}.xml", xml_bytes(assessment_element(quiz, assessment_id))),
        (f"{folder}/assessment_meta.xml", xml_bytes(quiz_settings_element(quiz, assessment_id))),
    ]


def xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def manifest_element(quiz: LmsQuiz, assessment_id: str, epoch: int) -> ET.Element:
    """The package's table of contents: one QTI assessment and its Canvas settings file."""
    manifest = ET.Element(
        "manifest",
        {
            "identifier": stable_ident("quizgen-manifest", quiz.name),
            "xmlns": MANIFEST_NAMESPACE,
            "xmlns:imsmd": IMSMD_NAMESPACE,
        },
    )
    metadata = sub(manifest, "metadata")
    sub(metadata, "schema", "IMS Content")
    sub(metadata, "schemaversion", "1.1.3")
    lom = sub(metadata, "imsmd:lom")
    sub(sub(sub(lom, "imsmd:general"), "imsmd:title"), "imsmd:string", quiz.title)
    date = datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%d")
    contribute = sub(sub(lom, "imsmd:lifeCycle"), "imsmd:contribute")
    sub(sub(contribute, "imsmd:date"), "imsmd:dateTime", date)
    sub(manifest, "organizations")
    resources = sub(manifest, "resources")
    settings_id = stable_ident("quizgen-settings", quiz.name)
    assessment = sub(resources, "resource", identifier=assessment_id, type="imsqti_xmlv1p2")
    sub(assessment, "file", href=f"{assessment_id}/{assessment_id}.xml")
    sub(assessment, "dependency", identifierref=settings_id)
    settings_href = f"{assessment_id}/assessment_meta.xml"
    settings = sub(
        resources,
        "resource",
        identifier=settings_id,
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=settings_href,
    )
    sub(settings, "file", href=settings_href)
    return manifest


def quiz_settings_element(quiz: LmsQuiz, assessment_id: str) -> ET.Element:
    """Canvas's own quiz settings: title, description, points; unpublished until the teacher
    has looked at it."""
    settings = ET.Element("quiz", {"identifier": assessment_id, "xmlns": CANVAS_NAMESPACE})
    sub(settings, "title", quiz.title)
    sub(settings, "description", text_html(quiz.description))
    sub(settings, "shuffle_answers", "true")
    sub(settings, "scoring_policy", "keep_highest")
    sub(settings, "quiz_type", "assignment")
    sub(settings, "points_possible", f"{len(quiz.questions)}.0")
    sub(settings, "show_correct_answers", "true")
    sub(settings, "allowed_attempts", "1")
    sub(settings, "one_question_at_a_time", "false")
    sub(settings, "cant_go_back", "false")
    sub(settings, "available", "false")
    return settings


def assessment_element(quiz: LmsQuiz, assessment_id: str) -> ET.Element:
    root = ET.Element(
        "questestinterop",
        {
            "xmlns": QTI_NAMESPACE,
            "xmlns:xsi": XSI_NAMESPACE,
            "xsi:schemaLocation": f"{QTI_NAMESPACE} {QTI_SCHEMA}",
        },
    )
    assessment = sub(root, "assessment", ident=assessment_id, title=quiz.title)
    metadata = sub(assessment, "qtimetadata")
    metadata_field(metadata, "cc_maxattempts", "1")
    section = sub(assessment, "section", ident="root_section")
    for number, question in enumerate(quiz.questions, start=1):
        section.append(item_element(number, question))
    return root


def metadata_field(parent: ET.Element, label: str, entry: str) -> None:
    field = sub(parent, "qtimetadatafield")
    sub(field, "fieldlabel", label)
    sub(field, "fieldentry", entry)


def mattext(parent: ET.Element, html_text: str, texttype: str = "text/html") -> None:
    sub(sub(parent, "material"), "mattext", html_text, texttype=texttype)


ItemBody = tuple[str, list[str], Callable[[ET.Element], None], Callable[[ET.Element], None]]
"""A kind as Canvas takes it: its question type, its answer ids, and what writes the
presentation and the response processing."""


def item_element(number: int, question: Question) -> ET.Element:
    """One item: metadata, the question and its inputs, scoring, and the general feedback."""
    answers = answer_view(question)
    writer = ITEM_WRITERS[question.kind]
    if question.kind is Kind.YEAR and answers.year is None:
        writer = short_answer  # a year Canvas cannot read as a number is compared as text
    question_type, answer_ids, present, score = writer(question, answers)
    item = ET.Element("item", ident=question.id, title=question_name(number, question))
    metadata = sub(sub(item, "itemmetadata"), "qtimetadata")
    metadata_field(metadata, "question_type", question_type)
    metadata_field(metadata, "points_possible", "1")
    metadata_field(metadata, "original_answer_ids", ",".join(answer_ids))
    metadata_field(metadata, "assessment_question_identifierref", f"{question.id}-ref")
    present(sub(item, "presentation"))
    processing = sub(item, "resprocessing")
    outcomes = sub(processing, "outcomes")
    sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    show_feedback = sub(processing, "respcondition", **{"continue": "Yes"})
    sub(sub(show_feedback, "conditionvar"), "other")
    sub(show_feedback, "displayfeedback", feedbacktype="Response", linkrefid=GENERAL_FEEDBACK)
    score(processing)
    feedback = sub(item, "itemfeedback", ident=GENERAL_FEEDBACK)
    mattext(sub(feedback, "flow_mat"), feedback_html(question))
    return item


def set_score(processing: ET.Element, score: str = "100") -> ET.Element:
    """A condition that gives the full score and ends the processing; returns its conditionvar."""
    condition = sub(processing, "respcondition", **{"continue": "No"})
    conditions = sub(condition, "conditionvar")
    sub(condition, "setvar", score, action="Set", varname="SCORE")
    return conditions


def add_score(processing: ET.Element, share: str) -> ET.Element:
    """A condition that adds its share and lets the next be checked; returns its conditionvar."""
    condition = sub(processing, "respcondition", **{"continue": "Yes"})
    conditions = sub(condition, "conditionvar")
    sub(condition, "setvar", share, action="Add", varname="SCORE")
    return conditions


def share_text(count: int) -> str:
    return f"{100 / count:.2f}" if count else "0"


def choice_item(question: Question, answers: AnswerView) -> ItemBody:
    """One option (radio buttons), or all right options and no wrong one (check boxes)."""
    several = question.kind is Kind.MULTIPLE
    ids = [f"{question.id}-{index}" for index in range(1, len(answers.options) + 1)]

    def present(presentation: ET.Element) -> None:
        mattext(presentation, text_html(question.prompt))
        response = sub(
            presentation,
            "response_lid",
            ident=RESPONSE,
            rcardinality="Multiple" if several else "Single",
        )
        choices = sub(response, "render_choice")
        for ident, option in zip(ids, answers.options, strict=True):
            mattext(sub(choices, "response_label", ident=ident), text_html(option.text))

    def score(processing: ET.Element) -> None:
        conditions = set_score(processing)
        if not several:
            right = next(
                i for i, option in zip(ids, answers.options, strict=True) if option.correct
            )
            sub(conditions, "varequal", right, respident=RESPONSE)
            return
        every = sub(conditions, "and")
        for ident, option in zip(ids, answers.options, strict=True):
            parent = every if option.correct else sub(every, "not")
            sub(parent, "varequal", ident, respident=RESPONSE)

    kind_name = {Kind.MULTIPLE: "multiple_answers_question", Kind.TRUE_FALSE: "true_false_question"}
    return kind_name.get(question.kind, "multiple_choice_question"), ids, present, score


def typed_presentation(question: Question, fib_type: str | None) -> Callable[[ET.Element], None]:
    def present(presentation: ET.Element) -> None:
        mattext(presentation, text_html(question.prompt))
        response = sub(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
        if fib_type:
            sub(sub(response, "render_fib", fibtype=fib_type), "response_label", ident="answer1")
        else:
            sub(sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")

    return present


def numerical_item(question: Question, answers: AnswerView) -> ItemBody:
    """The year exactly: equal to it, or between it and itself (Canvas's exact answer)."""
    year = str(answers.year)

    def score(processing: ET.Element) -> None:
        either = sub(set_score(processing), "or")
        sub(either, "varequal", year, respident=RESPONSE)
        within = sub(either, "and")
        sub(within, "vargte", year, respident=RESPONSE)
        sub(within, "varlte", year, respident=RESPONSE)

    present = typed_presentation(question, "Decimal")
    return "numerical_question", [f"{question.id}-1"], present, score


def short_answer(question: Question, answers: AnswerView) -> ItemBody:
    """Any accepted answer, or its form without accents, scores."""

    def score(processing: ET.Element) -> None:
        conditions = set_score(processing)
        for typed in answers.typed_forms:
            sub(conditions, "varequal", typed, respident=RESPONSE)

    ids = [f"{question.id}-{n}" for n in range(1, len(answers.typed_forms) + 1)]
    return "short_answer_question", ids, typed_presentation(question, None), score


def fill_in_blanks_item(question: Question, answers: AnswerView) -> ItemBody:
    """The sentence with ``[blank1]``, ``[blank2]``...; each blank earns its share."""
    names = [f"blank{n}" for n in range(1, len(answers.blanks) + 1)]
    label_ids = [
        [f"{question.id}-{name}-{n}" for n in range(1, len(blank.accepted_forms) + 1)]
        for name, blank in zip(names, answers.blanks, strict=True)
    ]
    pieces: list[str] = []
    for index, part in enumerate(answers.sentence_parts):
        pieces.append(text_html(part))
        if index < len(names):
            pieces.append(f"[{names[index]}]")
    pieces += [f"[{name}]" for name in names[len(answers.sentence_parts) :]]

    def present(presentation: ET.Element) -> None:
        mattext(presentation, "".join(pieces))
        for name, blank, ids in zip(names, answers.blanks, label_ids, strict=True):
            response = sub(presentation, "response_lid", ident=f"response_{name}")
            mattext(response, name, "text/plain")
            choices = sub(response, "render_choice")
            for ident, typed in zip(ids, blank.accepted_forms, strict=True):
                mattext(sub(choices, "response_label", ident=ident), typed, "text/plain")

    def score(processing: ET.Element) -> None:
        share = share_text(len(names))
        for name, ids in zip(names, label_ids, strict=True):
            for ident in ids:
                sub(add_score(processing, share), "varequal", ident, respident=f"response_{name}")

    flat_ids = [ident for ids in label_ids for ident in ids]
    return "fill_in_multiple_blanks_question", flat_ids, present, score


def pairing_item(
    question: Question, prompt_html: str, lefts: list[str], rights: list[str], right_of: list[int]
) -> ItemBody:
    """Each left item is a drop-down of every right option; each right pair earns its share.
    ``right_of[i]`` is the index in ``rights`` of left item ``i``'s partner."""
    right_ids = [f"{question.id}-r{n}" for n in range(1, len(rights) + 1)]

    def present(presentation: ET.Element) -> None:
        mattext(presentation, prompt_html)
        for number, left in enumerate(lefts, start=1):
            response = sub(presentation, "response_lid", ident=f"response_{number}")
            mattext(response, left, "text/plain")
            choices = sub(response, "render_choice")
            for ident, right in zip(right_ids, rights, strict=True):
                mattext(sub(choices, "response_label", ident=ident), right, "text/plain")

    def score(processing: ET.Element) -> None:
        share = share_text(len(lefts))
        for number, partner in enumerate(right_of, start=1):
            conditions = add_score(processing, share)
            sub(conditions, "varequal", right_ids[partner], respident=f"response_{number}")

    return "matching_question", right_ids, present, score


def matching_item(question: Question, answers: AnswerView) -> ItemBody:
    rights = list(answers.match_options)
    lefts = [left for left, _ in answers.pairs]
    right_of = [rights.index(right) for _, right in answers.pairs]
    return pairing_item(question, text_html(question.prompt), lefts, rights, right_of)


def ordering_item(question: Question, answers: AnswerView) -> ItemBody:
    """Canvas has no ordering type: each item (as offered) is matched with its place, 1 first."""
    lefts = list(answers.order_items)
    places = [str(place) for place in range(1, len(answers.order) + 1)]
    position = answers.position_of
    right_of = [position[item] - 1 for item in lefts]
    prompt_html = f"<p>{text_html(question.prompt)}</p><p>{ORDERING_INSTRUCTION}</p>"
    return pairing_item(question, prompt_html, lefts, places, right_of)


ITEM_WRITERS: dict[Kind, Callable[[Question, AnswerView], ItemBody]] = {
    Kind.SINGLE: choice_item,
    Kind.MULTIPLE: choice_item,
    Kind.TRUE_FALSE: choice_item,
    Kind.YEAR: numerical_item,
    Kind.SHORT: short_answer,
    Kind.CLOZE: fill_in_blanks_item,
    Kind.MATCHING: matching_item,
    Kind.ORDERING: ordering_item,
}
