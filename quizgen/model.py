"""The fact model: the single source of truth for the fact-base format.

Every model is strict and forbids unknown keys, so a typo in ``facts.json`` is an
error rather than a silently ignored field. The JSON Schema that editors use is
generated from these classes (``quizgen schema``), never written by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeVar, Union, cast

from pydantic import AfterValidator, ConfigDict, Field, TypeAdapter, model_validator
from pydantic.dataclasses import dataclass
from typing_extensions import dataclass_transform  # in typing from Python 3.11

from quizgen.choices import KINDS as KINDS  # factbase names the kinds from the model
from quizgen.choices import Importance, Status
from quizgen.dates import PARTIAL_DATE_PATTERN, PartialDate, Precision, parse_partial_date

SCHEMA_FILENAME = "facts.schema.json"

FACT_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TAG_PATTERN = r"^[a-z0-9][a-z0-9-]*(::[a-z0-9][a-z0-9-]*)*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
NAMESPACE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
# the namespace of a fact base that names none: fine alone, but two such fact bases that share
# a fact id share its Anki note
DEFAULT_NAMESPACE = "quizgen"


def _valid_date(text: str) -> str:
    parse_partial_date(text)  # raises InvalidDate (a ValueError) with the reason
    return text


FactId = Annotated[
    str,
    Field(pattern=FACT_ID_PATTERN, description="A stable slug, never reused: it seeds Anki note identities."),
]
IsoDate = Annotated[
    str,
    Field(pattern=PARTIAL_DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the text."),
    AfterValidator(_valid_date),
]
Tag = Annotated[str, Field(pattern=TAG_PATTERN, description="Hierarchical with '::', e.g. period::2020-war.")]
NonEmpty = Annotated[str, Field(min_length=1)]

Qualifier = Literal["early", "mid", "late", "about", "by", "before", "after"]


# the field of a fact that answers an authored question (see quizgen.authored for each one's answer)
Asks = Literal["date", "duration", "place", "located-in", "value", "name", "parties", "mediators", "who",
               "side-names", "role", "affiliation", "key_term"]
ASKS: tuple[Asks, ...] = ("date", "duration", "place", "located-in", "value", "name", "parties", "mediators", "who",
                          "side-names", "role", "affiliation", "key_term")


class FieldProblem(ValueError):
    """A cross-field check's failure, naming the field a user should fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


_Record = TypeVar("_Record")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
def record(cls: type[_Record]) -> type[_Record]:
    """A fact-base record: strict, no unknown keys, immutable, and slotted.

    Records are pydantic dataclasses rather than models because a fact base holds
    hundreds of thousands of them: with slots and without a model's per-instance
    dict and field set, 50,000 facts take half the memory and validate faster.
    """
    config = ConfigDict(strict=True, extra="forbid", populate_by_name=True, allow_inf_nan=False)
    made = dataclass(config=config, frozen=True,
                     slots=True, kw_only=True)(cls)
    return cast(type[_Record], made)


@record
class When:
    """A date or a range, with an optional qualifier such as "early" (early October 2023)."""

    date: IsoDate
    end: IsoDate | None = Field(None, description="Last date of a range (a war, a blockade).")
    qualifier: Qualifier | None = Field(None, description="Keeps vague dates vague: 'early', 'late', 'by'...")

    @model_validator(mode="after")
    def _end_not_before_start(self) -> When:
        if self.end is not None and parse_partial_date(self.end) < parse_partial_date(self.date):
            raise FieldProblem("end", f"range ends ({self.end}) before it starts ({self.date})")
        return self

    @property
    def start(self) -> PartialDate:
        return parse_partial_date(self.date)

    @property
    def finish(self) -> PartialDate | None:
        return parse_partial_date(self.end) if self.end else None

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def last(self) -> PartialDate:
        """The last date it covers: a range's end, or its one date."""
        return self.finish or self.start

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and the last day it covers: "2020" runs from 1 January to 31 December 2020, a range from
        its start's first day to its end's last. The one place the span of a date is worked out."""
        return self.start.first_day(), self.last.last_day()

    def human(self) -> str:
        century = self._century()
        if century:
            return century
        text = self.start.human()
        if self.qualifier:
            text = f"{self.qualifier} {text}"
        if self.finish is not None:
            text = f"{text} – {self.finish.human()}"
        return text

    def _century(self) -> str | None:
        """A range of whole years 301–400 is what a text calls "the 4th century"."""
        start, finish = self.start, self.finish
        if finish is None or start.precision != Precision.YEAR or finish.precision != Precision.YEAR:
            return None
        if start.year % 100 != 1 or finish.year != start.year + 99:
            return None
        number = finish.year // 100
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{number}{suffix} century"


@record
class Citation:
    """A verbatim passage of a source, located by code-point offsets.

    ``prefix`` and ``suffix`` (optional) are the text just before and after the
    quote; they let ``check --fix-offsets`` re-anchor a quote that occurs more than once.
    """

    source: FactId
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: NonEmpty
    prefix: str | None = None
    suffix: str | None = None
    sic: list[NonEmpty] = Field(
        default_factory=list, description="Words of the quote that are the text's own slips (a misspelling, a stray "
        "word), each printed with [sic] after it wherever the quote is shown: a teacher reading the key sees the "
        "slip is the source's.")

    @model_validator(mode="after")
    def _end_after_start(self) -> Citation:
        if self.end <= self.start:
            raise FieldProblem("end", f"end ({self.end}) must be greater than start ({self.start})")
        for slip in self.sic:
            if slip not in self.quote:
                raise FieldProblem("sic", f"{slip!r} is not in the quote")
        return self


@record
class Vetting:
    """The record of a human (or second-reader) check of this fact against its passages."""

    reviewed_on: IsoDate
    note: str | None = None
    slip: str | None = Field(
        None, description="A slip in the source text (misspelling, wrong figure) and how the fact avoids it."
    )
    relative_date: str | None = Field(None, description="How a relative date in the text ('Thursday') was resolved.")


@record
class Alias:
    """Another name for a place or organization, and who uses it."""

    name: NonEmpty
    used_by: str | None = Field(None, description="Who uses this name, e.g. 'Azerbaijan'.")


@record
class AuthoredQuestion:
    """A question a teacher wrote for this fact, and the field of the fact that answers it."""

    prompt: NonEmpty = Field(description="The natural question, ending with '?'; names whose claim it is "
                             "when the fact is attributed.")
    asks: Asks = Field(description="The field of the fact that answers it.")


@record
class FactFields:
    """Fields every fact has, whatever its kind."""

    id: FactId
    name: NonEmpty = Field(description="A short label: the event, agreement, place, person, body or quantity.")
    statement: NonEmpty = Field(description="One plain sentence a learner can read as the fact.")
    citations: list[Citation] = Field(min_length=1)
    status: Status
    importance: Importance = Field(description="core: every student must know it; supporting; detail.")
    questions: list[AuthoredQuestion] = Field(
        default_factory=list, description="Questions a teacher wrote; the item engine prefers them to templates."
    )
    according_to: str | None = Field(None, description="Who says so; required unless the fact is established.")
    key_term: NonEmpty | None = Field(
        None, description="The words of the statement a fill-in-the-blank card blanks, as the statement writes "
        "them: what the fact teaches (a claim's charge, 'genocide'), not who makes it."
    )
    conflicts_with: list[FactId] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    vetting: Vetting

    @model_validator(mode="after")
    def _attributed_unless_established(self) -> FactFields:
        if self.status != "established" and not (self.according_to and self.according_to.strip()):
            raise FieldProblem("according_to", f"required for a {self.status} fact: say who makes the claim")
        return self

    @property
    def date(self) -> When | None:
        """The date a timeline places this fact at, if it has one."""
        return None


@record
class EventFact(FactFields):
    kind: Literal["event"]
    when: When
    places: list[FactId] = Field(default_factory=list, description="Ids of place facts where it happened.")

    @property
    def date(self) -> When | None:
        return self.when


AgreementType = Literal["treaty", "ceasefire", "protocol", "deal", "decree", "negotiation-format", "talks"]


@record
class AgreementFact(FactFields):
    kind: Literal["agreement"]
    agreement_type: AgreementType
    when: When | None = None
    parties: list[NonEmpty] = Field(default_factory=list)
    mediators: list[NonEmpty] = Field(default_factory=list)
    places: list[FactId] = Field(default_factory=list)

    @property
    def date(self) -> When | None:
        return self.when


@record
class PlaceFact(FactFields):
    kind: Literal["place"]
    place_type: NonEmpty = Field(description="city, town, village, region, country, corridor, monastery...")
    aliases: list[Alias] = Field(default_factory=list)
    located_in: FactId | None = Field(None, description="Id of the place fact that contains this one.")


@record
class PersonFact(FactFields):
    kind: Literal["person"]
    role: NonEmpty = Field(description="The role the texts give, as of their date.")
    affiliation: str | None = None


@record
class OrganizationFact(FactFields):
    kind: Literal["organization"]
    aliases: list[Alias] = Field(default_factory=list)


Approximation = Literal["exact", "about", "more-than", "at-least", "up-to", "fewer-than"]


@record
class FigureFact(FactFields):
    kind: Literal["figure"]
    # float accepts JSON integers too; displays print whole numbers without ".0"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: NonEmpty = Field(description="What is counted: people, percent, US dollars...")
    approximation: Approximation = "exact"
    wording: str | None = Field(
        None, description="The text's own words when the figure is vague ('hundreds of thousands'): "
        "questions then use these words and never a made-up precise number."
    )
    as_of: When

    @model_validator(mode="after")
    def _value_or_range(self) -> FigureFact:
        if self.value is not None:
            if self.low is not None or self.high is not None:
                raise FieldProblem("value", "give value, or low and high, not both")
        elif self.low is None or self.high is None:
            raise FieldProblem("value", "a figure needs either value, or both low and high")
        elif self.low > self.high:
            raise FieldProblem("low", f"low ({self.low}) is greater than high ({self.high})")
        return self

    @property
    def date(self) -> When | None:
        return self.as_of


Fact = Annotated[
    Union[EventFact, AgreementFact, PlaceFact, PersonFact, OrganizationFact, FigureFact],
    Field(discriminator="kind"),
]


@record
class Source:
    """One text of the corpus, pinned by its sha256 so an edit after anchoring is caught."""

    id: FactId
    title: NonEmpty
    publisher: NonEmpty
    published: IsoDate | None = Field(None, description="Publication or update date; null when the text is undated.")
    date_note: str | None = Field(None, description="What is known of the date when it is missing or approximate.")
    note: NonEmpty = Field(description="One line on genre and stance.")
    file: NonEmpty = Field(description="Path of the text, relative to the fact base file.")
    sha256: Annotated[str, Field(pattern=SHA256_PATTERN)]

    def citation_label(self) -> str:
        return f"{self.title}, {self.short_label()}"

    def short_label(self) -> str:
        """Publisher and date: enough to tell the sources apart where space is short (a phone card's back)."""
        when = parse_partial_date(self.published).human() if self.published else "undated"
        return f"{self.publisher}, {when}"


@record
class FactBaseDocument:
    """The whole ``facts.json``: the source catalog and the facts."""

    schema_: str | None = Field(None, alias="$schema")
    namespace: Annotated[str, Field(pattern=NAMESPACE_PATTERN)] = Field(
        DEFAULT_NAMESPACE,
        description="This fact base's identity, made once (a UUID) and never changed: with a fact's id it "
                    "decides the fact's Anki note, in every deck built from this fact base.")
    sources: list[Source] = Field(min_length=1)
    facts: list[Fact]


_DOCUMENT = TypeAdapter(FactBaseDocument)


def parse_records(text: str | bytes) -> FactBaseDocument:
    """Parse and validate a whole fact base from its JSON text (raises pydantic's ValidationError)."""
    return _DOCUMENT.validate_json(text)


def as_json(record: object) -> dict[str, Any]:
    """A record as the JSON it was read from, leaving out fields at their defaults."""
    dumped: dict[str, Any] = _adapter(type(record)).dump_python(record, mode="json", exclude_defaults=True)
    return dumped


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}  # one per record class, not one per record listed


def _adapter(cls: type) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


def json_schema() -> dict[str, object]:
    schema = _DOCUMENT.json_schema(by_alias=True)
    schema["$id"] = SCHEMA_FILENAME
    schema["title"] = "quizgen fact base"
    return schema
