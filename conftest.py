"""Collection settings for the doctests under factkit/: a module for an optional extra that is
not installed is left out (its own tests skip, saying why)."""
import importlib.util

collect_ignore = [] if importlib.util.find_spec("spacy") else ["factkit/spacy_component.py"]
