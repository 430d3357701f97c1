"""SSA reconstruction against Python on seeded random programs.

nb-reconstruct-ssa builds SSA itself (frontiers, merge arguments, one
renaming walk, dead merges dropped); these programs give it what structured
code can: nested if/elif/else, for loops with break and continue, early
returns, variables reassigned on some paths only."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import List

import pytest

from mumba import njit

VARS = ["a", "b", "c", "d"]


def _expr(r: random.Random, depth: int = 0) -> str:
    if depth > 2 or r.random() < 0.3:
        return r.choice(VARS + ["x", str(r.randint(-3, 5))])
    op = r.choice(["+", "-", "*"])
    return f"({_expr(r, depth + 1)} {op} {_expr(r, depth + 1)})"


def _cond(r: random.Random) -> str:
    return f"{_expr(r)} {r.choice(['<', '>', '==', '!=', '<=', '>='])} {_expr(r)}"


def _block(r: random.Random, ind: str, depth: int, in_loop: bool) -> List[str]:
    lines: List[str] = []
    for _ in range(r.randint(1, 4)):
        k = r.random()
        if depth < 3 and k < 0.25:
            lines.append(f"{ind}if {_cond(r)}:")
            lines += _block(r, ind + "    ", depth + 1, in_loop)
            for _ in range(r.randint(0, 2)):
                lines.append(f"{ind}elif {_cond(r)}:")
                lines += _block(r, ind + "    ", depth + 1, in_loop)
            if r.random() < 0.6:
                lines.append(f"{ind}else:")
                lines += _block(r, ind + "    ", depth + 1, in_loop)
        elif depth < 3 and k < 0.4:
            counter = f"i{depth}"
            lines.append(f"{ind}for {counter} in range({r.randint(0, 4)}):")
            lines.append(f"{ind}    a = (a + {counter}) % 1000")
            lines += _block(r, ind + "    ", depth + 1, True)
        elif in_loop and k < 0.47:
            lines.append(f"{ind}if {_cond(r)}:")
            lines.append(f"{ind}    {r.choice(['break', 'continue'])}")
        elif k < 0.5:
            lines.append(f"{ind}if {_cond(r)}:")
            lines.append(f"{ind}    return {_expr(r)}")
        else:
            lines.append(f"{ind}{r.choice(VARS)} = ({_expr(r)}) % 1000")
    return lines


def _program(seed: int) -> str:
    r = random.Random(seed)
    lines = ["def f(x):", "    a = x", "    b = 1", "    c = 2", "    d = 3"]
    lines += _block(r, "    ", 0, False)
    lines.append("    return a + 10 * b + 100 * c + 1000 * d")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(25))
def test_random_program_agrees_with_python(tmp_path: Path, seed: int):
    path = tmp_path / f"prog{seed}.py"
    path.write_text(_program(seed))
    spec = importlib.util.spec_from_file_location(f"prog{seed}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    compiled = njit(module.f)
    for x in (-3, 0, 1, 7, 50):
        assert compiled(x) == module.f(x), (x, path.read_text())
