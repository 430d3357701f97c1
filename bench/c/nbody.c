#include <math.h>
#include <stdint.h>

#define SOFTENING 1e-3

/* pos[k * n + j]: coordinate k of body j (a 3 x n array), as in Python. */
void bench_nbody(const double *pos, int64_t three, int64_t n, const double *vel, int64_t tv,
                 int64_t nv, const double *mass, int64_t nm, double dt, double *new_pos,
                 int64_t tp, int64_t np, double *new_vel, int64_t tnv, int64_t nnv) {
  (void)three, (void)tv, (void)nv, (void)nm, (void)tp, (void)np, (void)tnv, (void)nnv;
  const double *x = pos, *y = pos + n, *z = pos + 2 * n;
  for (int64_t i = 0; i < n; ++i) {
    double xi = x[i], yi = y[i], zi = z[i];
    double ax = 0.0, ay = 0.0, az = 0.0;
    for (int64_t j = 0; j < n; ++j) {
      double dx = x[j] - xi, dy = y[j] - yi, dz = z[j] - zi;
      double r2 = dx * dx + dy * dy + dz * dz + SOFTENING;
      double s = mass[j] / (r2 * sqrt(r2));
      ax += s * dx;
      ay += s * dy;
      az += s * dz;
    }
    new_vel[i] = vel[i] + dt * ax;
    new_vel[n + i] = vel[n + i] + dt * ay;
    new_vel[2 * n + i] = vel[2 * n + i] + dt * az;
    new_pos[i] = xi + dt * new_vel[i];
    new_pos[n + i] = yi + dt * new_vel[n + i];
    new_pos[2 * n + i] = zi + dt * new_vel[2 * n + i];
  }
}
