/*===- Status.c - Status codes of compiled functions ----------------------===*/
#define _GNU_SOURCE /* pthread_getattr_np */
#include "mumba/Runtime/Status.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* The details of the last error with details, per thread: compiled code on
   one thread never sees another's. */
static _Thread_local char lastMessage[1024];
static _Thread_local char lastClass[64];

enum MumbaExceptionKind mumbaStatusException(int status) {
  switch (status) {
  case MUMBA_OK:
    return MUMBA_EXC_NONE;
  case MUMBA_ZERO_DIV_INT:
  case MUMBA_ZERO_MOD_INT:
  case MUMBA_ZERO_TRUEDIV:
  case MUMBA_ZERO_DIV_FLOAT:
  case MUMBA_ZERO_FLOORDIV_FLOAT:
  case MUMBA_ZERO_MOD_FLOAT:
  case MUMBA_ZERO_NEGATIVE_POWER:
    return MUMBA_EXC_ZERO_DIVISION;
  case MUMBA_INDEX_ERROR:
    return MUMBA_EXC_INDEX;
  case MUMBA_USER_EXCEPTION:
  case MUMBA_RANDOM_ERROR:
  case MUMBA_NO_MEMORY:
    return MUMBA_EXC_RECORDED;
  case MUMBA_RECURSION:
    return MUMBA_EXC_RECURSION;
  case MUMBA_LINALG_ERROR:
    return MUMBA_EXC_LINALG;
  case MUMBA_RAISE_ARGS:
    return MUMBA_EXC_RECORDED_ARGS;
  default:
    return MUMBA_EXC_VALUE;
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
  case MUMBA_INDEX_ERROR:
    return lastMessage[0] ? lastMessage : "index out of bounds";
  case MUMBA_NEGATIVE_DIMENSIONS:
    return "negative dimensions are not allowed";
  case MUMBA_USER_EXCEPTION:
  case MUMBA_RANDOM_ERROR:
  case MUMBA_RAISE_ARGS:
  case MUMBA_NO_MEMORY:
    return lastMessage;
  case MUMBA_ARRAY_TOO_BIG:
    return "array is too big; `arr.size * arr.dtype.itemsize` is larger than "
           "the maximum possible size.";
  case MUMBA_SLICE_STEP_ZERO:
    return "slice step cannot be zero";
  case MUMBA_RECURSION:
    return "maximum recursion depth exceeded in compiled code";
  case MUMBA_POW_MODULUS:
    return "pow() with a modulus needs a non-zero modulus and a "
           "non-negative exponent in compiled code";
  case MUMBA_ZERO_NEGATIVE_POWER:
    return "0.0 cannot be raised to a negative power";
  case MUMBA_LINALG_ERROR:
    return lastMessage;
  default:
    return "unknown error in compiled code";
  }
}

void mumbaRaiseIndexError(long long index, long long axis, long long size) {
  snprintf(lastMessage, sizeof(lastMessage),
           "index %lld is out of bounds for axis %lld with size %lld", index,
           axis, size);
}

void mumbaRaiseUser(long long excClass, long long message) {
  snprintf(lastClass, sizeof(lastClass), "%s", (const char *)excClass);
  snprintf(lastMessage, sizeof(lastMessage), "%s", (const char *)message);
}

void mumbaRaiseLinAlg(long long message) {
  snprintf(lastMessage, sizeof(lastMessage), "%s", (const char *)message);
}

const char *mumbaRecordedExceptionClass(void) { return lastClass; }

_Static_assert(sizeof(struct MumbaParallelStatus) == 137 * 8,
               "compiled code allocates the record as 137 i64 words");

void mumbaParallelRaise(long long record, int status) {
  struct MumbaParallelStatus *r = (struct MumbaParallelStatus *)record;
  long long expected = MUMBA_OK;
  /* Only the first raising iteration's exception reaches the caller. */
  if (!__atomic_compare_exchange_n(&r->status, &expected, (long long)status, 0,
                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return;
  memcpy(r->exceptionClass, lastClass, sizeof(lastClass));
  memcpy(r->message, lastMessage, sizeof(lastMessage));
}

int mumbaParallelStatus(long long record) {
  struct MumbaParallelStatus *r = (struct MumbaParallelStatus *)record;
  int status = (int)__atomic_load_n(&r->status, __ATOMIC_ACQUIRE);
  if (status != MUMBA_OK) {
    memcpy(lastClass, r->exceptionClass, sizeof(lastClass));
    memcpy(lastMessage, r->message, sizeof(lastMessage));
  }
  return status;
}

/* The lowest address this thread's compiled code may use, with 256 KiB
   left for Python and the runtime; found once per thread. */
static _Thread_local char *stackFloor;

int mumbaCheckStack(void) {
  char here;
  if (!stackFloor) {
    pthread_attr_t attr;
    void *low = 0;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &low, &size);
      pthread_attr_destroy(&attr);
    }
    /* Unknown bounds: assume 1 MiB below the first check. */
    stackFloor = low ? (char *)low + 256 * 1024 : &here - 1024 * 1024;
  }
  return &here < stackFloor ? MUMBA_RECURSION : MUMBA_OK;
}
