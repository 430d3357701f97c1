"""The native dispatcher: type keys, arguments, threads, the GIL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import numpy as np
import pytest
from helpers import REPO_ROOT, check

from mumba import njit


@njit
def add(a, b):
    return a + b


@njit
def first(a):
    return a[0]


@njit
def scaled(a, *, factor=2.0, shift=0):
    return a * factor + shift


@njit
def defaults(a, b=3):
    return a * b


def _spin(n):
    s = 0
    for i in range(n):
        s = (s + i * i) % 1000003
    return s


spin_nogil = njit(nogil=True)(_spin)


def test_one_specialisation_per_type_key():
    check(add, 1, 2)
    check(add, 1.5, 2)
    check(add, True, 2)
    check(add, np.float32(1.5), np.int32(2))
    assert len(add.signatures) == 4
    # Repeated calls take the native path and do not recompile.
    for _ in range(100):
        assert add(1, 2) == 3
    assert len(add.signatures) == 4


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "int32"])
def test_array_keys_by_dtype_and_layout(dtype):
    a = np.arange(6).astype(dtype)
    check(first, a)
    check(first, a[::2])
    check(first, a.reshape(2, 3)[:, 0].copy())
    assert first(a[1:]) == a[1]


def test_byte_order_is_part_of_the_key():
    a = np.arange(4.0)
    assert first(a) == 0.0
    swapped = np.arange(4.0).astype(">f8")
    swapped[0] = 7.5
    # A byte-swapped array must not reuse the native-order specialisation.
    with pytest.raises(TypeError):
        first(swapped)


def test_keywords_and_defaults():
    assert scaled(2.0) == scaled.py_func(2.0)
    assert scaled(2.0, factor=3.0, shift=1) == scaled.py_func(2.0, factor=3.0, shift=1)
    assert defaults(4) == 12 and defaults(4, 5) == 20 and defaults(b=2, a=1) == 2


def test_wrong_arguments_raise_type_error():
    with pytest.raises(TypeError):
        add(1)
    with pytest.raises(TypeError):
        add(1, 2, 3)
    with pytest.raises(TypeError):
        add(1, c=2)
    with pytest.raises(TypeError):
        add("a", 1)
    with pytest.raises(TypeError):
        scaled(1.0, 2.0)  # factor is keyword-only


def test_calls_from_many_threads():
    a = np.arange(100.0)
    expected = first(a)
    errors = []

    def worker(k):
        try:
            for i in range(2000):
                assert add(i, k) == i + k
                assert first(a) == expected
                assert spin_nogil(50) == _spin(50)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_nogil_lets_other_threads_run():
    spin_nogil(10)  # compile first
    progress = []
    done = threading.Event()

    def ticker():
        while not done.is_set():
            progress.append(1)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        # Long enough that a ticker blocked on the GIL would not tick.
        spin_nogil(30_000_000)
        ticks_during = len(progress)
    finally:
        done.set()
        t.join()
    assert ticks_during > 1000


def test_compiling_from_threads_is_guarded():
    @njit
    def late(x):
        return x * 3

    results = []

    def worker():
        results.append(late(7))

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [21] * 6
    assert len(late.signatures) == 1


def test_boundscheck_from_environment(tmp_path):
    script = tmp_path / "bounds.py"
    script.write_text(
        "import numpy as np\n"
        "from mumba import njit\n"
        "@njit\n"
        "def get(a, i):\n"
        "    return a[i]\n"
        "try:\n"
        "    get(np.zeros(3), 3)\n"
        "    print('no error')\n"
        "except IndexError as e:\n"
        "    print('IndexError', e)\n"
    )
    env = dict(os.environ, MUMBA_BOUNDSCHECK="1", PYTHONPATH=str(REPO_ROOT / "build" / "python"))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "IndexError index 3 is out of bounds for axis 0 with size 3", out.stderr


def test_dispatchers_can_be_created_and_freed():
    import gc

    for i in range(300):

        def f(x):
            return x + 1

        g = njit(f)
        assert g(i) == i + 1
        del g
        if i % 50 == 0:
            gc.collect()
