/*===- Broadcast.c - NumPy's message for shapes that do not broadcast ----===*/
#include "mumba/Runtime/Status.h"
#include <stdio.h>
#include <string.h>

/* Appends "(3, 4)" (NumPy's tuple spelling, "(3,)" for one extent) for the
   shape at `shape` to `out`; returns the shape's end. */
static const long long *appendShape(const long long *shape, char *out,
                                    size_t size) {
  long long rank = *shape++;
  size_t used = strlen(out);
  used += snprintf(out + used, used < size ? size - used : 0, "(");
  for (long long d = 0; d < rank; ++d)
    used += snprintf(out + used, used < size ? size - used : 0, "%s%lld",
                     d ? "," : "", shape[d]);
  snprintf(out + used, used < size ? size - used : 0, rank == 1 ? ",)" : ")");
  return shape + rank;
}

void mumbaRaiseBroadcast(long long shapes, long long count, long long kind) {
  const long long *shape = (const long long *)shapes;
  char message[512];
  if (kind == 1) {
    snprintf(message, sizeof(message),
             "could not broadcast input array from shape ");
    shape = appendShape(shape, message, sizeof(message));
    strncat(message, " into shape ", sizeof(message) - strlen(message) - 1);
    appendShape(shape, message, sizeof(message));
  } else {
    snprintf(message, sizeof(message),
             "operands could not be broadcast together with shapes ");
    for (long long i = 0; i < count; ++i) {
      shape = appendShape(shape, message, sizeof(message));
      strncat(message, " ", sizeof(message) - strlen(message) - 1);
    }
  }
  mumbaRaiseUser((long long)"ValueError", (long long)message);
}
