"""The frontend alone: the nb text it emits, typeof, error formatting.
These tests do not need the compiler extension."""

import ast
import math
import re
import types

import numpy as np
import pytest

from mumba import ArgumentTypeError, TypingError, UnsupportedError, njit, typeof
from mumba.errors import MumbaError
from mumba.frontend import get_source
from mumba.frontend.emitter import escape_string

THIS_FILE = __file__
LIMIT = 10
RATIO = 0.5


def text_of(fn, *types):
    text, entry = fn.module_text(types)
    return text, entry


def test_typeof_scalars():
    assert typeof(True) == "i1"
    assert typeof(3) == "si64"
    assert typeof(2.5) == "f64"
    assert typeof(np.float64(1)) == "f64"
    assert typeof(np.float32(1)) == "f32"
    assert typeof(np.int64(1)) == "si64"
    assert typeof(np.int32(1)) == "si32"
    assert typeof(np.bool_(True)) == "i1"


@pytest.mark.parametrize("dtype,elem", [("float64", "f64"), ("float32", "f32"), ("int64", "si64"), ("int32", "si32")])
@pytest.mark.parametrize("ndim", [1, 2, 3])
def test_typeof_arrays(dtype, elem, ndim):
    a = np.zeros((4,) * ndim, dtype=dtype)
    assert typeof(a) == f"!nb.array<{elem}, {ndim}, C>"
    if ndim > 1:
        assert typeof(np.asfortranarray(a)) == f"!nb.array<{elem}, {ndim}, F>"
        assert typeof(a.T) == f"!nb.array<{elem}, {ndim}, F>"
    assert typeof(a[..., ::2]) == f"!nb.array<{elem}, {ndim}, A>"


@pytest.mark.parametrize("value", ["s", None, [1], (1,), np.zeros(2, np.float16), np.zeros((1,) * 5), frozenset()])
def test_typeof_rejects(value):
    with pytest.raises(ArgumentTypeError) as info:
        typeof(value, "arg")
    assert isinstance(info.value, TypeError) and isinstance(info.value, TypingError)
    assert "'arg'" in str(info.value)


def test_escape_string():
    assert escape_string('a"b\\c') == 'a\\"b\\\\c'


@njit
def kernel(a, n):
    s = 0.0
    for i in range(n):
        if a[i] > RATIO and i < LIMIT:
            s += math.sqrt(a[i])
        else:
            break
    return s


def test_module_structure():
    text, entry = text_of(kernel, "!nb.array<f64, 1, C>", "si64")
    assert entry == "kernel"
    assert text.startswith("module {\n")
    assert text.rstrip().endswith("}")
    assert "func.func @kernel(%arg0: !nb.array<f64, 1, C>, %arg1: si64) -> !nb.unknown {" in text
    # One slot per local name, declared up front.
    for name in ("a", "n", "s", "i"):
        assert len(re.findall(rf'nb\.var "{name}" ', text)) == 1
    assert 'nb.arg 0 "a" : !nb.unknown' in text
    assert 'nb.arg 1 "n" : !nb.unknown' in text
    assert 'nb.global("range")' in text
    assert 'nb.global("math.sqrt")' in text
    assert "nb.const(5.00000000000000000e-01) : !nb.unknown" in text  # RATIO frozen
    assert "nb.const(10) : !nb.unknown" in text  # LIMIT frozen
    assert "nb.getiter" in text and "nb.iternext" in text and "nb.pair_first" in text
    assert "nb.inplace_binop add" in text
    assert "nb.compare gt" in text and "nb.compare lt" in text


def test_every_op_has_a_location():
    text, _ = text_of(kernel, "!nb.array<f64, 1, C>", "si64")
    loc = re.compile(r' loc\("' + re.escape(THIS_FILE) + r'":\d+:\d+\)$')
    for line in text.splitlines():
        s = line.strip()
        if s in ("module {", "}") or s.startswith("func.func") or s.startswith("^bb"):
            continue
        assert loc.search(s), s


def test_locations_are_absolute_lines_and_columns():
    text, _ = text_of(kernel, "!nb.array<f64, 1, C>", "si64")
    src = open(THIS_FILE).read().splitlines()
    lineno = next(i + 1 for i, l in enumerate(src) if "s += math.sqrt(a[i])" in l)
    col = src[lineno - 1].index("math.sqrt(") + 1
    assert f'nb.global("math.sqrt") : !nb.unknown loc("{THIS_FILE}":{lineno}:{col})' in text


def test_blocks_terminated_and_labels_defined():
    text, _ = text_of(kernel, "!nb.array<f64, 1, C>", "si64")
    labels = set(re.findall(r"^\s*(\^bb\d+):", text, re.M))
    used = set(re.findall(r"(\^bb\d+)(?=[ ,])", text))
    assert used <= labels and labels <= used
    lines = [l.strip() for l in text.splitlines()]
    for i, l in enumerate(lines):
        if l.startswith("^bb") and i > 0:
            prev = lines[i - 1]
            assert prev.startswith(("cf.br", "cf.cond_br", "nb.return")), prev


def _values_defined_before_use(text):
    defined = set(re.findall(r"(%arg\d+)", text))
    for line in text.splitlines():
        m = re.match(r"\s*(%\w+) = (.*)", line)
        rest = m.group(2) if m else line
        for use in re.findall(r"%\w+", rest):
            assert use in defined, (use, line)
        if m:
            defined.add(m.group(1))


def test_values_defined_before_textual_use():
    text, _ = text_of(kernel, "!nb.array<f64, 1, C>", "si64")
    _values_defined_before_use(text)


@njit
def helper(x):
    return x + 1


@njit
def caller(x):
    return helper(x) * helper(x + 1)


def test_callee_template_emitted_once():
    text, entry = text_of(caller, "si64")
    assert text.count("func.func private @helper(%arg0: !nb.unknown) -> !nb.unknown {") == 1
    assert text.count("nb.global(@helper)") == 2


@njit
def kernel_1(x):  # a name that clashes with the suffixing scheme
    return x


def _make_clash():
    @njit
    def caller(x):
        return kernel_1(x) + inner(x)

    @njit
    def inner(x):
        return x

    return caller, inner


def test_symbol_names_unique():
    c, inner = _make_clash()
    text, entry = c.module_text(("si64",))
    assert entry == "caller"
    funcs = re.findall(r"func\.func (?:private )?@(\w+)\(", text)
    assert len(funcs) == len(set(funcs)) == 3

    @njit
    def kernel(x):
        return kernel_1(x)

    text, entry = kernel.module_text(("si64",))
    funcs = re.findall(r"func\.func (?:private )?@(\w+)\(", text)
    assert funcs == ["kernel", "kernel_1"]
    # A function that has the same name as the entry gets a suffix.
    other = _same_name_kernel()
    wrapper = _calls(other)
    text, entry = wrapper.module_text(("si64",))
    funcs = re.findall(r"func\.func (?:private )?@(\w+)\(", text)
    assert funcs[0] == "kernel" and funcs[1] == "kernel_1"


def _same_name_kernel():
    @njit
    def kernel(x):
        return x * 2

    return kernel


def _calls(target):
    @njit
    def kernel(x):
        return target(x)

    return kernel


@njit
def recursive(n):
    if n < 1:
        return 0
    return recursive(n - 1) + 1


def test_recursion_refers_to_entry():
    text, entry = text_of(recursive, "si64")
    assert "nb.global(@recursive)" in text
    assert text.count("func.func") == 1


@njit
def dead_after_return(x):
    return x
    y = x + 1
    return y


def test_dead_code_dropped():
    text, _ = text_of(dead_after_return, "si64")
    assert text.count("nb.return") == 1
    assert "binop" not in text


@njit
def no_return(a):
    a[0] = 1


def test_implicit_return_none():
    text, _ = text_of(no_return, "!nb.array<f64, 1, C>")
    assert "nb.const(unit) : !nb.unknown" in text
    assert "nb.setitem" in text
    assert re.search(r"nb\.setitem %\d+\[%\d+\], %\d+ : \(!nb.unknown, !nb.unknown, !nb.unknown\) -> \(\)", text)


@njit
def while_true(x):
    while True:
        x += 1
        if x > 10:
            return x


def test_while_true_has_no_fallthrough_return():
    text, _ = text_of(while_true, "si64")
    assert "nb.const(unit)" not in text
    assert "nb.truth" in text  # only for the if


@njit
def multi_index(a, i, j):
    a[i, j] += a[i, -1]
    return a.shape[1]


def test_indexing_ops():
    text, _ = text_of(multi_index, "!nb.array<f64, 2, C>", "si64", "si64")
    assert re.search(r"nb\.getitem %\d+\[%\d+, %\d+\] : \(!nb.unknown, !nb.unknown, !nb.unknown\) -> !nb.unknown", text)
    assert "nb.inplace_binop add" in text
    assert re.search(r"nb\.static_getitem %\d+\[1\] : !nb.unknown -> !nb.unknown", text)
    assert 'nb.getattr %' in text and '"shape"' in text
    assert "nb.const(-1) : !nb.unknown" in text


@njit
def swap(a, b):
    a, b = b, a
    t = (a, b)
    c, d = t
    return c - d


def test_tuple_assignment():
    text, _ = text_of(swap, "si64", "si64")
    assert "nb.exhaust_iter" in text and ", 2 : !nb.unknown -> !nb.unknown" in text
    assert "nb.build_tuple(%" in text
    # The literal swap does not build a tuple: only `t = (a, b)` does.
    assert text.count("nb.build_tuple") == 1


@njit
def bool_ops(x, y):
    return x or y, x and y, not x, 1 < x < 5


def test_and_or_use_temporaries():
    text, _ = text_of(bool_ops, "si64", "si64")
    assert '"$or' in text and '"$and' in text and '"$cmp' in text
    assert "nb.unary not" in text


@njit
def kw_call(x):
    return max(x, 3), float(x)


def test_builtin_calls():
    text, _ = text_of(kw_call, "si64")
    assert 'nb.global("max")' in text and 'nb.global("float")' in text
    assert re.search(r"nb\.call %\d+\(%\d+, %\d+\) : \(!nb.unknown, !nb.unknown, !nb.unknown\) -> !nb.unknown", text)


@njit
def numpy_alias(x):
    return np.sqrt(x) + np.pi


def test_module_attribute_resolution():
    text, _ = text_of(numpy_alias, "f64")
    assert 'nb.global("numpy.sqrt")' in text
    assert "nb.const(3.14159265358979312e+00)" in text


@njit
def float_literals(x):
    return x * 1e-300 + 0.1 + 1e20 - 2.0


def test_float_literal_format():
    text, _ = text_of(float_literals, "f64")
    assert "nb.const(1.00000000000000003e-300) :" in text
    for m in re.findall(r"nb\.const\((\S+)\) :", text):
        if m not in ("unit", "true", "false"):
            float(m)
            assert "." in m and "e" in m
    assert float(re.findall(r"nb\.const\((\S+)\) :", text)[1]) == 0.1


@njit
def uses_string():
    return b"x"


@njit
def uses_inf(x):
    return x + math.inf


def test_non_finite_constants_read_math_attributes():
    text, _ = text_of(uses_inf, "f64")
    assert 'nb.global("math")' in text and 'nb.getattr %' in text and '"inf"' in text


@njit
def neg_inf_nan(x):
    return -math.inf, math.nan, NEG_INF


NEG_INF = -float("inf")


def test_negative_infinity_and_nan():
    text, _ = text_of(neg_inf_nan, "f64")
    assert text.count('"inf"') == 2 and text.count('"nan"') == 1
    assert text.count("nb.unary neg") == 2


@njit
def uses_set(x):
    return {x}


@njit
def uses_lambda(x):
    f = lambda y: y
    return x


@njit
def uses_global_decl(x):
    global LIMIT
    return x


@njit
def uses_import(x):
    import os

    return x


@njit
def uses_nested_def(x):
    def g():
        return 1

    return x


@njit
def uses_fstring(x):
    return f"{x}"


@njit
def uses_attr_assign(a):
    a.x = 1


@njit
def uses_del(x):
    del x


@njit
def uses_yield(x):
    yield x


@njit
def uses_plain_function(x):
    return text_of(x)


@pytest.mark.parametrize(
    "fn,types",
    [
        (uses_string, ()),
        (uses_set, ("si64",)),
        (uses_lambda, ("si64",)),
        (uses_global_decl, ("si64",)),
        (uses_import, ("si64",)),
        (uses_nested_def, ("si64",)),
        (uses_fstring, ("si64",)),
        (uses_attr_assign, ("si64",)),
        (uses_del, ("si64",)),
        (uses_yield, ("si64",)),
        (uses_plain_function, ("si64",)),
    ],
)
def test_frontend_rejects(fn, types):
    with pytest.raises(UnsupportedError) as info:
        fn.module_text(types)
    e = info.value
    assert e.msg.startswith("unsupported")
    assert e.filename == THIS_FILE
    assert e.lineno > fn.py_func.__code__.co_firstlineno
    s = str(e)
    assert f'File "{THIS_FILE}", line {e.lineno}:' in s
    src_line = open(THIS_FILE).read().splitlines()[e.lineno - 1]
    assert src_line in s.splitlines()
    assert (" " * (e.col - 1) + "^") in s.splitlines()


def test_error_format():
    err = TypingError("bad thing", THIS_FILE, 3, 8)
    lines = str(err).splitlines()
    assert lines[0] == "bad thing"
    assert lines[1] == ""
    assert lines[2] == f'File "{THIS_FILE}", line 3:'
    assert lines[3] == open(THIS_FILE).read().splitlines()[2]
    assert lines[4] == " " * 7 + "^"
    assert (err.msg, err.filename, err.lineno, err.col) == ("bad thing", THIS_FILE, 3, 8)
    assert isinstance(err, MumbaError)


def test_compile_error_conversion():
    from mumba.compiler import convert_compile_error as _convert_compile_error

    class FakeCompileError(Exception):
        diagnostics = [
            ("note", "first note", THIS_FILE, 2, 1),
            ("error", "unsupported thing", THIS_FILE, 3, 5),
            ("note", "called from here", THIS_FILE, 4, 1),
        ]

    err = _convert_compile_error(FakeCompileError())
    assert isinstance(err, UnsupportedError)
    assert (err.msg, err.lineno, err.col) == ("unsupported thing", 3, 5)
    assert "note: first note" in str(err) and "note: called from here" in str(err)

    class Fake2(Exception):
        diagnostics = [("error", "cannot add f64 and tuple", THIS_FILE, 5, 2)]

    err = _convert_compile_error(Fake2())
    assert type(err) is TypingError


@njit
def method_indented(x):
    return x


class Holder:
    @staticmethod
    @njit
    def indented(x):
        y = x + 1  # indented-line
        return y


def test_indented_function_columns():
    text, entry = Holder.indented.module_text(("si64",))
    assert entry == "indented"
    src = open(THIS_FILE).read().splitlines()
    lineno = next(i + 1 for i, l in enumerate(src) if "# indented-line" in l)
    col = src[lineno - 1].index("x + 1") + 1
    assert f'nb.binop add %' in text
    assert f'loc("{THIS_FILE}":{lineno}:{col})' in text


def test_jit_nopython_is_njit():
    from mumba import jit

    f = jit(nopython=True)(kernel.py_func)
    assert f.py_func is kernel.py_func and f.nopython
    # Without nopython=True: object mode when typing fails (test_objmode.py).
    assert not jit(kernel.py_func).nopython


def test_njit_options_and_wrapping():
    f = njit(fastmath=True, error_model="numpy")(kernel.py_func)
    assert f.options["fastmath"] is True and f.options["error_model"] == "numpy"
    assert f.__name__ == "kernel" and f.py_func is kernel.py_func
    assert f.signatures == []


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, mumba; print('numpy' in sys.modules, 'mumba._mumba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert out.stdout.split() == ["False", "False"], out.stderr


def _env():
    import os
    import sys

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


def _adder(k):
    def add(x):
        return x + k

    # A factory names what it makes; the source still says "add".
    add.__name__ = add.__qualname__ = f"add_{k}"
    return add


def _twice(x):
    return 2 * x


def test_renamed_functions_compile():
    # The definition is found by the code object, not by __name__.
    assert njit(_adder(3))(4) == _adder(3)(4) == 7
    renamed = njit(_twice)
    _twice.__name__ = "not_twice"
    try:
        assert renamed(21) == 42
    finally:
        _twice.__name__ = "_twice"


def _shadowed(x):
    def _shadowed(y):  # the same name, one level down and a line later
        return y * 100

    return _shadowed


def test_nested_definition_of_the_same_name():
    inner = _shadowed(0)
    inner.__name__ = "renamed"
    assert njit(inner)(2) == 200


def test_lambdas_on_one_line_are_told_apart():
    # Each lambda's code object says which columns its body spans.
    neg, inv = njit(lambda x: -x), njit(lambda x: ~x)
    assert (neg(5), inv(5)) == (-5, -6)
    outer = lambda x: (lambda y: y * 3)(x) + 1  # noqa: E731
    inner_code = next(c for c in outer.__code__.co_consts if isinstance(c, types.CodeType))
    inner = types.FunctionType(inner_code, globals())
    assert isinstance(get_source(outer).node.body[0].value, ast.BinOp)  # ... + 1
    assert ast.unparse(get_source(inner).node.body[0].value) == "y * 3"


KERNELS = {
    "halve": njit(lambda x: x // 2),  # a lambda inside a dict display
    "third": njit(lambda x: x // 3),
}


def test_lambda_inside_a_larger_expression():
    # Its line alone does not parse; the whole file does, at the same place.
    assert KERNELS["halve"](9) == 4 and KERNELS["third"](9) == 3
