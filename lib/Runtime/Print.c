/*===- Print.c - Python's print for compiled code -------------------------===*/
#include "mumba/Runtime/Print.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The line being printed by this thread. */
static _Thread_local char line[4096];
static _Thread_local size_t lineLength;

static void flushLine(void) {
  fwrite(line, 1, lineLength, stdout);
  fflush(stdout);
  lineLength = 0;
}

static void append(const char *text, size_t n) {
  while (n > 0) {
    size_t room = sizeof(line) - lineLength;
    if (room == 0) {
      /* A very long line goes out in pieces. */
      fwrite(line, 1, lineLength, stdout);
      lineLength = 0;
      room = sizeof(line);
    }
    size_t take = n < room ? n : room;
    memcpy(line + lineLength, text, take);
    lineLength += take;
    text += take;
    n -= take;
  }
}

static void appendText(const char *text) { append(text, strlen(text)); }

int mumbaFormatFloat(char *out, double x, int isFloat32, int addDot0) {
  if (isnan(x))
    return snprintf(out, 64, "nan");
  if (isinf(x))
    return snprintf(out, 64, x < 0 ? "-inf" : "inf");
  if (x == 0)
    return snprintf(out, 64, "%s0%s", signbit(x) ? "-" : "",
                    addDot0 ? ".0" : "");
  /* The fewest significant digits that read back as the same number. */
  char sci[64];
  int maxDigits = isFloat32 ? 9 : 17;
  for (int digits = 1; digits <= maxDigits; ++digits) {
    snprintf(sci, sizeof(sci), "%.*e", digits - 1, x);
    if (isFloat32 ? (float)strtod(sci, NULL) == (float)x
                  : strtod(sci, NULL) == x)
      break;
  }
  /* sci is [-]d[.ddd]e[+-]xx: split into sign, digits and exponent. */
  const char *p = sci;
  int negative = *p == '-';
  if (negative)
    ++p;
  char digits[32];
  int n = 0;
  for (; *p && *p != 'e'; ++p)
    if (*p != '.')
      digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0')
    --n;
  digits[n] = 0;
  int exponent = atoi(p + 1);
  int decpt = exponent + 1;
  char *o = out;
  if (negative)
    *o++ = '-';
  if (decpt > -4 && decpt <= 16) {
    /* Positional, as Python's repr between 1e-4 and 1e16. */
    if (decpt <= 0) {
      *o++ = '0';
      *o++ = '.';
      for (int i = 0; i < -decpt; ++i)
        *o++ = '0';
      memcpy(o, digits, n);
      o += n;
    } else if (decpt >= n) {
      memcpy(o, digits, n);
      o += n;
      for (int i = n; i < decpt; ++i)
        *o++ = '0';
      if (addDot0) {
        *o++ = '.';
        *o++ = '0';
      }
    } else {
      memcpy(o, digits, decpt);
      o += decpt;
      *o++ = '.';
      memcpy(o, digits + decpt, n - decpt);
      o += n - decpt;
    }
    *o = 0;
    return (int)(o - out);
  }
  *o++ = digits[0];
  if (n > 1) {
    *o++ = '.';
    memcpy(o, digits + 1, n - 1);
    o += n - 1;
  }
  o += sprintf(o, "e%c%02d", exponent < 0 ? '-' : '+',
               exponent < 0 ? -exponent : exponent);
  return (int)(o - out);
}

/* Python's repr of a complex: `imj` when the real part is +0, else
   `(re+imj)`, the parts without a trailing ".0". */
static void appendComplex(double re, double im, int isFloat32) {
  char buf[160], reText[64], imText[64];
  mumbaFormatFloat(imText, im, isFloat32, 0);
  if (re == 0 && !signbit(re)) {
    snprintf(buf, sizeof(buf), "%sj", imText);
  } else {
    mumbaFormatFloat(reText, re, isFloat32, 0);
    const char *sign = imText[0] == '-' ? "" : "+";
    snprintf(buf, sizeof(buf), "(%s%s%sj)", reText, sign, imText);
  }
  appendText(buf);
}

void mumbaPrint(int kind, long long ivalue, double re, double im) {
  char buf[64];
  switch (kind) {
  case MUMBA_PRINT_END:
    appendText((const char *)(size_t)ivalue);
    flushLine();
    return;
  case MUMBA_PRINT_TEXT:
    appendText((const char *)(size_t)ivalue);
    return;
  case MUMBA_PRINT_INT:
    snprintf(buf, sizeof(buf), "%lld", ivalue);
    break;
  case MUMBA_PRINT_UINT:
    snprintf(buf, sizeof(buf), "%llu", (unsigned long long)ivalue);
    break;
  case MUMBA_PRINT_BOOL:
    snprintf(buf, sizeof(buf), "%s", ivalue ? "True" : "False");
    break;
  case MUMBA_PRINT_FLOAT64:
  case MUMBA_PRINT_FLOAT32:
    mumbaFormatFloat(buf, re, kind == MUMBA_PRINT_FLOAT32, 1);
    break;
  case MUMBA_PRINT_NONE:
    snprintf(buf, sizeof(buf), "None");
    break;
  case MUMBA_PRINT_COMPLEX128:
  case MUMBA_PRINT_COMPLEX64:
    appendComplex(re, im, kind == MUMBA_PRINT_COMPLEX64);
    return;
  default:
    snprintf(buf, sizeof(buf), "<?>");
    break;
  }
  appendText(buf);
}
