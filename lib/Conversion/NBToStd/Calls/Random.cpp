//===- Random.cpp - Lowering of np.random ---------------------------------===//
//
// Draws call the runtime's generator (mumba/Runtime/Random.h), one call per
// value. `size=` forms allocate a C-contiguous array, as the array creation
// lowering does, and fill it in an scf.for nest. A rejected draw leaves
// MUMBA_RANDOM_ERROR pending: a scalar draw asks for it only when its
// result is the failure value (NaN, or 0 for integers), a fill loop once
// after the loop, so the common path pays no status call per value.
//
//===----------------------------------------------------------------------===//
#include "mumba/Runtime/Random.h"
#include "../ArrayAllocation.h"
#include "../PatternUtils.h"
#include "../ScalarLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Whether an optional argument is absent: omitted, or None.
static bool isAbsent(ArrayRef<Type> argTypes, size_t i) {
  return i >= argTypes.size() || !argTypes[i] || isa<PyNoneType>(argTypes[i]);
}

static Value indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

static Value i32Constant(OpBuilder &b, Location loc, int32_t v) {
  return arith::ConstantOp::create(b, loc, b.getI32Type(),
                                   b.getI32IntegerAttr(v));
}

static Value i64Constant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(v));
}

static Value toI64(OpBuilder &b, Location loc, Value index) {
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
}

/// Declares runtime function `symbol` unless it is. Pointers travel as
/// i64, as the other runtime calls pass addresses. Regions under
/// construction (scf.if, scf.for bodies) are not in the module yet: calls
/// there declare first, from outside.
static void declareRuntime(OpBuilder &b, Location loc, StringRef symbol,
                           TypeRange operands, TypeRange results) {
  declareExternalFunction(b, loc, symbol, b.getFunctionType(operands, results));
}

/// Calls runtime function `symbol`, declared already.
static Value callDeclared(OpBuilder &b, Location loc, StringRef symbol,
                          TypeRange results, ValueRange operands) {
  auto call = func::CallOp::create(b, loc, symbol, results, operands);
  return results.empty() ? Value() : call.getResult(0);
}

/// Calls runtime function `symbol`, declaring it on first use.
static Value callRuntime(OpBuilder &b, Location loc, StringRef symbol,
                         TypeRange results, ValueRange operands) {
  declareRuntime(b, loc, symbol, operands.getTypes(), results);
  return callDeclared(b, loc, symbol, results, operands);
}

/// A call that raises the runtime's recorded error where `status` is not
/// MUMBA_OK.
static LoweredCall raisingOnStatus(OpBuilder &b, Location loc,
                                   SmallVector<Value> results, Value status) {
  Value failed = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, status,
                                       i32Constant(b, loc, MUMBA_OK));
  return LoweredCall{std::move(results), failed, MUMBA_RANDOM_ERROR};
}

/// The status a fill loop (or a draw) left pending.
static Value pendingStatus(OpBuilder &b, Location loc) {
  return callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_STATUS, b.getI32Type(), {});
}

/// A scalar draw that may fail: the pending status is read only when the
/// value is the one a rejected draw returns (NaN, or 0 for integers).
static LoweredCall checkedScalar(OpBuilder &b, Location loc, Value value) {
  Value suspicious;
  if (isa<FloatType>(value.getType()))
    suspicious =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, value, value);
  else
    suspicious = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq, value,
        arith::ConstantOp::create(b, loc, value.getType(),
                                  b.getIntegerAttr(value.getType(), 0)));
  declareRuntime(b, loc, MUMBA_SYMBOL_RANDOM_STATUS, {}, b.getI32Type());
  auto check = scf::IfOp::create(
      b, loc, suspicious,
      [&](OpBuilder &then, Location l) {
        scf::YieldOp::create(then, l,
                             callDeclared(then, l, MUMBA_SYMBOL_RANDOM_STATUS,
                                          then.getI32Type(), {}));
      },
      [&](OpBuilder &other, Location l) {
        scf::YieldOp::create(other, l, i32Constant(other, l, MUMBA_OK));
      });
  return raisingOnStatus(b, loc, {value}, check.getResult(0));
}

namespace {
/// The extents of a new array: clamped at 0 (a negative one raises, after
/// NumPy's parameter checks), whether any was negative, their product, and
/// the product of the unclamped extents (randint's test for no values).
struct Extents {
  SmallVector<Value> sizes;
  Value negative;
  Value count;
  Value rawProduct;
};
} // namespace

static Extents clampExtents(OpBuilder &b, Location loc,
                            ArrayRef<Value> extents) {
  Value zero = i64Constant(b, loc, 0);
  Extents result;
  result.negative =
      arith::ConstantOp::create(b, loc, b.getI1Type(), b.getBoolAttr(false));
  result.count = indexConstant(b, loc, 1);
  result.rawProduct = i64Constant(b, loc, 1);
  for (Value n : extents) {
    result.rawProduct = arith::MulIOp::create(b, loc, result.rawProduct, n);
    result.negative = arith::OrIOp::create(
        b, loc, result.negative,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, n, zero));
    Value size = arith::IndexCastOp::create(
        b, loc, b.getIndexType(), arith::MaxSIOp::create(b, loc, n, zero));
    result.sizes.push_back(size);
    result.count = arith::MulIOp::create(b, loc, result.count, size);
  }
  return result;
}

/// The count a runtime buffer helper takes: -1 for a negative extent, so
/// that it raises NumPy's message after its parameter checks.
static Value runtimeCount(OpBuilder &b, Location loc, const Extents &e) {
  return arith::SelectOp::create(b, loc, e.negative, i64Constant(b, loc, -1),
                                 toI64(b, loc, e.count));
}

/// A fill of no values still checks NumPy's parameters: where `empty`
/// holds, `draw` runs once between saving and restoring the generator.
static void probeWhenEmpty(OpBuilder &b, Location loc, Value empty,
                           function_ref<void(OpBuilder &, Location)> draw) {
  auto probe = scf::IfOp::create(b, loc, TypeRange{}, empty,
                                 /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(probe.thenBlock()->getTerminator());
  callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_SAVE_STATE, {}, {});
  draw(b, loc);
  callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_RESTORE_STATE, {}, {});
}

/// Whether index `count` is 0.
static Value isZero(OpBuilder &b, Location loc, Value count) {
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, count,
                               indexConstant(b, loc, 0));
}

/// Raises the pending random error, if any, here.
static void raisePending(OpBuilder &b, Location loc) {
  Value failed = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                       pendingStatus(b, loc),
                                       i32Constant(b, loc, MUMBA_OK));
  mumba::detail::raiseIf(
      b, loc, failed,
      mumba::detail::statusConstant(b, loc, MUMBA_RANDOM_ERROR));
}

/// The int64 extents a `size=` argument (an int or a tuple of ints) gives.
static SmallVector<Value> sizeExtents(OpBuilder &b, Location loc,
                                      ValueRange size, Type sizeType) {
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Type> types;
  if (auto tuple = dyn_cast<TupleType>(sizeType))
    llvm::append_range(types, tuple.getTypes());
  else
    types.push_back(sizeType);
  SmallVector<Value> extents;
  for (auto [value, type] : llvm::zip(size, types))
    extents.push_back(castNumber(b, loc, value, type, i64));
  return extents;
}

/// A new C-contiguous array of nb type `type` (ArrayAllocation.h: NumPy's
/// size check, MemoryError for a null).
static Value allocate(OpBuilder &b, Location loc, ArrayType type,
                      ValueRange sizes) {
  SmallVector<int64_t> shape(type.getNdim(), ShapedType::kDynamic);
  auto memrefType = MemRefType::get(shape, toStdScalarType(type.getDtype()));
  return allocateArray(b, loc, memrefType, sizes, type.getDtype());
}

/// The product of `sizes`, as an index.
static Value countOf(OpBuilder &b, Location loc, ValueRange sizes) {
  Value count = indexConstant(b, loc, 1);
  for (Value size : sizes)
    count = arith::MulIOp::create(b, loc, count, size);
  return count;
}

namespace {
/// Where a memref's items lie: the address of the first, the strides in
/// bytes, the extents.
struct Buffer {
  Value address;
  SmallVector<Value> strides;
  SmallVector<Value> sizes;
};
} // namespace

static Buffer bufferOf(OpBuilder &b, Location loc, Value memref,
                       unsigned itemSize) {
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
  Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  Value item = indexConstant(b, loc, itemSize);
  Value address = arith::AddIOp::create(
      b, loc, base, arith::MulIOp::create(b, loc, metadata.getOffset(), item));
  Buffer buffer{toI64(b, loc, address), {}, {}};
  for (Value stride : metadata.getStrides())
    buffer.strides.push_back(
        toI64(b, loc, arith::MulIOp::create(b, loc, stride, item)));
  llvm::append_range(buffer.sizes, metadata.getSizes());
  return buffer;
}

/// The address of the first item of a memref this lowering allocated
/// (offset 0), as an i64.
static Value addressOfNew(OpBuilder &b, Location loc, Value memref) {
  return toI64(b, loc,
               memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref));
}

using DrawFn = function_ref<Value(OpBuilder &, Location)>;

/// When a draw's parameters are checked.
enum class Checks {
  None,    // nothing to check
  Always,  // even for no values, as NumPy's continuous distributions
  Randint, // not when the size's product is 0 (randint returns np.empty)
};

/// Whether randint, whose size's unclamped product is `rawProduct`, checks
/// its bounds: NumPy returns np.empty(size) first when the product is 0.
static Value randintChecks(OpBuilder &b, Location loc, Value rawProduct) {
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rawProduct,
                               i64Constant(b, loc, 0));
}

/// A draw, or an array of `extents` filled with draws; `checks` adds the
/// status check (after the loop for an array). `fillSymbol`, if any, is a
/// runtime function filling a contiguous array of draws in one call.
static LoweredCall drawOrFill(OpBuilder &b, Location loc, Type resultType,
                              std::optional<SmallVector<Value>> extents,
                              Checks checks, DrawFn draw,
                              StringRef fillSymbol = {}) {
  bool canFail = checks != Checks::None;
  if (!extents) {
    Value value = draw(b, loc);
    return canFail ? checkedScalar(b, loc, value) : single(value);
  }
  Extents e = clampExtents(b, loc, *extents);
  if (canFail) {
    Value probe = isZero(b, loc, e.count);
    if (checks == Checks::Randint)
      probe = arith::AndIOp::create(b, loc, probe,
                                    randintChecks(b, loc, e.rawProduct));
    probeWhenEmpty(b, loc, probe,
                   [&](OpBuilder &nested, Location l) { draw(nested, l); });
  }
  Value array = allocate(b, loc, cast<ArrayType>(resultType), e.sizes);
  if (!fillSymbol.empty()) {
    callRuntime(b, loc, fillSymbol, {},
                {addressOfNew(b, loc, array), toI64(b, loc, e.count)});
    return LoweredCall{{array}, e.negative, MUMBA_NEGATIVE_DIMENSIONS};
  }
  forEachIndex(
      b, loc, e.sizes, [&](OpBuilder &nested, Location l, ValueRange ivs) {
        memref::StoreOp::create(nested, l, draw(nested, l), array, ivs);
      });
  if (canFail)
    raisePending(b, loc);
  return LoweredCall{{array}, e.negative, MUMBA_NEGATIVE_DIMENSIONS};
}

/// The extents of the `size=` argument at `i`, none when it is absent.
static std::optional<SmallVector<Value>>
sizeArgument(OpBuilder &b, Location loc, ArrayRef<ValueRange> args,
             ArrayRef<Type> argTypes, size_t i) {
  if (isAbsent(argTypes, i))
    return std::nullopt;
  return sizeExtents(b, loc, args[i], argTypes[i]);
}

//===----------------------------------------------------------------------===//
// Distributions of scalar parameters
//===----------------------------------------------------------------------===//

namespace {
/// How a C parameter or result of a draw is passed: double or int64_t.
enum class Kind : uint8_t { Real, Int };

/// A runtime draw: its symbol, parameters (and their defaults, for those
/// NumPy lets one omit), result, whether NumPy can reject parameters, and
/// the runtime's fill of an array, if it has one.
struct Draw {
  const char *symbol;
  unsigned numParams;
  Kind params[3];
  double defaults[3];
  Kind result;
  bool canFail;
  const char *fillSymbol = nullptr;
};
} // namespace

static Type nbTypeOf(MLIRContext *ctx, Kind kind) {
  return kind == Kind::Real ? Type(Float64Type::get(ctx))
                            : Type(getInt64Type(ctx));
}

template <const Draw &D>
static LoweredCall lowerDraw(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  MLIRContext *ctx = b.getContext();
  SmallVector<Value> operands;
  for (unsigned i = 0; i < D.numParams; ++i) {
    Type want = nbTypeOf(ctx, D.params[i]);
    operands.push_back(
        isAbsent(argTypes, i)
            ? numberConstant(b, loc, want, D.defaults[i])
            : castNumber(b, loc, args[i].front(), argTypes[i], want));
  }
  Type result = toStdScalarType(nbTypeOf(ctx, D.result));
  return drawOrFill(
      b, loc, resultType, sizeArgument(b, loc, args, argTypes, D.numParams),
      D.canFail ? Checks::Always : Checks::None,
      [&](OpBuilder &nested, Location l) {
        return callRuntime(nested, l, D.symbol, result, operands);
      },
      D.fillSymbol ? StringRef(D.fillSymbol) : StringRef());
}

constexpr Kind R = Kind::Real, I = Kind::Int;

// clang-format off
static constexpr Draw kRandom{MUMBA_SYMBOL_RANDOM_RANDOM, 0, {}, {}, R, false, MUMBA_SYMBOL_RANDOM_FILL_RANDOM};
static constexpr Draw kUniform{MUMBA_SYMBOL_RANDOM_UNIFORM, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kStandardNormal{MUMBA_SYMBOL_RANDOM_STANDARD_NORMAL, 0, {}, {}, R, false};
static constexpr Draw kNormal{MUMBA_SYMBOL_RANDOM_NORMAL, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kLognormal{MUMBA_SYMBOL_RANDOM_LOGNORMAL, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kStandardExponential{MUMBA_SYMBOL_RANDOM_STANDARD_EXPONENTIAL, 0, {}, {}, R, false};
static constexpr Draw kExponential{MUMBA_SYMBOL_RANDOM_EXPONENTIAL, 1, {R}, {1}, R, true};
static constexpr Draw kStandardGamma{MUMBA_SYMBOL_RANDOM_STANDARD_GAMMA, 1, {R}, {}, R, true};
static constexpr Draw kGamma{MUMBA_SYMBOL_RANDOM_GAMMA, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kBeta{MUMBA_SYMBOL_RANDOM_BETA, 2, {R, R}, {}, R, true};
static constexpr Draw kChisquare{MUMBA_SYMBOL_RANDOM_CHISQUARE, 1, {R}, {}, R, true};
static constexpr Draw kF{MUMBA_SYMBOL_RANDOM_F, 2, {R, R}, {}, R, true};
static constexpr Draw kStandardT{MUMBA_SYMBOL_RANDOM_STANDARD_T, 1, {R}, {}, R, true};
static constexpr Draw kStandardCauchy{MUMBA_SYMBOL_RANDOM_STANDARD_CAUCHY, 0, {}, {}, R, false};
static constexpr Draw kLaplace{MUMBA_SYMBOL_RANDOM_LAPLACE, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kLogistic{MUMBA_SYMBOL_RANDOM_LOGISTIC, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kGumbel{MUMBA_SYMBOL_RANDOM_GUMBEL, 2, {R, R}, {0, 1}, R, true};
static constexpr Draw kPareto{MUMBA_SYMBOL_RANDOM_PARETO, 1, {R}, {}, R, true};
static constexpr Draw kPower{MUMBA_SYMBOL_RANDOM_POWER, 1, {R}, {}, R, true};
static constexpr Draw kWeibull{MUMBA_SYMBOL_RANDOM_WEIBULL, 1, {R}, {}, R, true};
static constexpr Draw kRayleigh{MUMBA_SYMBOL_RANDOM_RAYLEIGH, 1, {R}, {1}, R, true};
static constexpr Draw kTriangular{MUMBA_SYMBOL_RANDOM_TRIANGULAR, 3, {R, R, R}, {}, R, true};
static constexpr Draw kVonmises{MUMBA_SYMBOL_RANDOM_VONMISES, 2, {R, R}, {}, R, true};
static constexpr Draw kWald{MUMBA_SYMBOL_RANDOM_WALD, 2, {R, R}, {}, R, true};
static constexpr Draw kBinomial{MUMBA_SYMBOL_RANDOM_BINOMIAL, 2, {I, R}, {}, I, true};
static constexpr Draw kNegativeBinomial{MUMBA_SYMBOL_RANDOM_NEGATIVE_BINOMIAL, 2, {R, R}, {}, I, true};
static constexpr Draw kPoisson{MUMBA_SYMBOL_RANDOM_POISSON, 1, {R}, {1}, I, true};
static constexpr Draw kGeometric{MUMBA_SYMBOL_RANDOM_GEOMETRIC, 1, {R}, {}, I, true};
static constexpr Draw kHypergeometric{MUMBA_SYMBOL_RANDOM_HYPERGEOMETRIC, 3, {I, I, I}, {}, I, true};
static constexpr Draw kLogseries{MUMBA_SYMBOL_RANDOM_LOGSERIES, 1, {R}, {}, I, true};
static constexpr Draw kZipf{MUMBA_SYMBOL_RANDOM_ZIPF, 1, {R}, {}, I, true};
// clang-format on

/// rand(d0, ...) and randn(d0, ...): the extents are the arguments.
template <const Draw &D>
static LoweredCall lowerDims(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  std::optional<SmallVector<Value>> extents;
  if (!args.empty()) {
    extents.emplace();
    for (auto [value, type] : llvm::zip(args, argTypes))
      extents->push_back(castNumber(b, loc, value.front(), type,
                                    getInt64Type(b.getContext())));
  }
  Type f64 = b.getF64Type();
  return drawOrFill(
      b, loc, resultType, extents, Checks::None,
      [&](OpBuilder &nested, Location l) {
        return callRuntime(nested, l, D.symbol, f64, {});
      },
      D.fillSymbol ? StringRef(D.fillSymbol) : StringRef());
}

//===----------------------------------------------------------------------===//
// Integers
//===----------------------------------------------------------------------===//

/// The int64 bounds of randint/random_integers: (low, high), or
/// (`lowWhenOne`, the one bound) when high is absent.
static std::pair<Value, Value> bounds(OpBuilder &b, Location loc,
                                      ArrayRef<ValueRange> args,
                                      ArrayRef<Type> argTypes,
                                      int64_t lowWhenOne) {
  Type i64 = getInt64Type(b.getContext());
  Value first = castNumber(b, loc, args[0].front(), argTypes[0], i64);
  if (isAbsent(argTypes, 1))
    return {i64Constant(b, loc, lowWhenOne), first};
  return {first, castNumber(b, loc, args[1].front(), argTypes[1], i64)};
}

/// The runtime's MumbaRandomIntKind of an integer or bool nb type.
static int randintKind(Type dtype) {
  if (isBoolType(dtype))
    return MUMBA_RANDOM_BOOL;
  auto type = cast<IntegerType>(dtype);
  bool isUnsigned = type.isUnsigned();
  switch (type.getWidth()) {
  case 8:
    return isUnsigned ? MUMBA_RANDOM_UINT8 : MUMBA_RANDOM_INT8;
  case 16:
    return isUnsigned ? MUMBA_RANDOM_UINT16 : MUMBA_RANDOM_INT16;
  case 32:
    return isUnsigned ? MUMBA_RANDOM_UINT32 : MUMBA_RANDOM_INT32;
  default:
    return isUnsigned ? MUMBA_RANDOM_UINT64 : MUMBA_RANDOM_INT64;
  }
}

/// Fills `count` items from `address` with one runtime call, which matches
/// one NumPy call of that size (the narrow dtypes share 32-bit draws).
static Value randintFill(OpBuilder &b, Location loc, Value address, Value count,
                         Type dtype, Value low, Value high) {
  unsigned itemSize = std::max(1u, dtype.getIntOrFloatBitWidth() / 8);
  return callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_RANDINT_FILL, b.getI32Type(),
                     {address, count, i64Constant(b, loc, itemSize),
                      i32Constant(b, loc, randintKind(dtype)), low, high});
}

/// randint(low, high=None, size=None, dtype=int).
static LoweredCall lowerRandint(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  auto [low, high] = bounds(b, loc, args, argTypes, 0);
  auto array = dyn_cast<ArrayType>(resultType);
  Type dtype = array ? array.getDtype() : resultType;
  if (!array) {
    if (dtype == getInt64Type(b.getContext()))
      return checkedScalar(b, loc,
                           callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_RANDINT,
                                       b.getI64Type(), {low, high}));
    // Another dtype: a fill of one, which draws as NumPy's scalar does.
    auto one = MemRefType::get({1}, toStdScalarType(dtype));
    Value cell = memref::AllocaOp::create(b, loc, one);
    Value status = randintFill(b, loc, addressOfNew(b, loc, cell),
                               i64Constant(b, loc, 1), dtype, low, high);
    Value value = memref::LoadOp::create(b, loc, cell,
                                         ValueRange{indexConstant(b, loc, 0)});
    return raisingOnStatus(b, loc, {value}, status);
  }
  Extents e = clampExtents(b, loc, sizeExtents(b, loc, args[2], argTypes[2]));
  Value memref = allocate(b, loc, array, e.sizes);
  Type i32 = b.getI32Type(), i64 = b.getI64Type();
  declareRuntime(b, loc, MUMBA_SYMBOL_RANDOM_RANDINT_FILL,
                 {i64, i64, i64, i32, i64, i64}, i32);
  auto fill = scf::IfOp::create(b, loc, TypeRange{i32},
                                randintChecks(b, loc, e.rawProduct),
                                /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(fill.thenBlock());
    scf::YieldOp::create(b, loc,
                         randintFill(b, loc, addressOfNew(b, loc, memref),
                                     runtimeCount(b, loc, e), dtype, low,
                                     high));
    b.setInsertionPointToStart(fill.elseBlock());
    scf::YieldOp::create(b, loc, i32Constant(b, loc, MUMBA_OK));
  }
  Value failed =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, fill.getResult(0),
                            i32Constant(b, loc, MUMBA_OK));
  mumba::detail::raiseIf(
      b, loc, failed,
      mumba::detail::statusConstant(b, loc, MUMBA_RANDOM_ERROR));
  // A product of 0 with a negative extent: np.empty's error alone.
  return LoweredCall{{memref}, e.negative, MUMBA_NEGATIVE_DIMENSIONS};
}

/// random_integers(low, high=None, size=None): high inclusive, low 1 when
/// high is absent.
static LoweredCall lowerRandomIntegers(OpBuilder &b, Location loc,
                                       ArrayRef<ValueRange> args,
                                       ArrayRef<Type> argTypes,
                                       Type resultType) {
  // Named values: a lambda capturing structured bindings needs C++20.
  std::pair<Value, Value> range = bounds(b, loc, args, argTypes, 1);
  Value low = range.first, high = range.second;
  return drawOrFill(b, loc, resultType, sizeArgument(b, loc, args, argTypes, 2),
                    Checks::Randint, [&](OpBuilder &nested, Location l) {
                      return callRuntime(nested, l,
                                         MUMBA_SYMBOL_RANDOM_RANDOM_INTEGERS,
                                         nested.getI64Type(), {low, high});
                    });
}

//===----------------------------------------------------------------------===//
// Seeding, buffers
//===----------------------------------------------------------------------===//

static LoweredCall lowerSeed(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type) {
  Value seed = castNumber(b, loc, args[0].front(), argTypes[0],
                          getInt64Type(b.getContext()));
  // A uint64 seed above 2**63 wraps negative, which the runtime rejects.
  Value status =
      callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_SEED, b.getI32Type(), {seed});
  return raisingOnStatus(b, loc, {}, status);
}

/// multinomial(n, pvals, size=None): one runtime call per row of counts.
static LoweredCall lowerMultinomial(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type resultType) {
  Value n = castNumber(b, loc, args[0].front(), argTypes[0],
                       getInt64Type(b.getContext()));
  Buffer pvals = bufferOf(b, loc, args[1].front(), 8);
  Value d = pvals.sizes[0];
  Extents e;
  if (!isAbsent(argTypes, 2))
    e = clampExtents(b, loc, sizeExtents(b, loc, args[2], argTypes[2]));
  else
    e = clampExtents(b, loc, {});
  Type i64 = b.getI64Type(), i32 = b.getI32Type();
  declareRuntime(b, loc, MUMBA_SYMBOL_RANDOM_MULTINOMIAL,
                 {i64, i64, i64, i64, i64, i64}, i32);
  auto sample = [&](OpBuilder &nested, Location l, Value out) {
    return callDeclared(nested, l, MUMBA_SYMBOL_RANDOM_MULTINOMIAL, i32,
                        {out, i64Constant(nested, l, 8), n, pvals.address,
                         toI64(nested, l, d), pvals.strides[0]});
  };
  // No rows: NumPy still checks n and pvals, so one sample goes to a
  // scratch row, the generator saved around it.
  auto probe =
      scf::IfOp::create(b, loc, TypeRange{i32}, isZero(b, loc, e.count),
                        /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(probe.thenBlock());
    Value scratch = memref::AllocaOp::create(
        b, loc, MemRefType::get({ShapedType::kDynamic}, i64), ValueRange{d});
    callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_SAVE_STATE, {}, {});
    Value status = sample(b, loc, addressOfNew(b, loc, scratch));
    callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_RESTORE_STATE, {}, {});
    scf::YieldOp::create(b, loc, status);
    b.setInsertionPointToStart(probe.elseBlock());
    scf::YieldOp::create(b, loc, i32Constant(b, loc, MUMBA_OK));
  }
  SmallVector<Value> sizes = e.sizes;
  sizes.push_back(d);
  Value memref = allocate(b, loc, cast<ArrayType>(resultType), sizes);
  Value base = addressOfNew(b, loc, memref);
  Value rowBytes =
      arith::MulIOp::create(b, loc, toI64(b, loc, d), i64Constant(b, loc, 8));
  // One sample per row; the statuses of the rows, the worst kept.
  auto loop = scf::ForOp::create(
      b, loc, indexConstant(b, loc, 0), e.count, indexConstant(b, loc, 1),
      ValueRange{probe.getResult(0)},
      [&](OpBuilder &nested, Location l, Value row, ValueRange status) {
        Value out = arith::AddIOp::create(
            nested, l, base,
            arith::MulIOp::create(nested, l, toI64(nested, l, row), rowBytes));
        scf::YieldOp::create(
            nested, l,
            ValueRange{arith::MaxUIOp::create(nested, l, status[0],
                                              sample(nested, l, out))});
      });
  Value failed =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, loop.getResult(0),
                            i32Constant(b, loc, MUMBA_OK));
  mumba::detail::raiseIf(
      b, loc, failed,
      mumba::detail::statusConstant(b, loc, MUMBA_RANDOM_ERROR));
  return LoweredCall{{memref}, e.negative, MUMBA_NEGATIVE_DIMENSIONS};
}

/// choice(a, size=None, replace=True, p=None): the runtime picks indices,
/// which are the result for an int `a` and index `a` otherwise.
static LoweredCall lowerChoice(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Type i64 = getInt64Type(b.getContext());
  bool fromArray = isa<ArrayType>(argTypes[0]);
  Value population = args[0].front();
  Value popSize =
      fromArray ? toI64(b, loc, memref::DimOp::create(b, loc, population, 0))
                : castNumber(b, loc, population, argTypes[0], i64);
  Value replace = i32Constant(b, loc, 1);
  if (!isAbsent(argTypes, 2))
    replace = arith::ExtUIOp::create(
        b, loc, b.getI32Type(), truthOf(b, loc, args[2].front(), argTypes[2]));
  Value pAddress = i64Constant(b, loc, 0), pCount = i64Constant(b, loc, 0),
        pStride = i64Constant(b, loc, 8);
  if (!isAbsent(argTypes, 3)) {
    Buffer p = bufferOf(b, loc, args[3].front(), 8);
    pAddress = p.address;
    pCount = toI64(b, loc, p.sizes[0]);
    pStride = p.strides[0];
  }
  auto pick = [&](Value out, Value count) {
    return callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_CHOICE, b.getI32Type(),
                       {out, count, popSize, i32Constant(b, loc, fromArray),
                        replace, pAddress, pCount, pStride});
  };
  auto itemAt = [&](OpBuilder &nb, Location l, Value index) {
    Value at = arith::IndexCastOp::create(nb, l, nb.getIndexType(), index);
    return memref::LoadOp::create(nb, l, population, ValueRange{at})
        .getResult();
  };

  auto array = dyn_cast<ArrayType>(resultType);
  if (!array) {
    // As NumPy, a sample of one.
    Value cell =
        memref::AllocaOp::create(b, loc, MemRefType::get({1}, b.getI64Type()));
    Value status = pick(addressOfNew(b, loc, cell), i64Constant(b, loc, 1));
    Value index = memref::LoadOp::create(b, loc, cell,
                                         ValueRange{indexConstant(b, loc, 0)});
    if (!fromArray)
      return raisingOnStatus(b, loc, {index}, status);
    // After a failure the index is garbage: read a only after a success.
    Value ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status,
                                     i32Constant(b, loc, MUMBA_OK));
    auto guarded = scf::IfOp::create(
        b, loc, ok,
        [&](OpBuilder &then, Location l) {
          scf::YieldOp::create(then, l, itemAt(then, l, index));
        },
        [&](OpBuilder &other, Location l) {
          scf::YieldOp::create(other, l,
                               numberConstant(other, l, resultType, 0));
        });
    return raisingOnStatus(b, loc, {guarded.getResult(0)}, status);
  }

  // With size: the runtime raises NumPy's message for a negative extent in
  // the mode's order, after its checks of a and p.
  Extents e = clampExtents(b, loc, sizeExtents(b, loc, args[1], argTypes[1]));
  SmallVector<Value> sizes = e.sizes;
  Value count = e.count;
  Value picked = runtimeCount(b, loc, e);
  if (!fromArray) {
    Value memref = allocate(b, loc, array, sizes);
    Value status = pick(addressOfNew(b, loc, memref), picked);
    return raisingOnStatus(b, loc, {memref}, status);
  }
  Value indices = allocateArray(
      b, loc, MemRefType::get({ShapedType::kDynamic}, b.getI64Type()),
      ValueRange{count}, getInt64Type(b.getContext()));
  Value status = pick(addressOfNew(b, loc, indices), picked);
  Value memref = allocate(b, loc, array, sizes);
  // Gather only after a success: the indices are garbage otherwise.
  Value ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status,
                                   i32Constant(b, loc, MUMBA_OK));
  Value flat = memref;
  if (array.getNdim() > 1) {
    SmallVector<ReassociationIndices> all(1);
    for (unsigned d = 0; d < array.getNdim(); ++d)
      all[0].push_back(d);
    flat = memref::CollapseShapeOp::create(b, loc, memref, all);
  }
  scf::IfOp::create(b, loc, ok, [&](OpBuilder &then, Location l) {
    forEachIndex(then, l, count, [&](OpBuilder &nb, Location l2, ValueRange i) {
      Value index = memref::LoadOp::create(nb, l2, indices, i);
      memref::StoreOp::create(nb, l2, itemAt(nb, l2, index), flat, i);
    });
    scf::YieldOp::create(then, l);
  });
  return raisingOnStatus(b, loc, {memref}, status);
}

/// Copies every item of `from` into `to` (same extents, any layouts).
static void copyItems(OpBuilder &b, Location loc, Value from, Value to,
                      ValueRange sizes) {
  forEachIndex(b, loc, sizes, [&](OpBuilder &nested, Location l, ValueRange i) {
    memref::StoreOp::create(nested, l,
                            memref::LoadOp::create(nested, l, from, i), to, i);
  });
}

static SmallVector<Value> extentsOf(OpBuilder &b, Location loc, Value memref) {
  SmallVector<Value> sizes;
  for (int64_t d = 0, e = cast<MemRefType>(memref.getType()).getRank(); d < e;
       ++d)
    sizes.push_back(memref::DimOp::create(b, loc, memref, d));
  return sizes;
}

/// Shuffles the rows of C-contiguous `memref` (nb type `type`) in place.
static void shuffleContiguous(OpBuilder &b, Location loc, Value memref,
                              ArrayType type, ValueRange sizes) {
  Buffer buffer = bufferOf(b, loc, memref, type.getItemSize());
  Value rowItems = countOf(b, loc, sizes.drop_front());
  Value rowBytes = arith::MulIOp::create(
      b, loc, toI64(b, loc, rowItems), i64Constant(b, loc, type.getItemSize()));
  callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_SHUFFLE, {},
              {buffer.address, toI64(b, loc, sizes[0]), rowBytes, rowBytes});
}

/// shuffle(x): along the first axis, in place. A 1-D array of any stride
/// and a C-contiguous one are shuffled where they lie; other layouts go
/// through a C-contiguous copy, which draws the same swaps.
static LoweredCall lowerShuffle(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type) {
  auto type = cast<ArrayType>(argTypes[0]);
  Value x = args[0].front();
  SmallVector<Value> sizes = extentsOf(b, loc, x);
  if (type.getNdim() == 1) {
    Buffer buffer = bufferOf(b, loc, x, type.getItemSize());
    callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_SHUFFLE, {},
                {buffer.address, toI64(b, loc, sizes[0]), buffer.strides[0],
                 i64Constant(b, loc, type.getItemSize())});
    return LoweredCall{};
  }
  if (type.getLayout() == ArrayLayout::C) {
    shuffleContiguous(b, loc, x, type, sizes);
    return LoweredCall{};
  }
  auto contiguous = ArrayType::get(b.getContext(), type.getDtype(),
                                   type.getNdim(), ArrayLayout::C);
  Value copy = allocate(b, loc, contiguous, sizes);
  copyItems(b, loc, x, copy, sizes);
  shuffleContiguous(b, loc, copy, contiguous, sizes);
  copyItems(b, loc, copy, x, sizes);
  return LoweredCall{};
}

/// permutation(x): arange(x) shuffled for an int (empty when negative, as
/// NumPy's arange), else a shuffled C-contiguous copy.
static LoweredCall lowerPermutation(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type resultType) {
  auto result = cast<ArrayType>(resultType);
  if (!isa<ArrayType>(argTypes[0])) {
    Value n = castNumber(b, loc, args[0].front(), argTypes[0],
                         getInt64Type(b.getContext()));
    n = arith::MaxSIOp::create(b, loc, n, i64Constant(b, loc, 0));
    Value size = arith::IndexCastOp::create(b, loc, b.getIndexType(), n);
    Value memref = allocate(b, loc, result, size);
    Value status =
        callRuntime(b, loc, MUMBA_SYMBOL_RANDOM_PERMUTATION, b.getI32Type(),
                    {addressOfNew(b, loc, memref), n});
    return raisingOnStatus(b, loc, {memref}, status);
  }
  Value x = args[0].front();
  SmallVector<Value> sizes = extentsOf(b, loc, x);
  Value copy = allocate(b, loc, result, sizes);
  copyItems(b, loc, x, copy, sizes);
  shuffleContiguous(b, loc, copy, result, sizes);
  return single(copy);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static const CallLowering kTable[] = {
    {"numpy.random.seed", lowerSeed},
    {"numpy.random.random", lowerDraw<kRandom>},
    {"numpy.random.random_sample", lowerDraw<kRandom>},
    {"numpy.random.sample", lowerDraw<kRandom>},
    {"numpy.random.ranf", lowerDraw<kRandom>},
    {"numpy.random.rand", lowerDims<kRandom>},
    {"numpy.random.randn", lowerDims<kStandardNormal>},
    {"numpy.random.uniform", lowerDraw<kUniform>},
    {"numpy.random.randint", lowerRandint},
    {"numpy.random.random_integers", lowerRandomIntegers},
    {"numpy.random.normal", lowerDraw<kNormal>},
    {"numpy.random.standard_normal", lowerDraw<kStandardNormal>},
    {"numpy.random.exponential", lowerDraw<kExponential>},
    {"numpy.random.standard_exponential", lowerDraw<kStandardExponential>},
    {"numpy.random.gamma", lowerDraw<kGamma>},
    {"numpy.random.standard_gamma", lowerDraw<kStandardGamma>},
    {"numpy.random.beta", lowerDraw<kBeta>},
    {"numpy.random.binomial", lowerDraw<kBinomial>},
    {"numpy.random.poisson", lowerDraw<kPoisson>},
    {"numpy.random.geometric", lowerDraw<kGeometric>},
    {"numpy.random.hypergeometric", lowerDraw<kHypergeometric>},
    {"numpy.random.laplace", lowerDraw<kLaplace>},
    {"numpy.random.logistic", lowerDraw<kLogistic>},
    {"numpy.random.lognormal", lowerDraw<kLognormal>},
    {"numpy.random.logseries", lowerDraw<kLogseries>},
    {"numpy.random.multinomial", lowerMultinomial},
    {"numpy.random.negative_binomial", lowerDraw<kNegativeBinomial>},
    {"numpy.random.chisquare", lowerDraw<kChisquare>},
    {"numpy.random.f", lowerDraw<kF>},
    {"numpy.random.gumbel", lowerDraw<kGumbel>},
    {"numpy.random.pareto", lowerDraw<kPareto>},
    {"numpy.random.power", lowerDraw<kPower>},
    {"numpy.random.rayleigh", lowerDraw<kRayleigh>},
    {"numpy.random.standard_cauchy", lowerDraw<kStandardCauchy>},
    {"numpy.random.standard_t", lowerDraw<kStandardT>},
    {"numpy.random.triangular", lowerDraw<kTriangular>},
    {"numpy.random.vonmises", lowerDraw<kVonmises>},
    {"numpy.random.wald", lowerDraw<kWald>},
    {"numpy.random.weibull", lowerDraw<kWeibull>},
    {"numpy.random.zipf", lowerDraw<kZipf>},
    {"numpy.random.choice", lowerChoice},
    {"numpy.random.shuffle", lowerShuffle},
    {"numpy.random.permutation", lowerPermutation},
};

ArrayRef<CallLowering> mumba::nb::detail::getRandomLowering() { return kTable; }
