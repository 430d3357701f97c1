"""Integer loops: Collatz chain lengths and the sieve of Eratosthenes."""

from __future__ import annotations

import numpy as np

from ..kernel import Kernel


def collatz(n):
    total = 0
    for start in range(1, n):
        x = start
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        total += steps
    return total


def np_collatz(n):
    x = np.arange(1, n, dtype=np.int64)
    total = 0
    while x.size:
        x = x[x != 1]
        total += x.size
        x = np.where(x % 2 == 0, x // 2, 3 * x + 1)
    return total


def sieve(flags):
    n = flags.shape[0]
    for i in range(n):
        flags[i] = 1
    flags[0] = 0
    flags[1] = 0
    i = 2
    while i * i < n:
        if flags[i]:
            for j in range(i * i, n, i):
                flags[j] = 0
        i += 1
    count = 0
    for i in range(n):
        count += flags[i]
    return count


def np_sieve(flags):
    n = flags.shape[0]
    flags[:] = 1
    flags[:2] = 0
    i = 2
    while i * i < n:
        if flags[i]:
            flags[i * i :: i] = 0
        i += 1
    return int(flags.sum(dtype=np.int64))


KERNELS = [
    Kernel(
        "collatz", "Collatz steps, all starts below n", collatz, lambda n: (n,),
        dict(check=3_000, quick=30_000, full=300_000), "n={n}",
        numpy=np_collatz, c_ret="i64",
    ),
    Kernel(
        "sieve", "prime sieve", sieve, lambda n: (np.zeros(n, dtype=np.int32),),
        dict(check=20_000, quick=1_000_000, full=10_000_000), "n={n}",
        numpy=np_sieve, outputs=(0,), c_ret="i64",
    ),
]
