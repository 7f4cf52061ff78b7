"""Memory and first-call time of the whole library (measured, not asserted in tests).

    python benchmarks/memory.py            # RSS and first-call time
    python benchmarks/memory.py --per-fact # bytes per fact of big documents

Runs in a fresh interpreter: RSS after `import factkit`, after the first extract (which loads
the division gazetteer) and after an extract that needs villages, plus the wall time of that
first extract.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_f762f7c7f036bfc1.txt"

PROBE = f"""
import resource, time
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
start = time.perf_counter()
import factkit
imported = time.perf_counter()
print(f"after import:          {{rss():6.1f}} MB  ({{imported - start:.3f}} s)")
text = open({str(SEED)!r}, encoding="utf-8").read()
factkit.extract(text)
done = time.perf_counter()
print(f"after first extract:   {{rss():6.1f}} MB  (first extract {{done - imported:.3f}} s, "
      f"import + extract {{done - start:.3f}} s)")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"peak RSS:              {{peak:6.1f}} MB")
"""


# Bytes per fact (tracemalloc): what the Document keeps, and what extraction needs on top of
# it at its peak (candidates, overlap clusters, lists), for texts of many facts.
PER_FACT = f"""
import gc, tracemalloc, factkit
seed = open({str(SEED)!r}, encoding="utf-8").read()
factkit.extract(seed)
for name, unit, repeat in (("1年 (figures)", "1年", 100_000), ("1, (figures)", "1,", 100_000),
                           ("郴州市 (places)", "郴州市", 100_000),
                           ("2026年2月24日 (dates)", "2026年2月24日", 50_000),
                           ("news (seed repeated)", seed + "\\n", 30)):
    text = unit * repeat
    gc.collect()
    tracemalloc.start()
    doc = factkit.extract(text)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    facts = len(doc.facts)
    print(f"{{name:<22}} {{facts:>8,}} facts  kept {{kept / facts:6.0f}} B/fact  "
          f"working {{(peak - kept) / facts:6.0f}} B/fact beyond that")
    del doc
"""


def main() -> None:
    if "--per-fact" in sys.argv[1:]:
        subprocess.run([sys.executable, "-c", PER_FACT], check=True)
        return
    subprocess.run([sys.executable, "-c", PROBE], check=True)


if __name__ == "__main__":
    main()
