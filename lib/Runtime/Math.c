/*===- Math.c - Arithmetic helpers for compiled code ----------------------===*/
#include "mumba/Runtime/Math.h"

/* Python's a % m for 128-bit values: the result takes the sign of m. */
static __int128 pyMod(__int128 a, __int128 m) {
  __int128 r = a % m;
  if (r != 0 && ((r < 0) != (m < 0)))
    r += m;
  return r;
}

long long mumbaModPow(long long base, long long exp, long long mod) {
  /* Compiled code checks mod != 0 and exp >= 0 first. */
  __int128 m = mod;
  __int128 result = pyMod(1, m);
  __int128 square = pyMod(base, m);
  for (unsigned long long e = (unsigned long long)exp; e; e >>= 1) {
    if (e & 1)
      result = pyMod(result * square, m);
    square = pyMod(square * square, m);
  }
  return (long long)result;
}
