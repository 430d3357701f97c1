"""pytest configuration of the Python suite.

The test modules share helpers (``helpers``, ``error_asserts``,
``test_types_support``, ``raising_kernels``, ...) that live beside them and
are imported by name; this directory is put on ``sys.path`` here, once,
so that those imports hold however pytest is started (from the repository
root, from this directory, or on one file).
"""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
