"""@jit: object-mode fallback with a PerformanceWarning, forceobj, loop
lifting, and a Pillow image next to the same work on a NumPy array."""

import sys
import time
import warnings

import numpy as np
import pytest

from mumba import PerformanceWarning, TypingError, jit, njit
from helpers import REPO_ROOT, assert_same


def _calls(fn, *args, **kwargs):
    """Call ``fn`` and return (result, list of PerformanceWarning messages)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    return result, [str(w.message) for w in caught if issubclass(w.category, PerformanceWarning)]


def _line_of(fn, text):
    import inspect

    lines, start = inspect.getsourcelines(fn)
    return start + next(i for i, l in enumerate(lines) if text in l)


# -- fallback and its warning ---------------------------------------------------------


def describe(values):
    names = {}
    for v in values:
        names[str(v)] = v * 2  # dicts and strings: not nopython
    return names


def test_fallback_warns_with_reason_and_line():
    f = jit(describe)
    result, msgs = _calls(f, (1, 2.5))
    assert result == describe((1, 2.5))
    assert len(msgs) == 1
    msg = msgs[0]
    assert 'Compilation of "describe" is falling back to object mode' in msg
    assert "WITH loop lifting enabled" in msg
    assert "nopython compilation failed" in msg
    # The reason names the argument that has no nopython type, at the def.
    assert "cannot type argument 'values'" in msg
    assert f"line {_line_of(describe, 'def describe')}" in msg
    assert 'File "' in msg and "def describe(values):" in msg
    assert f.signatures == [("pyobject",)]


def typing_failure(a):
    s = 0.0
    for x in a:
        s += x
    info = {"sum": s}  # a dict: no nopython type
    return info


def test_fallback_warning_points_at_failing_line():
    f = jit(typing_failure)
    a = np.arange(4.0)
    result, msgs = _calls(f, a)
    assert result == typing_failure(a)
    (msg,) = msgs
    line = _line_of(typing_failure, 'info = {"sum": s}')
    assert f"line {line}" in msg
    assert "unsupported dict display" in msg
    assert 'info = {"sum": s}' in msg and "^" in msg  # the source line, a caret
    # The loop before it was lifted and compiled.
    assert "1 loop lifted" in msg
    assert f.lifted_loops and f.lifted_loops[0].nopython_signatures


def test_warning_once_per_argument_types():
    f = jit(describe)
    _, first = _calls(f, (1,))
    _, again = _calls(f, (2, 3))
    _, other = _calls(f, [4])
    assert len(first) == 1 and again == [] and len(other) == 1


def add(a, b):
    return a + b


def test_jit_compiles_nopython_when_it_types():
    f = jit(add)
    result, msgs = _calls(f, 1, 2.5)
    assert result == 3.5 and msgs == []
    assert f.signatures == [("si64", "f64")]
    # Other types of the same function may still fall back.
    result, msgs = _calls(f, "a", "b")
    assert result == "ab" and len(msgs) == 1
    assert f.signatures == [("si64", "f64"), ("pyobject", "pyobject")]
    assert f(2, 3) == 5  # native again


def test_nopython_true_is_njit():
    f = jit(nopython=True)(describe)
    assert f.nopython
    with pytest.raises(TypingError):
        f((1, 2))


def test_forceobj_never_compiles_the_function():
    f = jit(forceobj=True)(add)
    result, msgs = _calls(f, 1, 2)
    assert result == 3 and msgs == []  # no warning: asked for
    assert f.signatures == [("pyobject", "pyobject")]
    assert f.nopython_signatures == []
    with pytest.raises(ValueError):
        f.inspect_mlir("nb")


def test_objmode_results_equal_python():
    def mixed(items, n, sep=", "):
        parts = []
        for i in range(n):
            parts.append(f"{items[i % len(items)]}")
        return sep.join(parts), len(parts)

    f = jit(mixed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f(["a", 1, None], 5) == mixed(["a", 1, None], 5)
        assert f(("x",), 2, sep="-") == mixed(("x",), 2, sep="-")
        assert f(items=[1], n=0) == mixed(items=[1], n=0)


def test_objmode_raises_as_python():
    def fails(d, n):
        total = 0
        for i in range(n):
            if i == 3:
                raise ValueError("three")
            total += i
        return d[total]

    f = jit(fails)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        with pytest.raises(ValueError, match="three"):
            f({}, 5)
        with pytest.raises(KeyError):
            f({}, 3)
        assert f({3: "ok"}, 3) == "ok"


def test_objmode_varargs_kwonly():
    def va(d, *args, scale=1, **kw):
        s = 0
        for a in args:
            s += a * scale
        return s, sorted(kw), d

    f = jit(va)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f({}, 1, 2, 3, scale=2, z=1) == va({}, 1, 2, 3, scale=2, z=1)
        assert f(None) == va(None)


# -- loop lifting --------------------------------------------------------------------


def count_words_and_sum(text, n):
    words = {}
    for w in text.split():
        words[w] = words.get(w, 0) + 1
    total = 0.0
    for i in range(n):  # liftable: numbers only
        total += (i % 7) * 0.5 + i / (i + 1.0)
    return words, total


def test_lifted_loop_matches_python():
    f = jit(count_words_and_sum)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        for n in (0, 1, 1000):
            assert f("a b a", n) == count_words_and_sum("a b a", n)
    lifted = f.lifted_loops
    # The word loop handles strings: lifted, but it runs in Python.
    assert [l.lineno for l in lifted] == [
        _line_of(count_words_and_sum, "for w in"),
        _line_of(count_words_and_sum, "for i in"),
    ]
    words_loop, number_loop = lifted
    assert words_loop.nopython_signatures == [] and words_loop.failures
    assert number_loop.nopython_signatures == [("si64", "f64")]
    assert number_loop.inputs == ["n", "total"] and number_loop.outputs == ["total"]


def interpreted_vs_lifted(d, a):
    d["label"] = "sum of squares"
    s = 0.0
    for i in range(a.shape[0]):
        x = a[i]
        s += x * x - 0.5 * x
    d["value"] = s
    return d


def test_lifted_loop_runs_at_compiled_speed():
    a = np.linspace(0.0, 1.0, 300_000)
    lifted = jit(interpreted_vs_lifted)
    interpreted = jit(looplift=False)(interpreted_vs_lifted)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        expected = interpreted_vs_lifted({}, a)
        assert lifted({}, a) == pytest.approx(expected)
        assert interpreted({}, a) == expected
        assert interpreted.lifted_loops == []

        def best(fn):
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                fn({}, a)
                times.append(time.perf_counter() - t0)
            return min(times)

        t_lifted = best(lifted)
        t_interp = best(interpreted)
    print(f"\nlifted loop {t_lifted * 1e3:.2f} ms, all interpreted {t_interp * 1e3:.2f} ms, "
          f"{t_interp / t_lifted:.0f}x")
    assert t_lifted * 5 < t_interp


def test_loops_not_lifted_explain_why():
    def early_return(d, n):
        for i in range(n):
            if i > 2:
                return i
        d["x"] = 1
        return d

    f = jit(early_return)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f({}, 10) == 3 and f({}, 1) == {"x": 1}
    assert f.lifted_loops == []
    import io

    out = io.StringIO()
    f.inspect_types(file=out)
    assert "not lifted: it contains 'return'" in out.getvalue()


def test_lifted_loop_with_unassigned_input_runs_python():
    def maybe(flag, d):
        if flag:
            x = 5
        total = 0
        for i in range(3):
            total += x
        return total

    f = jit(maybe)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f(True, {}) == 15
        with pytest.raises(UnboundLocalError):
            f(False, {})


def test_lifted_loop_sees_closure_and_globals():
    scale = 3

    def closure(d, n):
        acc = 0
        for i in range(n):
            acc += i * scale + OFFSET
        d["acc"] = acc
        return d

    f = jit(closure)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f({}, 10) == closure({}, 10)
    assert f.lifted_loops[0].nopython_signatures


OFFSET = 7


# -- Pillow: object mode beside nopython on the array ------------------------------------

PIL = pytest.importorskip("PIL.Image")


# The functions of the documented example, so that the test checks what the
# docs show.
sys.path.insert(0, str(REPO_ROOT / "docs" / "examples"))
from pillow_brighten import brighten_array, brighten_image  # noqa: E402


def test_pillow_image_in_object_mode():
    img = PIL.new("RGB", (64, 48))
    img.putdata([(x * 4 % 256, y * 5 % 256, (x + y) % 256) for y in range(48) for x in range(64)])
    f = jit(brighten_image)
    result, msgs = _calls(f, img, 1.7)
    assert isinstance(result, PIL.Image)
    assert np.array_equal(np.asarray(result), np.asarray(brighten_image(img, 1.7)))
    (msg,) = msgs
    assert "object mode" in msg and "PIL" in msg
    assert [l.nopython_signatures for l in f.lifted_loops] == [
        [("si64", "si64", "!nb.array<f64, 3, C>", "f64", "!nb.array<f64, 3, C>")]
    ]

    g = njit(brighten_array)
    pixels = np.asarray(img, dtype=np.float64)
    out = g(pixels, 1.7)
    assert np.array_equal(out.astype(np.uint8), np.asarray(result))
    assert_same(out, brighten_array(pixels, 1.7))


def test_pillow_example_in_docs_runs():
    import os
    import subprocess

    script = REPO_ROOT / "docs" / "examples" / "pillow_brighten.py"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "build" / "python"))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "PerformanceWarning" in out.stdout and "@jit (object mode, lifted)" in out.stdout


class Base:
    def total(self, n):
        return n


class Derived(Base):
    def total(self, n):
        s = 0
        for i in range(n):
            s += i
        return super().total(s)


def test_method_using_super_is_not_rewritten():
    f = jit(Derived.total)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f(Derived(), 5) == 10
    assert f.lifted_loops == []
    assert "super()" in f._object_mode().no_lifting_reason


def annotated(d: dict, n: int = 3, *, k: "int" = 2) -> dict:
    s = 0
    for i in range(n):
        s += i * k
    d["s"] = s
    return d


def test_defaults_and_annotations_are_the_originals():
    f = jit(annotated)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PerformanceWarning)
        assert f({}) == annotated({}) and f({}, 4, k=5) == annotated({}, 4, k=5)
    assert f.lifted_loops
    fn = f._object_mode().function
    assert fn.__defaults__ is annotated.__defaults__
    assert fn.__annotations__ == annotated.__annotations__
