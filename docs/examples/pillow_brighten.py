"""Brighten a Pillow image with @jit (object mode, its loop lifted) and the
same pixels as a NumPy array with @njit; time both against plain Python.

    PYTHONPATH=build/python python3 docs/examples/pillow_brighten.py
"""

import time
import warnings

import numpy as np
from PIL import Image

from mumba import PerformanceWarning, jit, njit


def brighten_image(img, factor):
    """A Pillow image in, a Pillow image out: Mumba has no type for an
    image, so @jit runs this in object mode; the pixel loop only touches
    NumPy arrays and numbers, so it is lifted and compiled."""
    width, height = img.size
    pixels = np.asarray(img, dtype=np.float64)
    out = np.empty_like(pixels)
    for y in range(height):
        for x in range(width):
            for c in range(pixels.shape[2]):
                v = pixels[y, x, c] * factor
                out[y, x, c] = 255.0 if v > 255.0 else v
    return Image.fromarray(out.astype(np.uint8))


def brighten_array(pixels, factor):
    """The same work on the array: nopython mode from end to end."""
    out = np.empty_like(pixels)
    for y in range(pixels.shape[0]):
        for x in range(pixels.shape[1]):
            for c in range(pixels.shape[2]):
                v = pixels[y, x, c] * factor
                out[y, x, c] = 255.0 if v > 255.0 else v
    return out


def best_of(fn, *args, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - t0)
    return result, min(times)


def main():
    rng = np.random.default_rng(0)
    img = Image.fromarray(rng.integers(0, 256, (480, 640, 3), dtype=np.uint8))
    pixels = np.asarray(img, dtype=np.float64)

    jitted = jit(brighten_image)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = jitted(img, 1.3)  # compiles the lifted loop
    for w in caught:
        if issubclass(w.category, PerformanceWarning):
            print(f"PerformanceWarning: {w.message}\n")
    nopython = njit(brighten_array)
    nopython(pixels, 1.3)

    expected, t_python = best_of(brighten_image, img, 1.3, repeat=1)
    got, t_jit = best_of(jitted, img, 1.3)
    array, t_njit = best_of(nopython, pixels, 1.3)
    assert np.array_equal(np.asarray(got), np.asarray(expected))
    assert np.array_equal(np.asarray(first), np.asarray(expected))
    assert np.array_equal(array.astype(np.uint8), np.asarray(expected))
    print(f"plain Python               {t_python * 1e3:9.2f} ms")
    print(f"@jit (object mode, lifted) {t_jit * 1e3:9.2f} ms")
    print(f"@njit on the NumPy array   {t_njit * 1e3:9.2f} ms")


if __name__ == "__main__":
    main()
