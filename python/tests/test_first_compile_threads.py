"""Several threads making the first compile of a fresh process at once
(issue 17): the extension is imported once, under a lock
(python/mumba/compiler.py); before, some threads got ``AttributeError:
cannot access submodule '_mumba'`` from a half-initialized import."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

THREADS = 8

# Each thread compiles its own function (a distinct dispatcher) and the
# same shared one, so both the first import and concurrent compiles of one
# dispatcher race; all start together at a barrier.
RACE = textwrap.dedent(
    f"""
    import threading
    import numpy as np
    from mumba import njit

    THREADS = {THREADS}
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    @njit
    def shared(a):
        total = 0.0
        for x in a:
            total += x
        return total * 2.0

    def make(k):
        @njit
        def own(x):
            return x * x + k
        return own

    def work(k):
        own = make(k)
        barrier.wait()
        try:
            results[k] = (own(3), shared(np.arange(4.0)))
        except BaseException as error:
            results[k] = repr(error)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = [(9 + k, 12.0) for k in range(THREADS)]
    assert results == expected, results
    print("ok")
    """
)


@pytest.mark.parametrize("attempt", range(8))
def test_threads_racing_the_first_compile(attempt, tmp_path):
    # Without the lock about one run in four failed here; eight runs make
    # a regression all but certain to show.
    env = dict(os.environ)
    # A fresh process with no cache: the extension's first import is raced.
    env["NUMBA_CACHE_DIR"] = str(tmp_path)
    env["MUMBA_CACHE_DIR"] = str(tmp_path)
    script = tmp_path / "race.py"  # a file: the frontend reads the source
    script.write_text(RACE)
    run = subprocess.run(
        [sys.executable, str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert run.stdout.strip() == "ok"
