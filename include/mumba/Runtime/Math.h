/*===- Math.h - Arithmetic helpers for compiled code ------------*- C -*-===*\
|*                                                                          *|
|* What LLVM has no instruction for and compiled code calls.               *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_MATH_H
#define MUMBA_RUNTIME_MATH_H

#ifdef __cplusplus
extern "C" {
#endif

/* pow(base, exp, mod) with Python's result sign (that of mod), for
   exp >= 0 and mod != 0; products are exact (128-bit). */
long long mumbaModPow(long long base, long long exp, long long mod);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_MATH_H */
