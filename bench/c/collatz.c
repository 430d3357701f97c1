#include <stdint.h>

int64_t bench_collatz(int64_t n) {
  int64_t total = 0;
  for (int64_t start = 1; start < n; ++start) {
    int64_t x = start, steps = 0;
    while (x != 1) {
      if (x % 2 == 0)
        x = x / 2;
      else
        x = 3 * x + 1;
      ++steps;
    }
    total += steps;
  }
  return total;
}
