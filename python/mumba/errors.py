"""Exceptions raised by Mumba, with Numba-style source excerpts.

Every error that points at user code carries the file, the 1-based line and
the 1-based column, and its ``str()`` shows the offending line with a caret::

    Cannot add float64 and tuple(...)

    File "/abs/path/k.py", line 5:
        return a + s
                   ^
"""

from __future__ import annotations

import linecache
from typing import Iterable, Optional, Sequence, Tuple

__all__ = [
    "MumbaError",
    "TypingError",
    "UnsupportedError",
    "ArgumentTypeError",
    "MumbaWarning",
    "PerformanceWarning",
    "format_location",
]

#: A note attached to an error: (message, filename, line, col).
Note = Tuple[str, Optional[str], Optional[int], Optional[int]]


def _caret_line(source_line: str, col: int) -> str:
    """Spaces (tabs kept, so the caret lines up) up to ``col`` then ``^``."""
    prefix = source_line[: max(col - 1, 0)]
    pad = "".join("\t" if ch == "\t" else " " for ch in prefix)
    pad += " " * max(col - 1 - len(prefix), 0)
    return pad + "^"


def format_location(
    filename: Optional[str], lineno: Optional[int], col: Optional[int]
) -> str:
    """The ``File "...", line N:`` block with the source line and a caret."""
    if not filename or not lineno:
        return ""
    out = [f'File "{filename}", line {lineno}:']
    text = linecache.getline(filename, lineno)
    if not text:
        linecache.checkcache(filename)
        text = linecache.getline(filename, lineno)
    if text:
        text = text.rstrip("\r\n")
        out.append(text)
        if col and col > 0:
            out.append(_caret_line(text, col))
    return "\n".join(out)


class MumbaError(Exception):
    """Base class of every error Mumba raises about user code."""

    def __init__(
        self,
        msg: str,
        filename: Optional[str] = None,
        lineno: Optional[int] = None,
        col: Optional[int] = None,
        notes: Iterable[Note] = (),
    ) -> None:
        self.msg = msg
        self.filename = filename
        self.lineno = lineno
        self.col = col
        self.notes: Sequence[Note] = tuple(notes)
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [self.msg]
        where = format_location(self.filename, self.lineno, self.col)
        if where:
            parts.append("")
            parts.append(where)
        for msg, fname, line, col in self.notes:
            parts.append("")
            parts.append(f"note: {msg}" if not msg.startswith(("error:", "warning:")) else msg)
            where = format_location(fname, line, col)
            if where:
                parts.append(where)
        return "\n".join(parts)

    def __reduce__(self):  # keep the attributes across pickling
        return (
            type(self),
            (self.msg, self.filename, self.lineno, self.col, self.notes),
        )


class TypingError(MumbaError):
    """A value in the function cannot be given a type."""


class UnsupportedError(MumbaError):
    """The function uses a Python feature Mumba does not compile."""


class ArgumentTypeError(TypingError, TypeError):
    """An argument passed to a jitted function has no Mumba type."""


class MumbaWarning(UserWarning):
    """Base class of Mumba's warnings."""


class PerformanceWarning(MumbaWarning):
    """Code runs slower than it could: a ``@jit`` function that falls back
    to object mode, saying why and where."""
