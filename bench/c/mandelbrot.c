#include <stdint.h>

void bench_mandelbrot(int64_t *out, int64_t h, int64_t w, double xmin, double xmax, double ymin,
                      double ymax, int64_t maxiter) {
  for (int64_t y = 0; y < h; ++y) {
    double ci = ymin + (ymax - ymin) * y / h;
    for (int64_t x = 0; x < w; ++x) {
      double cr = xmin + (xmax - xmin) * x / w;
      double zr = 0.0, zi = 0.0;
      int64_t n = 0;
      while (n < maxiter && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        ++n;
      }
      out[y * w + x] = n;
    }
  }
}
