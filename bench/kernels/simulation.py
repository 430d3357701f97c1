"""Floating-point heavy loops: the Mandelbrot set and an n-body step."""

from __future__ import annotations

import math

import numpy as np

from ..kernel import Kernel
from .inputs import uniform

SOFTENING = 1e-3


def mandelbrot(out, xmin, xmax, ymin, ymax, maxiter):
    h = out.shape[0]
    w = out.shape[1]
    for y in range(h):
        ci = ymin + (ymax - ymin) * y / h
        for x in range(w):
            cr = xmin + (xmax - xmin) * x / w
            zr = 0.0
            zi = 0.0
            n = 0
            while n < maxiter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            out[y, x] = n


def np_mandelbrot(out, xmin, xmax, ymin, ymax, maxiter):
    h, w = out.shape
    ci = (ymin + (ymax - ymin) * np.arange(h) / h)[:, None] + np.zeros((1, w))
    cr = (xmin + (xmax - xmin) * np.arange(w) / w)[None, :] + np.zeros((h, 1))
    zr = np.zeros((h, w))
    zi = np.zeros((h, w))
    out[:] = 0
    active = np.ones((h, w), dtype=bool)
    for _ in range(maxiter):
        active &= zr * zr + zi * zi <= 4.0
        if not active.any():
            break
        zr, zi = (
            np.where(active, zr * zr - zi * zi + cr, zr),
            np.where(active, 2.0 * zr * zi + ci, zi),
        )
        out += active


def nbody_step(pos, vel, mass, dt, new_pos, new_vel):
    # Coordinates in rows (pos[0] is every x), so the inner loop has unit stride.
    n = pos.shape[1]
    for i in range(n):
        xi = pos[0, i]
        yi = pos[1, i]
        zi = pos[2, i]
        ax = 0.0
        ay = 0.0
        az = 0.0
        for j in range(n):
            dx = pos[0, j] - xi
            dy = pos[1, j] - yi
            dz = pos[2, j] - zi
            r2 = dx * dx + dy * dy + dz * dz + SOFTENING
            s = mass[j] / (r2 * math.sqrt(r2))
            ax += s * dx
            ay += s * dy
            az += s * dz
        new_vel[0, i] = vel[0, i] + dt * ax
        new_vel[1, i] = vel[1, i] + dt * ay
        new_vel[2, i] = vel[2, i] + dt * az
        new_pos[0, i] = xi + dt * new_vel[0, i]
        new_pos[1, i] = yi + dt * new_vel[1, i]
        new_pos[2, i] = zi + dt * new_vel[2, i]


def np_nbody_step(pos, vel, mass, dt, new_pos, new_vel):
    d = pos[:, None, :] - pos[:, :, None]  # d[k, i, j] = pos[k, j] - pos[k, i]
    r2 = (d * d).sum(axis=0) + SOFTENING
    s = mass[None, :] / (r2 * np.sqrt(r2))
    acc = (s[None, :, :] * d).sum(axis=2)
    np.add(vel, dt * acc, out=new_vel)
    np.add(pos, dt * new_vel, out=new_pos)


def _nbody_args(n):
    return (
        uniform((3, n), seed=20, low=-1.0),
        uniform((3, n), seed=21, low=-0.1, high=0.1),
        uniform(n, seed=22, low=0.5, high=1.5),
        1e-3,
        np.zeros((3, n)),
        np.zeros((3, n)),
    )


KERNELS = [
    Kernel(
        "mandelbrot", "Mandelbrot set, 100 iterations", mandelbrot,
        lambda n: (np.zeros((n, n * 3 // 2), dtype=np.int64), -2.0, 1.0, -1.0, 1.0, 100),
        dict(check=40, quick=120, full=400), "{n}x{n}*1.5",
        numpy=np_mandelbrot, outputs=(0,),
    ),
    Kernel(
        "nbody", "n-body step, all pairs", nbody_step, _nbody_args,
        dict(check=40, quick=300, full=1500), "{n} bodies",
        numpy=np_nbody_step, outputs=(4, 5), rtol=1e-9,
        note="positions as a 3×n array (a row per coordinate), so the inner loop has unit"
        " stride; the C version indexes with the runtime n as Python does.",
    ),
]
