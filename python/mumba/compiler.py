"""The compiler bridge: loads the C++ extension (``mumba._mumba``) on first
use, never at ``import mumba``, and turns its compile errors into
:class:`mumba.TypingError` / :class:`mumba.UnsupportedError`."""

from __future__ import annotations

import threading
from typing import Any

from . import config
from .config import STAGES
from .errors import MumbaError, TypingError, UnsupportedError

__all__ = ["extension", "loaded", "convert_compile_error", "STAGES"]

_ext = None
# Threads that compile first in a fresh process import the extension once.
_ext_lock = threading.Lock()


def extension() -> Any:
    """The C++ extension, imported on the first call."""
    global _ext
    if _ext is None:
        with _ext_lock:
            if _ext is None:
                from . import _mumba  # type: ignore[attr-defined]  # noqa: PLC0415 - import cost

                # Parallel loops use every core unless MUMBA_NUM_THREADS says.
                _mumba.set_default_num_threads(config.NUM_THREADS)
                _ext = _mumba
    return _ext


def loaded() -> bool:
    """Whether the extension is loaded (so compiled objects may exist)."""
    return _ext is not None


def convert_compile_error(exc: Exception) -> MumbaError:
    """Turn ``_mumba.CompileError`` into a TypingError / UnsupportedError.

    ``exc.diagnostics`` holds ``(severity, message, filename, line, col)``
    tuples; the first error is the exception, the others become notes.
    """
    diags = list(getattr(exc, "diagnostics", None) or [])
    if not diags:
        return TypingError(str(exc) or "compilation failed")
    first = next((i for i, d in enumerate(diags) if d[0] == "error"), 0)
    _, msg, fname, line, col = diags[first]
    notes = []
    for i, (severity, m, f, l, c) in enumerate(diags):
        if i != first:
            label = m if severity == "note" else f"{severity}: {m}"
            notes.append((label, f or None, l or None, c or None))
    cls = UnsupportedError if msg.startswith("unsupported") else TypingError
    return cls(msg, fname or None, line or None, col or None, notes)
