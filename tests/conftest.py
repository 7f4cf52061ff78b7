from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

TESTS = Path(__file__).parent
REPO = TESTS.parent
SEEDS = REPO / "seeds"


def load_yaml(name: str):
    return yaml.safe_load((TESTS / name).read_text(encoding="utf-8"))


def as_decimal(value):
    """YAML numbers arrive as int/float; compare them as the decimals they were written as."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))
