/*===- Cmath.h - cmath functions for compiled code --------------*- C -*-===*\
|*                                                                          *|
|* The cmath functions whose infinities, NaNs and signed zeros need more   *|
|* than a formula: each gives CPython's result, the value of its special- *|
|* value tables where CPython raises ValueError for an "invalid" result    *|
|* (compiled code returns NaNs as it does for math's domain errors).       *|
|* sin, cos and tan are -i sinh(iz), cosh(iz) and -i tanh(iz).             *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_CMATH_H
#define MUMBA_RUNTIME_CMATH_H

#ifdef __cplusplus
extern "C" {
#endif

/* Returned in two registers, as the lowering's (f64, f64) results are. */
typedef struct {
  double re, im;
} MumbaComplex;

MumbaComplex mumbaCmathExp(double re, double im);
MumbaComplex mumbaCmathLog(double re, double im);
MumbaComplex mumbaCmathSinh(double re, double im);
MumbaComplex mumbaCmathCosh(double re, double im);
MumbaComplex mumbaCmathTanh(double re, double im);
MumbaComplex mumbaCmathRect(double r, double phi);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_CMATH_H */
