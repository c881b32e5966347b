"""The question engine: selected facts in, learner-facing items out.

``items_for`` is the library entry point. It is deterministic: each item draws its
distractors from the seed and its own id, so one item's options do not change when
another fact is added; only where the correct option stands is balanced over the set.
 Items that would teach badly are not made at all: an answer
that leaks into its prompt, an answer not found in its passage, two items with the
same prompt, a multiple choice without three honest distractors.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, NamedTuple

from quizgen.authored import worded
from quizgen.choices import IMPORTANCE_RANK, item_types
from quizgen.claims import attribute
from quizgen.dates import PartialDate
from quizgen.factbase import FactBase
from quizgen.gc_pause import long_lived_objects
from quizgen.items.authored_questions import authored_questions
from quizgen.items.bank_cues import options_giving_figures, without_cued
from quizgen.items.captions import CAPTION_ROLES, Captions
from quizgen.items.claimants import Claimants, names_the_text, text_vocabulary
from quizgen.items.comparisons import dates_itself, display_name, which_first, which_source
from quizgen.items.distractors import OPTIONS, Candidate, DistractorPools, choose, of_the_stems_sort, standalone_date
from quizgen.items.giveaways import Giveaways
from quizgen.items.grounding import answer_grounded, date_shown
from quizgen.items.item import ITEM_TYPES, Item, ItemType, Passage, true_on_its_face
from quizgen.items.keyterms import SWAP_ORDER, CommonTerms, Mentions, answer_in_statement, cloze_surface
from quizgen.items.likeness import stems
from quizgen.items.place_names import BothNames
from quizgen.items.questions import (
    Context,
    Question,
    Value,
    date_unaskable,
    dated_by_publication,
    is_office,
    own_name,
    questions_for,
)
from quizgen.items.role_sorts import role_sort
from quizgen.items.roles import COMPARING_ROLES, bare_identification
from quizgen.items.seeding import seeded_rng
from quizgen.items.shared_indexes import whole_base_index
from quizgen.items.siblings import QUESTION_FORMS, distinct
from quizgen.model import AgreementFact, EventFact, Fact, FigureFact, PersonFact, PlaceFact
from quizgen.numbers_in_text import numbers_in
from quizgen.phrases import contains_phrase, normalise, phrase_in
from quizgen.sources import CITED_CONTEXT, passage_around

SHORT_ANSWER_WORDS = 6
WHICH_FIRST_MCQ = "Which of these happened first?"
# how often a statement that has a plausible alternative is shown false: above one half, because the
# statements with no alternative are always shown true, and a quiz of mostly "True" teaches guessing
FALSE_SHARE = 0.75
FALSE_DATE_GAP_DAYS = 7  # a false day lies at least a week before the true one
TRUE_FALSE_WORDS = 32  # longer statements join several claims
# a side clause or a second claim tacked on ("…, a claim Baku denies and that Peskov rejected")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:whose|which|who|where|a claim)\b|\band that\b")
# a phrase set off by commas mid-sentence adds a claim: "The Lachin corridor, a strip … monitored by Russian
# peacekeepers, is the only road …" asks three things at once
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+[^,]{8,},\s+(?:is|was|are|were|has|had)\b")
TRUE_ONLY_WORDS = 28  # a statement never shown false is short: one claim
MATCHING_SIZE = 5
ORDERING_SIZE = 5


# why the engine made no item of a question (or of a whole fact): ``quizgen lint`` reports each by its code
RejectionCode = Literal["answer-in-prompt", "ungrounded", "same-prompt", "thin-pool", "no-question",
                        "caption-only", "gives-away", "published-day", "common-answer"]


@dataclass
class Rejection:
    """A question the engine would not turn into an item, and why (for ``quizgen lint``)."""

    fact_id: str
    role: str
    reason: str
    severity: str = "warning"
    code: RejectionCode = "no-question"


@dataclass
class ItemSet:
    items: list[Item] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)  # what the items ask, with their cues (for lint)
    subject: frozenset[str] = frozenset()  # the names of what the fact base speaks of most (``CommonTerms``)
    common: frozenset[str] = frozenset()  # the names too many statements print to make a blank (``CommonTerms``)


def _passages(fact: Fact, factbase: FactBase, labels: Mapping[str, tuple[str, str]]) -> tuple[Passage, ...]:
    """The fact's cited passages; ``labels`` holds each source's long and short label, made once for all facts."""
    out = []
    for citation in fact.citations:
        source = factbase.sources[citation.source]
        before, _, after = passage_around(factbase.text_of(citation.source), citation.start, citation.end,
                                          CITED_CONTEXT)
        label, short = labels[citation.source]
        # the citation's own quote (anchoring holds it equal to the text it cuts): not a second copy per passage
        out.append(Passage(fact.id, source.id, label, citation.start, citation.end, citation.quote, before, after,
                           short, tuple(citation.sic)))
    return tuple(out)


def _sort_key(fact: Fact) -> str:
    when = fact.date
    return when.start.iso() if when is not None else "9999"


def _leaks(question: Question) -> bool:
    """The prompt, attribution included, gives its own answer away (or for dates the year, for figures the number)."""
    if question.pool == "given":
        return False  # "Which happened first: A or B?" names its options by design
    forms = [question.answer, *question.alternatives]
    if question.pool.startswith("date"):
        value = question.value
        forms.append(str(getattr(value, "year", "")))
    prompt = normalise(shown_prompt(question))
    if isinstance(question.value, float) and question.value in numbers_in(prompt):
        return True
    return any(form and contains_phrase(prompt, form) for form in forms)


def shown_prompt(question: Question) -> str:
    """The prompt as the learner reads it: a claim is taught as its claimant's, unless that is what it asks."""
    if question.kind in ("who-said", "which-source", "which-first"):
        return question.prompt
    return attributed(question.prompt, question.fact)


def attributed(text: str, fact: Fact) -> str:
    """'According to X, …' once: not where the text already names X ("Kremlin spokesman Dmitry Peskov said …")."""
    return attribute(text, fact)


class _SharedFields(NamedTuple):
    """The fields every item of one fact shares (a tuple, not a dict: at 50,000 facts the dicts held 15 MB)."""

    fact_ids: tuple[str, ...]
    passages: tuple[Passage, ...]
    tags: tuple[str, ...]
    sort_key: str
    context: str
    status: str
    according_to: str | None
    other_accounts: tuple[str, ...]


class ItemEngine:
    def __init__(self, factbase: FactBase, seed: int = 0) -> None:
        self.factbase = factbase
        self.seed = seed
        texts = {source_id: factbase.text_of(source_id) for source_id in factbase.texts}
        self.context = Context(factbase.by_id, {s.id: s.published for s in factbase.sources.values()},
                               Captions(factbase.by_id, texts))
        self.result = ItemSet()
        self._shared_cache: dict[str, _SharedFields] = {}
        self._contexts: dict[str, str] = {}
        self._reads_most_statements = True  # until ``build`` knows how many facts it makes items of

    # --- questions -----------------------------------------------------------------------

    def _fact_questions(self, fact: Fact) -> list[Question]:
        """A teacher's questions first; templates only for what no authored question asks."""
        authored = list(authored_questions(fact, self.factbase.by_id))
        covered = {q.kind for q in authored}
        made = authored + [q for q in questions_for(fact, self.context) if q.kind not in covered]
        if date_unaskable(fact, self.context.published) is not None:
            # an event's length is measured between its dates; a figure's ("more than 32 years") is its own words
            asked_of_dates = ("date",) if isinstance(fact, FigureFact) else ("date", "duration")
            made = [q for q in made if q.kind not in asked_of_dates]
        kind = self.claimants.kind(fact)
        if kind is None:
            # "who says so?" where the text names no one ("reports cited by …") asks for a phrase, not a name
            made = [q for q in made if q.kind != "who-said" or q.authored]
        elif kind[0] == "text" and fact.status == "reported" and any(q.kind != "who-said" for q in made):
            # which text reports a plain report ("the separatists disarmed") tests wording: the other texts may
            # report it too; "which text says so?" is asked of a text's own claim, or of a report with no other
            # question to ask of it
            made = [q for q in made if q.kind != "who-said"]
        if fact.id in self.context.captions:
            # a photo caption shows a place or a person; what happened when it was taken is no event to learn
            return [q for q in made if q.kind in CAPTION_ROLES]
        if isinstance(fact, FigureFact) and "which-source" not in covered:
            compared = list(which_source(fact, self.context, self.factbase.sources))
            if compared:  # it asks whose figure this is among rivals: "who says so?" would ask it again
                made = [q for q in made if q.kind != "who-said" or q.authored] + compared
        return made

    def questions(self, facts: Sequence[Fact]) -> list[Question]:
        accepted: list[Question] = []
        for fact in facts:
            made = self._fact_questions(fact)
            if not made:
                self.result.rejected.append(Rejection(fact.id, "-", self._why_no_question(fact), code=(
                    "caption-only" if fact.id in self.context.captions else "no-question")))
            for question in made:
                if question.kind == "on-date" and not self._only_fact_that_day(question):
                    continue  # "what took place on …" must have one answer in the whole fact base
                if _names_only_the_common(question, self.common_terms):
                    # "Between which two countries …?" "Armenia and Azerbaijan": the answer to half the questions
                    self._reject(question, f"the answer {question.answer!r} is the fact base's most common names",
                                 "common-answer")
                elif _leaks(question):
                    self._reject(question, "the prompt contains its own answer", "answer-in-prompt")
                elif not self._grounded(question):
                    self._reject(question, f"answer {question.answer!r} cannot be read in the cited passages",
                                 "ungrounded")
                else:
                    accepted.append(question)
        selected = {fact.id for fact in facts}
        # which came first is asked of the events a course is built on (a supporting "event" may be a reason or
        # a reading, nothing that happened on a day), each date read in its own passage
        orderable = [f for f in _most_important(facts) if date_shown(f, self.factbase)]
        accepted += [q for q in which_first(orderable, self.context, self.seed) if set(q.extra_facts) <= selected]
        return self._unique_prompts(accepted)

    def _why_no_question(self, fact: Fact) -> str:
        if fact.id in self.context.captions:
            return "known only from a photo caption: no event to date, no name to ask"
        if fact.status != "established" and not fact.questions:
            return ("a claim whose statement does not say plainly who makes it (\"According to X, …\"): "
                    "add an authored question")
        return "no template fits its statement: add an authored question"

    def _grounded(self, question: Question) -> bool:
        if question.kind == "which-first":
            return True  # both dates are the facts' own, each anchored in its passage
        if question.kind == "which-source":
            fact = question.fact
            text = "\n".join(c.quote for c in fact.citations)
            return isinstance(fact, FigureFact) and fact.value in numbers_in(text)
        if question.kind == "who-said":
            return True  # the attribution is the fact's own, vetted against its passages
        return answer_grounded(question, self.factbase)

    def _only_fact_that_day(self, question: Question) -> bool:
        at = standalone_date(question.fact)
        return at is not None and self._facts_on_date[at] == 1

    @cached_property
    def _facts_on_date(self) -> Counter[tuple[int, PartialDate]]:
        """How many facts stand at each single date (the pools' own index, without building the pools)."""
        return whole_base_index(self.factbase, "facts on date", lambda: Counter(
            at for fact in self.factbase.facts if (at := standalone_date(fact)) is not None))

    @cached_property
    def both_names(self) -> BothNames:
        """The side names of the base's places, with their main names (a whole-base index like the others)."""
        return whole_base_index(self.factbase, "both names",
                                lambda: BothNames(self.factbase.facts, self.factbase.sources))

    @cached_property
    def mentions(self) -> Mentions:
        """The places, people and bodies of the whole fact base, by the words that start their names."""
        return whole_base_index(self.factbase, "mentions", lambda: Mentions(self.factbase.facts))

    @cached_property
    def common_terms(self) -> CommonTerms:
        """Names too common in the fact base to blank or swap: other fills would be as right."""
        return whole_base_index(self.factbase, "common terms", lambda: CommonTerms(
            self.factbase.facts, self.mentions, every_statement_read=self._reads_most_statements))

    @cached_property
    def pools(self) -> DistractorPools:
        """Wrong answers, indexed over the whole fact base: built only for item types that offer them."""
        return whole_base_index(self.factbase, "pools",
                                lambda: DistractorPools(self.factbase.facts, self.claimants.kinds))

    @cached_property
    def claimants(self) -> Claimants:
        """The sort of every claimant (a text, a person, a group): "who says so?" offers options of one sort."""
        return whole_base_index(self.factbase, "claimants",
                                lambda: Claimants(self.factbase.facts, self.factbase.sources))

    def _release_choice_indexes(self) -> None:
        """Let the whole-base indexes that only choices, clozes and true-or-false use go (rebuilt if asked again)."""
        for index in ("pools", "mentions", "common_terms"):
            self.__dict__.pop(index, None)

    def _reject(self, question: Question, reason: str, code: RejectionCode) -> None:
        self.result.rejected.append(Rejection(question.fact.id, question.role, reason, code=code))

    def _unique_prompts(self, questions: list[Question]) -> list[Question]:
        by_prompt: dict[str, list[Question]] = defaultdict(list)
        for question in questions:
            by_prompt[normalise(attributed(question.prompt, question.fact))].append(question)
        kept = []
        for group in by_prompt.values():
            answers = {normalise(q.answer) for q in group}
            if len(answers) > 1:
                for question in group:
                    self._reject(question, f"same prompt as {len(group) - 1} other fact(s) with another answer",
                                 "same-prompt")
                continue
            kept.append(group[0])
        order = {id(q): i for i, q in enumerate(questions)}
        return sorted(kept, key=lambda q: order[id(q)])

    # --- items -------------------------------------------------------------------------

    def _item(self, item_type: ItemType, question: Question, **fields: Any) -> Item:
        fact = question.fact
        values: dict[str, Any] = dict(
            id=f"{item_type}:{question.role}:{fact.id}", type=item_type, role=question.role,
            prompt=shown_prompt(question), answer=question.answer, alternatives=question.alternatives,
            **self._shared_fields(fact),
        )
        if question.extra_facts:
            ids = (fact.id, *question.extra_facts)
            others = [self.factbase.by_id[i] for i in question.extra_facts]
            values.update(id=f"{item_type}:{question.role}:{','.join(ids)}", fact_ids=ids,
                          passages=tuple(p for f in (fact, *others) for p in self._passages(f)),
                          tags=tuple(sorted({t for f in (fact, *others) for t in f.tags})))
            if question.kind == "which-first":
                events = sorted((fact, *others), key=lambda f: f.date.start)  # type: ignore[union-attr]
                values["timeline"] = tuple((display_name(f.name), f.date.human()) for f in events)  # type: ignore[union-attr]
        if question.kind in ("who-said", "which-source") and "prompt" not in fields:
            # which text says it must not be read off a side's word for a place
            values["prompt"] = self.both_names.added(self.both_names.neutral(values["prompt"]), question.answer)
        elif question.kind != "side-name" and "prompt" not in fields:
            values["prompt"] = self.both_names.added(values["prompt"], question.answer)
        values.update(fields)
        return Item(**values)

    def _shared_fields(self, fact: Fact) -> dict[str, Any]:
        return self._shared(fact)._asdict()

    def _shared(self, fact: Fact) -> _SharedFields:
        """What every item of a fact shares, made once: a large deck holds one copy per fact, not per item."""
        shared = self._shared_cache.get(fact.id)
        if shared is None:
            shared = self._shared_cache[fact.id] = _SharedFields(
                fact_ids=(fact.id,), passages=_passages(fact, self.factbase, self._source_labels),
                tags=tuple(fact.tags),
                sort_key=_sort_key(fact), context=self._context(fact), status=fact.status,
                according_to=fact.according_to,
                other_accounts=tuple(self._context(other) for other_id in fact.conflicts_with
                                     if (other := self.factbase.by_id.get(other_id)) is not None),
            )
        return shared

    def _context(self, fact: Fact) -> str:
        """A fact's statement in its claimant's voice, made once: it is the fact's own context and the other account
        on the cards of each fact it conflicts with (one string, shared)."""
        context = self._contexts.get(fact.id)
        if context is None:
            context = self._contexts[fact.id] = attributed(fact.statement, fact)
        return context

    @cached_property
    def _source_labels(self) -> dict[str, tuple[str, str]]:
        """Each source's long and short label, made once: at 50,000 facts, 125,000 passages share a few sources."""
        return {key: (source.citation_label(), source.short_label()) for key, source in self.factbase.sources.items()}

    def _passages(self, fact: Fact) -> tuple[Passage, ...]:
        """A fact's passages, cut from their texts once however many items show them."""
        return self._shared(fact).passages

    def qa(self, questions: list[Question]) -> list[Item]:
        return [self._item("qa", q) for q in questions]

    def short_answer(self, questions: list[Question], asked_as_mcq: set[int]) -> list[Item]:
        """Questions with a short answer that multiple choice does not already ask in the same words."""
        return [self._item("short-answer", q) for q in questions if _short_answerable(q) and id(q) not in asked_as_mcq]

    def cloze(self, facts: Sequence[Fact], by_fact: dict[str, list[Question]]) -> list[Item]:
        items = []
        for fact in facts:
            if fact.id in self.context.captions:
                continue  # a photo caption is no statement of an event to complete
            chosen = cloze_surface(fact, by_fact.get(fact.id, []), self.common_terms)
            if chosen is None or _names_only_the_common(chosen[0], self.common_terms):
                continue
            question, (form, start, end, _) = chosen
            text = self._context(fact)
            shift = len(text) - len(fact.statement)  # the attribution prefix, if one was added
            cloze = (text[: start + shift], form, text[end + shift:])
            items.append(self._item("cloze", question, id=f"cloze:{fact.id}", role="statement",
                                    prompt=f"{cloze[0]}[…]{cloze[2]}", answer=form, cloze=cloze, alternatives=()))
        return items

    def mcq(self, questions: list[Question]) -> tuple[list[Item], set[int]]:
        """Multiple choice, and which questions it asked (short answer leaves those to it, per fact but one)."""
        items = []
        # where correct answers have landed so far, counted apart for figures, for dates and for the rest: options in
        # order of size place a figure's answer by its distractors, and "always B or D" must not hold of one kind
        used_by_kind: dict[str, list[int]] = defaultdict(lambda: [0] * OPTIONS)
        order = seeded_rng(self.seed, "letters")
        asked: set[int] = set()
        per_fact: Counter[str] = Counter()
        for question in questions:
            if per_fact[question.fact.id] and _short_answerable(question):
                continue  # a fact's first question is multiple choice; its other short ones are short answer
            if question.kind == "which-source" and not all(
                    (self.claimants.kinds.get(normalise(name)) or ("", ""))[0] == "text"
                    for name in (question.answer, *question.choices)):
                # "which of them says …?" among texts: a body quoted inside a text is not one of them
                self._reject(question, "its sources are not all texts the learner read", "thin-pool")
                continue
            if question.pool == "organization":
                # bodies of the fact base are of every sort (an army, a think tank, a UN agency): a stem that
                # names its sort ("which UN agency") would be answered by the one option of that sort
                self._reject(question, "organizations are of too many sorts for options of the answer's own",
                             "thin-pool")
                continue
            if _directional(question):
                # "more than 80 percent" among "more than 60 percent": every smaller option is true as well
                self._reject(question, "a bound ('more than', 'up to') makes every option on one side true",
                             "thin-pool")
                continue
            item_id = f"mcq:{question.role}:{question.fact.id}"
            rng = seeded_rng(self.seed, item_id)
            wanted = min(OPTIONS - 1, len(question.choices)) if question.pool == "given" else OPTIONS - 1
            used = used_by_kind[question.pool.split(":")[0] if question.pool.startswith(("date", "number:")) else ""]
            fewest = min(used[: wanted + 1])
            target = order.choice([p for p in range(wanted + 1) if used[p] == fewest])
            # dates in time and figures by size: options in their order, the answer's letter chosen by which
            # distractors fall on either side of it
            chronological = question.pool.startswith(("date", "number:"))
            candidates = self.pools.candidates(question)
            if question.pool == "claimant":
                candidates = self._claimants_by_name(question, candidates)
            elif question.pool == "person":
                candidates = self._people_of_the_answers_sort(question, candidates)
            candidates = of_the_stems_sort(question.prompt, question.answer, candidates)
            laid_out = choose(candidates, question.value, rng, target, chronological, wanted)
            if laid_out is not None and isinstance(question.value, PartialDate) and question.value.month:
                laid_out = _options_within_the_year(candidates, question.value, used, target, wanted, rng) or laid_out
            if laid_out is None:
                self._reject(question, "fewer than three honest distractors for multiple choice", "thin-pool")
                continue
            options, correct = laid_out
            extra = {"prompt": WHICH_FIRST_MCQ} if question.kind == "which-first" else {}
            if question.authored and question.pool.startswith("number:") and isinstance(question.fact, FigureFact):
                # a teacher's prompt does not keep the unit as a template's stem does: every option carries it,
                # worded as the answer is ("more than 80,000 people" beside "more than 100,000 people")
                unit = _unit_left_to_options(question.fact, question.prompt)
                options = [worded(question.fact, option, unit) for option in options]
                if unit != question.fact.unit and question.answer.endswith(question.fact.unit):
                    extra["answer"] = question.answer[: -len(question.fact.unit)] + unit
            answer = extra.get("answer") or (
                self._person_name(question.answer) if question.pool == "claimant" else question.answer)
            options[correct] = answer
            used[correct] += 1
            if answer != question.answer:
                extra["answer"] = answer
            items.append(self._item("mcq", question, options=tuple(options), correct_option=correct, **extra))
            per_fact[question.fact.id] += 1
            asked.add(id(question))
        return items, asked

    def _as_person(self, claimant: str) -> tuple[bool, PersonFact | None]:
        """Whether a claimant is a person, and the person's card where the fact base has one."""
        kind = self.claimants.kinds.get(normalise(claimant))
        if kind is None or kind[0] != "person":
            return False, None
        person = self.factbase.by_id.get(kind[1])
        return True, person if isinstance(person, PersonFact) else None

    def _person_name(self, claimant: str) -> str:
        """A person among people by name alone: "Marthe Everard, WHO" beside bare names would stand out."""
        is_person, person = self._as_person(claimant)
        if not is_person:
            return claimant
        return person.name if person is not None else claimant.split(",")[0].strip()

    def _claimants_by_name(self, question: Question, candidates: list[Candidate]) -> list[Candidate]:
        """People by name alone, and only of the sort the stem names ("Which president …?": presidents), read from
        what the fact base says each one is (the claimant's description, a person's role)."""
        _, asked = self._as_person(question.answer)
        if asked is not None and is_office(asked.role):
            # an MP beside MPs, an analyst beside analysts: "Which MP …?" with one MP among analysts is no question
            wanted = role_sort(asked.role)
            candidates = [c for c in candidates if (person := self._as_person(c.text)[1]) is not None
                          and is_office(person.role) and role_sort(person.role) == wanted]
        names = [self._person_name(c.text) for c in candidates]
        if len(set(names)) == len(names) and names != [c.text for c in candidates]:
            described = [Candidate(name, self._description(c.text)) for name, c in zip(names, candidates, strict=True)]
            kept = of_the_stems_sort(question.prompt, self._description(question.answer), described)
            return [Candidate(c.value, str(c.value)) for c in kept]
        return [Candidate(name, name) for name in dict.fromkeys(names)]

    def _people_of_the_answers_sort(self, question: Question, candidates: list[Candidate]) -> list[Candidate]:
        """"Which unrecognised president …?" among presidents and ministers, never beside an analyst or a king."""
        people = self._people_by_name
        asked = people.get(normalise(question.answer))
        if asked is None or not is_office(asked.role):
            return candidates
        wanted = role_sort(asked.role)
        kept = [c for c in candidates if (person := people.get(normalise(c.text))) is not None
                and is_office(person.role) and role_sort(person.role) == wanted]
        # and of the post the stem names, read from each one's role: "Which … president …?" among presidents
        described = [Candidate(c.text, f"{c.text}, {people[normalise(c.text)].role}") for c in kept]
        return [Candidate(c.value, str(c.value)) for c in of_the_stems_sort(question.prompt, asked.role, described)]

    @cached_property
    def _people_by_name(self) -> dict[str, PersonFact]:
        people: dict[str, PersonFact] = {}
        for fact in self.factbase.facts:
            if isinstance(fact, PersonFact):
                people.setdefault(normalise(fact.name), fact)
        return people

    def _description(self, claimant: str) -> str:
        _, person = self._as_person(claimant)
        return f"{claimant}, {person.role}" if person is not None else claimant

    def true_false(self, facts: Sequence[Fact], by_fact: dict[str, list[Question]]) -> list[Item]:
        items = []
        for fact in facts:
            if fact.id in self.context.captions:
                continue  # a photo caption is no statement of an event to judge
            item_id = f"true-false:{fact.id}"
            rng = seeded_rng(self.seed, item_id)
            if len(fact.statement.split()) > TRUE_FALSE_WORDS or _RELATIVE_CLAUSE.search(fact.statement) \
                    or _APPOSITIVE.search(fact.statement):
                # a long statement, or one with a side clause ("Armenia, whose capital is Yerevan, is …"), holds
                # several claims: "true" or "false" would judge them all at once
                continue
            asked = by_fact.get(fact.id, [])
            if dated_by_publication(fact, self.context.published, ("claimed", "disputed", "reported")):
                # "On 21 September the authorities said …": the day a text appeared is no date to judge
                asked = [q for q in asked if q.kind != "date"]
            found = self._swappable(asked, rng)
            if found is None or (found[2] is None and len(fact.statement.split()) > TRUE_ONLY_WORDS):
                # a long statement that could not be shown false asks only whether a sentence is recognised;
                # a short one ("Turkey has pledged to support Azerbaijan") is still one claim to judge
                continue
            question, (start, end, render), swapped = found
            make_false = swapped is not None and rng.random() < FALSE_SHARE
            statement, correction = fact.statement, None
            if make_false:
                assert swapped is not None
                statement = statement[:start] + render(swapped) + statement[end:]
                correction = self._context(fact)
            items.append(self._item("true-false", question, id=item_id, role="statement",
                                    prompt=attributed(statement, fact), answer="False" if make_false else "True",
                                    options=("True", "False"), correct_option=1 if make_false else 0,
                                    correction=correction, alternatives=()))
        return items

    def _swappable(self, questions: list[Question], rng: random.Random
                   ) -> tuple[Question, tuple[int, int, Callable[[Value], str]], Value | None] | None:
        """The statement's answer to swap for a plausible alternative: a figure, a date, a name, in that order."""
        first: tuple[Question, tuple[int, int, Callable[[Value], str]], Value | None] | None = None
        ranked = sorted(questions, key=lambda q: SWAP_ORDER.index(q.kind) if q.kind in SWAP_ORDER else 99)
        # a name the whole fact base keeps using (the two main parties) makes a trivially false swap: it is
        # never swapped; where nothing else can be, the statement is only ever shown true
        for question, common in [(q, c) for c in (self.common_terms, None) for q in ranked]:
            if question.kind not in SWAP_ORDER or (question.kind in ("mention", "mediator")
                                                    and question.pool != "place-name"):
                # a person or body swapped in ("King Luis Moreno Ocampo", "pressure from All for Armenia") is
                # false at a glance: of names, only a place stands in for another (a town of the same country)
                continue
            found = answer_in_statement(question, common)
            if found is None:
                continue
            form, start, end, render = found
            if _in_parentheses(question.fact.statement, start):
                continue  # "(which Azerbaijan calls Hadrut)": a side remark is no claim to judge
            if question.pool == "place-name" and _acts(question.fact.statement, end):
                continue  # "a claim Baku denies": a capital standing for its government is no place to swap
            if question.kind == "date" and _dates_another_event(question.fact.statement, start):
                continue  # "Amid the Soviet dissolution in 1988": false for knowing when the USSR ended
            if self._in_longer_name(question.fact.statement, form, end):
                continue
            alternative = self._false_value(question, rng) if common is not None else None
            if alternative is not None:
                return question, (start, end, render), alternative
            first = first or (question, (start, end, render), None)
        return first

    def _in_longer_name(self, statement: str, form: str, end: int) -> bool:
        """'Lachin' in 'Lachin corridor' or 'Minsk' in 'Minsk Group': a swap there would invent a name."""
        following = re.match(r"\s+([\w’'-]+)", statement[end:])
        if following is None:
            return False
        word = following.group(1)
        return word[0].isupper() or self.mentions.continues_a_name(form, word)

    def _false_value(self, question: Question, rng: random.Random) -> Value | None:
        """One of the most plausible wrong values (a sibling fact's date or figure, a like name), never a far one."""
        statement = normalise(question.fact.statement)
        candidates = [c for c in self.pools.candidates(question) if not phrase_in(statement, c.text)]
        fact, value = question.fact, question.value
        if isinstance(fact, FigureFact) and isinstance(value, float) and fact.approximation in _BOUNDS:
            # "more than 80 percent" is no falser as "more than 70 percent": a bound moves the other way only
            above = _BOUNDS[fact.approximation]
            candidates = [c for c in candidates if isinstance(c.value, float) and (c.value > value) == above]
        # "Mitrokhin put the population at 120,000": the figure another text gives is the falsehood that teaches the
        # disagreement, where the statement says whose figure it is (unattributed, both could be true)
        if isinstance(fact, FigureFact) and isinstance(value, float) and fact.according_to \
                and fact.status != "established":
            rivals = [other.value for other in (self.factbase.by_id.get(i) for i in fact.conflicts_with)
                      if isinstance(other, FigureFact) and other.value is not None and other.unit == fact.unit
                      and other.value != value and fact.approximation not in _BOUNDS
                      # "over three-quarters" as "75 percent" beside the statement of it: a bound is no figure
                      and other.approximation not in _BOUNDS]
            if rivals:
                return rng.choice(sorted(rivals))
        if not candidates:
            return None
        if isinstance(question.value, PartialDate):
            # a date moved later may still be true ("in June 2023 the corridor was blocked": it still was), as a
            # state begun on a day lasts; before its day, neither a state nor a one-off event was yet true
            candidates = [c for c in candidates if isinstance(c.value, PartialDate) and c.value < question.value]
            # a day at least a week before: "27 September" for "28 September" tests a dateline, not the event
            day = question.value.first_day().toordinal()
            candidates = [c for c in candidates if not isinstance(c.value, PartialDate)
                          or day - c.value.last_day().toordinal() >= FALSE_DATE_GAP_DAYS] or candidates
            # the nearest dates: a day of the same weeks, not one three years off that any learner rules out
            day = question.value.first_day().toordinal()
            candidates.sort(key=lambda c: abs(c.value.first_day().toordinal() - day)
                            if isinstance(c.value, PartialDate) else 10**9)
        return rng.choice(candidates[:3]).value

    def matching(self, facts: Sequence[Fact]) -> list[Item]:
        """Dates to events, places to their other names: 4 to 6 pairs each."""
        items: list[Item] = []
        dated = [f for f in facts if isinstance(f, (EventFact, AgreementFact)) and f.status == "established"
                 and f.date is not None and f.date.end is None and not f.date.qualifier
                 and not _name_gives_date(f) and f.id not in self.context.captions
                 and date_shown(f, self.factbase)]  # a learner checks a line by its own passages
        items += self._matching_groups("dates", dated, _date_label)
        named = [f for f in facts if isinstance(f, PlaceFact) and f.aliases and f.status == "established"]
        items += self._matching_groups("other-names", named, _first_alias)
        return items

    def _matching_groups(self, role: str, facts: Sequence[Fact], get_right: Callable[[Fact], str]) -> list[Item]:
        def compatible(a: Fact, b: Fact) -> bool:
            # two right-hand answers that could both be true ("September 2023" and "24 September
            # 2023") would give a prompt two matches
            if normalise(get_right(a)) == normalise(get_right(b)):
                return False
            if normalise(display_name(a.name)) == normalise(display_name(b.name)):
                return False
            return role != "dates" or _distinct_dates(a, b)

        pool = sorted(facts, key=lambda f: f.id)
        seeded_rng(self.seed, "matching", role).shuffle(pool)
        items = []
        # the pool by the shape of its answers ("1994", "May 2023", "9 November 2020"), each selection made once:
        # a group of any shapes draws spares from it without reading the whole pool again
        shape_of = {f.id: get_right(f).count(" ") for f in pool}
        by_shapes: dict[frozenset[int], list[Fact]] = {}
        for group in _compatible_groups(pool, MATCHING_SIZE, compatible):
            group = sorted(group, key=lambda f: f.id)
            pairs = tuple((display_name(f.name), get_right(f)) for f in group)
            ids = tuple(f.id for f in group)
            item_id = f"matching:{role}:" + "+".join(ids)
            rng = seeded_rng(self.seed, item_id)
            # spares of the answers' own shape: two years beside five exact days fool nobody
            shapes = frozenset(shape_of[f.id] for f in group)
            spare_pool = by_shapes.get(shapes)
            if spare_pool is None:
                spare_pool = by_shapes[shapes] = [f for f in pool if shape_of[f.id] in shapes]
            extras = tuple(_spares(spare_pool, group, compatible, get_right, rng))
            answers = _MATCHING_ANSWERS[role]
            spares = {0: "", 1: f" One of the {answers} matches nothing.",
                      2: f" Two of the {answers} match nothing."}[len(extras)]
            items.append(Item(
                id=item_id, type="matching", role=role, prompt=_MATCHING_PROMPTS[role] + spares, answer="; ".join(
                    f"{left} — {r}" for left, r in pairs), fact_ids=ids,
                passages=tuple(p for f in group for p in self._passages(f)),
                tags=tuple(sorted({t for f in group for t in f.tags})), pairs=pairs, extra_options=extras,
                sort_key=min(_sort_key(f) for f in group)))
        return items

    def ordering(self, facts: Sequence[Fact]) -> list[Item]:
        """Four or five events whose dates cannot be confused, to put in order."""
        dated = [f for f in facts if isinstance(f, (EventFact, AgreementFact)) and f.status == "established"
                 and f.date is not None and not f.date.qualifier and not _name_gives_date(f)
                 and f.id not in self.context.captions and not dates_itself(f.name)]
        # the events a course is built on, as for "which came first": their labels name what happened
        pool = sorted(_most_important(dated), key=lambda f: f.id)
        seeded_rng(self.seed, "ordering").shuffle(pool)
        items = []

        def orderable(a: Fact, b: Fact) -> bool:
            return _distinct_dates(a, b) and normalise(display_name(a.name)) != normalise(display_name(b.name))

        for group in _compatible_groups(pool, ORDERING_SIZE, orderable):
            ordered = sorted(group, key=lambda f: f.date.start)  # type: ignore[union-attr]
            ids = tuple(f.id for f in sorted(group, key=lambda f: f.id))
            item_id = "ordering:events:" + "+".join(ids)
            shown = [display_name(f.name) for f in ordered]
            seeded_rng(self.seed, item_id).shuffle(shown)
            items.append(Item(
                id=item_id, type="ordering", role="events", prompt="Put these in chronological order, earliest first.",
                answer=" → ".join(display_name(f.name) for f in ordered), fact_ids=ids,
                passages=tuple(p for f in ordered for p in self._passages(f)),
                tags=tuple(sorted({t for f in group for t in f.tags})), options=tuple(shown),
                pairs=tuple((display_name(f.name), f.date.human()) for f in ordered),  # type: ignore[union-attr]
                sort_key=min(_sort_key(f) for f in group)))
        return items

    def build(self, facts: Sequence[Fact], types: Iterable[ItemType]) -> ItemSet:
        wanted = set(types)
        # a few facts (a quiz's) read a few statements: the names too common to blank are then counted without
        # reading every statement of the base
        self._reads_most_statements = len(facts) * 2 > len(self.factbase)
        questions = self.questions(facts)
        by_fact: dict[str, list[Question]] = defaultdict(list)
        for question in questions:
            by_fact[question.fact.id].append(question)
        # a detail (a commentator, a publisher, a photo) is for the full deck's flashcards, not for a test:
        # one card each, the first question asked of it (a teacher's, if there is one), or else a cloze;
        # only a selection of nothing but details is tested on them
        tested = [fact for fact in facts if fact.importance != "detail"] or list(facts)
        tested_ids = {fact.id for fact in tested}
        tested_questions = [q for q in questions if q.fact.id in tested_ids]
        # (a question that asks what the texts say of it before "Who was the Baku-based analyst?")
        first_of_detail: dict[str, Question] = {}
        for question in questions:
            held = first_of_detail.get(question.fact.id)
            if question.fact.id not in tested_ids and (held is None or (
                    bare_identification(held.role, held.prompt)
                    and not bare_identification(question.role, question.prompt))):
                first_of_detail[question.fact.id] = question
        made: list[Item] = []
        if "qa" in wanted:
            made += self.qa([q for q in questions if q.fact.id in tested_ids or first_of_detail[q.fact.id] is q])
        if "cloze" in wanted or "true-false" in wanted:
            for fact in facts:
                by_fact[fact.id] = by_fact.get(fact.id, []) + self.mentions.questions(fact) + own_name(fact)
        if "cloze" in wanted:
            # a detail whose key term the editor named has that blank too: what it teaches, where its question asks
            # only who said it
            carded = {fid for fid, q in first_of_detail.items() if q.fact.key_term is None} if "qa" in wanted else ()
            made += self.cloze([f for f in facts if f.id in tested_ids or f.id not in carded], by_fact)
        asked_as_mcq: set[int] = set()
        if "mcq" in wanted or "short-answer" in wanted:
            mcqs, asked_as_mcq = self.mcq(tested_questions)
            if "mcq" in wanted:
                made += mcqs
        if "true-false" in wanted:
            made += self.true_false(tested, by_fact)
        # what only the statement and choice items need goes before the rest are made and all are checked against
        # each other, where a large base's memory peaks
        del by_fact
        self.result.subject = self.common_terms.subject
        self.result.common = self.common_terms.names
        self._release_choice_indexes()
        if "matching" in wanted:
            made += self.matching(tested)
        if "ordering" in wanted:
            made += self.ordering(tested)
        if "short-answer" in wanted:
            made += self.short_answer(tested_questions, asked_as_mcq)
        made = _without_bare_identification(made)
        self.result.items = self._without_giveaways(made, questions)
        self.result.questions = questions
        return self.result

    def _without_giveaways(self, items: list[Item], questions: list[Question]) -> list[Item]:
        """Drop what would let one item answer another fact's: the question given away, or else the leaking prompt.

        The question given away goes when its fact keeps other items; otherwise the prompt that shows it goes.
        """
        giveaways = Giveaways(questions)
        per_fact = Counter(item.fact_ids[0] for item in items)
        per_role = Counter((item.fact_ids[0], item.role) for item in items)
        given: set[tuple[str, str]] = set()
        leaking: set[str] = set()
        for item in items:
            if item.type in ("matching", "ordering"):
                continue
            for question in giveaways.given_away(" ".join((item.prompt, *item.options)), item.fact_ids):
                key = (question.fact.id, question.role)
                if key in given:
                    continue
                if per_fact[question.fact.id] > per_role[key]:
                    given.add(key)
                    per_fact[question.fact.id] -= per_role[key]
                    self.result.rejected.append(Rejection(question.fact.id, question.role, "its answer stands in "
                                                          f"{item.id}'s prompt", code="gives-away"))
                else:
                    leaking.add(item.id)
                    self.result.rejected.append(Rejection(item.fact_ids[0], item.role, "its prompt shows the answer "
                                                          f"to {question.fact.id}'s {question.role} question",
                                                          code="gives-away"))
        return [item for item in items if item.id not in leaking and (item.fact_ids[0], item.role) not in given]


_BOUNDS = {"more-than": True, "at-least": True, "up-to": False, "fewer-than": False}  # may a false one be above?
_AFTER_A_PLACE = frozenset(["and", "or", "in", "on", "at", "to", "from", "of", "near", "with", "for", "by"])


def _acts(text: str, end: int) -> bool:
    """The name just before ``end`` is followed by a verb: it acts ("Baku denies"), it is no mere place."""
    following = re.match(r"\s+([a-z][\w’'-]*)", text[end:])
    return following is not None and following.group(1) not in _AFTER_A_PLACE


def _most_important(facts: Sequence[Fact]) -> list[Fact]:
    """The facts of the highest importance the selection holds: the core where there is one."""
    for level in ("core", "supporting"):
        chosen = [fact for fact in facts if fact.importance == level]
        if chosen:
            return chosen
    return list(facts)


def _without_bare_identification(items: list[Item]) -> list[Item]:
    """"Who was the President of Russia?" goes where the fact has another item of its type, one that asks what the
    texts teach of it (of its type: a deck of flashcards alone must still carry the fact)."""
    others = Counter((item.fact_ids[0], item.type) for item in items
                     if not bare_identification(item.role, item.prompt))
    return [item for item in items
            if not bare_identification(item.role, item.prompt) or not others[(item.fact_ids[0], item.type)]]


def _names_only_the_common(question: Question, common: CommonTerms) -> bool:
    if question.pool.startswith(("date", "number", "duration", "given")) or question.kind == "who-said":
        return False
    parts = [p for p in re.split(r",\s*|\s+and\s+", question.answer) if p.strip()]
    return len(parts) >= 2 and all(part in common for part in parts)  # "Armenia and Azerbaijan"


def _in_parentheses(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def _options_within_the_year(candidates: list[Candidate], answer: PartialDate, used: list[int], target: int,
                             wanted: int, rng: random.Random) -> tuple[list[str], int] | None:
    """A day's or month's options all of its year, where a letter used at most once more than the least used
    allows: "9 January 2021" for the deal that ended "the 2020 war" is ruled out by any other item that says so."""
    years = {candidate.text: candidate.value.year for candidate in candidates
             if isinstance(candidate.value, PartialDate)}

    def within(laid_out: tuple[list[str], int] | None) -> bool:
        return laid_out is not None and all(years.get(option) == answer.year
                                            for at, option in enumerate(laid_out[0]) if at != laid_out[1])

    if answer.month in (1, 12) and target != (0 if answer.month == 1 else wanted):
        # December can only come last among its year's months, January first: kept to the year, its letter would be
        # the same in every version of a quiz; the letter the balance chose stands, with the next year's neighbour
        return None
    fewest = min(used[: wanted + 1])
    for letter in sorted((p for p in range(wanted + 1) if used[p] <= fewest + 1), key=lambda p: (used[p], p != target)):
        laid_out = choose(candidates, answer, rng, letter, True, wanted)  # in time order, the rng is not drawn from
        if letter == target and within(laid_out):
            return None  # the letter the balance chose already keeps to the year
        if within(laid_out):
            return laid_out
    return None


# "Amid the Soviet dissolution in", "during the war of": the date that follows is another event's
_ANOTHER_EVENTS_DATE = re.compile(r"\b(?:amid|during|after|following|before|since|until)\s+the\s+"
                                  r"[\w'’-]+(?:\s+[\w'’-]+){0,4}\s+(?:in|of|on)\s+$", re.IGNORECASE)


def _dates_another_event(statement: str, start: int) -> bool:
    """The date at ``start`` dates an event the clause names before it, not the statement's own."""
    clause = re.split(r"[,;]", statement[:start])[-1]
    return bool(_ANOTHER_EVENTS_DATE.search(clause))


def _unit_left_to_options(fact: FigureFact, prompt: str) -> str:
    """The unit as each option prints it: "what share of Azerbaijan's geographic area …?" leaves "20 percent",
    where "20 percent of Azerbaijan's geographic area" four times over reads the stem back in every option."""
    head, of, rest = fact.unit.partition(" of ")  # "percent of Azerbaijan's geographic area"; never "US dollars"
    return head if of and contains_phrase(prompt, f"of {rest}") else fact.unit


def _short_answerable(question: Question) -> bool:
    # "hundreds of thousands": a vague figure is taught on a card, but a written answer to it cannot be marked
    # "who accused Azerbaijan of ethnic cleansing?": other texts make the same claim, and a written answer cannot
    # be told apart from them as a choice among options can
    # "What does the guide call …?" "genocide": a claim's own word, recalled on a card; a written test of it marks the
    # word against its synonyms, which the key cannot list (a test asks whose claim it is instead)
    return len(question.answer.split()) <= SHORT_ANSWER_WORDS and question.kind not in COMPARING_ROLES \
        and question.pool != "figure-wording" and question.kind not in ("who-said", "key-term")


def _directional(question: Question) -> bool:
    """A figure given as a bound, whose multiple-choice options would be true on one side of it."""
    fact = question.fact
    return question.pool.startswith("number:") and isinstance(fact, FigureFact) \
        and fact.approximation in ("more-than", "at-least", "up-to", "fewer-than")


def _spares(pool: Sequence[Fact], group: Sequence[Fact], compatible: Callable[[Fact, Fact], bool],
            get_right: Callable[[Fact], str], rng: random.Random, tries: int = 40) -> list[str]:
    """Up to two right-hand options that match nothing, drawn from a bounded sample of the pool."""
    if len(pool) <= len(group):
        return []
    spares: list[str] = []
    chosen: list[Fact] = []
    members = set(id(f) for f in group)
    for _ in range(min(tries, len(pool))):
        other = pool[rng.randrange(len(pool))]
        right = get_right(other)
        # a spare must be as distinct from the other spare as from the group: "2022" beside "December 2022"
        # would make one of them a second true match
        if id(other) in members or right in spares or not all(compatible(other, g) for g in (*group, *chosen)):
            continue
        spares.append(right)
        chosen.append(other)
        if len(spares) == 2:
            break
    return sorted(spares)


def _name_gives_date(fact: Fact) -> bool:
    """A name with its own year in it ("November 2020 ceasefire") would answer a matching or ordering item."""
    when = fact.date
    return when is not None and str(when.start.year) in fact.name


def _date_label(fact: Fact) -> str:
    assert fact.date is not None
    return fact.date.human()


def _first_alias(fact: Fact) -> str:
    assert isinstance(fact, PlaceFact)
    return fact.aliases[0].name


_MATCHING_ANSWERS = {"dates": "dates", "other-names": "names"}
_MATCHING_PROMPTS = {
    "dates": "Match each event to its date.",
    "other-names": "Match each place to its other name.",
}
OPEN_GROUPS = 8  # groups a fact may join: a bounded look-back keeps grouping linear in the number of facts


def _compatible_groups(pool: Sequence[Fact], size: int, compatible: Callable[[Fact, Fact], bool],
                       smallest: int = 4) -> list[list[Fact]]:
    """Greedy groups of up to ``size`` facts, every pair compatible; groups under ``smallest`` are dropped.

    A fact tries only the most recent open groups, so the work per fact is bounded.
    """
    done: list[list[Fact]] = []
    open_groups: list[list[Fact]] = []
    for fact in pool:
        for group in open_groups:
            if all(compatible(fact, other) for other in group):
                group.append(fact)
                if len(group) == size:
                    open_groups.remove(group)
                    done.append(group)
                break
        else:
            open_groups.append([fact])
            if len(open_groups) > OPEN_GROUPS:
                done.append(open_groups.pop(0))
    done += open_groups
    return [group for group in done if len(group) >= smallest]


def _distinct_dates(a: Fact, b: Fact) -> bool:
    """Two dates a learner can order: one ends before the other begins."""
    da, db = a.date, b.date
    assert da is not None and db is not None
    (a_first, a_last), (b_first, b_last) = da.span(), db.span()
    return a_last < b_first or b_last < a_first


def items_for(factbase: FactBase, facts: Sequence[Fact] | None = None,
              types: Iterable[ItemType] = ITEM_TYPES, seed: int = 0, *, every_form: bool = False) -> list[Item]:
    """The items the selected facts support, of the given types, for this seed.

    This is a bank to teach and test from: each question of a fact is asked once, in the best of the given
    forms, and a fact's statement only where none of its questions is (``quizgen.items.siblings``); a detail (a
    commentator's affiliation, a photo credit) makes a flashcard of the full deck, not a bank item, unless the
    selection holds nothing else. ``every_form`` gives every item of every form, for a caller that chooses
    among them: a quiz takes one item per fact, an Anki note keeps each kind of card apart.
    """
    chosen = list(facts if facts is not None else factbase.facts)
    built = build_items(factbase, chosen, types, seed)
    items = built.items
    if every_form:
        return items
    tested = {fact.id for fact in chosen if fact.importance != "detail"}
    standing = {fact.name: fact.importance for fact in factbase.facts if isinstance(fact, PersonFact)}
    asked_open = {(item.fact_ids[0], normalise(item.prompt)) for item in items if item.type in ("qa", "short-answer")}
    leaking = {index for index in options_giving_figures(items, tested)
               if (items[index].fact_ids[0], normalise(items[index].prompt)) in asked_open}
    items = [item for index, item in enumerate(items) if index not in leaking]
    bank = [item for item in distinct(items, one_per_fact=True)
            if (not tested or not tested.isdisjoint(item.fact_ids)) and not names_a_minor_voice(item, factbase,
                                                                                                 standing)]
    # "What is the capital of Azerbaijan?" is general knowledge, not what the texts teach: a bank leaves it to the
    # decks' flashcards, as a quiz does (``general_knowledge``)
    bank = [item for item in bank if not bare_identification(item.role, item.prompt)]
    # "From which region did the Red Cross evacuate people?" "Nagorno-Karabakh": the course's own subject answers
    # it, and a bank asks it of nothing else; a town's region stays (a learner places it on the map)
    bank = [item for item in bank if item.role != "place" or normalise(item.answer) not in built.subject]
    # "which text says …?" of a plain report ("the separatists disarmed") asks which page carried a sentence any
    # of them could have: a bank asks it of claims, where whose voice it is is the point
    bank = [item for item in bank if item.role != "who-said" or item.status != "reported"]
    bank = [item for item in bank if not true_on_its_face(item)]
    # "which source puts it at 120,000?" is the figure's own question asked again: its value question names the
    # source ("According to Al Jazeera and the CFR tracker, about how many …?")
    asked = {item.fact_ids[0] for item in bank if len(item.fact_ids) == 1 and item.type in QUESTION_FORMS}
    bank = [item for item in bank if item.role != "which-source" or item.fact_ids[0] not in asked]
    importance = {fact.id: fact.importance for fact in chosen}
    texts = [text_vocabulary(source) for source in factbase.sources.values()]
    conflicts = {fact.id: fact.conflicts_with for fact in chosen if fact.conflicts_with}
    return without_cued(without_shown_names(without_repeats(bank, importance)), importance,
                        lambda answer: any(names_the_text(answer, words) for words in texts), conflicts)


def names_a_minor_voice(item: Item, factbase: FactBase, standing: Mapping[str, str]) -> bool:
    """"Which analyst told Al Jazeera …?", of a commentator the fact base keeps as a detail (or has no card of), asks
    a name no course teaches, open or among other analysts' names; the claim is in the stem. A bank leaves it to the
    full deck, where a student meets the voice beside the claim. "Which text says …?" among the texts stays."""
    if item.role not in ("who-said", "which-source"):
        return False  # "Estimates differ. Who puts it at 140,000?" asks the analyst's name as much as "who said …?"
    claimant = factbase.by_id[item.fact_ids[0]].according_to or ""
    name, comma, _ = claimant.partition(",")  # "Stefan Meister, German Council on Foreign Relations"
    # a named and described claimant is a person even without a card; a bare name is one where it has a card
    return standing.get(name.strip(), "detail" if comma else "") == "detail"


def without_shown_names(bank: list[Item]) -> list[Item]:
    """A bank read as a whole must not answer its own questions: "What post did Elin Suleymanov hold?" beside
    "Who said …?" — "Elin Suleymanov, Azerbaijan's ambassador to the UK". A person's post or body, or who did
    something ("Stalin"), is left out where another fact's item prints it; a name a question identifies, where
    another fact's answer holds it (a name in another's prompt is only the context every course repeats).

    The names asked are looked up by the runs of each text's words as long as a name asked, and a name is looked for
    no more once it is found: a bank of any size, or a deck of every fact, is read once."""
    asked: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, item in enumerate(bank):
        if item.role in _NAME_ROLES:
            words_of = tuple(_WORD.findall(normalise(item.answer)))
            if words_of and (item.role != "identify" or len(words_of) > 1):
                asked[words_of].append(index)
    lengths = sorted({len(words_of) for words_of in asked})
    shown: set[int] = set()

    def read(text: str, owners: tuple[str, ...], answers_only: bool) -> None:
        found = _WORD.findall(normalise(text))
        for at in range(len(found)):
            for length in lengths:
                if at + length > len(found):
                    break
                key = tuple(found[at:at + length])
                waiting = asked.get(key)
                if not waiting:
                    continue
                for index in waiting:
                    item = bank[index]
                    if item.fact_ids[0] in owners:
                        continue
                    if item.role == "identify" and (not answers_only or len(found) == length):
                        continue  # "Zangezur corridor" inside "Zangezur corridor and Nakhchivan", not a prompt
                    shown.add(index)
                asked[key] = [index for index in waiting if index not in shown]

    for item in bank:
        read(item.prompt, item.fact_ids, answers_only=False)
        read(item.answer, item.fact_ids, answers_only=True)
    return [item for index, item in enumerate(bank) if index not in shown]


_NAME_ROLES = frozenset({"role", "affiliation", "who", "identify"})
_WORD = re.compile(r"\w+")


def without_repeats(bank: list[Item], importance: Mapping[str, str]) -> list[Item]:
    """Two facts whose statements overlap ask one question twice ("Where were the first Yevlakh talks held?"
    beside "Which city hosted the talks of 21 September?"): the same answer to mostly the same words is kept
    once, the more important fact's."""
    order = sorted(range(len(bank)),
                   key=lambda i: (IMPORTANCE_RANK.get(importance.get(bank[i].fact_ids[0], ""), 1), i))
    # the prompts kept, by their answer: an item is compared only with those of its own answer, never with the
    # whole bank (at 50,000 facts, a billion comparisons)
    kept: dict[str, list[frozenset[str]]] = defaultdict(list)
    dropped: set[int] = set()
    # an answer given once repeats nothing: its prompt's words are never read (a deck of every fact holds
    # a hundred thousand such cards)
    answers = Counter(normalise(item.answer) for item in bank)
    for i in order:
        item = bank[i]
        if item.type in ("matching", "ordering", "true-false") or answers[normalise(item.answer)] < 2:
            continue
        words_of = stems(item.prompt)
        same_answer = kept[normalise(item.answer)]
        if any(len(words_of & seen) * 2 >= min(len(words_of), len(seen)) for seen in same_answer):
            dropped.add(i)
        else:
            same_answer.append(words_of)
    return [item for i, item in enumerate(bank) if i not in dropped]


def build_items(factbase: FactBase, facts: Sequence[Fact] | None = None,
                types: Iterable[ItemType] = ITEM_TYPES, seed: int = 0) -> ItemSet:
    """Like ``items_for``, with the questions that were rejected and why."""
    wanted = item_types(types)  # an unknown type is an InvalidOption, not a bare ValueError
    with long_lived_objects():
        return ItemEngine(factbase, seed).build(list(facts if facts is not None else factbase.facts), wanted)


__all__ = ["ITEM_TYPES", "Item", "ItemSet", "Rejection", "RejectionCode", "build_items", "items_for", "seeded_rng"]
