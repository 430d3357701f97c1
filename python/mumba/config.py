"""Settings read from the environment, changeable at run time.

    import mumba
    mumba.config.DUMP_IR = "nb-typed,llvm"   # or MUMBA_DUMP_IR=nb-typed,llvm

==========================  ==============================================
environment variable         meaning
==========================  ==============================================
``MUMBA_DUMP_IR``            after each compile, print these stages to
                             stderr: comma-separated names from
                             ``mumba.config.STAGES``, ``llvm-ir`` (LLVM
                             IR after optimisation), ``asm``, or ``all``
``MUMBA_CACHE_DIR``          where ``cache=True`` keeps compiled code
                             (default: ``__pycache__`` beside the source)
``MUMBA_BOUNDSCHECK``        ``1`` checks every array index by default
``MUMBA_OPT``                the default LLVM optimisation level (3)
``MUMBA_DEBUG_CACHE``        ``1`` prints why cache entries are rewritten
``MUMBA_JIT_PERF``           ``1`` registers compiled code with ``perf``
                             (a jitdump file in ``~/.debug/jit``); off
``MUMBA_JIT_GDB``            ``1`` registers compiled code with ``gdb``; off
``MUMBA_NUM_THREADS``        threads of ``parallel=True`` loops
                             (``prange``) and ``target="parallel"``
                             ufuncs (default: every core)
==========================  ==============================================

:func:`reload_config` reads the environment again. The compiler library
reads the two ``MUMBA_JIT_*`` variables itself, at each compile.
"""

from __future__ import annotations

import os
from typing import FrozenSet, Optional

__all__ = [
    "DUMP_IR",
    "CACHE_DIR",
    "BOUNDSCHECK",
    "OPT",
    "DEBUG_CACHE",
    "NUM_THREADS",
    "reload_config",
    "dump_stages",
]

#: Stages that ``inspect_mlir`` shows and ``MUMBA_DUMP_IR`` names, in
#: pipeline order: a copy of the compiler's list (``_mumba.compiler_facts()``,
#: which a test compares), kept here so that reading the environment does
#: not load the compiler.
STAGES = ("nb", "nb-ssa", "nb-typed", "std", "scf", "affine", "omp", "llvm")

DUMP_IR: str = ""
CACHE_DIR: Optional[str] = None
BOUNDSCHECK: bool = False
OPT: int = 3
DEBUG_CACHE: bool = False
NUM_THREADS: int = 1


def _flag(name: str) -> bool:
    return os.environ.get(name, "0") not in ("", "0")


def reload_config() -> None:
    """Read the ``MUMBA_*`` environment variables again."""
    global DUMP_IR, CACHE_DIR, BOUNDSCHECK, OPT, DEBUG_CACHE, NUM_THREADS
    DUMP_IR = os.environ.get("MUMBA_DUMP_IR", "")
    CACHE_DIR = os.environ.get("MUMBA_CACHE_DIR") or None
    BOUNDSCHECK = _flag("MUMBA_BOUNDSCHECK")
    try:
        OPT = int(os.environ.get("MUMBA_OPT", "3"))
    except ValueError:
        OPT = 3
    DEBUG_CACHE = _flag("MUMBA_DEBUG_CACHE")
    try:
        NUM_THREADS = int(os.environ.get("MUMBA_NUM_THREADS", "0"))
    except ValueError:
        NUM_THREADS = 0
    if NUM_THREADS <= 0:
        NUM_THREADS = os.cpu_count() or 1


def dump_stages() -> FrozenSet[str]:
    """The stages :data:`DUMP_IR` names (``all`` stands for every one)."""
    names = {s.strip() for s in (DUMP_IR or "").replace(";", ",").split(",")}
    names.discard("")
    if "all" in names:
        names = set(STAGES) | {"llvm-ir", "asm"}
    return frozenset(names)


reload_config()
