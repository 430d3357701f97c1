"""``inspect_types`` and the IR dumps of ``MUMBA_DUMP_IR``.

``f.inspect_types()`` prints, for each specialisation, the function's source
with the typed nb ops of each line above it, values named after the
variables they are assigned to, and each op's type as Numba spells it::

    total (array(float64, 1d, C),)
    --------------------------------------------------------------------------------
    # File: /home/me/k.py
    # --- LINE 4 ---
    @njit
    def total(a):
        # --- LINE 5 ---
        #   t = nb.const(0 : i64)  :: int64
        t = 0
    ...
    # Variables:
    #   a: array(float64, 1d, C)
    #   t: int64 (line 5), float64
    ================================================================================

The typed ops come from the compiler library (``_mumba.describe_types``),
which runs the nb stages again on the frontend's module with variable names
attached; compiling does not pay for it.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Dict, List, Optional, Sequence, TextIO, Tuple

from .signatures import numba_name

__all__ = ["render_types", "parse_description", "dump_ir"]

_SSA_RE = re.compile(r"%[A-Za-z0-9_$.]+")
_RULE = "-" * 80
_END = "=" * 80


def _top_level_split(text: str, sep: str) -> List[str]:
    """Split ``text`` on ``sep`` outside brackets and quotes."""
    parts, depth, start, i, quoted = [], 0, 0, 0, False
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch in "([{<":
            depth += 1
        elif ch in ")]}>" and not (ch == ">" and text[i - 1 : i] == "-"):
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _value_name(ssa: str) -> str:
    """``%t_1`` -> ``t_1``; ``%12`` -> ``$12`` (a temporary, as Numba's)."""
    name = ssa.lstrip("%")
    return "$" + name if name[:1].isdigit() else name


def _annotate(op_text: str) -> Tuple[str, Optional[str], Optional[str]]:
    """``(display text, result name, result type)`` of one printed op."""
    result = None
    body = op_text.strip()
    if body.startswith("%") and " = " in body:
        lhs, body = body.split(" = ", 1)
        result = _value_name(lhs.strip())
    pieces = _top_level_split(body, " : ")
    rtype = None
    if len(pieces) > 1:
        op, types = " : ".join(pieces[:-1]), pieces[-1].strip()
        if result is not None:
            arrow = _top_level_split(types, " -> ")
            rtype = arrow[-1].strip()
            to = _top_level_split(rtype, " to ")
            rtype = to[-1].strip()
    else:
        op = body
    op = _SSA_RE.sub(lambda m: _value_name(m.group(0)), op)
    text = f"{result} = {op}" if result else op
    return text, result, rtype


def parse_description(text: str) -> Dict[str, Dict[str, Any]]:
    """``describe_types`` output -> {symbol: {"type", "ops", "vars"}}, where
    ``ops`` holds ``(line, col, display, name, type)`` and ``vars``
    ``(name, type)`` of block arguments."""
    funcs: Dict[str, Dict[str, Any]] = {}
    current: Optional[Dict[str, Any]] = None
    for line in text.splitlines():
        fields = line.split("\t")
        if fields[0] == "func" and len(fields) == 3:
            current = {"type": fields[2], "ops": [], "vars": []}
            funcs[fields[1]] = current
        elif current is not None and fields[0] == "op" and len(fields) == 4:
            display, name, rtype = _annotate(fields[3])
            current["ops"].append((int(fields[1]), int(fields[2]), display, name, rtype))
        elif current is not None and fields[0] == "var" and len(fields) == 3:
            current["vars"].append((fields[1], fields[2]))
    return funcs


_VAR_RE = re.compile(r'(%v\d+) = nb\.var "((?:[^"\\]|\\.)*)"')
_LOAD_RE = re.compile(r"(%\d+) = nb\.load_var (%v\d+) ")
_STORE_RE = re.compile(r'nb\.store_var (%\d+) to (%v\d+) .*loc\("(?:[^"\\]|\\.)*":(\d+):\d+\)')


def find_copies(module_text: str, entry: str) -> List[Tuple[int, str, str]]:
    """``(line, target, source)`` for each ``x = y`` in the frontend's
    ``entry`` function: SSA reconstruction leaves no op behind for them."""
    start = module_text.find(f"func.func @{entry}(")
    if start < 0:
        return []
    end = module_text.find("func.func ", start + 1)
    body = module_text[start : end if end >= 0 else len(module_text)]
    names = {slot: name for slot, name in _VAR_RE.findall(body)}
    loads = {value: slot for value, slot in _LOAD_RE.findall(body)}
    copies = []
    for value, slot, line in _STORE_RE.findall(body):
        if value in loads and slot in names and loads[value] in names:
            copies.append((int(line), names[slot], names[loads[value]]))
    return copies


def _base_name(name: str, known: Sequence[str]) -> Optional[str]:
    """The variable a value name stands for: ``t_2`` -> ``t`` when ``t`` is a
    variable (MLIR numbers repeated names)."""
    if name in known:
        return name
    base, _, suffix = name.rpartition("_")
    if base and suffix.isdigit() and base in known:
        return base
    return None


def render_types(
    header: str,
    filename: str,
    lines: Dict[int, str],
    first: int,
    last: int,
    func: Dict[str, Any],
    variables: Sequence[str],
    copies: Sequence[Tuple[int, str, str]] = (),
) -> str:
    """One specialisation in Numba's ``inspect_types`` layout; ``copies``
    are the ``x = y`` assignments (see :func:`find_copies`)."""
    by_line: Dict[int, List[str]] = {}
    var_types: Dict[str, List[Tuple[str, Optional[int]]]] = {}

    def note(var: Optional[str], t: Optional[str], line: Optional[int]) -> None:
        if var is None or t is None:
            return
        seen = var_types.setdefault(var, [])
        if all(existing != t for existing, _ in seen):
            seen.append((t, line))

    for line, _col, display, name, rtype in func["ops"]:
        if display.startswith(("cf.br", "cf.cond_br")):
            continue
        ann = f"{display}  :: {numba_name(rtype)}" if rtype else display
        by_line.setdefault(line, []).append(ann)
        if name is not None:
            note(_base_name(name, variables), rtype, line)
    for name, t in func["vars"]:
        note(_base_name(name, variables) or name, t, None)
    for line, target, source in copies:
        # The copy has the type the source has there; the last one seen
        # is the best guess without data flow.
        kinds = var_types.get(source)
        t = kinds[-1][0] if kinds else None
        ann = f"{target} = {source}" + (f"  :: {numba_name(t)}" if t else "")
        by_line.setdefault(line, []).append(ann)
        note(target, t, line)

    out = [header, _RULE, f"# File: {filename}"]
    for n in range(first, last + 1):
        src = lines.get(n, "")
        indent = src[: len(src) - len(src.lstrip())]
        if n in by_line:
            out.append(f"{indent}# --- LINE {n} --- ")
            out.extend(f"{indent}#   {ann}" for ann in by_line[n])
        out.append(src)
    if var_types:
        out.append("")
        out.append("# Variables:")
        for var in [v for v in variables if v in var_types] + sorted(set(var_types) - set(variables)):
            kinds = var_types[var]
            if len(kinds) == 1:
                shown = numba_name(kinds[0][0])
            else:
                shown = ", ".join(
                    numba_name(t) + (f" (line {line})" if line is not None and i < len(kinds) - 1 else "")
                    for i, (t, line) in enumerate(kinds)
                )
            out.append(f"#   {var}: {shown}")
    out.append(_END)
    return "\n".join(out) + "\n"


def dump_ir(name: str, arg_types: Sequence[str], compiled: Any, stages: Sequence[str], stream: Optional[TextIO] = None) -> None:
    """Print the requested stages of one specialisation (``MUMBA_DUMP_IR``)."""
    stream = stream or sys.stderr
    sig = ", ".join(numba_name(t) for t in arg_types)
    available = compiled.stages
    for stage in stages:
        if stage in available:
            text = available[stage]
        elif stage == "llvm-ir":
            text = compiled.llvm_ir()
        elif stage == "asm":
            text = compiled.asm()
        else:
            continue
        print(f"-------- {name}({sig}): {stage} --------", file=stream)
        print(text.rstrip("\n"), file=stream)
    stream.flush()
