/*===- Status.c - Status codes of compiled functions ----------------------===*/
#include "mumba/Runtime/Status.h"

enum MumbaExceptionKind mumbaStatusException(int status) {
  switch (status) {
  case MUMBA_OK:
    return MUMBA_EXC_NONE;
  case MUMBA_RANGE_STEP_ZERO:
    return MUMBA_EXC_VALUE;
  default:
    return status < MUMBA_STATUS_COUNT ? MUMBA_EXC_ZERO_DIVISION
                                       : MUMBA_EXC_VALUE;
  }
}

const char *mumbaStatusMessage(int status) {
  switch (status) {
  case MUMBA_OK:
    return "";
  case MUMBA_ZERO_DIV_INT:
    return "integer division or modulo by zero";
  case MUMBA_ZERO_MOD_INT:
    return "integer modulo by zero";
  case MUMBA_ZERO_TRUEDIV:
    return "division by zero";
  case MUMBA_ZERO_DIV_FLOAT:
    return "float division by zero";
  case MUMBA_ZERO_FLOORDIV_FLOAT:
    return "float floor division by zero";
  case MUMBA_ZERO_MOD_FLOAT:
    return "float modulo";
  case MUMBA_RANGE_STEP_ZERO:
    return "range() arg 3 must not be zero";
  default:
    return "unknown error in compiled code";
  }
}
