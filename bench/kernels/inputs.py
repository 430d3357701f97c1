"""Seeded inputs shared by the kernels."""

from __future__ import annotations

import numpy as np


def rng(seed: int) -> np.random.Generator:
    """A generator with a fixed seed, so every run sees the same data."""
    return np.random.default_rng(seed)


def uniform(shape, seed: int, low: float = 0.0, high: float = 1.0) -> np.ndarray:
    """C-contiguous float64 values in ``[low, high)``."""
    return np.ascontiguousarray(rng(seed).uniform(low, high, size=shape))
