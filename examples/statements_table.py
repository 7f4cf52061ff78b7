"""The statements of the seed articles as a table: a notebook, cell by cell.

    python examples/statements_table.py [ARTICLES_DIR] [--ref-dates dates.csv]

Each ``# %%`` cell runs as it is in Jupyter or VS Code (``pip install 'factkit[pandas]'``).
"""
# %% Read the articles: one Document per file, each with its source and its own reference date
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import factkit

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("articles", nargs="?", default=str(Path(__file__).parent.parent / "seeds"))
parser.add_argument("--ref-dates", default=None, help="a CSV of file,date rows")
args = parser.parse_args()

docs = [r.document for r in factkit.extract_many(args.articles, ref_dates=args.ref_dates,
                                                 jobs=1, ordered=True) if r.document]
for doc in docs:
    print(repr(doc))

# %% The statements: what each figure measures, for whom, and when
statements = factkit.to_frame(docs, "statements")
pd.set_option("display.width", 200, "display.max_columns", 12, "display.max_colwidth", 16)
columns = ["source", "text", "value", "unit", "metric", "relation", "basis", "subject",
           "period_first_day", "period_last_day"]
print(f"\n{len(statements)} statements")
print(statements[columns].head(20).to_string(index=False))

# %% What changed, year on year: growth rates by subject
growth = statements[(statements["relation"] == "change") & (statements["unit"] == "%")]
print(f"\n{len(growth)} changes in percent")
print(growth.groupby("subject", dropna=False)["value"].describe().to_string())

# %% Money by article: all money figures, in CNY, summed per source
figures = factkit.to_frame(docs, "figures")
money = figures[(figures["kind"] == "money") & (figures["unit"] == "CNY")]
print("\nmoney written per article (CNY):")
print(money.groupby("source")["value"].agg(["count", "sum"]).to_string())
