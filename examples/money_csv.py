"""All money figures of a folder of articles, as a CSV with their date and places.

    python examples/money_csv.py ARTICLES_DIR [--out money.csv] [--ref-date YYYY-MM-DD]

One row per money figure: the article, the amount in CNY (or its currency), the qualifier,
the sentence's date (the last date mentioned up to the figure in that sentence, else the
last one before it in the article) and the places named in the sentence.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys

import factkit

SENTENCE_END = re.compile(r"[。！？!?；\n]")


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, position)), default=0)
    end_match = SENTENCE_END.search(text, position)
    return start, end_match.start() if end_match else len(text)


def rows(path: str, text: str, doc: factkit.Document):
    for figure in doc.figures:
        if figure.kind != "money":
            continue
        start, end = sentence_bounds(text, figure.start)
        in_sentence = [d for d in doc.dates if start <= d.start and d.end <= figure.start]
        earlier = [d for d in doc.dates if d.end <= figure.start]
        date = (in_sentence or earlier or [None])[-1]
        places = [p.name for p in doc.places if start <= p.start and p.end <= end]
        yield {
            "source": path, "text": figure.text, "value": figure.value, "low": figure.low,
            "high": figure.high, "unit": figure.unit, "qualifier": figure.qualifier,
            "date": date.text if date else "", "first_day": date.first_day if date else "",
            "last_day": date.last_day if date else "",
            "places": ";".join(dict.fromkeys(places)),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", help="folders or .txt files")
    parser.add_argument("--out", default=None, help="CSV file (default: stdout)")
    parser.add_argument("--ref-date", default=None)
    args = parser.parse_args()
    out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
    writer = None
    for path in factkit.batch.iter_text_files(args.articles):
        text = factkit.batch.read_article(path)
        for row in rows(path, text, factkit.extract(text, ref_date=args.ref_date)):
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
    if args.out:
        out.close()


if __name__ == "__main__":
    main()
