"""The statement lexicon's words are looked up at a position through indexes by their edge
characters (``_word_ending_at``, ``_word_starting_at``); these tests check them against the
rule read by hand, the longest word of the roles asked that fits, on texts made of the
lexicon's words run together, where words overlap and end inside one another."""
from __future__ import annotations

import random

import pytest

from factkit.statements import (_ACTION, _ANY_ROLE, _COUNTED_EDGE, _GLUE, _METRIC_LEFT_EDGE,
                                _roles, _word_ending_at, _word_starting_at)

ROLE_SETS = [_ANY_ROLE, _METRIC_LEFT_EDGE, _ACTION, _GLUE, _COUNTED_EDGE]


def _longest(words: set[str], text: str, start: int, end: int, at_end: bool) -> str | None:
    fitting = [w for w in words if len(w) <= end - start
               and (text.endswith(w, start, end) if at_end else text.startswith(w, start, end))]
    return max(fitting, key=len, default=None)


@pytest.mark.parametrize("seed", range(4))
def test_words_at_a_position_are_the_longest_that_fit(seed: int) -> None:
    rng = random.Random(seed)
    lexicon = _roles()[0]
    words = sorted(lexicon)
    text = "".join(rng.choice(words) + rng.choice(["", "", "的", "5%", "，"])
                   for _ in range(300))
    found = 0
    for roles in ROLE_SETS:
        of_roles = {w for w in words if lexicon[w] in roles}
        for _ in range(600):
            # (limits close by and far, where the longest word does not fit and one does)
            b = rng.randrange(1, len(text) + 1)
            a = max(0, b - rng.choice([1, 2, 3, 4, 6, 1000]))
            ending = _word_ending_at(text, b, a, roles)
            assert ending == _longest(of_roles, text, a, b, at_end=True)
            assert _word_starting_at(text, a, b, roles) == \
                _longest(of_roles, text, a, b, at_end=False)
            found += ending is not None and len(ending) > 2
    assert found   # words of three characters and more among those found
