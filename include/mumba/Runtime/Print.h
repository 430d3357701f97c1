/*===- Print.h - Python's print for compiled code ---------------*- C -*-===*\
|*                                                                          *|
|* nb.print lowers to one mumbaPrint call per piece of the line: values,    *|
|* separators and literal text, then the end. The line is buffered per     *|
|* thread and written to stdout at once, so that threads do not interleave *|
|* within a line. Numbers print as Python's str() does.                    *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_PRINT_H
#define MUMBA_RUNTIME_PRINT_H

#ifdef __cplusplus
extern "C" {
#endif

enum MumbaPrintKind {
  MUMBA_PRINT_END = 0,     /* text at address `ivalue`, then write the line */
  MUMBA_PRINT_TEXT = 1,    /* a NUL-terminated string at address `ivalue` */
  MUMBA_PRINT_INT = 2,     /* `ivalue` as a signed integer */
  MUMBA_PRINT_UINT = 3,    /* `ivalue` as an unsigned integer */
  MUMBA_PRINT_BOOL = 4,    /* True or False */
  MUMBA_PRINT_FLOAT64 = 5, /* `re`, shortest repr that round-trips */
  MUMBA_PRINT_FLOAT32 = 6, /* `re` as a float32, as NumPy prints it */
  MUMBA_PRINT_NONE = 7,    /* None */
  MUMBA_PRINT_COMPLEX128 = 8, /* `re` + `im` j, as Python's complex */
  MUMBA_PRINT_COMPLEX64 = 9,  /* the same with float32 parts */
};

/* Appends one piece to this thread's line; MUMBA_PRINT_END writes it. */
void mumbaPrint(int kind, long long ivalue, double re, double im);

/* Formats `x` as Python's repr() of a float (`isFloat32`: of a NumPy
   float32), with ".0" added to integral values when `addDot0`. Returns the
   length written to `out` (at most 63 characters and the NUL). */
int mumbaFormatFloat(char *out, double x, int isFloat32, int addDot0);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_PRINT_H */
