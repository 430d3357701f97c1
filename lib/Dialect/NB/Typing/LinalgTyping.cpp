//===- LinalgTyping.cpp - Matrix products and numpy.linalg ----------------===//
//
// np.dot/vdot/inner/outer/matmul/trace (and `a @ b`, which the frontend
// spells numpy.matmul) and the numpy.linalg functions, on 1-D and 2-D
// arrays. Products keep NumPy's promotion of the operands' dtypes (ints
// stay ints); numpy.linalg computes ints and bools in float64 and keeps the
// precision of floats and complex numbers (NumPy's `_commonType`). Results
// that NumPy shapes by value are typed as Numba does (docs/linalg.md).
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"
#include "mumba/Dialect/NB/IR/NBOps.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// An array of 1 to `maxNdim` dimensions whose dtype is a number.
static ArrayType numberArray(Type t, unsigned minNdim = 1,
                             unsigned maxNdim = 2) {
  auto array = dyn_cast_or_null<ArrayType>(t);
  if (!array || array.getNdim() < minNdim || array.getNdim() > maxNdim ||
      !isNumberType(array.getDtype()))
    return {};
  return array;
}

static Type newArray(Type dtype, unsigned ndim) {
  return ArrayType::get(dtype.getContext(), dtype, ndim, ArrayLayout::C);
}

/// The type numpy.linalg computes an element type in: floats and complex
/// numbers keep theirs, ints and bools become float64.
static Type workType(Type dtype) {
  if (isa<FloatType>(dtype) && (dtype.isF32() || dtype.isF64()))
    return dtype;
  if (auto complex = dyn_cast<ComplexType>(dtype))
    return complex;
  return Float64Type::get(dtype.getContext());
}

/// The real type of a work type's precision.
static Type realOf(Type work) {
  if (auto complex = dyn_cast<ComplexType>(work))
    return complex.getElementType();
  return work;
}

/// The parameters of `op` (a registered call) as operands: entry i is the
/// operand bound to parameter i, or null where it is omitted.
static SmallVector<Value> boundOperands(Operation *op) {
  auto call = cast<CallOp>(op);
  auto callee = cast<PyFunctionType>(call.getCallee().getType());
  const CallTyping *entry = lookupCallTyping(callee.getName());
  SmallVector<Value> all(call.getArgs());
  llvm::append_range(all, call.getKwargs());
  FailureOr<SmallVector<int>> slots = matchCallArguments(
      op, *entry, call.getArgs().size(), call.getKwnamesAttr());
  SmallVector<Value> bound;
  if (succeeded(slots))
    for (int slot : *slots)
      bound.push_back(slot < 0 ? Value() : all[slot]);
  return bound;
}

/// The value of the bool parameter `index` when it is a literal, `fallback`
/// when omitted, and nullopt (after an error) when it is not known at
/// compile time.
static std::optional<bool> literalBool(Operation *op, ArrayRef<Type> args,
                                       unsigned index, StringRef name,
                                       bool fallback) {
  if (index >= args.size() || !args[index])
    return fallback;
  SmallVector<Value> bound = boundOperands(op);
  if (index < bound.size() && bound[index])
    if (auto constant = bound[index].getDefiningOp<ConstOp>())
      if (auto value = dyn_cast<BoolAttr>(constant.getValue()))
        return value.getValue();
  op->emitError() << name
                  << " must be a literal True or False: the result's type "
                     "depends on it";
  return std::nullopt;
}

/// The text of the string parameter `index`, `fallback` when omitted, or
/// nullopt (after an error) when it is not a string literal.
static std::optional<StringRef> literalString(Operation *op,
                                              ArrayRef<Type> args,
                                              unsigned index, StringRef name,
                                              StringRef fallback) {
  if (index >= args.size() || !args[index])
    return fallback;
  if (auto str = dyn_cast<StrType>(args[index]))
    return str.getValue();
  op->emitError() << name << " must be a string literal, got "
                  << quoteType(args[index]);
  return std::nullopt;
}

/// Whether the parameters from `first` on are all omitted.
static bool omittedFrom(ArrayRef<Type> args, size_t first) {
  for (size_t i = first; i < args.size(); ++i)
    if (args[i])
      return false;
  return true;
}

static bool isNoneArg(Type t) { return isa<PyNoneType>(t); }

/// `hermitian=False` is the only value taken (True is not supported yet).
static bool hermitianFalse(Operation *op, ArrayRef<Type> args, unsigned index) {
  std::optional<bool> hermitian =
      literalBool(op, args, index, "hermitian", false);
  if (!hermitian)
    return false;
  if (*hermitian) {
    op->emitError() << "hermitian=True is not supported";
    return false;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Products
//===----------------------------------------------------------------------===//

/// matmul, dot, inner: 1-D or 2-D operands; the result has the dimensions
/// that are not summed over (a scalar for two vectors).
static Type typeProduct(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type());
  ArrayType b = numberArray(args.size() > 1 ? args[1] : Type());
  if (!a || !b || !omittedFrom(args, 2))
    return argumentError(op, args);
  Type dtype = unifyTypes(a.getDtype(), b.getDtype());
  unsigned ndim = a.getNdim() + b.getNdim() - 2;
  return ndim == 0 ? dtype : newArray(dtype, ndim);
}

/// vdot: two vectors of the same length, a scalar.
static Type typeVdot(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type(), 1, 1);
  ArrayType b = numberArray(args.size() > 1 ? args[1] : Type(), 1, 1);
  if (!a || !b)
    return argumentError(op, args);
  return unifyTypes(a.getDtype(), b.getDtype());
}

/// outer: two vectors, the matrix of their products.
static Type typeOuter(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type(), 1, 1);
  ArrayType b = numberArray(args.size() > 1 ? args[1] : Type(), 1, 1);
  if (!a || !b || !omittedFrom(args, 2))
    return argumentError(op, args);
  return newArray(unifyTypes(a.getDtype(), b.getDtype()), 2);
}

/// trace(a, offset=0): the sum of a diagonal, with np.sum's dtype (small
/// ints widen to int64, unsigned ones to uint64).
static Type typeTrace(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type(), 2, 2);
  bool offsetOk = args.size() < 2 || !args[1] || isIntegerArg(args[1]);
  if (!a || !offsetOk || !omittedFrom(args, 2))
    return argumentError(op, args);
  Type dtype = a.getDtype();
  if (isBoolType(dtype))
    return getInt64Type(op->getContext());
  if (isIntType(dtype))
    return promoteNumbers(dtype, dtype);
  return dtype;
}

//===----------------------------------------------------------------------===//
// numpy.linalg
//===----------------------------------------------------------------------===//

/// The square-or-not 2-D matrix that is argument 0, or an error.
static ArrayType matrixArg(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.empty() ? Type() : args[0], 2, 2);
  if (!a)
    argumentError(op, args);
  return a;
}

/// inv, cholesky: a matrix of the work type.
static Type typeSameMatrix(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a || !omittedFrom(args, 1))
    return a ? argumentError(op, args) : Type();
  return newArray(workType(a.getDtype()), 2);
}

static Type typeDet(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  return a ? workType(a.getDtype()) : Type();
}

/// slogdet: (sign of the work type, log|det| real).
static Type typeSlogdet(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a)
    return {};
  Type work = workType(a.getDtype());
  return TupleType::get(op->getContext(), {work, realOf(work)});
}

/// solve(a, b): b a vector or a matrix; the common work type.
static Type typeSolve(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type(), 2, 2);
  ArrayType b = numberArray(args.size() > 1 ? args[1] : Type());
  if (!a || !b)
    return argumentError(op, args);
  Type work = unifyTypes(workType(a.getDtype()), workType(b.getDtype()));
  return newArray(work, b.getNdim());
}

/// eig/eigvals: the work type, real for real input (Numba's choice: a real
/// matrix with complex eigenvalues raises at run time).
static Type typeEig(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a)
    return {};
  Type work = workType(a.getDtype());
  return TupleType::get(op->getContext(),
                        {newArray(work, 1), newArray(work, 2)});
}

static Type typeEigvals(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  return a ? newArray(workType(a.getDtype()), 1) : Type();
}

static bool checkUplo(Operation *op, ArrayRef<Type> args) {
  std::optional<StringRef> uplo = literalString(op, args, 1, "UPLO", "L");
  if (!uplo)
    return false;
  if (*uplo != "L" && *uplo != "U") {
    op->emitError() << "UPLO argument must be 'L' or 'U'";
    return false;
  }
  return true;
}

/// eigh(a, UPLO='L'): (real eigenvalues, eigenvectors of the work type).
static Type typeEigh(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a || !checkUplo(op, args))
    return {};
  Type work = workType(a.getDtype());
  return TupleType::get(op->getContext(),
                        {newArray(realOf(work), 1), newArray(work, 2)});
}

static Type typeEigvalsh(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a || !checkUplo(op, args))
    return {};
  return newArray(realOf(workType(a.getDtype())), 1);
}

/// svd(a, full_matrices=True, compute_uv=True, hermitian=False): (u, s,
/// vh), or s alone for a literal compute_uv=False.
static Type typeSvd(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a)
    return {};
  if (args.size() > 1 && args[1] && !isIntegerArg(args[1]))
    return argumentError(op, args);
  std::optional<bool> computeUv = literalBool(op, args, 2, "compute_uv", true);
  if (!computeUv || !hermitianFalse(op, args, 3))
    return {};
  Type work = workType(a.getDtype());
  Type s = newArray(realOf(work), 1);
  if (!*computeUv)
    return s;
  return TupleType::get(op->getContext(),
                        {newArray(work, 2), s, newArray(work, 2)});
}

/// qr(a, mode='reduced'): (q, r), or r alone for mode='r'.
static Type typeQr(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a)
    return {};
  std::optional<StringRef> mode = literalString(op, args, 1, "mode", "reduced");
  if (!mode)
    return {};
  Type matrix = newArray(workType(a.getDtype()), 2);
  if (*mode == "r")
    return matrix;
  if (*mode != "reduced" && *mode != "complete") {
    op->emitError() << "qr mode must be 'reduced', 'complete' or 'r', got '"
                    << *mode << "'";
    return {};
  }
  return TupleType::get(op->getContext(), {matrix, matrix});
}

/// An optional float tolerance: omitted, None, or a real number.
static bool isToleranceArg(ArrayRef<Type> args, unsigned index) {
  return index >= args.size() || !args[index] || isNoneArg(args[index]) ||
         isRealType(args[index]);
}

/// lstsq(a, b, rcond): (x, residuals, rank, s); rank is int32, as NumPy's.
static Type typeLstsq(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type(), 2, 2);
  ArrayType b = numberArray(args.size() > 1 ? args[1] : Type());
  if (!a || !b || !isToleranceArg(args, 2))
    return argumentError(op, args);
  Type work = unifyTypes(workType(a.getDtype()), workType(b.getDtype()));
  Type real = newArray(realOf(work), 1);
  MLIRContext *ctx = op->getContext();
  return TupleType::get(ctx,
                        {newArray(work, b.getNdim()), real,
                         IntegerType::get(ctx, 32, IntegerType::Signed), real});
}

/// pinv(a, rcond=1e-15, hermitian=False): n x m of the work type.
static Type typePinv(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a)
    return {};
  if (args.size() > 1 && args[1] && !isRealType(args[1]))
    return argumentError(op, args);
  if (!hermitianFalse(op, args, 2))
    return {};
  return newArray(workType(a.getDtype()), 2);
}

/// matrix_rank(A, tol=None, hermitian=False): int64.
static Type typeMatrixRank(Operation *op, ArrayRef<Type> args) {
  ArrayType a = matrixArg(op, args);
  if (!a)
    return {};
  if (!isToleranceArg(args, 1))
    return argumentError(op, args);
  if (!hermitianFalse(op, args, 2))
    return {};
  return getInt64Type(op->getContext());
}

/// matrix_power(a, n): a's dtype (ints stay ints, as NumPy's products).
static Type typeMatrixPower(Operation *op, ArrayRef<Type> args) {
  ArrayType a = numberArray(args.size() > 0 ? args[0] : Type(), 2, 2);
  if (!a || args.size() < 2 || !args[1] || !isIntegerArg(args[1]))
    return argumentError(op, args);
  return newArray(a.getDtype(), 2);
}

/// The matrix orders norm and cond take: None, a number, 'fro', 'nuc'.
static bool isOrderArg(Type t) {
  if (auto str = dyn_cast<StrType>(t))
    return str.getValue() == "fro" || str.getValue() == "nuc";
  return isNoneArg(t) || isRealType(t);
}

/// norm(x, ord=None, axis=None): real; a vector of norms along `axis` of a
/// matrix.
static Type typeNorm(Operation *op, ArrayRef<Type> args) {
  ArrayType x = numberArray(args.size() > 0 ? args[0] : Type());
  bool ordOk = args.size() < 2 || !args[1] || isOrderArg(args[1]);
  bool axisOk = args.size() < 3 || !args[2] || isNoneArg(args[2]) ||
                isIntegerArg(args[2]);
  if (!x || !ordOk || !axisOk)
    return argumentError(op, args);
  if (args.size() > 3 && args[3]) {
    op->emitError() << "norm(): keepdims is not supported";
    return {};
  }
  Type real = realOf(workType(x.getDtype()));
  bool alongAxis = args.size() > 2 && args[2] && isIntegerArg(args[2]);
  bool isString = args.size() > 1 && args[1] && isa<StrType>(args[1]);
  if (x.getNdim() == 1 && isString) {
    op->emitError() << "Invalid norm order '"
                    << cast<StrType>(args[1]).getValue() << "' for vectors";
    return {};
  }
  if (alongAxis && x.getNdim() == 2) {
    if (isString) {
      op->emitError() << "Invalid norm order '"
                      << cast<StrType>(args[1]).getValue() << "' for vectors";
      return {};
    }
    return newArray(real, 1);
  }
  return real;
}

/// The value `v` has when it is a literal number: a constant, a module
/// constant such as np.inf, or the negation of one.
static std::optional<double> literalValue(Value v) {
  Operation *def = v ? v.getDefiningOp() : nullptr;
  if (auto constant = dyn_cast_or_null<ConstOp>(def)) {
    if (auto value = dyn_cast<FloatAttr>(constant.getValue()))
      return value.getValueAsDouble();
    if (auto value = dyn_cast<IntegerAttr>(constant.getValue()))
      return static_cast<double>(value.getValue().getSExtValue());
  }
  if (auto attr = dyn_cast_or_null<GetAttrOp>(def))
    if (auto module = attr.getValue().getDefiningOp<GlobalOp>())
      if (auto name = dyn_cast<StringAttr>(module.getValue()))
        return lookupModuleConstant(
            (name.getValue() + "." + attr.getAttr()).str());
  if (auto unary = dyn_cast_or_null<UnaryOp>(def))
    if (unary.getKind() == UnaryOpKind::Neg)
      if (std::optional<double> operand = literalValue(unary.getOperand()))
        return -*operand;
  return std::nullopt;
}

/// The value of number parameter `index` when it is a literal.
static std::optional<double> literalNumber(Operation *op, unsigned index) {
  SmallVector<Value> bound = boundOperands(op);
  if (index >= bound.size())
    return std::nullopt;
  return literalValue(bound[index]);
}

/// cond(x, p=None): real for p None, 2 and -2 (NumPy's SVD path); NumPy
/// 1.24 gives the work type (complex for complex x) for any other p, so a
/// complex x needs p known at compile time.
static Type typeCond(Operation *op, ArrayRef<Type> args) {
  ArrayType x = matrixArg(op, args);
  if (!x)
    return {};
  if (args.size() > 1 && args[1] && !isOrderArg(args[1]))
    return argumentError(op, args);
  Type work = workType(x.getDtype());
  if (args.size() < 2 || !args[1] || isNoneArg(args[1]) ||
      !isa<ComplexType>(work))
    return realOf(work);
  if (isa<StrType>(args[1]))
    return work;
  std::optional<double> p = literalNumber(op, 1);
  if (!p) {
    op->emitError() << "cond() of a complex matrix needs a literal p: its "
                       "result is real for p=2 or -2 and complex otherwise";
    return {};
  }
  return *p == 2 || *p == -2 ? realOf(work) : work;
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static constexpr StringLiteral kProductParams[] = {"a", "b"};
static constexpr StringLiteral kMatmulParams[] = {"x1", "x2"};
static constexpr StringLiteral kTraceParams[] = {"a", "offset"};
static constexpr StringLiteral kOneMatrixParams[] = {"a"};
static constexpr StringLiteral kEighParams[] = {"a", "UPLO"};
static constexpr StringLiteral kSvdParams[] = {"a", "full_matrices",
                                               "compute_uv", "hermitian"};
static constexpr StringLiteral kQrParams[] = {"a", "mode"};
static constexpr StringLiteral kLstsqParams[] = {"a", "b", "rcond"};
static constexpr StringLiteral kPinvParams[] = {"a", "rcond", "hermitian"};
static constexpr StringLiteral kRankParams[] = {"A", "tol", "hermitian"};
static constexpr StringLiteral kPowerParams[] = {"a", "n"};
static constexpr StringLiteral kNormParams[] = {"x", "ord", "axis", "keepdims"};
static constexpr StringLiteral kCondParams[] = {"x", "p"};

static const CallTyping kTable[] = {
    {"numpy.dot", typeProduct, kProductParams,
     "(a: 1-D or 2-D array, b: 1-D or 2-D array)"},
    {"numpy.matmul", typeProduct, kMatmulParams,
     "(x1: 1-D or 2-D array, x2: 1-D or 2-D array)"},
    {"numpy.inner", typeProduct, kProductParams,
     "(a: 1-D or 2-D array, b: 1-D or 2-D array)"},
    {"numpy.vdot", typeVdot, kProductParams, "(a: 1-D array, b: 1-D array)"},
    {"numpy.outer", typeOuter, kProductParams, "(a: 1-D array, b: 1-D array)"},
    {"numpy.trace", typeTrace, kTraceParams, "(a: 2-D array, offset: int)"},
    {"numpy.linalg.solve", typeSolve, kProductParams,
     "(a: 2-D array, b: 1-D or 2-D array)"},
    {"numpy.linalg.inv", typeSameMatrix, kOneMatrixParams, "(a: 2-D array)"},
    {"numpy.linalg.cholesky", typeSameMatrix, kOneMatrixParams,
     "(a: 2-D array)"},
    {"numpy.linalg.det", typeDet, kOneMatrixParams, "(a: 2-D array)"},
    {"numpy.linalg.slogdet", typeSlogdet, kOneMatrixParams, "(a: 2-D array)"},
    {"numpy.linalg.eig", typeEig, kOneMatrixParams, "(a: 2-D array)"},
    {"numpy.linalg.eigvals", typeEigvals, kOneMatrixParams, "(a: 2-D array)"},
    {"numpy.linalg.eigh", typeEigh, kEighParams,
     "(a: 2-D array, UPLO: 'L' or 'U')"},
    {"numpy.linalg.eigvalsh", typeEigvalsh, kEighParams,
     "(a: 2-D array, UPLO: 'L' or 'U')"},
    {"numpy.linalg.svd", typeSvd, kSvdParams,
     "(a: 2-D array, full_matrices: bool, compute_uv: literal bool, "
     "hermitian=False)"},
    {"numpy.linalg.qr", typeQr, kQrParams,
     "(a: 2-D array, mode: 'reduced', 'complete' or 'r')"},
    {"numpy.linalg.lstsq", typeLstsq, kLstsqParams,
     "(a: 2-D array, b: 1-D or 2-D array, rcond: float or None)"},
    {"numpy.linalg.pinv", typePinv, kPinvParams,
     "(a: 2-D array, rcond: float, hermitian=False)"},
    {"numpy.linalg.matrix_rank", typeMatrixRank, kRankParams,
     "(A: 2-D array, tol: float or None, hermitian=False)"},
    {"numpy.linalg.matrix_power", typeMatrixPower, kPowerParams,
     "(a: 2-D array, n: int)"},
    {"numpy.linalg.norm", typeNorm, kNormParams,
     "(x: 1-D or 2-D array, ord: None, number, 'fro' or 'nuc', axis: None "
     "or int)"},
    {"numpy.linalg.cond", typeCond, kCondParams,
     "(x: 2-D array, p: None, number, 'fro' or 'nuc')"},
};

ArrayRef<CallTyping> mumba::nb::detail::getLinalgTyping() { return kTable; }
