"""The command line stopped from outside: Ctrl-C and SIGTERM stop it quietly, and no worker
process outlives the main one, even when that one is killed with SIGKILL."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, SEEDS

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(),
                                reason="finds worker processes through /proc (Linux)")


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(150):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, folder / f"{i:03d}_{seed.name}")
    return folder


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _default_signals() -> None:
    # a test run started in the background inherits SIGINT ignored; a terminal's run does not
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _start(big_corpus, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "factkit", "extract", str(big_corpus), "-o",
         str(tmp_path / "facts.jsonl"), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True, preexec_fn=_default_signals)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(process.pid)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)  # well into the work
    assert process.poll() is None, "the run ended before it could be stopped"
    return process, workers


def _gone(workers, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(w) for w in workers)


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_stopped_quietly(big_corpus, tmp_path, how):
    process, workers = _start(big_corpus, tmp_path)
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # what a terminal sends: the whole group
    else:
        os.kill(process.pid, signal.SIGTERM)  # the main process only
    out, err = process.communicate(timeout=60)
    assert process.returncode == (130 if how == "ctrl-c" else 143), err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().splitlines()[-1].startswith("factkit: "), err
    assert (tmp_path / "facts.jsonl.partial").exists()
    assert _gone(workers)


def test_workers_die_with_a_killed_parent(big_corpus, tmp_path):
    process, workers = _start(big_corpus, tmp_path)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert _gone(workers), "worker processes outlived the killed main process"


def test_a_stop_inside_a_serializer_is_still_a_stop():
    """A signal that comes while pydantic runs a serializer function (ExactDecimal's) reaches
    the command line wrapped in a serialization error: it still stops the run quietly."""
    from decimal import Decimal
    from typing import Annotated

    from pydantic import BaseModel, PlainSerializer

    from factkit.cli import _stop_in, _Terminated

    def interrupted(value: Decimal) -> str:
        raise _Terminated()

    class Amount(BaseModel):
        value: Annotated[Decimal, PlainSerializer(interrupted)]

    with pytest.raises(Exception) as caught:
        Amount(value=Decimal(1)).model_dump(mode="json")
    assert not isinstance(caught.value, _Terminated)  # pydantic hands it on wrapped
    assert isinstance(_stop_in(caught.value), _Terminated)
    assert _stop_in(ValueError("a fault")) is None
