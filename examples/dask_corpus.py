"""Extract a large corpus on a Dask cluster: a folder (or bucket) of .txt articles in, JSON
lines (and optionally Parquet) out.

    pip install 'factkit[dask]'
    python examples/dask_corpus.py ARTICLES_DIR OUT_DIR [--workers 2] [--scheduler ADDRESS]

Without --scheduler a LocalCluster is started on this machine; with one (tcp://host:8786),
the same code runs on a distributed cluster whose workers have factkit installed. For a
bucket, pass a URL dask understands (s3://bucket/articles/*.txt) with its filesystem package
installed (s3fs, gcsfs).

Each worker process imports factkit once, so the lexicons and the division gazetteer load
once per worker, not once per article. Workers return plain dicts (Document.model_dump), which
pickle cheaply; output is one JSON object per article, as `factkit extract --out x.jsonl`
writes.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def extract_record(item: tuple[str, str]) -> dict:
    """One article (path, text) -> the line factkit extract would write for it."""
    import factkit  # imported in the worker: its caches live as long as the worker

    path, text = item
    return factkit.extract(text, source=path).model_dump(mode="json")


def read_articles(pattern: str):
    """A bag of (path, text) pairs, one per file, read on the workers."""
    import dask.bag as db
    from fsspec import open_files

    files = open_files(pattern, mode="rt", encoding="utf-8")
    return db.from_sequence(files, npartitions=max(1, min(len(files), 64))).map(
        lambda f: (f.path, _read(f)))


def _read(open_file) -> str:
    with open_file as handle:
        return handle.read()


def run(articles: str, out_dir: str, workers: int = 2, scheduler: str | None = None,
        parquet: bool = False) -> list[str]:
    """Extract every article under ``articles`` into OUT_DIR/part-*.jsonl; return the files."""
    from dask.distributed import Client, LocalCluster

    pattern = str(Path(articles) / "**" / "*.txt") if "://" not in articles and \
        Path(articles).is_dir() else articles
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        records = read_articles(pattern).map(extract_record)
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        written = records.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(
            str(Path(out_dir) / "part-*.jsonl"), compute=True)
        if parquet:  # needs pandas and pyarrow: one row per figure, a table analysts can query
            import dask.dataframe as dd

            figures = records.map(lambda r: [{"source": r["source"], **f} for f in r["figures"]])
            dd.from_pandas(figures.flatten().to_dataframe().compute(), npartitions=1).to_parquet(
                str(Path(out_dir) / "figures.parquet"))
        client.close()
    if cluster is not None:
        cluster.close()
    return [str(p) for p in written]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="folder of .txt files, or a glob/URL (s3://…/*.txt)")
    parser.add_argument("out_dir")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", default=None, help="address of an existing cluster")
    parser.add_argument("--parquet", action="store_true", help="also write figures.parquet")
    args = parser.parse_args()
    for path in run(args.articles, args.out_dir, args.workers, args.scheduler, args.parquet):
        print(path)


if __name__ == "__main__":
    main()
