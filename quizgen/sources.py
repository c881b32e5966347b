"""The corpus: loading source texts, verifying citations, re-anchoring drifted ones.

Offsets are code points into the text exactly as stored: the texts hold no-break
spaces and curly quotes, and any normalising would move every later offset.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quizgen.confined import MAX_SOURCE_BYTES, UnreadableInput, confined_path, read_regular
from quizgen.errors import Problem, QuizgenError, unknown_value
from quizgen.model import Citation, Source


@dataclass(frozen=True)
class SourceText:
    source: Source
    path: Path
    text: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_source_text(source: Source, base_dir: Path, facts_file: str) -> SourceText | Problem:
    """Read one source, checking it exists, decodes as UTF-8 and matches its pinned sha256."""
    where = f"sources[{source.id}]"
    try:
        path = confined_path(base_dir, source.file)
        data = read_regular(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        return Problem(facts_file, None, f"{where}.file", f"source file not found: {base_dir / source.file}")
    except UnreadableInput as err:
        return Problem(facts_file, None, f"{where}.file", f"source file {source.file!r}: {err.reason}")
    digest = sha256_of(data)
    if digest != source.sha256:
        return Problem(
            facts_file, None, f"{where}.sha256",
            f"{source.file} has sha256 {digest}, not the pinned {source.sha256}: "
            "the text changed after its quotes were anchored",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Problem(facts_file, None, f"{where}.file", f"{source.file} is not UTF-8 (byte {err.start})")
    return SourceText(source, path, text)


def citation_mismatch(citation: Citation, text: str) -> str | None:
    """Why the quote is not at its offsets, or None when ``text[start:end] == quote``."""
    if citation.end > len(text):
        return f"offsets {citation.start}:{citation.end} run past the end of the text ({len(text)} characters)"
    found = text[citation.start:citation.end]
    if found == citation.quote:
        return None
    return f"quote not at offsets {citation.start}:{citation.end}; the text there reads {_excerpt(found)}"


def _excerpt(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)


def occurrences(needle: str, text: str) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def reanchor(citation: Citation, text: str) -> tuple[int, int] | str:
    """Where the quote now stands, or why that cannot be told for certain.

    A quote is moved only when the new place is unambiguous: it occurs once, or
    once with its recorded prefix and suffix around it. Guessing would silently
    cite the wrong passage.
    """
    starts = occurrences(citation.quote, text)
    if not starts:
        return "quote does not occur anywhere in the source"
    if len(starts) > 1 and (citation.prefix or citation.suffix):
        prefix, suffix = citation.prefix or "", citation.suffix or ""
        starts = [
            s for s in starts
            if text[max(0, s - len(prefix)):s] == prefix
            and text[s + len(citation.quote):s + len(citation.quote) + len(suffix)] == suffix
        ]
    if len(starts) != 1:
        return f"quote occurs {len(starts)} times in the source; add a prefix or suffix to say which"
    return starts[0], starts[0] + len(citation.quote)


# the context either side of a cited quote that items carry (cut sooner at a line break): a card's back completes
# a quote's sentence from it (``quizgen.render.passages``)
CITED_CONTEXT = 160


def passage_around(text: str, start: int, end: int, context: int = 200) -> tuple[str, str, str]:
    """The quote with up to ``context`` characters either side, cut at line breaks."""
    before = text[max(0, start - context):start]
    after = text[end:end + context]
    if "\n" in before:
        before = before[before.rindex("\n") + 1:]
    if "\n" in after:
        after = after[: after.index("\n")]
    return before, text[start:end], after


_EQUIVALENT_CHARACTERS = {
    " ": "[ \u00a0\u202f\t\n]+",
    "'": "['\u2018\u2019]",
    '"': "[\"\u201c\u201d]",
    "-": "[-\u2010\u2011\u2013\u2014]",
}


def locate_quote(text: str, typed: str) -> list[tuple[int, int]]:
    """Where a quote typed by an author stands in the text, tolerating how it was typed.

    Authors type plain spaces, straight quotes and hyphens; the texts hold no-break
    spaces, curly quotes and dashes. The match is tolerant, but what is stored is
    the exact text at the offsets found, so the citation stays verbatim.
    """
    if typed and typed == " ".join(typed.split()) and not _TYPOGRAPHIC_VARIANTS.search(text):
        # typed as the text stands (single plain spaces, straight quotes, hyphens): the tolerant pattern would find
        # just the exact matches, without compiling a pattern for every quote
        spans, at = [], text.find(typed)
        while at != -1:
            spans.append((at, at + len(typed)))
            at = text.find(typed, at + len(typed))
        return spans
    if not all(piece in text for piece in _TOLERATED.split(" ".join(typed.split()))):
        return []  # what lies between its spaces, quotes and hyphens is matched as typed: a piece absent, so is it
    return [(m.start(), m.end()) for m in _tolerant_pattern(typed).finditer(text)]


# the characters that _EQUIVALENT_CHARACTERS matches tolerantly (each of the rest stands for itself)
_TOLERATED = re.compile("[" + re.escape("".join(_EQUIVALENT_CHARACTERS)) + "]")
# what _EQUIVALENT_CHARACTERS lets stand for a plain space, quote or hyphen, and a run of spaces
_TYPOGRAPHIC_VARIANTS = re.compile("[\u00a0\u202f\t\n\u2018\u2019\u201c\u201d\u2010\u2011\u2013\u2014]|  ")


def find_in_passage(text: str, typed: str) -> tuple[int, int] | None:
    """The first place ``typed`` stands in ``text``: exactly if it can, tolerantly if it must."""
    at = text.find(typed)
    if at != -1:
        return at, at + len(typed)
    match = _tolerant_pattern(typed).search(text)
    return (match.start(), match.end()) if match else None


@lru_cache(maxsize=4096)
def _tolerant_pattern(typed: str) -> re.Pattern[str]:
    return re.compile("".join(_EQUIVALENT_CHARACTERS.get(ch, re.escape(ch)) for ch in " ".join(typed.split())))


def cite_passage(facts: Path | str, source_id: str, typed: str) -> Citation:
    """The exact citation (offsets and verbatim quote) of a passage of one of a fact base's sources, as an author
    types it; an unknown source, or a passage that is not there exactly once, is a ``QuizgenError``."""
    from quizgen.factbase import load_document, load_texts  # the fact base reads sources through this module

    path = Path(facts)
    file = str(path)
    document = load_document(path)
    texts, problems = load_texts(document, path.parent, file)
    if source_id not in texts:
        raise QuizgenError(problems or [unknown_value("SOURCE", source_id, [s.id for s in document.sources])])
    text = texts[source_id].text
    spans = locate_quote(text, typed)
    if len(spans) != 1:
        raise QuizgenError(Problem(file, None, "QUOTE", f"the passage occurs {len(spans)} times in {source_id}"))
    start, end = spans[0]
    return Citation(source=source_id, start=start, end=end, quote=text[start:end])
