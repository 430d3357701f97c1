//===- Classify.cpp - isnan, isinf, isfinite ------------------------------===//
//
// Shared by the math and NumPy templates (math.isnan and numpy.isnan lower
// alike, complex numbers included).
//
//===----------------------------------------------------------------------===//
#include "../ComplexLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include <limits>

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

Value mumba::nb::detail::classify(OpBuilder &b, Location loc, FloatClass kind,
                                  Value x, Type type) {
  if (!isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getI1Type(),
                                     b.getBoolAttr(kind == FloatClass::Finite));
  if (kind == FloatClass::NaN)
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  Value inf =
      stdConstant(b, loc, x.getType(), std::numeric_limits<double>::infinity());
  Value mag = math::AbsFOp::create(b, loc, x);
  // |x| == inf is Inf; |x| < inf is Finite (false for NaN).
  return arith::CmpFOp::create(b, loc,
                               kind == FloatClass::Inf
                                   ? arith::CmpFPredicate::OEQ
                                   : arith::CmpFPredicate::OLT,
                               mag, inf);
}

LoweredCall mumba::nb::detail::lowerFloatClass(FloatClass kind, OpBuilder &b,
                                               Location loc,
                                               ArrayRef<ValueRange> args,
                                               ArrayRef<Type> argTypes) {
  Type type = argTypes[0];
  if (auto complex = dyn_cast<ComplexType>(type)) {
    ComplexParts p = complexParts(b, loc, args[0].front());
    Type part = complex.getElementType();
    Value re = classify(b, loc, kind, p.re, part);
    Value im = classify(b, loc, kind, p.im, part);
    if (kind == FloatClass::Finite)
      return single(arith::AndIOp::create(b, loc, re, im));
    return single(arith::OrIOp::create(b, loc, re, im));
  }
  return single(classify(b, loc, kind, args[0].front(), type));
}
