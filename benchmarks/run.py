"""Benchmarks, run on demand (never as timed tests): quizgen against the bare libraries.

    python benchmarks/run.py               # 1,000, 10,000 and 50,000 facts
    python benchmarks/run.py 1000 10000    # chosen sizes

For each size, in one run and side by side: `quizgen check`; `quizgen anki` against a
bare genanki script writing the same notes; `quizgen pdf` against a bare reportlab
script laying out the same questions and the same answer key; and `quizgen --help`. Each is a fresh process
(as a user runs it), timed as the median of several runs, with its peak memory.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from prework import QUIZ_QUESTIONS, planned_deck, planned_quiz  # noqa: E402
from synthetic import generate  # noqa: E402

PYTHON = sys.executable
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TARGETS = {"anki ratio": 1.2, "pdf ratio": 1.2, "check at 50,000 (s)": 2.0, "--help (s)": 0.25, "peak MB": 400}


def timed(args: list[str]) -> tuple[float, float, str]:
    """Seconds, peak resident memory (MB) and standard output of one process."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=output, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode() if process.stderr else ''}")
        output.seek(0)
        return elapsed, usage.ru_maxrss / 1024, output.read().decode()


def median_of(args: list[str]) -> tuple[float, float]:
    runs = [timed(args) for _ in range(RUNS)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def bare_median(script: str, *args: str) -> tuple[float, float]:
    """A bare script's median time, and the median of the time it says it spent in its library."""
    runs = [timed([PYTHON, str(HERE / script), *args]) for _ in range(RUNS)]
    return statistics.median(r[0] for r in runs), statistics.median(float(r[2]) for r in runs)


def quizgen(*args: str) -> list[str]:
    return [PYTHON, "-m", "quizgen", *args]


def export_notes(facts: Path, out: Path) -> None:
    """The exact notes `quizgen anki` writes, as plain fields for the bare script (not timed)."""
    from quizgen.deck_plan import SLOTS
    from quizgen.render.anki import anki_notes
    from quizgen.render.anki_notetype import FIELDS, fact_model

    notes = [note for _, note in anki_notes(planned_deck(facts), fact_model())]
    out.write_text(json.dumps({
        "fields": FIELDS, "slots": [slot.name for slot in SLOTS],
        "notes": [{"fields": n.fields, "guid": n.guid, "tags": n.tags, "cards": [card.ord for card in n.cards]}
                  for n in notes],
    }), encoding="utf-8")


def export_questions(facts: Path, out: Path) -> None:
    """The questions `quizgen pdf` lays out, for the bare script (not timed)."""
    quiz = planned_quiz(facts)
    out.write_text(json.dumps([[{"number": q.number, "prompt": q.item.prompt, "options": list(q.options),
                                 "answer": q.key_answer(),
                                 "passages": [{"source": p.source_label, "quote": p.quote} for p in q.item.passages]}
                                for q in version.questions] for version in quiz.versions]), encoding="utf-8")


def main(sizes: list[int]) -> None:
    results: dict[str, float] = {}
    work = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    help_time, _ = median_of(quizgen("--help"))
    print(f"quizgen --help: median {help_time:.3f} s over {RUNS} runs")
    results["--help (s)"] = help_time
    header = (f"{'facts':>7} | {'check':>7} | {'anki':>7} {'genanki':>8} {'ratio':>6} | "
              f"{'pdf':>7} {'reportlab':>9} {'ratio':>6} | {'peak MB':>7}")
    print(header)
    print("-" * len(header))
    floors: list[str] = []  # printed after the table
    for size in sizes:
        folder = work / str(size)
        facts = folder / "facts.json"
        # in a process of its own: a forked child's peak memory starts from its parent's size,
        # so this process must stay small for the peaks measured below to be the commands' own
        subprocess.run([PYTHON, __file__, "prepare", str(size), str(folder)], check=True)
        check, check_mb = median_of(quizgen("check", "--facts", str(facts)))
        anki, anki_mb = median_of(quizgen("anki", "--facts", str(facts), "--out", str(folder / "deck.apkg")))
        bare_anki, genanki_only = bare_median("bare_genanki.py", str(folder / "notes.json"), str(folder / "bare.apkg"))
        anki_before, _ = median_of([PYTHON, str(HERE / "prework.py"), "anki", str(facts)])
        pdf, pdf_mb = median_of(quizgen("pdf", "--facts", str(facts), "--count", str(QUIZ_QUESTIONS),
                                        "--out", str(folder / "quiz.pdf")))
        bare_pdf, reportlab_only = bare_median("bare_reportlab.py", str(folder / "questions.json"),
                                               str(folder / "bare.pdf"))
        pdf_before, _ = median_of([PYTHON, str(HERE / "prework.py"), "pdf", str(facts)])
        peak = max(check_mb, anki_mb, pdf_mb)
        print(f"{size:>7,} | {check:>6.2f}s | {anki:>6.2f}s {bare_anki:>7.2f}s {anki / bare_anki:>5.2f}x | "
              f"{pdf:>6.2f}s {bare_pdf:>8.2f}s {pdf / bare_pdf:>5.2f}x | {peak:>7.0f}")
        results["anki ratio"], results["pdf ratio"], results["peak MB"] = anki / bare_anki, pdf / bare_pdf, peak
        anki_floor, pdf_floor = anki_before + genanki_only, pdf_before + reportlab_only
        floors.append(f"{size:>7,} | anki: {anki_before:.2f}s + genanki {genanki_only:.2f}s = {anki_floor:.2f}s, "
                      f"{anki_floor / bare_anki:.2f}x bare | pdf: {pdf_before:.2f}s + reportlab "
                      f"{reportlab_only:.2f}s = {pdf_floor:.2f}s, {pdf_floor / bare_pdf:.2f}x bare")
        if size == 50_000:
            results["check at 50,000 (s)"] = check
    print("\nthe least each command could take: quizgen's work before it calls the library (its own")
    print("process: start, load, verify, make items) plus the time the bare script spends in the library")
    print("\n".join(floors))
    print("\ntargets (at the largest size measured):")
    for name, target in TARGETS.items():
        if name in results:
            verdict = "met" if results[name] <= target else "MISSED"
            print(f"  {name:<22} {results[name]:>8.2f}  target ≤ {target:<5}  {verdict}")


def prepare(size: int, folder: Path) -> None:
    """The synthetic fact base, and what the bare scripts are fed (not timed)."""
    facts = generate(size, folder)
    export_notes(facts, folder / "notes.json")
    export_questions(facts, folder / "questions.json")


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        prepare(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        main([int(arg) for arg in sys.argv[1:]] or [1000, 10_000, 50_000])
