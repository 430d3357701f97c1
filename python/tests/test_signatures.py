"""Explicit signatures: eager compilation, Numba's spellings, conversions
and the TypeError for calls that match none."""

import numpy as np
import pytest

from mumba import njit
from mumba.signatures import SignatureError, conversion_cost, numba_name, parse_signature, parse_type
from helpers import assert_same


def total(a, n):
    t = 0
    for i in range(n):
        t += a[i]
    return t


def twice(x):
    return x * 2


@pytest.mark.parametrize(
    "text,nb",
    [
        ("float64", "f64"),
        ("f8", "f64"),
        ("int64", "si64"),
        ("intp", "si64"),
        ("int32", "si32"),
        ("i1", "si8"),
        ("uint8", "ui8"),
        ("boolean", "i1"),
        ("float64[:]", "!nb.array<f64, 1, A>"),
        ("float64[::1]", "!nb.array<f64, 1, C>"),
        ("float32[:, ::1]", "!nb.array<f32, 2, C>"),
        ("float32[::1, :]", "!nb.array<f32, 2, F>"),
        ("int64[:, :]", "!nb.array<si64, 2, A>"),
        ("int64[:, :, :]", "!nb.array<si64, 3, A>"),
        ("array(float64, 2d, C)", "!nb.array<f64, 2, C>"),
        ("array(float64, 1d, A, readonly)", "!nb.array<f64, 1, A, readonly>"),
        ("readonly array(int32, 1d, C)", "!nb.array<si32, 1, C, readonly>"),
        ("!nb.array<f64, 1, C>", "!nb.array<f64, 1, C>"),
        ("si64", "si64"),
    ],
)
def test_parse_type(text, nb):
    assert parse_type(text) == nb


def test_parse_signature_forms():
    sig = parse_signature("float64(float64[:], int64)")
    assert sig.args == ("!nb.array<f64, 1, A>", "si64") and sig.return_type == "f64"
    assert str(sig) == "float64(array(float64, 1d, A), int64)"
    sig = parse_signature("(float32[:, ::1],)")
    assert sig.args == ("!nb.array<f32, 2, C>",) and sig.return_type is None
    assert parse_signature("void(int64[:])").return_type == "!nb.none"
    assert parse_signature("UniTuple(float64, 2)(int64)").return_type == "tuple<f64, f64>"
    assert parse_signature("Tuple((float64, int64))()").return_type == "tuple<f64, si64>"
    assert parse_signature("Tuple(float64, int64)()").return_type == "tuple<f64, si64>"


@pytest.mark.parametrize(
    "bad",
    ["float64(float64[:]", "foo(int64)", "float64(x)", "int64(float64[::1, ::1])", "void", "float64(int64) extra", "(void)"],
)
def test_parse_errors(bad):
    with pytest.raises(SignatureError, match="cannot read the signature"):
        parse_signature(bad)


def test_numba_names():
    assert numba_name("!nb.array<f64, 2, C>") == "array(float64, 2d, C)"
    assert numba_name("!nb.array<f64, 1, A, readonly>") == "readonly array(float64, 1d, A)"
    assert numba_name("tuple<f64, f64>") == "UniTuple(float64 x 2)"
    assert numba_name("tuple<f64, si64>") == "Tuple(float64, int64)"
    assert numba_name("i1") == "bool"


def test_conversions():
    assert conversion_cost("si64", "si64") == 0
    assert conversion_cost("si32", "si64") > 0
    assert conversion_cost("si64", "f64") > 0
    assert conversion_cost("f32", "f64") > 0
    assert conversion_cost("f64", "si64") is None
    assert conversion_cost("f32", "ui8") is None
    assert conversion_cost("f64", "i1") is None
    # Numba's unsafe conversions: checked (ints) or rounded (floats) when
    # called, and dearer than any safe one.
    assert conversion_cost("si64", "si32") > conversion_cost("si64", "f64") > 0
    assert conversion_cost("si8", "ui64") > conversion_cost("ui8", "si16") > 0
    assert conversion_cost("f64", "f32") > conversion_cost("f32", "f64")
    assert conversion_cost("si64", "i1") > conversion_cost("i1", "si8") > 0
    assert conversion_cost("!nb.array<f64, 1, C>", "!nb.array<f64, 1, A>") == 1
    assert conversion_cost("!nb.array<f64, 2, F>", "!nb.array<f64, 2, C>") is None
    assert conversion_cost("!nb.array<f64, 1, C>", "!nb.array<f64, 1, C, readonly>") == 1
    assert conversion_cost("!nb.array<f64, 1, C, readonly>", "!nb.array<f64, 1, C>") is None
    assert conversion_cost("!nb.array<f32, 1, C>", "!nb.array<f64, 1, A>") is None


def test_eager_compilation_and_call():
    f = njit("float64(float64[:], int64)")(total)
    # Compiled when decorated, before any call.
    assert f.signatures == [("!nb.array<f64, 1, A>", "si64")]
    a = np.arange(10.0)
    assert_same(f(a, 4), total(a, 4))
    # A strided view and a C array both use the any-layout specialisation.
    assert_same(f(a[::2], 3), total(a[::2], 3))
    assert len(f.signatures) == 1


def test_declared_return_type_casts():
    f = njit("float64(int64)")(twice)
    got = f(21)
    assert got == 42.0 and isinstance(got, float)
    assert "tuple" not in f.inspect_mlir("nb-typed")


def test_list_of_signatures_chooses_closest():
    f = njit(["int64(int64)", "float64(float64)", "float32(float32)"])(twice)
    assert len(f.signatures) == 3
    assert f(3) == 6 and isinstance(f(3), int)
    assert f(1.5) == 3.0
    assert f(np.float32(1.5)) == 3.0
    # int32 converts to int64 (the closest), bool does not convert.
    assert f(np.int32(4)) == 8 and isinstance(f(np.int32(4)), int)
    assert len(f.signatures) == 3


def test_no_matching_definition_lists_signatures():
    f = njit(["float64(float64[::1], int64)", "float32(float32[::1], int64)"])(total)
    with pytest.raises(TypeError) as info:
        f(np.arange(10), 3)
    msg = str(info.value)
    assert "No matching definition for argument type(s) array(int64, 1d, C), int64" in msg
    assert "float64(array(float64, 1d, C), int64)" in msg
    assert "float32(array(float32, 1d, C), int64)" in msg
    # Strided arrays do not convert to C-contiguous ones.
    with pytest.raises(TypeError, match="No matching definition"):
        f(np.arange(10.0)[::2], 3)
    # Nor do values Mumba cannot type at all.
    with pytest.raises(TypeError, match="list, int64"):
        f([1.0, 2.0], 1)
    # No new specialisation was compiled.
    assert len(f.signatures) == 2


def test_2d_signatures():
    def trace(m):
        s = 0
        for i in range(m.shape[0]):
            s += m[i, i]
        return s

    f = njit(["float32(float32[:, ::1])", "int64(int64[:, :])"])(trace)
    m = np.arange(16, dtype=np.float32).reshape(4, 4)
    assert_same(f(m), trace(m))
    mi = np.arange(16).reshape(4, 4)
    assert_same(f(mi.T), trace(mi.T))  # F order fits int64[:, :]
    with pytest.raises(TypeError):
        f(m.T)  # F order does not fit float32[:, ::1]


def test_signature_typing_error_raises_at_decoration():
    from mumba import TypingError

    def bad(x):
        return x + (1, 2)

    with pytest.raises(TypingError):
        njit("float64(float64)")(bad)


def test_impossible_return_cast():
    from mumba import TypingError

    def arr(a):
        return a

    with pytest.raises(TypingError, match="cast"):
        njit("float64(float64[:])")(arr)


def test_keywords_with_signatures():
    def scale(a, k=2.0):
        return a * k

    f = njit("float64(float64, float64)")(scale)
    assert f(3.0) == 6.0 and f(3.0, k=3.0) == 9.0 and f(a=1.0) == 2.0


def test_njit_accepts_backend_options():
    f = njit(opt_level=1, vectorize=False, target_cpu="x86-64", target_features="")(twice)
    assert f.options["opt_level"] == 1 and f.options["vectorize"] is False
    assert f.options["target_cpu"] == "x86-64"
    assert f(4) == 8
    with pytest.raises(ValueError):
        njit(opt_level=7)(twice)


def plus_one(x):
    return x + 1


def as_is(x):
    return x


def test_python_int_converts_to_a_declared_narrower_int():
    # Numba's rule: an int converts to the declared width when it fits.
    f = njit("int32(int32)")(plus_one)
    for x in (5, -2**31, 2**31 - 2, np.int64(7), np.uint64(3), True, np.True_):
        got = f(x)
        assert got == plus_one(int(x)) and type(got) is int
    # Then the native call path (keyed by the Python type) checks the range.
    for x in (2**31, -2**31 - 1, 2**40, np.int64(2**40)):
        with pytest.raises(OverflowError, match=f"^integer {int(x)} out of bounds for int32$"):
            f(x)
    assert len(f.signatures) == 1


def test_unsigned_declared_ints_take_only_what_fits():
    f = njit("uint8(uint8)")(as_is)
    assert f(255) == 255 and f(np.int16(7)) == 7
    with pytest.raises(OverflowError, match="out of bounds for uint8"):
        f(300)
    with pytest.raises(OverflowError, match="negative"):
        f(-1)
    with pytest.raises(OverflowError, match="negative"):
        f(np.int8(-1))


def test_floats_never_convert_to_ints():
    f = njit("int32(int32)")(as_is)
    for x in (5.0, np.float32(2), np.float64(1)):
        with pytest.raises(TypeError, match="No matching definition for argument type"):
            f(x)


def test_bools_and_floats_convert_as_numba():
    # Any int or bool to a float; float64 to float32 (rounded); an int to bool.
    f32 = njit("float32(float32)")(as_is)
    for x in (5, True, 2**40, 0.1, np.float64(1.5), np.int64(-3)):
        got = f32(x)
        assert got == float(np.float32(x)) and type(got) is float
    b = njit("boolean(boolean)")(as_is)
    for x in (5, 0, True, np.int8(-1)):
        assert b(x) is bool(x)
    with pytest.raises(TypeError, match="No matching definition"):
        b(2.5)


def test_signature_choice_follows_numba():
    # An int meets float64 before a narrower int (safe before unchecked).
    f = njit(["int32(int32)", "float64(float64)"])(as_is)
    assert f(5) == 5.0 and type(f(5)) is float
    assert f(np.int32(5)) == 5 and type(f(np.int32(5))) is int
    g = njit(["int8(int8)", "int16(int16)"])(as_is)
    assert g(np.int8(3)) == 3 and g(np.uint8(200)) == 200  # uint8 -> int16 is safe
    # int64 to either is checked: the wider one takes more values.
    assert g(1000) == 1000
    with pytest.raises(OverflowError, match="out of bounds for int16"):
        g(10**6)
