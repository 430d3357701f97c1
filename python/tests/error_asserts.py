"""Assertions on compile errors: one short line naming the construct and
its types, the source line with a caret under the construct, notes where a
second place matters. Tests mark the line they expect with ``# MARKER``."""

import sys

import pytest

from mumba import MumbaError


def _caller_file(depth: int) -> str:
    return sys._getframe(depth + 1).f_code.co_filename


def line_of(marker: str, path: str = None) -> tuple:
    """(line number, text) of the unique line with ``# marker`` in ``path``,
    by default the calling test file."""
    path = path or _caller_file(1)
    with open(path) as f:
        lines = f.read().splitlines()
    hits = [(i + 1, l) for i, l in enumerate(lines) if ("# " + marker + " ") in l + " "]
    assert len(hits) == 1, (marker, hits)
    return hits[0]


def points_at(err, marker, column_text, path=None):
    """``err`` names the marked line of ``path`` (by default the calling test
    file), shows it and puts a caret under ``column_text``."""
    path = path or _caller_file(1)
    lineno, text = line_of(marker, path)
    assert err.filename == path, (err.filename, path)
    assert err.lineno == lineno, (err.lineno, lineno, str(err))
    assert err.col == text.index(column_text) + 1, (err.col, str(err))
    lines = str(err).splitlines()
    assert lines[1] == ""
    assert lines[2] == f'File "{path}", line {lineno}:'
    assert lines[3] == text
    assert lines[4] == " " * text.index(column_text) + "^"


def expect_error(cls, call, message, marker, column_text):
    """``call()`` raises exactly ``cls`` whose first line is ``message``
    (compared whole), pointing at ``column_text`` on the marked line of the
    calling test file."""
    with pytest.raises(MumbaError) as info:
        call()
    err = info.value
    assert type(err) is cls, (type(err), str(err))
    assert err.msg == message, err.msg
    assert str(err).splitlines()[0] == message
    points_at(err, marker, column_text, _caller_file(1))
    return err


def note_at(err, message, marker, column_text=None):
    """``err`` has a note ``message`` at the marked line (and column) of the
    calling test file."""
    lineno, text = line_of(marker, _caller_file(1))
    for msg, fname, line, col in err.notes:
        if msg == message and line == lineno:
            if column_text is not None:
                assert col == text.index(column_text) + 1
            assert message in str(err)
            return
    raise AssertionError(f"no note {message!r} at line {lineno}: {err.notes}")
