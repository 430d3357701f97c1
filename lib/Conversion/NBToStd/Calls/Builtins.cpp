//===- Builtins.cpp - Lowering of builtins --------------------------------===//
//
// The lowering facet of the builtins in Typing/BuiltinTyping.cpp.
//
//===----------------------------------------------------------------------===//
#include "../ComplexLowering.h"
#include "../IteratorLowering.h"
#include "../ScalarLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mumba/Dialect/NB/Typing/CallTyping.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

static Value i64Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(v));
}

//===----------------------------------------------------------------------===//
// range, len, reversed
//===----------------------------------------------------------------------===//

static LoweredCall lowerRange(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type) {
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Value> values;
  for (auto [arg, type] : llvm::zip(args, argTypes))
    values.push_back(castNumber(b, loc, arg.front(), type, i64));
  Value start = values.size() > 1 ? values[0] : i64Const(b, loc, 0);
  Value stop = values.size() > 1 ? values[1] : values[0];
  Value step = values.size() > 2 ? values[2] : i64Const(b, loc, 1);
  LoweredCall call{{start, stop, step}, {}, MUMBA_OK};
  if (values.size() > 2) {
    call.raiseIf = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, step,
                                         i64Const(b, loc, 0));
    call.status = MUMBA_RANGE_STEP_ZERO;
  }
  return call;
}

/// The length of range(start, stop, step) for either sign of step.
static Value rangeLength(OpBuilder &b, Location loc, ValueRange r) {
  Value diff = arith::SubIOp::create(b, loc, r[1], r[0]);
  Value n = arith::CeilDivSIOp::create(b, loc, diff, r[2]);
  return arith::MaxSIOp::create(b, loc, n, i64Const(b, loc, 0));
}

static LoweredCall lowerLen(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type) {
  if (auto tuple = dyn_cast<TupleType>(argTypes[0]))
    return single(i64Const(b, loc, tuple.size()));
  if (auto str = dyn_cast<StrType>(argTypes[0]))
    return single(i64Const(b, loc, str.getValue().size()));
  if (isa<RangeType>(argTypes[0]))
    return single(rangeLength(b, loc, args[0]));
  Value dim = memref::DimOp::create(b, loc, args[0].front(), 0);
  return single(
      arith::IndexCastOp::create(b, loc, b.getI64Type(), dim).getResult());
}

static LoweredCall lowerReversed(OpBuilder &b, Location loc,
                                 ArrayRef<ValueRange> args,
                                 ArrayRef<Type> argTypes, Type) {
  if (isa<TupleType>(argTypes[0]))
    return LoweredCall{
        SmallVector<Value>(llvm::reverse(args[0])), {}, MUMBA_OK};
  // range(start + (n - 1) * step, start - step, -step).
  ValueRange r = args[0];
  Value n = rangeLength(b, loc, r);
  Value last = arith::AddIOp::create(
      b, loc, r[0],
      arith::MulIOp::create(
          b, loc, arith::SubIOp::create(b, loc, n, i64Const(b, loc, 1)), r[2]));
  Value stop = arith::SubIOp::create(b, loc, r[0], r[2]);
  Value step = arith::SubIOp::create(b, loc, i64Const(b, loc, 0), r[2]);
  return LoweredCall{{last, stop, step}, {}, MUMBA_OK};
}

//===----------------------------------------------------------------------===//
// enumerate, zip
//===----------------------------------------------------------------------===//

static LoweredCall lowerEnumerate(OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args,
                                  ArrayRef<Type> argTypes, Type) {
  Value start = argTypes.size() > 1 && argTypes[1]
                    ? castNumber(b, loc, args[1].front(), argTypes[1],
                                 getInt64Type(b.getContext()))
                    : i64Const(b, loc, 0);
  LoweredCall call;
  call.results.push_back(createCursorSlot(b, loc, start));
  llvm::append_range(call.results, lowerGetIter(b, loc, argTypes[0], args[0]));
  return call;
}

static LoweredCall lowerZip(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type) {
  LoweredCall call;
  for (auto [values, type] : llvm::zip(args, argTypes))
    llvm::append_range(call.results, lowerGetIter(b, loc, type, values));
  return call;
}

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

static LoweredCall lowerAbs(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  if (isa<ComplexType>(argTypes[0]))
    return single(complexAbs(b, loc, args[0].front()));
  Value x = castNumber(b, loc, args[0].front(), argTypes[0], resultType);
  if (isa<FloatType>(resultType))
    return single(math::AbsFOp::create(b, loc, x));
  if (cast<IntegerType>(resultType).isUnsigned())
    return single(x);
  return single(math::AbsIOp::create(b, loc, x));
}

/// Python's min/max return the first extreme argument: `b < a ? b : a`,
/// which also keeps a NaN first argument as Python does.
template <bool isMax>
static LoweredCall lowerMinMax(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  SmallVector<Value> values;
  SmallVector<Type> types;
  if (auto tuple = dyn_cast<TupleType>(argTypes[0])) {
    llvm::append_range(values, args[0]);
    llvm::append_range(types, tuple.getTypes());
  } else {
    for (auto [arg, type] : llvm::zip(args, argTypes)) {
      values.push_back(arg.front());
      types.push_back(type);
    }
  }
  Value best = castNumber(b, loc, values[0], types[0], resultType);
  for (size_t i = 1; i < values.size(); ++i) {
    Value next = castNumber(b, loc, values[i], types[i], resultType);
    Value better;
    if (isa<FloatType>(resultType)) {
      better = arith::CmpFOp::create(
          b, loc, isMax ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
          next, best);
    } else {
      bool isUnsigned = cast<IntegerType>(resultType).isUnsigned();
      arith::CmpIPredicate pred =
          isMax ? (isUnsigned ? arith::CmpIPredicate::ugt
                              : arith::CmpIPredicate::sgt)
                : (isUnsigned ? arith::CmpIPredicate::ult
                              : arith::CmpIPredicate::slt);
      better = arith::CmpIOp::create(b, loc, pred, next, best);
    }
    best = arith::SelectOp::create(b, loc, better, next, best);
  }
  return single(best);
}

/// int(), float(), bool(): a conversion to the result type.
static LoweredCall lowerConvert(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  return single(castNumber(b, loc, args[0].front(), argTypes[0], resultType));
}

static LoweredCall lowerComplex(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  Type part = cast<ComplexType>(resultType).getElementType();
  Value zero = stdConstant(b, loc, part, 0);
  // re + im * 1j, either of which may itself be complex.
  ComplexParts re{zero, zero}, im{zero, zero};
  if (!argTypes.empty() && argTypes[0])
    re = complexParts(
        b, loc, castNumber(b, loc, args[0].front(), argTypes[0], resultType));
  if (argTypes.size() > 1 && argTypes[1])
    im = complexParts(
        b, loc, castNumber(b, loc, args[1].front(), argTypes[1], resultType));
  if (argTypes.size() < 2 || !argTypes[1] || !isa<ComplexType>(argTypes[1]))
    return single(
        makeComplex(b, loc, resultType, re.re,
                    argTypes.size() > 1 && argTypes[1] ? im.re : re.im));
  return single(makeComplex(b, loc, resultType,
                            arith::SubFOp::create(b, loc, re.re, im.im),
                            arith::AddFOp::create(b, loc, re.im, im.re)));
}

static Value powerOfTen(OpBuilder &b, Location loc, Type type, Value n) {
  Value ten = stdConstant(b, loc, type, 10);
  Value exponent = arith::SIToFPOp::create(b, loc, type, n);
  return math::PowFOp::create(b, loc, ten, exponent);
}

static LoweredCall lowerRound(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Type from = argTypes[0];
  Value x = args[0].front();
  bool withDigits =
      argTypes.size() > 1 && argTypes[1] && !isa<PyNoneType>(argTypes[1]);
  Type i64 = getInt64Type(b.getContext());
  if (!withDigits) {
    if (!isa<FloatType>(from))
      return single(castNumber(b, loc, x, from, resultType));
    Value rounded = math::RoundEvenOp::create(b, loc, x);
    return single(castNumber(b, loc, rounded, from, resultType));
  }
  Value n = castNumber(b, loc, args[1].front(), argTypes[1], i64);
  Value zero = i64Const(b, loc, 0);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, n, zero);
  if (isa<FloatType>(from)) {
    // Correctly rounded, as CPython's: scale by 10**|n| (exact up to 10**22
    // in float64), take the scaling's rounding error exactly with an FMA,
    // and let it break ties that the rounded product only seems to have
    // (round(2.675, 2) is 2.67: 2.675 is a little less in binary).
    auto fcmp = [&](arith::CmpFPredicate pred, Value l, Value r) {
      return arith::CmpFOp::create(b, loc, pred, l, r).getResult();
    };
    int64_t limit = from.isF32() ? 10 : 22;
    Value absN = arith::SelectOp::create(
        b, loc, negative, arith::SubIOp::create(b, loc, zero, n), n);
    Value tooFine = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                          absN, i64Const(b, loc, limit));
    Value p = powerOfTen(
        b, loc, from,
        arith::MinSIOp::create(b, loc, absN, i64Const(b, loc, limit)));
    Value y = arith::SelectOp::create(b, loc, negative,
                                      arith::DivFOp::create(b, loc, x, p),
                                      arith::MulFOp::create(b, loc, x, p));
    Value negY = arith::NegFOp::create(b, loc, y);
    // Positive when the exact scaled value is above y.
    Value error = arith::SelectOp::create(
        b, loc, negative, math::FmaOp::create(b, loc, negY, p, x),
        math::FmaOp::create(b, loc, x, p, negY));
    Value fl = math::FloorOp::create(b, loc, y);
    Value isHalf =
        fcmp(arith::CmpFPredicate::OEQ, arith::SubFOp::create(b, loc, y, fl),
             stdConstant(b, loc, from, 0.5));
    Value even = math::RoundEvenOp::create(b, loc, y);
    Value zeroF = stdConstant(b, loc, from, 0);
    Value tie = arith::SelectOp::create(
        b, loc, fcmp(arith::CmpFPredicate::OGT, error, zeroF),
        arith::AddFOp::create(b, loc, fl, stdConstant(b, loc, from, 1)),
        arith::SelectOp::create(
            b, loc, fcmp(arith::CmpFPredicate::OLT, error, zeroF), fl, even));
    Value r = arith::SelectOp::create(b, loc, isHalf, tie, even);
    Value back = arith::SelectOp::create(b, loc, negative,
                                         arith::MulFOp::create(b, loc, r, p),
                                         arith::DivFOp::create(b, loc, r, p));
    // Past the float's precision: n > 0 keeps x, n < 0 leaves a zero.
    Value fine = arith::SelectOp::create(
        b, loc, negative, math::CopySignOp::create(b, loc, zeroF, x), x);
    back = arith::SelectOp::create(b, loc, tooFine, fine, back);
    // An overflowing scale leaves x as it is.
    Value inf = stdConstant(b, loc, from, INFINITY);
    Value overflow =
        fcmp(arith::CmpFPredicate::OEQ, math::AbsFOp::create(b, loc, y), inf);
    return single(arith::SelectOp::create(b, loc, overflow, x, back));
  }
  // An int rounds to a multiple of 10**-n, half to even; n >= 0 keeps it.
  Value v = castNumber(b, loc, x, from, resultType);
  Value absN = arith::SelectOp::create(
      b, loc, negative, arith::SubIOp::create(b, loc, zero, n), zero);
  Value pow = math::IPowIOp::create(b, loc, i64Const(b, loc, 10), absN);
  Value q = arith::FloorDivSIOp::create(b, loc, v, pow);
  Value r =
      arith::SubIOp::create(b, loc, v, arith::MulIOp::create(b, loc, q, pow));
  Value twice = arith::MulIOp::create(b, loc, r, i64Const(b, loc, 2));
  Value above =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, twice, pow);
  Value half =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, twice, pow);
  Value odd = arith::CmpIOp::create(
      b, loc, arith::CmpIPredicate::ne,
      arith::AndIOp::create(b, loc, q, i64Const(b, loc, 1)), zero);
  Value up = arith::OrIOp::create(b, loc, above,
                                  arith::AndIOp::create(b, loc, half, odd));
  Value qUp = arith::SelectOp::create(
      b, loc, up, arith::AddIOp::create(b, loc, q, i64Const(b, loc, 1)), q);
  Value result = arith::MulIOp::create(b, loc, qUp, pow);
  return single(arith::SelectOp::create(b, loc, negative, result, v));
}

//===----------------------------------------------------------------------===//
// isinstance
//===----------------------------------------------------------------------===//

static LoweredCall lowerIsInstance(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange>,
                                   ArrayRef<Type> argTypes, Type) {
  return single(arith::ConstantOp::create(
      b, loc, b.getI1Type(),
      b.getBoolAttr(*evaluateIsInstance(argTypes[0], argTypes[1]))));
}

static LoweredCall lowerModPow(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  // The runtime computes it (128-bit products; lib/Runtime/Math.c).
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Value> operands;
  for (int k = 0; k < 3; ++k)
    operands.push_back(castNumber(b, loc, args[k].front(), argTypes[k], i64));
  Value zero = stdConstant(b, loc, b.getI64Type(), 0);
  Value bad = arith::OrIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, operands[2],
                            zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, operands[1],
                            zero));
  // The raise comes after the call: give it harmless operands meanwhile.
  Value one = stdConstant(b, loc, b.getI64Type(), 1);
  operands[1] = arith::SelectOp::create(b, loc, bad, zero, operands[1]);
  operands[2] = arith::SelectOp::create(b, loc, bad, one, operands[2]);
  auto module =
      b.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  if (!module.lookupSymbol<func::FuncOp>(MUMBA_SYMBOL_MOD_POW)) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    Type t = b.getI64Type();
    auto decl = func::FuncOp::create(b, loc, MUMBA_SYMBOL_MOD_POW,
                                     b.getFunctionType({t, t, t}, {t}));
    decl.setPrivate();
  }
  Value result = func::CallOp::create(b, loc, MUMBA_SYMBOL_MOD_POW,
                                      TypeRange{b.getI64Type()}, operands)
                     .getResult(0);
  // Python computes an inverse for a negative exponent; Mumba raises.
  return LoweredCall{{result}, bad, MUMBA_POW_MODULUS};
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static const CallLowering kTable[] = {
    {"range", lowerRange},
    {"len", lowerLen},
    {"reversed", lowerReversed},
    {"enumerate", lowerEnumerate},
    {"zip", lowerZip},
    {"abs", lowerAbs},
    {"min", lowerMinMax<false>},
    {"max", lowerMinMax<true>},
    {"int", lowerConvert},
    {"float", lowerConvert},
    {"bool", lowerConvert},
    {"complex", lowerComplex},
    {"pow", lowerModPow},
    {"round", lowerRound},
    {"isinstance", lowerIsInstance},
};

ArrayRef<CallLowering> mumba::nb::detail::getBuiltinLowering() {
  return kTable;
}
