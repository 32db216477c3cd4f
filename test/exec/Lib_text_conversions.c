// Lib_text_conversions: negative. Library conversions that carry an
// address's bytes from one object into another, or out and back, found by
// a review: fprintf "%c" (which LLVM makes fputc) of digits made from an
// address, a number printed from a call's sret result, vsprintf's and
// strftime's format text, gmtime_r undone by timegm, mbstowcs, inet_pton.
// Each object stays on the heap (libmodel.c: <, x, c; no fputc row).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: fputc
// OUT-NEXT: sret
// OUT-NEXT: vsprintf
// OUT-NEXT: strftime
// OUT-NEXT: timegm
// OUT-NEXT: mbstowcs
// OUT-NEXT: inet_pton
// OUT-NEXT: exit status: 0
// CHECK: Lib_text_conversions.c:46:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_text_conversions.c:65:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_text_conversions.c:80:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_text_conversions.c:90:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_text_conversions.c:102:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_text_conversions.c:110:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_text_conversions.c:119:13: malloc(16) escapes to heap
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
char *G[7];
__attribute__((noinline)) void clobber(void) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = 'X';
}
static char *made(const char *text) {
  char *o = malloc(16);
  strcpy(o, text);
  return o;
}
/* LLVM turns fprintf "%c" into fputc(c, t): c is a number made from o. */
__attribute__((noinline)) void by_fputc(FILE *t) {
  char *o = made("fputc");
  uintptr_t v = (uintptr_t)o;
  for (int i = 0; i < 16; i++)
    fprintf(t, "%c", (int)('A' + ((v >> (4 * i)) & 15)));
  rewind(t);
  uintptr_t q = 0;
  for (int i = 0; i < 16; i++)
    q |= (uintptr_t)(fgetc(t) - 'A') << (4 * i);
  G[0] = (char *)q;
}
/* A call's result returned through memory (sret), printed as a number. */
struct big {
  uintptr_t a, b, c;
};
__attribute__((noinline)) struct big mk(char *o) {
  struct big r = {(uintptr_t)o, 1, 2};
  return r;
}
__attribute__((noinline)) void by_sret(FILE *t) {
  char *o = made("sret");
  fprintf(t, "%lx\n", (unsigned long)mk(o).a);
  rewind(t);
  unsigned long v = 0;
  if (fscanf(t, "%lx", &v) == 1)
    G[1] = (char *)(uintptr_t)v;
}
/* vsprintf copies its format's text into the buffer. */
__attribute__((noinline)) void format_into(char *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsprintf(buf, fmt, ap);
  va_end(ap);
}
__attribute__((noinline)) void by_vsprintf(void) {
  char *o = made("vsprintf");
  char fmt[32], buf[32];
  sprintf(fmt, "%p", (void *)o);
  format_into(buf, fmt);
  void *q = 0;
  sscanf(buf, "%p", &q);
  G[2] = q;
}
/* strftime copies its format's plain text. */
__attribute__((noinline)) void by_strftime(void) {
  char *o = made("strftime");
  char fmt[32], buf[64];
  sprintf(fmt, "%p", (void *)o);
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  strftime(buf, sizeof buf, fmt, &tm);
  void *q = 0;
  sscanf(buf, "%p", &q);
  G[3] = q;
}
/* gmtime_r and timegm undo each other. */
__attribute__((noinline)) void by_timegm(void) {
  char *o = made("timegm");
  time_t t = (time_t)(uintptr_t)o;
  struct tm tm;
  gmtime_r(&t, &tm);
  G[4] = (char *)(uintptr_t)timegm(&tm);
}
/* mbstowcs copies the text into wide characters. */
__attribute__((noinline)) void by_mbstowcs(void) {
  char *o = made("mbstowcs");
  char buf[64];
  wchar_t w[64];
  sprintf(buf, "%p", (void *)o);
  mbstowcs(w, buf, 64);
  G[5] = (char *)(uintptr_t)wcstoul(w, 0, 16);
}
/* inet_pton parses the text into the address's bytes. */
__attribute__((noinline)) void by_inet_pton(void) {
  char *o = made("inet_pton");
  uintptr_t v = (uintptr_t)o;
  char txt[64];
  sprintf(txt, "%x:%x:%x:%x::", (unsigned)(v >> 48) & 0xffff, (unsigned)(v >> 32) & 0xffff,
          (unsigned)(v >> 16) & 0xffff, (unsigned)v & 0xffff);
  struct in6_addr a;
  if (inet_pton(AF_INET6, txt, &a) != 1)
    return;
  uintptr_t q = 0;
  for (int i = 0; i < 8; i++)
    q = q << 8 | a.s6_addr[i];
  G[6] = (char *)q;
}
int main(void) {
  FILE *t = tmpfile();
  if (!t)
    return 1;
  by_fputc(t);
  rewind(t);
  by_sret(t);
  by_vsprintf();
  by_strftime();
  by_timegm();
  by_mbstowcs();
  by_inet_pton();
  clobber();
  for (int i = 0; i < 7; i++)
    printf("%s\n", G[i] ? G[i] : "(none)");
  for (int i = 0; i < 7; i++)
    free(G[i]);
  fclose(t);
  return 0;
}
