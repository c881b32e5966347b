"""Reading quizgen's PDFs back as a reader would: text, dates in reading order, bold runs."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber

from quizgen.dates import MONTH_NAMES
from quizgen.model import When

_MONTH = "|".join(MONTH_NAMES)
_ONE = (rf"(?:(?:early|mid|late|about|by|before|after) )?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th) century|\d{{1,2}} (?:{_MONTH}) \d{{4}}|(?:{_MONTH}) \d{{4}}|\d{{4}})")
DATE_LABEL = re.compile(rf"{_ONE}(?: – {_ONE})?")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def spaced(text: str) -> str:
    return " ".join(text.split())


def pages(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def label_span(label: str) -> tuple[int, int]:
    """The first and last day (ordinals) the start of a printed date label can mean."""
    start = label.split(" – ")[0]
    century = re.fullmatch(r"(?:\w+ )?(\d+)\w\w century", start)
    if century:
        number = int(century.group(1))
        when = When(date=f"{(number - 1) * 100 + 1:04d}", end=f"{number * 100:04d}")
        return when.start.first_day().toordinal(), when.finish.last_day().toordinal()  # type: ignore[union-attr]
    words = start.split(" ")
    if words[0] in ("early", "mid", "late", "about", "by", "before", "after"):
        words = words[1:]
    if len(words) == 3:
        iso = f"{words[2]}-{MONTH_NAMES.index(words[1]) + 1:02d}-{int(words[0]):02d}"
    elif len(words) == 2:
        iso = f"{words[1]}-{MONTH_NAMES.index(words[0]) + 1:02d}"
    else:
        iso = words[0]
    when = When(date=iso)
    return when.start.first_day().toordinal(), when.start.last_day().toordinal()


def never_backwards(labels: list[str]) -> list[tuple[str, str]]:
    """Neighbouring labels where the later one starts wholly before the earlier one can start."""
    return [(a, b) for a, b in pairwise(labels) if label_span(b)[1] < label_span(a)[0]]


def column_text(path: Path, top_word: str, bottom_word: str, right: float) -> str:
    """The text left of ``right`` (points from the page's left edge) between two headings, across pages."""
    out: list[str] = []
    inside = False
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["size", "fontname"])
            start = 0.0
            stop = float(page.height) - 20 * 2.835  # above the footer
            heads = [w for w in words if w["size"] >= 11.5]
            for head in heads:
                if head["text"] == top_word:
                    inside, start = True, head["bottom"]
                elif head["text"] == bottom_word and inside:
                    stop = head["top"]
                    out.append(page.crop((0, start, min(right, float(page.width)), stop)).extract_text() or "")
                    return "\n".join(out)
            if inside:
                out.append(page.crop((0, start, min(right, float(page.width)), stop)).extract_text() or "")
    return "\n".join(out)


def bold_runs(path: Path, size: float) -> list[tuple[str, str, str]]:
    """Each run of bold characters at this font size, with the character before and after it on its line."""
    runs = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars: list[dict[str, Any]] = [c for c in page.chars if abs(c["size"] - size) < 0.05]
            i = 0
            while i < len(chars):
                if "Bold" not in chars[i]["fontname"]:
                    i += 1
                    continue
                j = i
                while j + 1 < len(chars) and "Bold" in chars[j + 1]["fontname"] \
                        and abs(chars[j + 1]["top"] - chars[i]["top"]) < 2:
                    j += 1
                before = chars[i - 1]["text"] if i and abs(chars[i - 1]["top"] - chars[i]["top"]) < 2 else ""
                after = chars[j + 1]["text"] if j + 1 < len(chars) and abs(chars[j + 1]["top"] - chars[j]["top"]) < 2 \
                    else ""
                runs.append((before, "".join(c["text"] for c in chars[i:j + 1]), after))
                i = j + 1
    return runs
