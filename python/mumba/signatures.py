"""Explicit signatures: Numba's type spellings to nb types, and back.

    @njit("float64(float64[:], int64)")
    @njit(["float64(float64[::1])", "float32(float32[::1])"])
    @njit("(int64[:, :],)")            # no return type: inferred

A signature names the argument types and, optionally, the return type; the
function is compiled for each one when it is decorated. A call converts its
arguments as Numba does (see :func:`conversion_cost`): ``f(5)`` calls an
``int32(int32)`` signature, and raises OverflowError if the int does not
fit; a call whose arguments convert to none of them raises TypeError (see
:func:`match`).

Spellings (Numba's): scalars ``float64``/``f8``/``double``, ``float32``/``f4``,
``int64``/``i8``/``intp``, ``int32``/``i4``, ``int16``/``i2``, ``int8``/``i1``,
``uint64``/``u8``, ... ``uint8``/``u1``, ``boolean``/``b1``/``bool_``;
arrays ``float64[:]`` (any layout), ``float64[::1]`` (C-contiguous),
``float32[:, ::1]`` (C), ``float32[::1, :]`` (F), ``int64[:, :]`` (any), or
``array(float64, 2d, C)`` as Numba prints them, with an optional
``readonly``; return types also ``void``/``none``, ``UniTuple(float64, 2)``
and ``Tuple(float64, int64)``. nb spellings (``f64``, ``si64``,
``!nb.array<f64, 1, C>``) are accepted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Sequence, Tuple

__all__ = [
    "Signature",
    "parse_signature",
    "parse_signatures",
    "parse_type",
    "numba_name",
    "conversion_cost",
    "match",
]

#: Numba's scalar names -> nb types.
SCALARS = {
    "float64": "f64",
    "f8": "f64",
    "double": "f64",
    "float32": "f32",
    "f4": "f32",
    "int64": "si64",
    "i8": "si64",
    "intp": "si64",
    "int_": "si64",
    "int32": "si32",
    "i4": "si32",
    "intc": "si32",
    "int16": "si16",
    "i2": "si16",
    "int8": "si8",
    "i1": "si8",
    "uint64": "ui64",
    "u8": "ui64",
    "uintp": "ui64",
    "uint32": "ui32",
    "u4": "ui32",
    "uint16": "ui16",
    "u2": "ui16",
    "uint8": "ui8",
    "u1": "ui8",
    "byte": "ui8",
    "boolean": "i1",
    "b1": "i1",
    "bool_": "i1",
}

#: nb scalar types as Numba names them.
NUMBA_NAMES = {
    "f64": "float64",
    "f32": "float32",
    "si64": "int64",
    "si32": "int32",
    "si16": "int16",
    "si8": "int8",
    "ui64": "uint64",
    "ui32": "uint32",
    "ui16": "uint16",
    "ui8": "uint8",
    "i1": "bool",
    "!nb.none": "none",
}

_NB_SCALARS = frozenset(NUMBA_NAMES) - {"!nb.none"}
_FUNCTION_RE = re.compile(r'!nb\.function<"([^"]*)">')
_SCALAR_WORD_RE = re.compile(r"(?<![\w.])(?:" + "|".join(sorted(_NB_SCALARS, key=len, reverse=True)) + r")(?![\w])")
_ARRAY_RE = re.compile(r"!nb\.array<(\w+), (\d+), ([CFA])(, readonly)?>")
_TOKEN_RE = re.compile(
    r"\s*(?:(?P<nb>!nb\.\w+(?:<)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<num>\d+d?)|(?P<punct>::|[()\[\],:<>]))"
)


class SignatureError(ValueError):
    """A signature string Mumba cannot read."""


@dataclass(frozen=True)
class Signature:
    """One explicit signature: nb argument types and, optionally, the nb
    return type; ``text`` is how the user spelled it."""

    args: Tuple[str, ...]
    return_type: Optional[str]
    text: str

    def __str__(self) -> str:
        args = ", ".join(numba_name(a) for a in self.args)
        if self.return_type is None:
            return f"({args})"
        return f"{numba_name(self.return_type)}({args})"


def numba_name(nb_type: str) -> str:
    """How Numba prints an nb type: ``si64`` -> ``int64``,
    ``!nb.array<f64, 1, C>`` -> ``array(float64, 1d, C)``."""
    nb_type = nb_type.strip()
    if nb_type in NUMBA_NAMES:
        return NUMBA_NAMES[nb_type]
    m = _ARRAY_RE.fullmatch(nb_type)
    if m:
        dtype, ndim, layout, readonly = m.groups()
        text = f"array({NUMBA_NAMES.get(dtype, dtype)}, {ndim}d, {layout})"
        return "readonly " + text if readonly else text
    if nb_type.startswith("tuple<") and nb_type.endswith(">"):
        items = [numba_name(t) for t in _split_top(nb_type[6:-1])]
        if items and all(i == items[0] for i in items):
            return f"UniTuple({items[0]} x {len(items)})"
        return f"Tuple({', '.join(items)})"
    m = _FUNCTION_RE.fullmatch(nb_type)
    if m:
        return f"Function({m.group(1)})"
    # Compound nb types (ranges, iterators, pairs): their scalars renamed.
    renamed = _SCALAR_WORD_RE.sub(lambda m: NUMBA_NAMES[m.group(0)], nb_type)
    return renamed[4:] if renamed.startswith("!nb.") else renamed


def _split_top(text: str) -> List[str]:
    """Split on commas outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "<([":
            depth += 1
        elif ch in ">)]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    if text[start:].strip():
        parts.append(text[start:].strip())
    return parts


class _Parser:
    """Recursive descent over Numba's type and signature syntax."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: List[str] = []
        pos = 0
        while pos < len(text):
            if text[pos:].strip() == "":
                break
            m = _TOKEN_RE.match(text, pos)
            if m is None:
                raise self.error(f"unexpected {text[pos:].strip()[:10]!r}")
            if m.group("nb"):
                # An nb type spelled out: take it up to its closing '>'.
                start = m.start("nb")
                end = m.end("nb")
                if text[end - 1] == "<":
                    depth = 1
                    while end < len(text) and depth:
                        depth += {"<": 1, ">": -1}.get(text[end], 0)
                        end += 1
                    if depth:
                        raise self.error("unbalanced '<' in an nb type")
                self.tokens.append(text[start:end])
                pos = end
                continue
            self.tokens.append(m.group(m.lastgroup))
            pos = m.end()
        self.pos = 0

    def error(self, why: str) -> SignatureError:
        return SignatureError(
            f"cannot read the signature {self.text!r}: {why}; write e.g. "
            "'float64(float64[:], int64)', '(float32[:, ::1],)' or "
            "'UniTuple(float64, 2)(int64)'"
        )

    def peek(self) -> Optional[str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected: Optional[str] = None) -> str:
        tok = self.peek()
        if tok is None:
            raise self.error("it ends too early")
        if expected is not None and tok != expected:
            raise self.error(f"expected {expected!r}, found {tok!r}")
        self.pos += 1
        return tok

    def done(self) -> None:
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()!r}")

    # type := scalar | scalar '[' dims ']' | 'array' '(' ... ')' | tuples
    def type(self, allow_void: bool = False) -> str:
        tok = self.take()
        if tok.startswith("!nb."):
            return tok
        if tok == "readonly":
            inner = self.type()
            m = _ARRAY_RE.fullmatch(inner)
            if not m or m.group(4):
                raise self.error("'readonly' applies to an array type")
            return inner[:-1] + ", readonly>"
        if tok in ("void", "none"):
            if not allow_void:
                raise self.error(f"{tok!r} is only a return type")
            return "!nb.none"
        if tok == "array":
            return self._array_call()
        if tok in ("UniTuple", "Tuple"):
            return self._tuple(tok)
        scalar = SCALARS.get(tok) or (tok if tok in _NB_SCALARS else None)
        if scalar is None:
            raise self.error(f"unknown type {tok!r}")
        if self.peek() == "[":
            return self._array_slices(scalar)
        return scalar

    def _array_slices(self, dtype: str) -> str:
        self.take("[")
        dims: List[str] = []
        while True:
            tok = self.take()
            if tok == ":":
                dims.append(":")
            elif tok == "::":
                self.take("1")
                dims.append("::1")
            else:
                raise self.error(f"array dimensions are ':' or '::1', not {tok!r}")
            tok = self.take()
            if tok == "]":
                break
            if tok != ",":
                raise self.error(f"expected ',' or ']', found {tok!r}")
        if dims.count("::1") > 1:
            raise self.error("at most one dimension can be '::1'")
        if dims == [":"] * len(dims):
            layout = "A"
        elif dims[-1] == "::1":
            layout = "C"
        elif dims[0] == "::1":
            layout = "F"
        else:
            raise self.error("'::1' must be the first (F) or last (C) dimension")
        if dtype not in _NB_SCALARS:
            raise self.error(f"arrays of {dtype} are not supported")
        return f"!nb.array<{dtype}, {len(dims)}, {layout}>"

    def _array_call(self) -> str:
        self.take("(")
        dtype = self.type()
        if dtype not in _NB_SCALARS:
            raise self.error("array(...) takes a scalar dtype")
        self.take(",")
        ndim = self.take()
        if not re.fullmatch(r"\d+d", ndim):
            raise self.error(f"expected the rank as '1d', '2d', ..., found {ndim!r}")
        self.take(",")
        layout = self.take()
        if layout not in ("C", "F", "A"):
            raise self.error(f"layout is C, F or A, not {layout!r}")
        readonly = ""
        if self.peek() == ",":
            self.take(",")
            self.take("readonly")
            readonly = ", readonly"
        self.take(")")
        return f"!nb.array<{dtype}, {ndim[:-1]}, {layout}{readonly}>"

    def _tuple(self, kind: str) -> str:
        self.take("(")
        if kind == "UniTuple":
            item = self.type()
            self.take(",")
            count = self.take()
            if not count.isdigit():
                raise self.error(f"UniTuple's count must be a number, not {count!r}")
            self.take(")")
            items = [item] * int(count)
        else:
            nested = self.peek() == "("
            if nested:
                self.take("(")
            items = self._type_list(")")
            if nested:
                self.take(")")
        return f"tuple<{', '.join(items)}>"

    def _type_list(self, close: str) -> List[str]:
        items: List[str] = []
        while self.peek() != close:
            items.append(self.type())
            if self.peek() == ",":
                self.take(",")
            elif self.peek() != close:
                raise self.error(f"expected ',' or {close!r}, found {self.peek()!r}")
        self.take(close)
        return items

    def signature(self) -> Tuple[Tuple[str, ...], Optional[str]]:
        ret: Optional[str] = None
        if self.peek() != "(":
            ret = self.type(allow_void=True)
        self.take("(")
        args = self._type_list(")")
        self.done()
        return tuple(args), ret


def parse_type(text: str) -> str:
    """The nb type of one argument type spelled as Numba (or nb) spells it."""
    parser = _Parser(text)
    result = parser.type()
    parser.done()
    return result


def parse_signature(sig: Any) -> Signature:
    """A :class:`Signature` from a string, a tuple of argument type strings,
    or a Numba signature object (anything whose ``str()`` Numba printed)."""
    if isinstance(sig, Signature):
        return sig
    if isinstance(sig, (tuple, list)):
        return Signature(tuple(parse_type(str(t)) for t in sig), None, str(sig))
    if not isinstance(sig, str):
        sig = str(sig)
    text = sig.strip()
    parser = _Parser(text)
    args, ret = parser.signature()
    return Signature(args, ret, text)


def parse_signatures(sigs: Any) -> List[Signature]:
    """One signature or a list of them."""
    if isinstance(sigs, (list,)):
        if not sigs:
            raise SignatureError("the list of signatures is empty")
        return [parse_signature(s) for s in sigs]
    return [parse_signature(sigs)]


# -- matching a call against the signatures -------------------------------------

_INT_BITS = {"si8": 8, "si16": 16, "si32": 32, "si64": 64, "ui8": 8, "ui16": 16, "ui32": 32, "ui64": 64}

#: Costs of Numba's conversion kinds; a call takes the signature whose
#: arguments cost least in all (the first declared among equals), so one
#: unchecked conversion outweighs any number of safe ones.
PROMOTE, SAFE, UNSAFE = 1, 100, 10000


def _scalar_cost(have: str, want: str) -> Optional[int]:
    """Numba's conversions for explicit signatures: an int to any int
    (a narrower one, or one of the other signedness, is checked when called:
    a value that does not fit raises OverflowError), to a float or to bool;
    a bool to an int or a float; a float to a float, never to an int."""
    if have == want:
        return 0
    if have == "i1":
        return SAFE if want in _INT_BITS or want in ("f32", "f64") else None
    if have in _INT_BITS:
        hb, signed = _INT_BITS[have], have.startswith("s")
        if want in _INT_BITS:
            wb, wsigned = _INT_BITS[want], want.startswith("s")
            if signed == wsigned and wb > hb:
                return PROMOTE
            if not signed and wsigned and wb > hb:
                return SAFE
            # Checked when called: of two, the wider takes more values.
            return UNSAFE + 64 - wb
        if want == "f64":
            return SAFE
        if want == "f32":
            return SAFE if hb <= 16 else UNSAFE
        return UNSAFE if want == "i1" else None
    if have == "f32" and want == "f64":
        return PROMOTE
    if have == "f64" and want == "f32":
        return UNSAFE
    return None


def conversion_cost(have: str, want: str) -> Optional[int]:
    """How far an argument of nb type ``have`` is from parameter type
    ``want``: 0 for the same type, PROMOTE to SAFE for a conversion that
    keeps the value (an int to a wider int or a float, a C array to an
    any-layout one, a writable array to a read-only one), UNSAFE for one
    that is checked or rounds (an int to a narrower int, float64 to
    float32); None when it does not convert (a float to an int)."""
    if have == want:
        return 0
    ha, wa = _ARRAY_RE.fullmatch(have), _ARRAY_RE.fullmatch(want)
    if ha or wa:
        if not (ha and wa):
            return None
        hd, hn, hl, hr = ha.groups()
        wd, wn, wl, wr = wa.groups()
        if hd != wd or hn != wn or (hr and not wr):
            return None
        if wl != hl and wl != "A":
            return None
        return (1 if wl != hl else 0) + (1 if wr != hr else 0)
    return _scalar_cost(have, want)


def match(arg_types: Sequence[str], candidates: Iterable[Tuple[str, ...]]) -> Optional[Tuple[str, ...]]:
    """The candidate argument-type tuple the call converts to at the least
    cost (the first one declared among equals), or None."""
    best, best_cost = None, None
    for cand in candidates:
        if len(cand) != len(arg_types):
            continue
        total = 0
        for have, want in zip(arg_types, cand):
            cost = conversion_cost(have, want)
            if cost is None:
                break
            total += cost
        else:
            if best_cost is None or total < best_cost:
                best, best_cost = cand, total
    return best
