#include <math.h>
#include <stdint.h>

#define SOFTENING 1e-3

void bench_nbody(const double *pos, int64_t n, int64_t d3, const double *vel, int64_t nv,
                 int64_t dv, const double *mass, int64_t nm, double dt, double *new_pos,
                 int64_t np, int64_t dp, double *new_vel, int64_t nnv, int64_t dnv) {
  (void)d3, (void)nv, (void)dv, (void)nm, (void)np, (void)dp, (void)nnv, (void)dnv;
  for (int64_t i = 0; i < n; ++i) {
    double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
    double ax = 0.0, ay = 0.0, az = 0.0;
    for (int64_t j = 0; j < n; ++j) {
      double dx = pos[3 * j] - xi, dy = pos[3 * j + 1] - yi, dz = pos[3 * j + 2] - zi;
      double r2 = dx * dx + dy * dy + dz * dz + SOFTENING;
      double s = mass[j] / (r2 * sqrt(r2));
      ax += s * dx;
      ay += s * dy;
      az += s * dz;
    }
    new_vel[3 * i] = vel[3 * i] + dt * ax;
    new_vel[3 * i + 1] = vel[3 * i + 1] + dt * ay;
    new_vel[3 * i + 2] = vel[3 * i + 2] + dt * az;
    new_pos[3 * i] = xi + dt * new_vel[3 * i];
    new_pos[3 * i + 1] = yi + dt * new_vel[3 * i + 1];
    new_pos[3 * i + 2] = zi + dt * new_vel[3 * i + 2];
  }
}
