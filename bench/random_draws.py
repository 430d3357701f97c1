"""np.random in compiled code: Mumba beside Numba and NumPy, in ns per draw.

Three rows (docs/random.md): a Monte Carlo estimate of pi from scalar
``np.random.random()`` draws in a loop, ``np.random.random(n)`` and
``np.random.normal(size=n)``. Each implementation seeds its own generator
first, so Mumba's results are also checked against NumPy's, bit for bit::

    ./scripts/build
    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.random_draws
    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.random_draws --n 1000000
"""

from __future__ import annotations

import argparse
from typing import Any, Callable, Dict, List, Optional

import numpy as np

from .timing import interleaved_best


def monte_carlo_pi(seed, points):
    np.random.seed(seed)
    inside = 0
    for _ in range(points):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y < 1.0:
            inside += 1
    return 4.0 * inside / points


def np_monte_carlo_pi(seed, points):
    np.random.seed(seed)
    xy = np.random.random((points, 2))
    return 4.0 * np.count_nonzero((xy * xy).sum(axis=1) < 1.0) / points


def uniform_array(seed, n):
    np.random.seed(seed)
    return np.random.random(n)


def normal_array(seed, n):
    np.random.seed(seed)
    # normal(size=n); Numba 0.56 takes the size positionally only.
    return np.random.normal(0.0, 1.0, n)


#: (title, Python kernel, NumPy twin, draws for size n)
ROWS = [
    ("Monte Carlo pi, scalar random() in a loop", monte_carlo_pi, np_monte_carlo_pi, 2),
    ("np.random.random(n)", uniform_array, uniform_array, 1),
    ("np.random.normal(size=n)", normal_array, normal_array, 1),
]


def measure(n: int, budget: float) -> List[Dict[str, Any]]:
    """One dict per row: ns per draw of each implementation, and whether
    each compiled result is NumPy's bit for bit."""
    import numba

    import mumba

    rows = []
    for title, py, twin, draws_per_item in ROWS:
        # Monte Carlo draws two values per point: n draws in all.
        size = n // draws_per_item
        impls: Dict[str, Callable[..., Any]] = {
            "mumba": mumba.njit(py),
            "numba": numba.njit(py),
            "numpy": twin,
        }
        results = {name: fn(1, size) for name, fn in impls.items()}
        exact = {
            name: np.asarray(results[name]).tobytes() == np.asarray(py(1, size)).tobytes()
            for name in ("mumba", "numba")
        }
        best = interleaved_best({name: (lambda f=fn: f(1, size)) for name, fn in impls.items()}, budget)
        rows.append(
            {
                "title": title,
                "draws": size * draws_per_item,
                "ns": {name: best[name] / (size * draws_per_item) * 1e9 for name in impls},
                "exact": exact,
            }
        )
    return rows


def table(rows: List[Dict[str, Any]]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| kernel | draws | Mumba ns/draw | Numba ns/draw | NumPy ns/draw | Mumba = NumPy | Numba = NumPy |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        ns, exact = r["ns"], r["exact"]
        lines.append(
            f"| {r['title']} | {r['draws']:.0e} | {ns['mumba']:.2f} | {ns['numba']:.2f} | "
            f"{ns['numpy']:.2f} | {'yes' if exact['mumba'] else 'no'} | {'yes' if exact['numba'] else 'no'} |"
        )
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10**7, help="draws per row")
    parser.add_argument("--budget", type=float, default=3.0, help="seconds of timing per row")
    args = parser.parse_args(argv)
    print(table(measure(args.n, args.budget)))


if __name__ == "__main__":
    main()
