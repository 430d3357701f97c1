/*===- LinalgShapes.c - NumPy's messages for mismatched operands ---------===*/
/*                                                                          */
/* Compiled code checks product and solve shapes itself (before it picks a */
/* generated loop or BLAS) and calls this to record NumPy's ValueError.    */
/*                                                                          */
/*===----------------------------------------------------------------------===*/
#include "LinalgCommon.h"

#include <stdio.h>

/* "(3,)" or "(2,3)". */
static void formatShape(char *out, size_t size, long long ndim, long long d0,
                        long long d1) {
  if (ndim == 1)
    snprintf(out, size, "(%lld,)", d0);
  else
    snprintf(out, size, "(%lld,%lld)", d0, d1);
}

void mumbaLinalgShapeError(long long kind, long long aNdim, long long a0,
                           long long a1, long long bNdim, long long b0,
                           long long b1) {
  /* The summed extents: a's last dimension, b's first. */
  long long aK = aNdim == 1 ? a0 : a1;
  const char *signature = NULL, *name = NULL;
  switch (kind) {
  case MUMBA_SHAPE_DOT: {
    char aShape[64], bShape[64];
    formatShape(aShape, sizeof(aShape), aNdim, a0, a1);
    formatShape(bShape, sizeof(bShape), bNdim, b0, b1);
    lgValueError("shapes %s and %s not aligned: %lld (dim %lld) != %lld "
                 "(dim 0)",
                 aShape, bShape, aK, aNdim - 1, b0);
    return;
  }
  case MUMBA_SHAPE_VDOT:
    lgValueError("cannot reshape array of size %lld into shape (%lld,)", b0,
                 a0);
    return;
  case MUMBA_SHAPE_MATMUL:
    name = "matmul";
    signature = "(n?,k),(k,m?)->(n?,m?)";
    break;
  case MUMBA_SHAPE_SOLVE1:
    name = "solve1";
    signature = "(m,m),(m)->(m)";
    aK = a0;
    break;
  default:
    name = "solve";
    signature = "(m,m),(m,n)->(m,n)";
    aK = a0;
    break;
  }
  lgValueError("%s: Input operand 1 has a mismatch in its core dimension 0, "
               "with gufunc signature %s (size %lld is different from %lld)",
               name, signature, b0, aK);
}
