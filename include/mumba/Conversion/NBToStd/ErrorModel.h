//===- ErrorModel.h - What division by zero does ----------------*- C++ -*-===//
//
// Numba's `error_model`, as one enum for every layer: the convert-nb-to-std
// and pipeline options, @njit's options (mumba/JIT/Compiler.h, which must
// stay free of MLIR and LLVM) and cache entries.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_CONVERSION_NBTOSTD_ERRORMODEL_H
#define MUMBA_CONVERSION_NBTOSTD_ERRORMODEL_H

#include <optional>
#include <string_view>

namespace mumba {

enum class ErrorModel {
  /// Division by zero raises ZeroDivisionError, as Python does.
  Python,
  /// Float division follows IEEE and integer division by zero gives 0, as
  /// NumPy (and Numba's error_model="numpy") does.
  NumPy,
};

/// The spelling of `model` in options: "python" or "numpy".
inline const char *getErrorModelName(ErrorModel model) {
  return model == ErrorModel::Python ? "python" : "numpy";
}

/// The model spelled `name`, if it is one.
inline std::optional<ErrorModel> parseErrorModel(std::string_view name) {
  if (name == "python")
    return ErrorModel::Python;
  if (name == "numpy")
    return ErrorModel::NumPy;
  return std::nullopt;
}

} // namespace mumba

#endif // MUMBA_CONVERSION_NBTOSTD_ERRORMODEL_H
