"""Where the time goes: CPU time of each pipeline stage, warm and cold (measured, not asserted).

    python benchmarks/stages.py              # warm: per stage, median of 20 passes over the seeds
    python benchmarks/stages.py --cold       # also: a fresh interpreter, each stage's first call

CPU time (``time.process_time``) rather than wall time, so that numbers taken while other
processes share the machine stay comparable; compare two commits by running both in turn.
Stages: normalize, each default extractor, overlap policy + record building, statements.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def one_pass(texts: list[str]) -> dict[str, float]:
    """CPU seconds per stage for one pass over ``texts``."""
    from factkit import statements
    from factkit.candidates import Context
    from factkit.normalize import normalize
    from factkit.pipeline import DEFAULT_EXTRACTORS, Pipeline
    from factkit.overlaps import resolve

    pipeline = Pipeline()
    spent: dict[str, float] = {}

    def clock(stage: str, started: float) -> float:
        now = time.process_time()
        spent[stage] = spent.get(stage, 0.0) + now - started
        return now

    for text in texts:
        started = time.process_time()
        ntext = normalize(text)
        started = clock("normalize", started)
        context = Context(ref_date=None)
        candidates = []
        for extractor in DEFAULT_EXTRACTORS:
            context.found = candidates
            candidates.extend(extractor(ntext, context))
            started = clock(extractor.__module__.removeprefix("factkit."), started)
        kept = list(resolve(candidates))
        lists = pipeline._build(kept, ntext, 0)
        started = clock("overlaps+records", started)
        statements.build(ntext, lists["figures"], lists["dates"], lists["places"],
                         lists["organizations"], context.ref_date)
        clock("statements", started)
    return spent


def warm(repeats: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    one_pass(texts)  # lexicons load, patterns compile
    passes = [one_pass(texts) for _ in range(repeats)]
    chars = sum(map(len, texts))
    total = statistics.median(sum(p.values()) for p in passes)
    print(f"warm, CPU ms per pass over the seeds ({chars:,} chars), median of {repeats}:")
    for stage in passes[0]:
        ms = statistics.median(p[stage] for p in passes) * 1000
        print(f"  {stage:18s} {ms:8.2f} ms  {ms / total / 10:5.1f} %")
    print(f"  {'total':18s} {total * 1000:8.2f} ms  = {chars / total:,.0f} chars/s (CPU)")


def cold() -> None:
    code = (
        "import time, json, sys; t = time.process_time(); import factkit; "
        "imported = time.process_time() - t; "
        f"sys.path.insert(0, {str(REPO / 'benchmarks')!r}); import stages, pathlib; "
        f"text = pathlib.Path({str(SEEDS[0])!r}).read_text(encoding='utf-8'); "
        "spent = stages.one_pass([text]); spent = {'import factkit': imported, **spent}; "
        "print(json.dumps(spent))"
    )
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                      capture_output=True, text=True).stdout)
            for _ in range(3)]
    print("cold, CPU ms in a fresh interpreter (first seed), median of 3:")
    total = 0.0
    for stage in runs[0]:
        ms = statistics.median(r[stage] for r in runs) * 1000
        total += ms
        print(f"  {stage:18s} {ms:8.1f} ms")
    print(f"  {'total':18s} {total:8.1f} ms (plus interpreter start)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    warm(args.repeats)
    if args.cold:
        cold()
    return 0


if __name__ == "__main__":
    sys.exit(main())
