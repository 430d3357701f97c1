/*===- Status.h - Status codes of compiled functions ------------*- C -*-===*\
|*                                                                          *|
|* Every compiled function returns one of these codes before its results;  *|
|* the dispatcher turns a non-zero code into the Python exception.         *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_STATUS_H
#define MUMBA_RUNTIME_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

enum MumbaStatus {
  MUMBA_OK = 0,
  MUMBA_ZERO_DIV_INT = 1,        /* int // 0 */
  MUMBA_ZERO_MOD_INT = 2,        /* int % 0 */
  MUMBA_ZERO_TRUEDIV = 3,        /* int / 0 */
  MUMBA_ZERO_DIV_FLOAT = 4,      /* float / 0.0 */
  MUMBA_ZERO_FLOORDIV_FLOAT = 5, /* float // 0.0 */
  MUMBA_ZERO_MOD_FLOAT = 6,      /* float % 0.0 */
  MUMBA_RANGE_STEP_ZERO = 7,     /* range(a, b, 0) */
  MUMBA_INDEX_ERROR = 8,         /* a[i] out of bounds, details recorded */
  MUMBA_NEGATIVE_DIMENSIONS = 9, /* np.empty(-1) */
  MUMBA_ZERO_NEGATIVE_POWER = 10, /* 0 ** -1 */
  MUMBA_USER_EXCEPTION = 11,      /* raise/assert; class and message recorded */
  MUMBA_SLICE_STEP_ZERO = 12,     /* a[::0] */
  MUMBA_POW_MODULUS = 13,        /* pow(a, b, 0) or pow(a, -b, m) */
  MUMBA_RECURSION = 14,          /* the thread's stack is nearly full */
  MUMBA_LINALG_ERROR = 15,       /* numpy.linalg.LinAlgError, message recorded */
  MUMBA_RANDOM_ERROR = 16,       /* np.random parameters; details recorded */
  MUMBA_RAISE_ARGS = 17,         /* raise/assert; class and args recorded */
  MUMBA_ARRAY_TOO_BIG = 18,      /* itemsize * extents overflows an intp */
  MUMBA_NO_MEMORY = 19,          /* allocation failed; message recorded */
  MUMBA_STATUS_COUNT
};

/* The Python exception class a status stands for. */
enum MumbaExceptionKind {
  MUMBA_EXC_NONE = 0,
  MUMBA_EXC_ZERO_DIVISION = 1,
  MUMBA_EXC_VALUE = 2,
  MUMBA_EXC_INDEX = 3,
  MUMBA_EXC_RECORDED = 4, /* the class named by mumbaRecordedExceptionClass */
  MUMBA_EXC_RECURSION = 5,
  MUMBA_EXC_LINALG = 6, /* numpy.linalg.LinAlgError */
  /* The class named by mumbaRecordedExceptionClass, called with the
     arguments whose Python tuple literal mumbaStatusMessage gives. */
  MUMBA_EXC_RECORDED_ARGS = 7,
};

/* The exception class and message Python itself would give. Statuses with
   details (MUMBA_INDEX_ERROR) take the message that compiled code recorded
   on this thread, once. */
enum MumbaExceptionKind mumbaStatusException(int status);
const char *mumbaStatusMessage(int status);

/* Called by compiled code with boundscheck before it returns
   MUMBA_INDEX_ERROR: records NumPy's message for this thread. */
void mumbaRaiseIndexError(long long index, long long axis, long long size);

/* Called by compiled code before it returns MUMBA_USER_EXCEPTION: records
   the builtin exception class's name and the message (NUL-terminated
   strings, passed as addresses). Before MUMBA_RAISE_ARGS the second string
   is the literal of the exception's arguments, `()` or `('bad', 2)`. */
void mumbaRaiseUser(long long excClass, long long message);

/* Called on entry to compiled functions that recurse: MUMBA_RECURSION when
   the calling thread's stack is nearly exhausted, MUMBA_OK otherwise, so
   deep recursion raises RecursionError instead of overflowing the stack. */
int mumbaCheckStack(void);

/* Called by compiled code and the linear-algebra runtime before they
   return MUMBA_LINALG_ERROR: records the message (a NUL-terminated string,
   passed as its address) of numpy.linalg.LinAlgError for this thread. */
void mumbaRaiseLinAlg(long long message);

/* Called by compiled code before it returns MUMBA_USER_EXCEPTION for shapes
   that do not broadcast: records NumPy's ValueError. `shapes` is the
   address of `count` shapes, each its rank then its extents (int64);
   `kind` 0 names operands of an expression, 1 a source (first) stored
   into a destination (second). */
void mumbaRaiseBroadcast(long long shapes, long long count, long long kind);

/* The class name the last MUMBA_USER_EXCEPTION on this thread recorded. */
const char *mumbaRecordedExceptionClass(void);

/* The status of a parallel loop (docs/parallel.md): the first status an
   iteration raised on any thread, with the details that thread recorded.
   Compiled code keeps it on the stack of the thread that runs the loop
   and zeroes `status` before the loop starts. */
struct MumbaParallelStatus {
  long long status;
  char exceptionClass[64];
  char message[1024];
};

/* Called by an iteration of a parallel loop that raises `status`, on the
   thread that runs it, after the status's recorder: the first call for a
   record (passed as its address) keeps the status and this thread's
   details; later ones only see that it is taken. */
void mumbaParallelRaise(long long record, int status);

/* Called by the thread that ran a parallel loop, after every iteration is
   done: the record's status, whose details become this thread's. */
int mumbaParallelStatus(long long record);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_STATUS_H */
