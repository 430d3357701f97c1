"""Element-wise loops over 1-D arrays: saxpy and Black–Scholes pricing."""

from __future__ import annotations

import math

import numpy as np

from ..kernel import Kernel
from .inputs import uniform


def saxpy(alpha, x, y, out):
    for i in range(x.shape[0]):
        out[i] = alpha * x[i] + y[i]


def np_saxpy(alpha, x, y, out):
    np.multiply(x, alpha, out=out)
    np.add(out, y, out=out)


# Abramowitz & Stegun 26.2.17: the normal CDF to 7.5e-8, the usual
# Black–Scholes benchmark formulation (NumPy has no erf).
CND_K = 0.2316419
CND_A1 = 0.319381530
CND_A2 = -0.356563782
CND_A3 = 1.781477937
CND_A4 = -1.821255978
CND_A5 = 1.330274429
INV_SQRT_2PI = 0.3989422804014327


def cnd(x):
    ax = x if x >= 0.0 else -x
    k = 1.0 / (1.0 + CND_K * ax)
    poly = k * (CND_A1 + k * (CND_A2 + k * (CND_A3 + k * (CND_A4 + k * CND_A5))))
    w = 1.0 - INV_SQRT_2PI * math.exp(-0.5 * x * x) * poly
    if x < 0.0:
        w = 1.0 - w
    return w


def black_scholes(price, strike, years, rate, vol, call, put):
    for i in range(price.shape[0]):
        s = price[i]
        k = strike[i]
        t = years[i]
        vol_t = vol * math.sqrt(t)
        d1 = (math.log(s / k) + (rate + 0.5 * vol * vol) * t) / vol_t
        d2 = d1 - vol_t
        discount = k * math.exp(-rate * t)
        c = s * cnd(d1) - discount * cnd(d2)
        call[i] = c
        put[i] = c - s + discount


def np_cnd(x):
    k = 1.0 / (1.0 + CND_K * np.abs(x))
    poly = k * (CND_A1 + k * (CND_A2 + k * (CND_A3 + k * (CND_A4 + k * CND_A5))))
    w = 1.0 - INV_SQRT_2PI * np.exp(-0.5 * x * x) * poly
    return np.where(x < 0.0, 1.0 - w, w)


def np_black_scholes(price, strike, years, rate, vol, call, put):
    vol_t = vol * np.sqrt(years)
    d1 = (np.log(price / strike) + (rate + 0.5 * vol * vol) * years) / vol_t
    d2 = d1 - vol_t
    discount = strike * np.exp(-rate * years)
    call[:] = price * np_cnd(d1) - discount * np_cnd(d2)
    put[:] = call - price + discount


def _black_scholes_args(n):
    return (
        uniform(n, seed=30, low=5.0, high=30.0),
        uniform(n, seed=31, low=1.0, high=100.0),
        uniform(n, seed=32, low=0.25, high=10.0),
        0.02,
        0.30,
        np.zeros(n),
        np.zeros(n),
    )


KERNELS = [
    Kernel(
        "saxpy", "saxpy, out = a*x + y", saxpy,
        lambda n: (1.5, uniform(n, seed=7), uniform(n, seed=8), np.zeros(n)),
        dict(check=20_000, quick=400_000, full=4_000_000), "n={n}",
        numpy=np_saxpy, outputs=(3,),
    ),
    Kernel(
        "black_scholes", "Black–Scholes, calls and puts", black_scholes,
        _black_scholes_args,
        dict(check=5_000, quick=100_000, full=1_000_000), "n={n}",
        numpy=np_black_scholes, outputs=(5, 6), rtol=1e-9, atol=1e-12,
        helpers=dict(cnd=cnd),
        note="cnd() is a separate jitted function: calls between jitted functions."
        " NumPy's own exp differs in the last bit: puts near 0 agree to atol 1e-12.",
    ),
]
