"""The records factkit produces (the contract in API.md), as frozen Pydantic v2 models."""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PrivateAttr, model_validator

__all__ = [
    "Fact", "Figure", "DateMention", "Place", "Organization", "Document",
    "FigureKind", "Qualifier", "Granularity", "PlaceLevel", "OrganizationKind", "PartOfDay",
    "Mention", "Statement", "Relation", "Basis",
]

# JSON carries a Decimal as a string in plain notation ("0.000000000001", never "1E-12"), every
# digit kept, so a reader never meets rounding or an exponent it has to undo
ExactDecimal = Annotated[Decimal, PlainSerializer(lambda value: format(value, "f"),
                                                  return_type=str, when_used="json")]

Offset = Annotated[int, Field(ge=0, description="character offset into the input string")]

FigureKind = Literal["money", "percent", "count", "mass", "power", "energy", "area", "length",
                     "volume", "duration", "age", "temperature", "other"]
Qualifier = Literal["exact", "approx", "over", "at_least", "under", "at_most", "range"]
Granularity = Literal["day", "month", "quarter", "season", "year", "multi_year", "other"]
Calendar = Literal["gregorian", "lunar"]
# 凌晨 / 清晨, 早上, 上午 / 中午 / 下午 / 傍晚, 晚上 / 夜里, 深夜 (factkit/dates/clock.py)
PartOfDay = Literal["early_morning", "morning", "noon", "afternoon", "evening", "night"]
PlaceLevel = Literal["country", "province", "prefecture", "county", "township", "village",
                     "region", "other", "continent", "city", "feature", "site"]
OrganizationKind = Literal["government", "party", "company", "hospital", "school", "research",
                           "association", "zone", "other", "legislature", "judicial", "military",
                           "media", "international", "team"]


class Fact(BaseModel):
    """A mention in the input: ``text`` is ``input[start:end]`` minus layout line breaks."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    text: str = Field(description="the mention as written, with layout line breaks removed")
    start: Offset = Field(description="start offset into the input (inclusive)")
    end: Offset = Field(description="end offset into the input (exclusive)")

    @model_validator(mode="after")
    def _span_is_ordered(self) -> "Fact":
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Figure(Fact):
    """A numeric quantity that measures something: money, counts, rates, physical amounts."""

    value: Optional[ExactDecimal] = Field(
        default=None, description="the amount in `unit`; None when only bounds are known")
    low: Optional[ExactDecimal] = Field(default=None, description="lower bound, when known")
    high: Optional[ExactDecimal] = Field(default=None, description="upper bound, when known")
    qualifier: Qualifier = "exact"
    kind: FigureKind
    unit: str = Field(description='canonical unit: ISO 4217 code, "%", "t", "W", "Wh", "m2", '
                                  '"m", "m3", a duration unit, "°C", or the measure word of a '
                                  'count; "" for a bare number')
    measure: Optional[str] = Field(
        default=None, description="the unit word as written (亿元, 万吨, 家, 人次)")
    per: Optional[str] = Field(
        default=None, description="for a rate, its denominator as written, in simplified "
                                  "characters (3元/斤 -> 斤, 120公里/小时 -> 小时, 12.5/10万 -> "
                                  "10万); value and unit are the numerator's")

    @model_validator(mode="after")
    def _bounds_agree(self) -> "Figure":
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        if self.value is None and self.low is None and self.high is None:
            raise ValueError("a figure needs a value or a bound")
        if self.qualifier == "range" and (self.low is None or self.high is None):
            raise ValueError("a range needs both low and high")
        return self


class DateMention(Fact):
    """A point or period of calendar time, resolved to inclusive first/last days."""

    first_day: Optional[datetime.date] = None
    last_day: Optional[datetime.date] = None
    granularity: Granularity
    calendar: Calendar = "gregorian"
    relative: bool = Field(default=False,
                           description="True when resolution used the reference date")
    start_time: Optional[datetime.time] = Field(
        default=None, description="clock time as written (上午9时30分 -> 09:30); the start of a "
                                  "clock range (9时至11时); None when none is written")
    end_time: Optional[datetime.time] = Field(
        default=None, description="the end of a clock range (9时至11时 -> 11:00)")
    part_of_day: Optional[PartOfDay] = Field(
        default=None, description="the part of the day written (凌晨 early_morning; 早上, 上午 "
                                  "morning; 中午 noon; 下午 afternoon; 傍晚, 晚上 evening; 夜里, "
                                  "深夜 night)")

    @model_validator(mode="after")
    def _days_ordered(self) -> "DateMention":
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValueError(f"last_day {self.last_day} is before first_day {self.first_day}")
        return self


class Place(Fact):
    name: str = Field(description="official full name where known, else the text")
    level: PlaceLevel = Field(
        description="a division level (province … village; a foreign first-level division is a "
                    "province), country, continent, city (a foreign city), region (macro-regions "
                    "such as 长三角, world regions such as 中东), feature (rivers, lakes, "
                    "mountains, seas), site (well-known places and buildings), other")
    code: Optional[str] = Field(default=None, pattern=r"^\d{12}$",
                                description="12-digit statistical division code")
    path: list[str] = Field(default_factory=list,
                            description="official names from the province down to the parent")
    candidates: list[str] = Field(
        default_factory=list,
        description="when the name fits several divisions and the text cannot decide: their "
                    "codes (code is then None)")
    country: Optional[str] = Field(
        default=None,
        description="the country it lies in (中国 for Chinese divisions, Taiwan, Hong Kong "
                    "and Macao included); None for continents and places that span several")


class Organization(Fact):
    name: str = Field(description="the full name as written, place prefix included")
    kind: OrganizationKind = Field(
        description="government (governments and their departments), party, legislature "
                    "(congresses, parliaments, political consultative conferences), judicial "
                    "(courts, procuratorates), military, media, international (organizations "
                    "of several states), company, hospital, school, research, association "
                    "(mass organizations, chambers, federations), team (sports teams and "
                    "clubs), zone (development zones and their parks), other")
    place: Optional[str] = Field(default=None,
                                 description="official name of the place it belongs to")


class Mention(Fact):
    """A stretch of the input with no fields of its own (the metric of a statement)."""


Relation = Literal["level", "change", "share", "target", "other"]
Basis = Literal["yoy", "mom", "vs_previous"]


class Statement(BaseModel):
    """What a figure measures, for whom and when: one per figure that measures something and
    is tied to something (a metric, a subject, a period, a basis, or a relation other than a
    plain level); a list index or a bare number with no words around it has none.

    A carried subject or period is the record where it was written, so its offsets may point
    to an earlier sentence or the headline."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    figure: Figure
    metric: Optional[Mention] = Field(
        default=None, description="the noun phrase naming what is measured (地区生产总值)")
    relation: Relation = Field(
        default="level", description="level: a value; change: a growth or decline; share: a "
        "proportion; target: a goal or a forecast of a period still ahead; other: thresholds, "
        "gaps between rates, time limits")
    basis: Optional[Basis] = Field(
        default=None, description="yoy (同比), mom (环比), vs_previous (比上年, 较去年)")
    subject: Optional[Union[Place, Organization]] = Field(
        default=None, description="the place or organization the figure is about")
    period: Optional[DateMention] = Field(
        default=None, description="the date the figure applies to")
    sentence_start: Offset = Field(description="start of the sentence it comes from")
    sentence_end: Offset = Field(description="end of the sentence it comes from")


_FACT_LISTS = ("figures", "dates", "places", "organizations", "statements")


class Document(BaseModel):
    """Everything factkit found in one text; each list is in order of ``start``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    figures: list[Figure] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    ref_date: Optional[datetime.date] = Field(
        default=None, description="the day the article speaks from, given or inferred")
    ref_date_inferred: bool = Field(
        default=False, description="True when ref_date was inferred from the text")
    warnings: list[str] = Field(
        default_factory=list, description="things a reader should check, e.g. conflicting dates")
    statements: list[Statement] = Field(
        default_factory=list, description="what each figure measures, for whom and when")
    source: Optional[str] = Field(
        default=None, description="where the text came from (the file name the command line "
                                  "and extract_many give), None for a text passed directly")

    # The text the document was extracted from (set by factkit.extract, pipe and extract_many;
    # None for a document loaded from JSON): a reference, not a copy, never serialized, and not
    # part of equality (see __eq__).
    _text: Optional[str] = PrivateAttr(default=None)

    @property
    def text(self) -> Optional[str]:
        """The text this document was extracted from, when it is kept (see ``_text``)."""
        return self._text

    def __eq__(self, other: object) -> bool:
        """Documents are equal when what was found is equal: where the text came from
        (``source``, ``text``) is not part of the comparison, so a document read back from the
        command line's output equals ``factkit.extract`` of the same text."""
        if not isinstance(other, Document):
            return NotImplemented
        if type(self) is not type(other):
            return False
        mine, theirs = dict(self.__dict__), dict(other.__dict__)
        mine.pop("source", None)
        theirs.pop("source", None)
        return mine == theirs

    def __repr__(self) -> str:
        """One line: counts per kind and the reference date, not every record."""
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in _FACT_LISTS
                           if hasattr(self, name))
        ref = f"{self.ref_date}{' (inferred)' if self.ref_date_inferred else ''}"
        source = f"source={self.source!r}, " if self.source else ""
        return f"<Document {source}{counts}, ref_date={ref}>"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """The compact HTML view for notebooks (Jupyter calls this to show a Document)."""
        from .html import render_compact

        return render_compact(self)

    @property
    def facts(self) -> list[Fact]:
        """All records of every kind, in order of ``start``."""
        everything: list[Fact] = [*self.figures, *self.dates, *self.places, *self.organizations]
        return sorted(everything, key=lambda fact: (fact.start, fact.end))
