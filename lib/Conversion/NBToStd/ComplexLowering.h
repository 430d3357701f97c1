//===- ComplexLowering.h - Python's complex arithmetic ----------*- C++ -*-===//
//
// Complex numbers are builtin `complex<f64>` values; these helpers compute
// on their parts with arith and math ops exactly as CPython's complexobject.c
// does (the complex dialect's own lowerings follow C99 Annex G, which
// differs from Python on infinities and in `**`).
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_COMPLEXLOWERING_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_COMPLEXLOWERING_H

#include "mlir/IR/Builders.h"

namespace mumba::nb {

/// The real and imaginary parts of a complex value.
struct ComplexParts {
  mlir::Value re, im;
};

ComplexParts complexParts(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value value);

/// A complex value of `type` from its parts.
mlir::Value makeComplex(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type,
                        mlir::Value re, mlir::Value im);

/// `x * y` as CPython's _Py_c_prod.
mlir::Value complexMul(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       mlir::Value y);

/// `x / y` as CPython's _Py_c_quot (Smith's algorithm). With
/// `raiseOnZero`, a zero divisor raises ZeroDivisionError("complex division
/// by zero"); otherwise it divides each part by zero (NumPy's inf and nan).
mlir::Value complexDiv(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       mlir::Value y, bool raiseOnZero);

/// `x ** y` as CPython's complex_pow: integral exponents up to 100 by
/// repeated squaring, others through polar form; 0 to a negative or complex
/// power raises ZeroDivisionError.
mlir::Value complexPow(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       mlir::Value y);

/// `hypot(x, y)` of two floats of the same type without undue overflow;
/// infinite when either is infinite, even with a NaN (C99, and Python).
mlir::Value hypotOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                    mlir::Value y);

/// `cmath.sqrt(z)` as CPython's c_sqrt: exact zeros where Python has them
/// (sqrt(-4) is 2j, not 1e-16+2j).
mlir::Value complexSqrt(mlir::OpBuilder &b, mlir::Location loc, mlir::Value z);

/// `abs(z)`: the hypotenuse of the parts.
mlir::Value complexAbs(mlir::OpBuilder &b, mlir::Location loc, mlir::Value z);

} // namespace mumba::nb

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_COMPLEXLOWERING_H
