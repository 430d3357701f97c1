"""Why Mumba is slower than Numba (or C) on a kernel: one line each,
found by reading ``f.inspect_mlir("std")`` / ``("llvm")`` and the
assembly.  The report prints the line for every kernel Mumba loses on."""

from __future__ import annotations

from typing import Dict

#: kernel name -> reason Mumba loses to Numba
VS_NUMBA: Dict[str, str] = {}

#: kernel name -> reason Mumba loses to C by more than the noise
VS_C: Dict[str, str] = {}
