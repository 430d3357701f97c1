"""Find the source of a Python function and parse it with file positions.

Line numbers in the returned AST are absolute line numbers in the file and
column offsets are those of the original (indented) text, so a caret drawn
under the original source line lines up.
"""

from __future__ import annotations

import ast
import inspect
import os
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Tuple, Union

from ..errors import UnsupportedError

__all__ = ["FunctionSource", "get_source"]

FuncNode = Union[ast.FunctionDef, ast.Lambda]


@dataclass
class FunctionSource:
    """The parsed source of one Python function."""

    filename: str
    """Absolute path of the file (or the ``<...>`` pseudo name)."""
    node: ast.FunctionDef
    """The function definition; decorators are ignored by the lowering."""
    lines: Dict[int, str] = field(default_factory=dict)
    """Absolute line number -> source text, for byte/char column fixes."""

    def position(self, node: ast.AST) -> Tuple[int, int]:
        """(line, 1-based column in characters) of an AST node."""
        line = getattr(node, "lineno", None) or self.node.lineno
        col = getattr(node, "col_offset", None)
        if col is None:
            col = 0
        text = self.lines.get(line)
        if text is not None and not text.isascii():
            # ast column offsets count UTF-8 bytes.
            col = len(text.encode("utf-8")[:col].decode("utf-8", errors="replace"))
        return line, col + 1


def _filename(fn: Callable) -> str:
    name = fn.__code__.co_filename
    if name.startswith("<") and name.endswith(">"):
        return name
    return os.path.abspath(name)


def _lambda_to_def(lam: ast.Lambda) -> ast.FunctionDef:
    ret = ast.Return(value=lam.body)
    ast.copy_location(ret, lam.body)
    fdef = ast.FunctionDef(
        name="<lambda>", args=lam.args, body=[ret], decorator_list=[], returns=None
    )
    ast.copy_location(fdef, lam)
    fdef.end_lineno = getattr(lam, "end_lineno", lam.lineno)
    return fdef


def _first_line(node: ast.AST) -> int:
    """The line a definition's code object starts at: its first decorator's."""
    return min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])


def _lambdas_of(code, lambdas: List[ast.Lambda]) -> List[ast.Lambda]:
    """Of several lambdas on one line, the innermost whose body spans every
    source position of ``code`` (Python 3.11's co_positions; columns are
    UTF-8 byte offsets, as the AST's are)."""
    if len(lambdas) < 2 or not hasattr(code, "co_positions"):
        return lambdas
    spans = [
        (line, col, end_line, end_col)
        for line, end_line, col, end_col in code.co_positions()
        if line is not None and col is not None and end_col is not None and (col, end_col) != (0, 0)
    ]

    def holds(lam: ast.Lambda) -> bool:
        body = lam.body
        start = (body.lineno, body.col_offset)
        end = (body.end_lineno, body.end_col_offset)
        return all(start <= (l, c) and (el, ec) <= end for l, c, el, ec in spans)

    found = [lam for lam in lambdas if holds(lam)]
    if not found:
        return lambdas
    return [min(found, key=lambda lam: (lam.body.end_lineno - lam.body.lineno,
                                        lam.body.end_col_offset - lam.body.col_offset))]


def get_source(fn: Callable) -> FunctionSource:
    """Return the :class:`FunctionSource` of ``fn``.

    Raises :class:`UnsupportedError` when the source is not available
    (functions made by ``exec`` or typed at the interactive prompt).
    """
    filename = _filename(fn)
    code = fn.__code__
    try:
        src_lines, start = inspect.getsourcelines(fn)
    except (OSError, TypeError) as exc:
        raise UnsupportedError(
            f"unsupported function {fn.__qualname__!r}: its source code is not "
            f"available ({exc})",
            filename,
            code.co_firstlineno,
        ) from None
    start = max(start, 1)
    text = "".join(src_lines)
    offset = start - 1
    if src_lines and src_lines[0][:1] in (" ", "\t"):
        # Keep the original columns: wrap the indented text in a block.
        text = "if 1:\n" + text
        offset -= 1
    try:
        tree = ast.parse(text, filename=filename)
        ast.increment_lineno(tree, offset)
    except SyntaxError as exc:
        # A lambda cut out of a larger expression (a dict entry, a call's
        # argument): the whole file holds it, at the same positions.
        try:
            src_lines = inspect.findsource(fn)[0]
            tree = ast.parse("".join(src_lines), filename=filename)
            start = 1
        except (OSError, SyntaxError):
            raise UnsupportedError(
                f"unsupported function {fn.__qualname__!r}: cannot parse its source "
                f"({exc.msg})",
                filename,
                start,
            ) from None
    lines = {start + i: line.rstrip("\r\n") for i, line in enumerate(src_lines)}

    # Find the definition by the code object, which renaming the function
    # (decorators, factories, tests setting __name__) leaves alone: its
    # first line (the first decorator's) and its name as written.
    node: FuncNode | None = None
    if code.co_name == "<lambda>":
        lambdas = _lambdas_of(
            code,
            [
                n
                for n in ast.walk(tree)
                if isinstance(n, ast.Lambda) and n.lineno == code.co_firstlineno
            ],
        )
        if len(lambdas) != 1:
            raise UnsupportedError(
                "unsupported lambda: cannot tell which lambda on this line is "
                "being compiled; use a def",
                filename,
                code.co_firstlineno,
            )
        node = _lambda_to_def(lambdas[0])
    else:
        for n in ast.walk(tree):
            if (
                isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                and n.name == code.co_name
                and _first_line(n) == code.co_firstlineno
            ):
                node = n
                break
        if isinstance(node, ast.AsyncFunctionDef):
            raise UnsupportedError(
                "unsupported 'async def' function", filename, node.lineno, node.col_offset + 1
            )
    if node is None:
        raise UnsupportedError(
            f"unsupported function {fn.__qualname__!r}: cannot find its definition "
            "in the source",
            filename,
            start,
        )
    return FunctionSource(filename=filename, node=node, lines=lines)
