"""Dates: points and periods of calendar time, resolved to first/last calendar days.

Each rule is a name, a pattern and a builder (Duckling's rules). A builder returns a
``DateSpec``: what was written (an explicit year? a lunar month and day?) and a function that
resolves it once the reference date and the context are known. Resolution runs after overlaps
are settled, in reading order, so that "24日" can take its month and "当晚" its day from the
dates before them.

Conventions for vague periods are those of API.md (年初 = Jan 1 – end of Feb, 上旬 = days
1–10, seasons by months, 以来 = from the start of X to the reference date). Festivals and
lunar dates without a year resolve to their occurrence nearest the reference date; year-less
Gregorian dates (2月24日) resolve within the reference year.
"""
from .resolution import extract, infer_reference_date

__all__ = ["extract", "infer_reference_date"]
