//===- RandomTyping.cpp - np.random ---------------------------------------===//
//
// numpy.random's legacy functions (docs/random.md): a draw without `size`
// is a float64 (an int64 for the discrete distributions), with `size` (an
// int or a tuple of ints) a new C-contiguous array of that shape.
// Distribution parameters are scalars; NumPy's broadcasting over array
// parameters is not supported.
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Shared pieces
//===----------------------------------------------------------------------===//

/// Whether an optional argument is absent: omitted, or None.
static bool isAbsent(Type t) { return !t || isa<PyNoneType>(t); }

/// The rank `size` gives (0 when absent: a scalar), or nullopt after an
/// error.
static std::optional<unsigned> sizeRank(Operation *op, Type size) {
  if (isAbsent(size))
    return 0;
  if (isIntegerArg(size))
    return 1;
  if (auto tuple = dyn_cast<TupleType>(size);
      tuple && tuple.size() > 0 && tuple.size() <= kMaxArrayRank &&
      llvm::all_of(tuple.getTypes(), isIntegerArg))
    return tuple.size();
  op->emitError() << "size must be None, an int or a non-empty tuple of ints, "
                     "got "
                  << quoteType(size);
  return std::nullopt;
}

/// `dtype` drawn `rank` times: the scalar itself for rank 0.
static Type drawType(Type dtype, unsigned rank) {
  if (rank == 0)
    return dtype;
  return ArrayType::get(dtype.getContext(), dtype, rank, ArrayLayout::C);
}

/// A 1-D float64 array: what `pvals` and `p` must be (the runtime reads
/// them in place).
static bool isProbabilities(Type t) {
  auto array = dyn_cast<ArrayType>(t);
  return array && array.getNdim() == 1 && array.getDtype().isF64();
}

//===----------------------------------------------------------------------===//
// Typers
//===----------------------------------------------------------------------===//

/// A distribution of `N` scalar parameters then `size`; the first
/// `Required` parameters must be given, bit i of `IntParams` makes
/// parameter i an integer, and `IntResult` makes the draws int64.
template <unsigned N, unsigned Required, unsigned IntParams, bool IntResult>
static Type typeDraw(Operation *op, ArrayRef<Type> args) {
  if (args.size() > N + 1)
    return argumentError(op, args);
  for (unsigned i = 0; i < N; ++i) {
    Type arg = i < args.size() ? args[i] : Type();
    if (!arg) {
      if (i < Required)
        return argumentError(op, args);
      continue;
    }
    bool ok = (IntParams >> i) & 1 ? isIntegerArg(arg) : isRealArg(arg);
    if (!ok)
      return argumentError(op, args);
  }
  std::optional<unsigned> rank =
      sizeRank(op, args.size() > N ? args[N] : Type());
  if (!rank)
    return {};
  MLIRContext *ctx = op->getContext();
  return drawType(IntResult ? Type(getInt64Type(ctx)) : f64Type(ctx), *rank);
}

/// rand(d0, d1, ...) and randn(...): the extents as separate arguments, a
/// float64 when there are none.
static Type typeDims(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 0, kMaxArrayRank, isIntegerArg))
    return argumentError(op, args);
  return drawType(f64Type(op->getContext()), args.size());
}

/// seed(seed): an integer; NumPy's seed() from the OS is not supported.
static Type typeSeed(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isIntegerArg))
    return argumentError(op, args);
  return PyNoneType::get(op->getContext());
}

/// The integer dtype randint's `dtype=` names: int64 for `int` or omitted.
static Type randintDtype(Operation *op, Type dtype) {
  MLIRContext *ctx = op->getContext();
  if (!dtype)
    return getInt64Type(ctx);
  if (auto numpyType = dyn_cast<DTypeType>(dtype)) {
    Type t = numpyType.getDtype();
    if (isIntType(t) || isBoolType(t))
      return t;
  }
  if (auto builtin = dyn_cast<PyFunctionType>(dtype)) {
    if (builtin.getName() == "int")
      return getInt64Type(ctx);
    if (builtin.getName() == "bool")
      return IntegerType::get(ctx, 1);
  }
  op->emitError() << "randint() takes an integer or bool dtype, got "
                  << quoteType(dtype);
  return {};
}

/// randint(low, high=None, size=None, dtype=int).
static Type typeRandint(Operation *op, ArrayRef<Type> args) {
  auto at = [&](size_t i) { return i < args.size() ? args[i] : Type(); };
  if (args.size() > 4 || !at(0) || !isIntegerArg(at(0)) ||
      (!isAbsent(at(1)) && !isIntegerArg(at(1))))
    return argumentError(op, args);
  std::optional<unsigned> rank = sizeRank(op, at(2));
  Type dtype = randintDtype(op, at(3));
  if (!rank || !dtype)
    return {};
  return drawType(dtype, *rank);
}

/// random_integers(low, high=None, size=None): int64.
static Type typeRandomIntegers(Operation *op, ArrayRef<Type> args) {
  auto at = [&](size_t i) { return i < args.size() ? args[i] : Type(); };
  if (args.size() > 3 || !at(0) || !isIntegerArg(at(0)) ||
      (!isAbsent(at(1)) && !isIntegerArg(at(1))))
    return argumentError(op, args);
  std::optional<unsigned> rank = sizeRank(op, at(2));
  if (!rank)
    return {};
  return drawType(getInt64Type(op->getContext()), *rank);
}

/// multinomial(n, pvals, size=None): int64 counts, one row of len(pvals)
/// per sample.
static Type typeMultinomial(Operation *op, ArrayRef<Type> args) {
  auto at = [&](size_t i) { return i < args.size() ? args[i] : Type(); };
  if (args.size() > 3 || !at(0) || !isIntegerArg(at(0)) || !at(1) ||
      !isProbabilities(at(1)))
    return argumentError(op, args);
  std::optional<unsigned> rank = sizeRank(op, at(2));
  if (!rank)
    return {};
  if (*rank + 1 > kMaxArrayRank) {
    op->emitError() << "multinomial() makes at most " << kMaxArrayRank
                    << " dimensions";
    return {};
  }
  MLIRContext *ctx = op->getContext();
  return ArrayType::get(ctx, getInt64Type(ctx), *rank + 1, ArrayLayout::C);
}

/// choice(a, size=None, replace=True, p=None): a is a population size or
/// a 1-D array whose items are picked.
static Type typeChoice(Operation *op, ArrayRef<Type> args) {
  auto at = [&](size_t i) { return i < args.size() ? args[i] : Type(); };
  if (args.size() > 4 || !at(0))
    return argumentError(op, args);
  Type item;
  if (isIntegerArg(at(0)))
    item = getInt64Type(op->getContext());
  else if (auto array = dyn_cast<ArrayType>(at(0))) {
    if (array.getNdim() != 1) {
      op->emitError() << "choice(): a must be 1-dimensional, got "
                      << quoteType(at(0));
      return {};
    }
    item = array.getDtype();
  } else {
    return argumentError(op, args);
  }
  if ((at(2) && !isIntegerArg(at(2))) ||
      (!isAbsent(at(3)) && !isProbabilities(at(3))))
    return argumentError(op, args);
  std::optional<unsigned> rank = sizeRank(op, at(1));
  if (!rank)
    return {};
  return drawType(item, *rank);
}

/// The array argument of shuffle/permutation, or null after an error.
static ArrayType atLeast1d(Operation *op, Type t, StringRef what) {
  auto array = dyn_cast<ArrayType>(t);
  if (array && array.getNdim() >= 1)
    return array;
  op->emitError() << what << " expects an array of at least one dimension, "
                  << "got " << quoteType(t);
  return {};
}

/// shuffle(x): x permuted in place along its first axis.
static Type typeShuffle(Operation *op, ArrayRef<Type> args) {
  if (args.size() != 1 || !args[0])
    return argumentError(op, args);
  ArrayType array = atLeast1d(op, args[0], "shuffle()");
  if (!array)
    return {};
  if (array.getReadonly()) {
    op->emitError() << "shuffle() cannot permute a read-only array";
    return {};
  }
  return PyNoneType::get(op->getContext());
}

/// permutation(x): arange(x) permuted for an int, else a permuted copy.
static Type typePermutation(Operation *op, ArrayRef<Type> args) {
  if (args.size() != 1 || !args[0])
    return argumentError(op, args);
  MLIRContext *ctx = op->getContext();
  if (isIntegerArg(args[0]))
    return ArrayType::get(ctx, getInt64Type(ctx), 1, ArrayLayout::C);
  ArrayType array = atLeast1d(op, args[0], "permutation()");
  if (!array)
    return {};
  return ArrayType::get(ctx, array.getDtype(), array.getNdim(), ArrayLayout::C);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

// Parameter lists, NumPy's names.
static constexpr StringLiteral kSize[] = {"size"};
static constexpr StringLiteral kSeed[] = {"seed"};
static constexpr StringLiteral kLowHigh[] = {"low", "high", "size"};
static constexpr StringLiteral kRandint[] = {"low", "high", "size", "dtype"};
static constexpr StringLiteral kLocScale[] = {"loc", "scale", "size"};
static constexpr StringLiteral kScale[] = {"scale", "size"};
static constexpr StringLiteral kShape[] = {"shape", "size"};
static constexpr StringLiteral kShapeScale[] = {"shape", "scale", "size"};
static constexpr StringLiteral kAB[] = {"a", "b", "size"};
static constexpr StringLiteral kA[] = {"a", "size"};
static constexpr StringLiteral kNP[] = {"n", "p", "size"};
static constexpr StringLiteral kP[] = {"p", "size"};
static constexpr StringLiteral kLam[] = {"lam", "size"};
static constexpr StringLiteral kHypergeometric[] = {"ngood", "nbad", "nsample",
                                                    "size"};
static constexpr StringLiteral kMeanSigma[] = {"mean", "sigma", "size"};
static constexpr StringLiteral kMultinomial[] = {"n", "pvals", "size"};
static constexpr StringLiteral kDf[] = {"df", "size"};
static constexpr StringLiteral kF[] = {"dfnum", "dfden", "size"};
static constexpr StringLiteral kTriangular[] = {"left", "mode", "right",
                                                "size"};
static constexpr StringLiteral kVonmises[] = {"mu", "kappa", "size"};
static constexpr StringLiteral kWald[] = {"mean", "scale", "size"};
static constexpr StringLiteral kChoice[] = {"a", "size", "replace", "p"};
static constexpr StringLiteral kX[] = {"x"};

// Typers by shape: parameters, required ones, integer ones, result.
static constexpr CallTyper kNoParams = typeDraw<0, 0, 0, false>;
static constexpr CallTyper kTwoOptional = typeDraw<2, 0, 0, false>;
static constexpr CallTyper kOneOptional = typeDraw<1, 0, 0, false>;
static constexpr CallTyper kOneReal = typeDraw<1, 1, 0, false>;
static constexpr CallTyper kTwoReals = typeDraw<2, 2, 0, false>;
static constexpr CallTyper kOneRealOneOptional = typeDraw<2, 1, 0, false>;

#define SIZE_ONLY "(size: int or tuple of ints = None)"

static const CallTyping kTable[] = {
    {"numpy.random.seed", typeSeed, kSeed, "(seed: int)"},
    {"numpy.random.random", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.random_sample", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.sample", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.ranf", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.rand", typeDims, {}, "(d0: int, d1: int, ...)"},
    {"numpy.random.randn", typeDims, {}, "(d0: int, d1: int, ...)"},
    {"numpy.random.uniform", kTwoOptional, kLowHigh,
     "(low: real = 0.0, high: real = 1.0, size)"},
    {"numpy.random.randint", typeRandint, kRandint,
     "(low: int, high: int = None, size, dtype: integer or bool = int)"},
    {"numpy.random.random_integers", typeRandomIntegers, kLowHigh,
     "(low: int, high: int = None, size)"},
    {"numpy.random.normal", kTwoOptional, kLocScale,
     "(loc: real = 0.0, scale: real = 1.0, size)"},
    {"numpy.random.standard_normal", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.exponential", kOneOptional, kScale,
     "(scale: real = 1.0, size)"},
    {"numpy.random.standard_exponential", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.gamma", kOneRealOneOptional, kShapeScale,
     "(shape: real, scale: real = 1.0, size)"},
    {"numpy.random.standard_gamma", kOneReal, kShape, "(shape: real, size)"},
    {"numpy.random.beta", kTwoReals, kAB, "(a: real, b: real, size)"},
    {"numpy.random.binomial", typeDraw<2, 2, 0b1, true>, kNP,
     "(n: int, p: real, size)"},
    {"numpy.random.poisson", typeDraw<1, 0, 0, true>, kLam,
     "(lam: real = 1.0, size)"},
    {"numpy.random.geometric", typeDraw<1, 1, 0, true>, kP, "(p: real, size)"},
    {"numpy.random.hypergeometric", typeDraw<3, 3, 0b111, true>,
     kHypergeometric, "(ngood: int, nbad: int, nsample: int, size)"},
    {"numpy.random.laplace", kTwoOptional, kLocScale,
     "(loc: real = 0.0, scale: real = 1.0, size)"},
    {"numpy.random.logistic", kTwoOptional, kLocScale,
     "(loc: real = 0.0, scale: real = 1.0, size)"},
    {"numpy.random.lognormal", kTwoOptional, kMeanSigma,
     "(mean: real = 0.0, sigma: real = 1.0, size)"},
    {"numpy.random.logseries", typeDraw<1, 1, 0, true>, kP, "(p: real, size)"},
    {"numpy.random.multinomial", typeMultinomial, kMultinomial,
     "(n: int, pvals: 1-D float64 array, size)"},
    {"numpy.random.negative_binomial", typeDraw<2, 2, 0, true>, kNP,
     "(n: real, p: real, size)"},
    {"numpy.random.chisquare", kOneReal, kDf, "(df: real, size)"},
    {"numpy.random.f", kTwoReals, kF, "(dfnum: real, dfden: real, size)"},
    {"numpy.random.gumbel", kTwoOptional, kLocScale,
     "(loc: real = 0.0, scale: real = 1.0, size)"},
    {"numpy.random.pareto", kOneReal, kA, "(a: real, size)"},
    {"numpy.random.power", kOneReal, kA, "(a: real, size)"},
    {"numpy.random.rayleigh", kOneOptional, kScale,
     "(scale: real = 1.0, size)"},
    {"numpy.random.standard_cauchy", kNoParams, kSize, SIZE_ONLY},
    {"numpy.random.standard_t", kOneReal, kDf, "(df: real, size)"},
    {"numpy.random.triangular", typeDraw<3, 3, 0, false>, kTriangular,
     "(left: real, mode: real, right: real, size)"},
    {"numpy.random.vonmises", kTwoReals, kVonmises,
     "(mu: real, kappa: real, size)"},
    {"numpy.random.wald", kTwoReals, kWald, "(mean: real, scale: real, size)"},
    {"numpy.random.weibull", kOneReal, kA, "(a: real, size)"},
    {"numpy.random.zipf", typeDraw<1, 1, 0, true>, kA, "(a: real, size)"},
    {"numpy.random.choice", typeChoice, kChoice,
     "(a: int or 1-D array, size, replace: bool = True, "
     "p: 1-D float64 array = None)"},
    {"numpy.random.shuffle", typeShuffle, kX, "(x: array)"},
    {"numpy.random.permutation", typePermutation, kX, "(x: int or array)"},
};

#undef SIZE_ONLY

ArrayRef<CallTyping> mumba::nb::detail::getRandomTyping() { return kTable; }
