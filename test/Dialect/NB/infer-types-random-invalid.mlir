// RUN: mumba-opt %s -split-input-file -nb-infer-types -verify-diagnostics

// Each error the np.random typing entries emit (RandomTyping.cpp).
func.func @bad_size(%f: f64) -> !nb.unknown {
  %random = nb.global("numpy.random.random") : !nb.unknown
  // expected-error @+1 {{size must be None, an int or a non-empty tuple of ints, got 'float64'}}
  %0 = nb.call %random(%f) : (!nb.unknown, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @empty_size(%t: tuple<>) -> !nb.unknown {
  %random = nb.global("numpy.random.normal") : !nb.unknown
  // expected-error @+1 {{size must be None, an int or a non-empty tuple of ints, got 'tuple()'}}
  %0 = nb.call %random() kw(%t) {kwnames = ["size"]} : (!nb.unknown, tuple<>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @array_parameter(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  %normal = nb.global("numpy.random.normal") : !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.random.normal(): got (array(float64, 1d, C)); it accepts (loc: real = 0.0, scale: real = 1.0, size)}}
  %0 = nb.call %normal(%a) : (!nb.unknown, !nb.array<f64, 1, C>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @randint_dtype(%i: si64) -> !nb.unknown {
  %randint = nb.global("numpy.random.randint") : !nb.unknown
  %float32 = nb.global("numpy.float32") : !nb.unknown
  // expected-error @+1 {{randint() takes an integer or bool dtype, got 'class(float32)'}}
  %0 = nb.call %randint(%i) kw(%float32) {kwnames = ["dtype"]} : (!nb.unknown, si64, !nb.unknown) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @multinomial_rank(%i: si64, %p: !nb.array<f64, 1, C>, %t: tuple<si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64>) -> !nb.unknown {
  %multinomial = nb.global("numpy.random.multinomial") : !nb.unknown
  // expected-error @+1 {{multinomial() makes at most 32 dimensions}}
  %0 = nb.call %multinomial(%i, %p, %t) : (!nb.unknown, si64, !nb.array<f64, 1, C>, tuple<si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @choice_2d(%m: !nb.array<f64, 2, C>) -> !nb.unknown {
  %choice = nb.global("numpy.random.choice") : !nb.unknown
  // expected-error @+1 {{choice(): a must be 1-dimensional, got 'array(float64, 2d, C)'}}
  %0 = nb.call %choice(%m) : (!nb.unknown, !nb.array<f64, 2, C>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @shuffle_scalar(%i: si64) -> !nb.unknown {
  %shuffle = nb.global("numpy.random.shuffle") : !nb.unknown
  // expected-error @+1 {{shuffle() expects an array of at least one dimension, got 'int64'}}
  %0 = nb.call %shuffle(%i) : (!nb.unknown, si64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @shuffle_readonly(%a: !nb.array<f64, 1, C, readonly>) -> !nb.unknown {
  %shuffle = nb.global("numpy.random.shuffle") : !nb.unknown
  // expected-error @+1 {{shuffle() cannot permute a read-only array}}
  %0 = nb.call %shuffle(%a) : (!nb.unknown, !nb.array<f64, 1, C, readonly>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @permutation_float(%f: f64) -> !nb.unknown {
  %permutation = nb.global("numpy.random.permutation") : !nb.unknown
  // expected-error @+1 {{permutation() expects an array of at least one dimension, got 'float64'}}
  %0 = nb.call %permutation(%f) : (!nb.unknown, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @seed_float(%f: f64) -> !nb.unknown {
  %seed = nb.global("numpy.random.seed") : !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.random.seed(): got (float64); it accepts (seed: int)}}
  %0 = nb.call %seed(%f) : (!nb.unknown, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}
