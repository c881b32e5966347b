"""The study sheet and the full reference, read back from the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen import Selection, build_handout, load_factbase
from quizgen.handout.sheet import plan_study_sheet
from quizgen.render.handout_pdf import DATE_COLUMN, PLACE_COLUMN
from quizgen.render.pdf_base import MARGIN
from tests.conftest import APOLLO, FACTS
from tests.pdf_reading import DATE_LABEL, column_text, flat, never_backwards, pages, spaced

BASES = {"shipped": FACTS, "apollo": APOLLO}


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("sheets")
    made = {}
    for base, facts in BASES.items():
        factbase = load_factbase(facts)
        for paper in ("a4", "letter"):
            path = out / f"{base}-{paper}.pdf"
            build_handout(factbase, Selection(), path, title=f"{base} study sheet", paper=paper)
            made[base, paper] = path
    return made


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("base", list(BASES))
def test_sheet_fits_two_pages_with_its_sections(sheets: dict[tuple[str, str], Path], base: str, paper: str) -> None:
    texts = pages(sheets[base, paper])
    assert len(texts) <= 2
    text = "\n".join(texts)
    for heading in ("Timeline", "Places", "Key figures", "Sources"):
        assert re.search(rf"^{heading}$", text, re.MULTILINE), heading


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("base", list(BASES))
def test_sheet_timeline_never_goes_backwards(sheets: dict[tuple[str, str], Path], base: str, paper: str) -> None:
    dates = column_text(sheets[base, paper], "Timeline", "Places", MARGIN + DATE_COLUMN - 1)
    labels = DATE_LABEL.findall(spaced(dates))
    plan = plan_study_sheet(load_factbase(BASES[base]), load_factbase(BASES[base]).facts, "x")
    assert len(labels) >= min(len(plan.timeline), 1)
    assert never_backwards(labels) == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("base", list(BASES))
def test_every_timeline_marker_resolves_in_sources(sheets: dict[tuple[str, str], Path], base: str,
                                                   paper: str) -> None:
    path = sheets[base, paper]
    timeline = column_text(path, "Timeline", "Places", 1000)
    entries = DATE_LABEL.findall(spaced(column_text(path, "Timeline", "Places", MARGIN + DATE_COLUMN - 1)))
    markers = re.findall(r"\[(\d+(?:, \d+)*)\]", timeline)
    assert len(markers) == len(entries) > 0
    text = "\n".join(pages(path))
    sources = text[text.rindex("\nSources\n"):]
    listed = set(re.findall(r"^\[(\d+)\] ", sources, re.MULTILINE))
    assert {key for marker in markers for key in marker.split(", ")} <= listed
    assert listed


def test_sheet_shows_each_sides_name_and_disagreeing_figures_side_by_side(
        sheets: dict[tuple[str, str], Path]) -> None:
    factbase = load_factbase(FACTS)
    plan = plan_study_sheet(factbase, factbase.facts, "x")
    text = flat("\n".join(pages(sheets["shipped", "a4"])))
    names = flat(column_text(sheets["shipped", "a4"], "Places", "Key", MARGIN + PLACE_COLUMN - 1))
    for place in plan.places:
        for name in place.other_names:
            assert flat(name) in names
    for group in plan.figures:
        if len(group.values) > 1:
            joined = " · ".join(f"{v.value} ({v.as_of})" for v in group.values)
            assert flat(re.sub(r"\[[\d, ]+\]", "", joined)) in re.sub(r"\[[\d,]+\]", "", text)


def test_full_reference_is_grouped_chronological_and_cited(tmp_path: Path) -> None:
    for base, facts in BASES.items():
        factbase = load_factbase(facts)
        path = tmp_path / f"{base}.pdf"
        report = build_handout(factbase, Selection(), path, title="Reference", full=True)
        assert report.entries == len(factbase.facts)
        text = "\n".join(pages(path))
        for group in ("Timeline", "Figures"):
            if f"\n{group}\n" not in text:
                continue
            part = text.split(f"\n{group}\n", 1)[1]
            part = re.split(r"\n(?:Figures|Places|People|Organizations|Sources)\n", part)[0]
            labels = [m.group(0) for line in part.splitlines() if (m := DATE_LABEL.match(line)) and
                      line[m.end():].startswith(" · ")]
            assert labels, group
            assert never_backwards(labels) == [], (base, group)
        for fact in factbase.facts:
            assert flat(fact.name) in flat(text), fact.name
        assert len(re.findall(r"\[\d+(?:, \d+)*\]", text)) >= len(factbase.facts)


def test_century_chart_labels_are_centuries_on_an_even_axis() -> None:
    from quizgen.handout.reference import plan_charts

    overall, recent = plan_charts([350, 1050, 1988, 2020, 2023, 2023])
    assert [b.label for b in overall.bins][:3] == ["4th c.", "5th c.", "6th c."]
    assert sum(b.count for b in overall.bins) == 6 and overall.bins[-1].label == "21st c."
    assert recent.bins[0].label == "1984" and len(recent.bins) == 40
    assert recent.note == "2 earlier ones not in this chart"


@pytest.mark.parametrize("full", [False, True])
def test_a_sheet_with_nothing_to_show_is_an_error(full: bool, tmp_path: Path) -> None:
    from quizgen.errors import QuizgenError

    factbase = load_factbase(APOLLO)
    with pytest.raises(QuizgenError, match="no fact matches"):
        build_handout(factbase, Selection.of(None, None, None, "2090", None, None), tmp_path / "h.pdf", full=full)
    assert not (tmp_path / "h.pdf").exists()
