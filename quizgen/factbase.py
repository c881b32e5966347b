"""Loading a fact base: parse, validate, read its sources, verify every anchor.

``load_factbase`` is what every command goes through, so no deck or quiz is ever
built from a fact whose quote is not where it says it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgen.authored import authored_problems
from quizgen.confined import MAX_FACTBASE_BYTES, UnreadableInput, read_regular
from quizgen.errors import Problem, QuizgenError, fail
from quizgen.gc_pause import collector_paused, long_lived_objects
from quizgen.model import KINDS, Fact, FactBaseDocument, FieldProblem, PlaceFact, Source, parse_records
from quizgen.sources import SourceText, citation_mismatch, load_source_text

DEFAULT_FACTS_FILE = "facts.json"


@dataclass
class FactBase:
    """A validated fact base with its source texts, ready for selection and items."""

    path: Path
    document: FactBaseDocument
    texts: dict[str, SourceText]
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id: dict[str, Fact] = {fact.id: fact for fact in self.document.facts}
        self.sources: dict[str, Source] = {source.id: source for source in self.document.sources}

    @property
    def facts(self) -> list[Fact]:
        return self.document.facts

    def __len__(self) -> int:
        return len(self.document.facts)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.document.facts)

    def text_of(self, source_id: str) -> str:
        return self.texts[source_id].text


def read_text(path: Path) -> str:
    """The text of a fact base file, or a QuizgenError saying exactly what is wrong with the file."""
    return read_document(path).decode("utf-8")


def read_document(path: Path) -> bytes:
    """``read_text``, as the UTF-8 bytes it checked: parsed as they are, a large file is not held decoded too."""
    return _read_checked(path)[0]


def _read_checked(path: Path) -> tuple[bytes, str]:
    """The file's bytes, checked, and their text: decoded once, for the check and for the scan for repeated keys
    (json decodes bytes itself otherwise), then let go before the records are made."""
    name = str(path)
    try:
        data = read_regular(path, MAX_FACTBASE_BYTES)
    except FileNotFoundError:
        raise fail(name, "fact base not found") from None
    except UnreadableInput as err:
        reason = "is a directory, not a fact base file" if err.is_directory else err.reason
        raise fail(name, reason) from None
    if data.isspace() or not data:  # not data.strip(): a copy of the whole file to test it
        raise fail(name, "file is empty; a fact base is a JSON object with sources and facts")
    if data.startswith(b"\xef\xbb\xbf"):
        raise fail(name, "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise fail(name, f"not valid UTF-8 at line {line} (byte {err.start})") from None


def decode_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise fail(name, f"invalid JSON at line {err.lineno} column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise fail(name, "invalid JSON: nested too deeply") from None


def parse_document(text: str | bytes, file: str, repeated: bool | None = None) -> FactBaseDocument:
    """Validate a fact base's JSON text against the model, naming the fact id and field of each error.

    pydantic parses and validates in one pass (no intermediate dicts: faster, and half
    the memory); only when that fails is the JSON decoded again, to explain the error.
    ``repeated``: whether ``has_repeated_key`` found a repeated key, if the caller scanned already.
    """
    if repeated is None:
        repeated = has_repeated_key(text)  # scanned first: the scan's decoded text is gone before the records are made
    try:
        document = parse_records(text)
    except ValidationError as err:
        errors = err.errors()
    else:
        if repeated:
            reject_duplicate_keys(text if isinstance(text, str) else text.decode("utf-8"), file)
        return document
    raw = decode_json(text if isinstance(text, str) else text.decode("utf-8"), file)
    if not isinstance(raw, dict):
        raise QuizgenError(Problem(file, None, None, f"top level must be a JSON object, not {_json_type(raw)}"))
    raise QuizgenError([_problem_from_error(error, raw, file) for error in errors])


_DUPLICATE = "\x00duplicate"  # marks an object that repeated a key; no JSON key can be a NUL byte alone


def _repeated_key(pairs: list[tuple[str, Any]]) -> str | None:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return None


def _duplicate_path(value: Any, path: str) -> tuple[str, str] | None:
    """The path of the first object below ``value`` that repeats a key, and that key."""
    if isinstance(value, dict):
        if _DUPLICATE in value:
            return path, value[_DUPLICATE]
        children: Iterable[tuple[str, Any]] = ((f"{path}.{k}" if path else k, v) for k, v in value.items())
    elif isinstance(value, list):
        children = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for child_path, child in children:
        found = _duplicate_path(child, child_path)
        if found:
            return found
    return None


class _RepeatedKey(Exception):
    pass


def _stop_at_repeated_key(pairs: list[tuple[str, Any]]) -> None:
    if len(pairs) > 1 and len(dict(pairs)) != len(pairs):
        raise _RepeatedKey
    # nothing is returned: the scan keeps no object of the document, only looks at each one's keys


def has_repeated_key(text: str | bytes) -> bool:
    """Whether any object repeats a key: one scan that builds nothing, so a large fact base costs no second copy."""
    try:
        json.loads(text, object_pairs_hook=_stop_at_repeated_key)
    except _RepeatedKey:
        return True
    except (ValueError, RecursionError):
        return False  # not JSON: validating it says why
    return False


def reject_duplicate_keys(text: str, file: str) -> None:
    """A key given twice in one object is an error: JSON parsers silently keep the last one."""
    repeated: list[str] = []

    def mark(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            result[_DUPLICATE] = _repeated_key(pairs)
            repeated.append(result[_DUPLICATE])
        return result

    raw = json.loads(text, object_pairs_hook=mark)
    if not repeated:
        return
    facts = raw.get("facts") if isinstance(raw, dict) else None
    for fact in facts if isinstance(facts, list) else []:
        found = _duplicate_path(fact, "")
        if found:
            fact_id = fact.get("id") if isinstance(fact.get("id"), str) else None
            where, key = found
            raise QuizgenError(Problem(file, fact_id, f"{where}.{key}" if where else key,
                                       "key given twice in one object; keep one"))
    found = _duplicate_path(raw, "")
    if found:
        where, key = found
        raise QuizgenError(Problem(file, None, f"{where}.{key}" if where else key,
                                   "key given twice in one object; keep one"))


def load_document(path: Path) -> FactBaseDocument:
    data, text = _read_checked(path)
    repeated = has_repeated_key(text)  # the text decoded once; let go before the records are made
    del text
    return parse_document(data, str(path), repeated)


def _problem_from_error(error: Any, raw: dict[str, Any], file: str) -> Problem:
    loc = list(error["loc"])
    fact_id: str | None = None
    if len(loc) >= 2 and loc[0] in ("facts", "sources") and isinstance(loc[1], int):
        entries = raw.get(loc[0])
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        label = entry.get("id") if isinstance(entry, dict) else None
        if loc[0] == "facts":
            fact_id = label if isinstance(label, str) else f"facts[{loc[1]}]"
            loc = loc[2:]
            # a discriminated union puts the kind tag in the path; it is not a field
            if loc and loc[0] in KINDS and isinstance(entry, dict) and entry.get("kind") == loc[0]:
                loc = loc[1:]
        else:
            loc = [f"sources[{label if isinstance(label, str) else loc[1]}]", *loc[2:]]
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, FieldProblem):
        loc.append(cause.field)
    return Problem(file, fact_id, _field_path(loc) or _implied_field(error), _reason(error))


def _field_path(loc: Iterable[Any]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not str(part).isidentifier() and not str(part).startswith("sources["):
            path += f"[{json.dumps(str(part), ensure_ascii=False)}]"  # a key typed with spaces or breaks
        else:
            path += f".{part}" if path else str(part)
    return path


def _implied_field(error: Any) -> str | None:
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        return "kind"
    return None


def _reason(error: Any) -> str:
    kind = error["type"]
    if kind == "union_tag_invalid":
        return f"unknown kind {error['ctx']['tag']!r}; valid kinds: {', '.join(KINDS)}"
    if kind == "union_tag_not_found":
        return f"missing kind; valid kinds: {', '.join(KINDS)}"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key (not part of the fact format; see facts.schema.json)"
    if kind in ("missing", "missing_keyword_argument"):
        return "required field is missing"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "too_short" and error["loc"] and error["loc"][-1] == "citations":
        return "at least one citation is required"
    return f"{error['msg']} (got {_json_type(error.get('input'))})" if kind.endswith("_type") else str(error["msg"])


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def integrity_problems(document: FactBaseDocument, texts: dict[str, SourceText], file: str) -> list[Problem]:
    """What the model alone cannot see: unique ids, references that resolve, quotes at their offsets."""
    problems: list[Problem] = []
    seen_sources: set[str] = set()
    for source in document.sources:
        if source.id in seen_sources:
            problems.append(Problem(file, None, f"sources[{source.id}].id", "duplicate source id"))
        seen_sources.add(source.id)

    ids: dict[str, int] = {}
    for index, fact in enumerate(document.facts):
        if fact.id in ids:
            reason = f"duplicate id: facts[{ids[fact.id]}] and facts[{index}] share it"
            problems.append(Problem(file, fact.id, "id", reason))
        else:
            ids[fact.id] = index
    places = {fact.id for fact in document.facts if isinstance(fact, PlaceFact)}
    text_of = {source_id: loaded.text for source_id, loaded in texts.items()}

    for fact in document.facts:
        for i, citation in enumerate(fact.citations):
            text = text_of.get(citation.source)
            # nearly every quote stands where it says: that is told without a call, a message or a copy of the
            # passage (the same test as text[start:end] == quote, the end being within the text)
            start, end, quote = citation.start, citation.end, citation.quote
            if text is not None and end <= len(text) and end - start == len(quote) and text.startswith(quote, start):
                continue
            where = f"citations[{i}]"
            if citation.source not in seen_sources:
                known = ", ".join(sorted(seen_sources))
                problems.append(Problem(file, fact.id, f"{where}.source",
                                        f"unknown source {citation.source!r}; known: {known}"))
                continue
            if text is None:
                continue  # the source's own problem is already reported
            mismatch = citation_mismatch(citation, text)
            if mismatch:
                problems.append(Problem(file, fact.id, f"{where}.quote", mismatch))
        if fact.status == "established" and fact.conflicts_with:
            # "established" means no text contests it; a recorded conflict says one does
            problems.append(Problem(file, fact.id, "status", "an established fact cannot record a conflict (with "
                                    f"{', '.join(fact.conflicts_with)}): attribute each version (reported, claimed or "
                                    "disputed, with according_to), splitting off what no text contests as a fact "
                                    "of its own"))
        for i, other in enumerate(fact.conflicts_with):
            if other == fact.id:
                problems.append(Problem(file, fact.id, f"conflicts_with[{i}]", "a fact cannot conflict with itself"))
            elif other not in ids:
                problems.append(Problem(file, fact.id, f"conflicts_with[{i}]", f"no fact has the id {other!r}"))
        if _refers_beyond(fact, places):  # most facts name only places: their references are not listed one by one
            for name, referenced in _place_references(fact):
                if referenced not in places:
                    what = "no fact has the id" if referenced not in ids else "is not a place:"
                    problems.append(Problem(file, fact.id, name, f"{what} {referenced!r}"))
    return problems


def _refers_beyond(fact: Fact, places: set[str]) -> bool:
    """Whether any place a fact refers to (``_place_references``) is not among ``places``."""
    named = getattr(fact, "places", None)
    if named and not places.issuperset(named):
        return True
    return isinstance(fact, PlaceFact) and bool(fact.located_in) and fact.located_in not in places


def _place_references(fact: Fact) -> list[tuple[str, str]]:
    refs = [(f"places[{i}]", place) for i, place in enumerate(getattr(fact, "places", []))]
    if isinstance(fact, PlaceFact) and fact.located_in:
        refs.append(("located_in", fact.located_in))
    return refs


def one_sided_conflicts(document: FactBaseDocument, file: str) -> list[Problem]:
    """Conflicts recorded on one fact but not its counterpart: a warning, the link still counts."""
    links = {(fact.id, other) for fact in document.facts for other in fact.conflicts_with}
    return [
        Problem(file, a, "conflicts_with", f"{b!r} does not list {a!r} back", severity="warning")
        for a, b in sorted(links) if (b, a) not in links
    ]


def load_texts(document: FactBaseDocument, base_dir: Path, file: str) -> tuple[dict[str, SourceText], list[Problem]]:
    texts: dict[str, SourceText] = {}
    problems: list[Problem] = []
    for source in document.sources:
        loaded = load_source_text(source, base_dir, file)
        if isinstance(loaded, Problem):
            problems.append(loaded)
        else:
            texts[source.id] = loaded
    return texts, problems


@dataclass
class Verified:
    """A parsed fact base with every problem found in it, whether or not it can be used."""

    document: FactBaseDocument
    texts: dict[str, SourceText]
    errors: list[Problem]
    warnings: list[Problem]


def verify_factbase(path: Path) -> Verified:
    """Parse a fact base, read its sources and gather every problem; raise only if it cannot be parsed."""
    file = str(path)
    with long_lived_objects():
        document = load_document(path)
    with collector_paused():  # the checks make objects for every citation and question, short-lived, none in a cycle
        texts, problems = load_texts(document, path.parent, file)
        problems += integrity_problems(document, texts, file)
        problems += authored_problems(document.facts, file)
        warnings = one_sided_conflicts(document, file)
    return Verified(document, texts, problems, warnings)


def load_factbase(path: Path | str = DEFAULT_FACTS_FILE) -> FactBase:
    """Load and fully verify a fact base; raise QuizgenError listing every problem found."""
    path = Path(path)
    verified = verify_factbase(path)
    if verified.errors:
        raise QuizgenError(verified.errors)
    return FactBase(path, verified.document, verified.texts, warnings=verified.warnings)
