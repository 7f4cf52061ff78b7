"""Text normalization for matching, with a map back to the original offsets.

Two changes are made, and nothing else:

* **folding**, one character for one character: full-width digits, letters and signs to
  ASCII (１２％ -> 12%), the ideographic space to a space, and traditional characters, with
  the Taiwan and Hong Kong variant forms, to simplified ones (萬 -> 万, 廣東 -> 广东, 臺 -> 台,
  裡/裏 -> 里, 綫 -> 线). The script table ``data/script_fold.tsv`` is generated from OpenCC's
  dictionaries by ``scripts/build_script_fold.py``, whose docstring gives the rules. Characters
  that simplified text also writes (乾, 於, 夥, 徵: 乾安县, 於潜镇, 於 as a surname) are folded
  to their usual reading (干, 于, 伙, 征) only in text that reads as traditional script; 著
  and the characters of official simplified place names (濛江乡) are never folded. Phrase
  conversions are not applied: only a fold that keeps the length keeps the offsets;
* **joining layout breaks**: a run of white space holding a line break inside a sentence
  (PDF extraction puts them mid-word: "累计发\\n\\n出预警50起") is removed. A break after
  sentence-final punctuation, or next to Markdown-style markup, is a real paragraph end
  and stays.

Folding keeps offsets; joining only deletes runs, so a position in the normalized text maps to
the original by adding the length of the runs deleted before it (``OffsetMap``). Record text is
taken from the joined but unfolded text, so it is the input as written minus layout breaks.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

import daachorse
import regex

from .lexicon import read_table
from .lexmatch import Hits, lexicon, read_sections, stored_automaton

__all__ = ["NormalizedText", "normalize", "fold", "reads_traditional", "is_han"]

# Full-width forms U+FF01..U+FF5E fold to ASCII, except the Chinese clause punctuation, which
# stays Chinese: ， between digits is an enumeration, not a thousands separator ("1，2").
_KEEP_FULL_WIDTH = set("，；：！？（）")


@dataclass(frozen=True)
class _FoldTables:
    any_text: dict[int, int]            # width and script folds applied to every text
    traditional_text: dict[int, int]    # those, and characters simplified text writes too
    traditional_only: frozenset[str]    # characters that only traditional script writes
    ambiguous_characters: str           # characters simplified text writes too


@cache
def _fold_tables() -> _FoldTables:
    width = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)
             if chr(code) not in _KEEP_FULL_WIDTH}
    width[0x3000] = 0x20  # ideographic space
    width[0x00A0] = 0x20  # no-break space
    rows = read_table("script_fold.tsv")
    always = [r for r in rows if r["scope"] == "always"]
    in_traditional = [r for r in rows if r["scope"] == "traditional"]

    def table(selected: list[dict[str, str]]) -> dict[int, int]:
        return str.maketrans("".join(r["traditional"] for r in selected),
                             "".join(r["simplified"] for r in selected))

    any_text = {**width, **table(always)}
    return _FoldTables(any_text, {**any_text, **table(in_traditional)},
                       frozenset("".join(r["traditional"] for r in always)),
                       "".join(r["traditional"] for r in in_traditional))


# Text reads as traditional script when at least this share of its distinct Han characters
# are characters only traditional script writes: a traditional article has a third or more,
# a simplified one none, or a stray one (共贏) or a quoted name (《蘋果日報》).
_TRADITIONAL_SHARE = 0.1


def reads_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional script (see ``_TRADITIONAL_SHARE``)."""
    characters = set(text)
    han = sum(1 for c in characters if "\u3400" <= c <= "\u9fff")
    traditional = len(characters & _fold_tables().traditional_only)
    return han > 0 and traditional >= _TRADITIONAL_SHARE * han


_HAN = regex.compile(r"\p{Han}")


def is_han(ch: str) -> bool:
    """A Han character (``\\p{Han}``); the common block and everything below the first Han
    character are settled without the pattern."""
    if "\u4e00" <= ch <= "\u9fff":
        return True
    return ch >= "\u2e80" and _rare_han(ch)


# the rest is punctuation (、，。) far more often than a Han character: asked again and again
@lru_cache(maxsize=4096)
def _rare_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


# A full-width comma between full-width digits is part of a full-width number (４，５６５).
_FULL_WIDTH_GROUPING = regex.compile(r"(?<=[０-９])，(?=[０-９]{3})")


def fold(text: str) -> str:
    """Fold width and traditional script; the result has the same length.

    Simplified text folds in few places (a full-width figure, an ideographic space, a stray
    traditional character), and ``str.translate`` pays about 390 instructions for every
    character, folded or not: an Aho-Corasick automaton over the characters that fold finds
    them, and the characters that hint at traditional script, at about 95 a character (a
    character-set search of the standard library pays 170), so that simplified news pays for
    no other scan of the whole text."""
    tables = _fold_tables()
    found = _foldable().find(text)
    if not found:
        return text
    ambiguous = tables.ambiguous_characters
    if any(text[start] in ambiguous for start, _, _ in found) and reads_traditional(text):
        return _fold_whole(text, tables, traditional=True)
    if len(found) > len(text) >> 5:  # past this, rebuilding in pieces costs more than translating
        return _fold_whole(text, tables, traditional=False)
    if "，" in text and any("０" <= text[start] <= "９" for start, _, _ in found):
        text = _FULL_WIDTH_GROUPING.sub(",", text)  # same length: nothing found moves
    table = tables.any_text
    folded: list[str] = []
    last = 0
    for start, end, _ in found:
        folded.append(text[last:start])
        folded.append(text[start:end].translate(table))
        last = end
    folded.append(text[last:])
    return "".join(folded)


def _fold_whole(text: str, tables: _FoldTables, traditional: bool) -> str:
    """The fold of every character of ``text``, of traditional script where
    ``traditional``."""
    if "，" in text:
        text = _FULL_WIDTH_GROUPING.sub(",", text)
    if _ASTRAL.search(text):
        return text.translate(tables.traditional_text if traditional else tables.any_text)
    return text.translate(_bmp_table(traditional))


def foldable_characters() -> list[str]:
    """The characters the fold of simplified text changes, and those simplified text writes
    too, which fold only in traditional text: the patterns of the automaton ``fold`` scans
    with (``scripts/compile_lexicons.py`` stores it in ``data/fold.bin``)."""
    tables = _fold_tables()
    changed = {chr(code) for code, folded in tables.any_text.items() if folded != code}
    changed.update(tables.ambiguous_characters)
    return sorted(changed)


@cache
def _foldable() -> daachorse.CharwiseDoubleArrayAhoCorasick:
    header, sections = read_sections("fold.bin")
    return stored_automaton(sections["automaton"], header["daachorse"], "fold.bin",
                            foldable_characters)


_ASTRAL = regex.compile("[\U00010000-\U0010FFFF]")


@cache
def _bmp_table(traditional: bool) -> list[int]:
    """A fold table as a list indexed by code point, for text within the Basic Multilingual
    Plane: str.translate with a dict pays for every character the dict lacks (a KeyError
    caught inside, ~0.3 µs), with a list it indexes: twice as fast on news."""
    folds = _fold_tables().traditional_text if traditional else _fold_tables().any_text
    table = _identity_bmp().copy()
    for code, folded in folds.items():
        if code < 0x10000:
            table[code] = folded
    return table


@cache
def _identity_bmp() -> list[int]:
    return list(range(0x10000))  # one int object per code point, shared by both tables


# White space runs that hold at least one line break.
_BREAK_RUN = regex.compile(r"[ \t\u3000\xa0\r\f\v]*+(?:\n[ \t\u3000\xa0\r\f\v]*+)++")
_SPACES = frozenset(" \t\u3000\xa0\r\f\v")
_SPACES_AND_BREAKS = _SPACES | {"\n"}
# The same runs, from their first line break (white space before it is found by hand).
# A break right after a sentence's end or markup is a paragraph's end, as ``_is_layout_break``
# would say: the lookbehind lets the search skip those, most breaks of news, at C speed. A
# break right after another is inside a run whose first break was already settled.
_BREAK_TO_SETTLE = re.compile(r"\n(?<![。！？!?；;…#*>|\-=_`\n]\n)[ \t\u3000\xa0\r\f\v\n]*")


def _break_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the white space runs that hold a line break and do not open with one
    right after a sentence's end or markup."""
    end = 0
    for run in _BREAK_TO_SETTLE.finditer(text):
        start, run_end = run.span()
        if start and text[start - 1] in _SPACES:  # after blanks: the run starts at them
            start = _run_start(text, end, start, _SPACES_AND_BREAKS)
        end = run_end
        yield start, end


def _run_start(text: str, floor: int, position: int, characters: frozenset[str]) -> int:
    """Where the run of ``characters`` that ends at ``position`` begins (not before
    ``floor``)."""
    while position > floor and text[position - 1] in characters:
        position -= 1
    return position


# Characters after which a line break ends a paragraph rather than cutting a sentence.
_SENTENCE_END = set("。！？!?；;…")
_CLOSERS = set("”’」』）)】》\"'")
_MARKUP = set("#*>|-=_`")


def _is_layout_break(text: str, start: int, end: int) -> bool:
    if start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    if before in _MARKUP or after in _MARKUP:
        return False
    if before in _SENTENCE_END:
        return False
    if before in _CLOSERS and start >= 2 and text[start - 2] in _SENTENCE_END:
        return False
    # Between two Latin letters the break is a word space, not a cut inside a word.
    if before.isascii() and after.isascii() and before.isalpha() and after.isalpha():
        return False
    return True


@dataclass(frozen=True)
class OffsetMap:
    """Maps positions in the normalized text back to the original text.

    ``cut_positions[k]`` is the normalized position at which the k-th deleted run was, and
    ``cut_shifts[k]`` the total length deleted up to and including it.
    """

    cut_positions: tuple[int, ...] = ()
    cut_shifts: tuple[int, ...] = ()

    def to_original(self, position: int) -> int:
        k = bisect.bisect_right(self.cut_positions, position)
        return position + (self.cut_shifts[k - 1] if k else 0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Half-open normalized span -> half-open original span (no deleted run at its edges)."""
        positions = self.cut_positions
        if not positions:  # nothing deleted: most texts, and every record asks
            return start, (end if end > start else start)
        # ``to_original`` of both ends, written out: every record of a joined text asks
        shifts = self.cut_shifts
        k = bisect.bisect_right(positions, start)
        original_start = start + shifts[k - 1] if k else start
        if end <= start:
            return original_start, original_start
        k = bisect.bisect_right(positions, end - 1, k)  # not before the start's
        return original_start, (end + shifts[k - 1] if k else end)


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str       # folded and joined: what the extractors match against
    written: str    # joined, not folded: where record text comes from
    offsets: OffsetMap = field(default_factory=OffsetMap)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_original(start, end)

    def written_text(self, start: int, end: int) -> str:
        return self.written[start:end]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        # computed once: the instance is frozen, but it has a __dict__ for the cached value
        return _sentences(self.text)

    @cached_property
    def phrases(self) -> Hits:
        """The phrases of the shared place and organization lexicon in ``text`` (lexmatch.py):
        scanned once, when the first extractor asks, and read by both; the scan goes with the
        text, so nothing of it outlives the document."""
        return lexicon().scan(self.text)


# A sentence ends after a run of final punctuation and the closing quotes or brackets after
# it, or before a run of line breaks (the stream's chunks end on the same marks).
_SENTENCE_SPLIT = regex.compile(r"[。！？!?；;]++[”’」』）)]*+|\n++")
# The same marks, as ``_sentences`` finds them: a pattern that opens with one character class
# is searched at C speed from character to character (the alternatives above are tried at every
# position, several times slower on Chinese text); after a line break, the lookbehind picks the
# run of breaks, else the run of final punctuation and closers.
_SENTENCE_MARKS = re.compile("[。！？!?；;\n](?:(?<=\n)\n*|[。！？!?；;]*[”’」』）)]*)")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for marks in _SENTENCE_MARKS.finditer(text):
        marks_start, marks_end = marks.span()
        # a line break ends the sentence before it, punctuation after itself
        end = marks_start if text[marks_start] == "\n" else marks_end
        if end > start:
            spans.append((start, end))
        start = marks_end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def normalize(original: str) -> NormalizedText:
    """Fold and join ``original``; see the module docstring."""
    pieces: list[str] = []
    positions: list[int] = []
    shifts: list[int] = []
    deleted = 0
    last = 0
    for run_start, run_end in _break_runs(original):
        if not _is_layout_break(original, run_start, run_end):
            continue
        pieces.append(original[last:run_start])
        deleted += run_end - run_start
        positions.append(run_start - (deleted - (run_end - run_start)))
        shifts.append(deleted)
        last = run_end
    if not pieces:
        written = original
    else:
        pieces.append(original[last:])
        written = "".join(pieces)
    return NormalizedText(
        original=original,
        text=fold(written),
        written=written,
        offsets=OffsetMap(tuple(positions), tuple(shifts)),
    )
