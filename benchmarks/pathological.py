"""Pathological inputs: one short string repeated to 1 and 4 MB (16 MB with --big), measured
against news text of the same size (measured, not asserted in tests). Sizes are of the text
encoded as UTF-8, as a file on disk: 4 MB of "1年" is a million figures, 4 MB of news about
1.4 million characters.

    python benchmarks/pathological.py                 # every case at 1 and 4 MB
    python benchmarks/pathological.py --big           # also 16 MB (slow)
    python benchmarks/pathological.py --cases 一 1年 --sizes 1
    python benchmarks/pathological.py --stream --cases news --sizes 50   # iter_facts

Each case runs in a fresh interpreter (after a warm-up extract, so lexicon loading is not
counted) and reports its CPU time (so that other load on the machine counts less), chars/s,
its per-character time relative to the seeds repeated to the same size ("×news": 1.0 is as
fast as news, 3.0 three times slower) and the peak RSS of that process (ru_maxrss, the whole interpreter with its lexicons). The child gets an address
space limit (--memory-limit, default 8 GB) so that a runaway case ends in MemoryError instead
of taking the machine down. The bars: at 4 MB, ≤ 3× news and ≤ 1 GB peak; at 16 MB, no
MemoryError. With --stream every case goes through factkit.iter_facts instead of extract
(records counted as they come, none kept).

News is measured again right before each case, and "×news" is against that measurement: the
speed of a virtual machine can change by half within a run, and a case measured minutes after
its reference would read that change as its own. ``--news-once`` measures news once per size.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEWS = "news"

# name -> the string repeated; news is the seeds, joined
CASES = {
    "一": "一", "一万": "一万", "壹": "壹", "1年": "1年", "郴州市": "郴州市", "（": "（",
    "（）": "（）", "【《“": "【《“", "\\n": "\n", "\\n \\n": "\n \n", "字\\n": "字\n",
    "1": "1", "1,": "1,", "十 ": "十 ", "3.5万余吨，": "3.5万余吨，", "百分之": "百分之",
    "2026年2月24日": "2026年2月24日", "深冬": "深冬", "正月初八": "正月初八",
    "资兴市汤溪镇壁溪村": "资兴市汤溪镇壁溪村", "湖南鑫泉科技有限公司与": "湖南鑫泉科技有限公司与",
    "郴州市委、": "郴州市委、", "近约超": "近约超", "。": "。", "、": "、",
    "1 ": "1 ", "12 34 ": "12 34 ",
}

CHILD = r"""
import json, resource, sys, time
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import factkit
seeds = json.loads(sys.argv[4])
factkit.extract("".join(seeds))  # warm-up: lexicons and patterns load here, not in the timing
unit = seeds if sys.argv[1] == "news" else [sys.argv[1]]
unit = "".join(unit)
size = int(sys.argv[2])  # bytes of UTF-8, as the file would be on disk
text = unit * (size // len(unit.encode("utf-8")))
result = {"chars": len(text)}
try:
    start, wall = time.process_time(), time.perf_counter()
    if sys.argv[5] == "stream":
        result["facts"] = sum(1 for _ in factkit.iter_facts(text))
    else:
        doc = factkit.extract(text)
        result["facts"] = sum(len(getattr(doc, f)) for f in ("figures", "dates", "places",
                                                           "organizations"))
    result["seconds"] = time.process_time() - start
    result["wall"] = time.perf_counter() - wall
except MemoryError:
    result["error"] = "MemoryError"
except Exception as error:
    result["error"] = f"{type(error).__name__}: {error}"[:80]
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def measure(unit: str, size: int, limit: int, timeout: float, seeds: list[str],
            mode: str = "extract") -> dict:
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, unit, str(size), str(limit),
                               json.dumps(seeds), mode], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f} s"}
    if done.returncode != 0 or not done.stdout.strip():
        return {"error": (done.stderr.strip().splitlines() or ["crashed"])[-1][:80]}
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4],
                        help="in MB of UTF-8 text (10^6 bytes, as on disk)")
    parser.add_argument("--big", action="store_true", help="also 16 MB")
    parser.add_argument("--cases", nargs="+", help="case names (default: all)")
    parser.add_argument("--memory-limit", type=float, default=8.0, help="GB per child")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per case")
    parser.add_argument("--stream", action="store_true", help="read through iter_facts")
    parser.add_argument("--news-once", action="store_true",
                        help="measure news once per size, not before each case")
    args = parser.parse_args()
    mode = "stream" if args.stream else "extract"
    sizes = args.sizes + ([16] if args.big and 16 not in args.sizes else [])
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    names = args.cases or list(CASES)
    limit = int(args.memory_limit * 2**30)
    print(f"{'case':<24}{'MB':>4}{'seconds':>9}{'chars/s':>11}{'×news':>7}{'peak MB':>9}"
          f"{'facts':>10}  verdict")
    failed = False
    for size_mb in sizes:
        size = size_mb * 1_000_000
        news = measure(NEWS, size, limit, args.timeout, seeds, mode)
        news_rate = news["chars"] / news["seconds"] if "seconds" in news else None
        for name in [NEWS, *[n for n in names if n != NEWS]]:
            if name != NEWS and not args.news_once and news_rate is not None:
                news = measure(NEWS, size, limit, args.timeout, seeds, mode)
                news_rate = news["chars"] / news["seconds"] if "seconds" in news else news_rate
            result = news if name == NEWS else measure(CASES.get(name, name), size, limit,
                                                       args.timeout, seeds, mode)
            failed |= _print_row(name, size_mb, result, news_rate)
        sys.stdout.flush()
    return 1 if failed else 0


def _print_row(name: str, size_mb: int, result: dict, news_rate: float | None) -> bool:
    peak = result.get("peak_mb")
    peak_text = f"{peak:9.0f}" if peak is not None else f"{'-':>9}"
    if "error" in result:
        print(f"{name:<24}{size_mb:>4}{'-':>9}{'-':>11}{'-':>7}{peak_text}{'-':>10}  "
              f"{result['error']}")
        return True
    rate = result["chars"] / result["seconds"]
    relative = news_rate / rate if news_rate else float("nan")
    verdict = "ok"
    if size_mb == 4 and (relative > 3 or (peak or 0) > 1024):
        verdict = "over the bar (≤ 3× news, ≤ 1 GB at 4 MB)"
    print(f"{name:<24}{size_mb:>4}{result['seconds']:9.2f}{rate:11,.0f}{relative:7.2f}"
          f"{peak_text}{result['facts']:>10,}  {verdict}")
    return verdict != "ok"


if __name__ == "__main__":
    raise SystemExit(main())
