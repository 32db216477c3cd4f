// Lib_socket_regex: positive beside negative. Library calls that fill or
// read the caller's objects and keep nothing (libmodel.c's socket, poll,
// pipe, regex and multibyte rows): an address parsed with inet_pton and
// printed back with inet_ntop, poll's array and pipe's pair, a regex_t
// with regcomp, regexec and regfree, a wide string from mbstowcs, all on
// the stack.  The negative: a string stored into the list getaddrinfo made
// (w: *res is the library's memory, what is stored there escapes), which
// freeaddrinfo frees, stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: 10.1.2.3
// OUT-NEXT: 1
// OUT-NEXT: 206
// OUT-NEXT: 4
// OUT-NEXT: exit status: 0
// CHECK: Lib_socket_regex.c:36:23: malloc(4) does not escape
// CHECK-NEXT: Lib_socket_regex.c:37:16: malloc(16) does not escape
// CHECK-NEXT: Lib_socket_regex.c:42:14: malloc(8) does not escape
// CHECK-NEXT: Lib_socket_regex.c:43:22: malloc(8) does not escape
// CHECK-NEXT: Lib_socket_regex.c:58:17: malloc(64) does not escape
// CHECK-NEXT: Lib_socket_regex.c:59:19: malloc(16) does not escape
// CHECK-NEXT: Lib_socket_regex.c:68:16: malloc(64) does not escape
// CHECK-NEXT: Lib_socket_regex.c:77:16: malloc(16) escapes to heap
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

__attribute__((noinline)) int sockets(void) {
  struct in_addr *a = malloc(sizeof *a);
  char *text = malloc(INET_ADDRSTRLEN);
  int ok = inet_pton(AF_INET, "10.1.2.3", a) == 1 && inet_ntop(AF_INET, a, text, INET_ADDRSTRLEN);
  printf("%s\n", ok ? text : "(none)");
  free(text);
  free(a);
  int *fds = malloc(2 * sizeof *fds);
  struct pollfd *p = malloc(sizeof *p);
  int n = -1;
  if (pipe(fds) == 0) {
    p->fd = fds[1];
    p->events = POLLOUT;
    n = poll(p, 1, 0);
    close(fds[0]);
    close(fds[1]);
  }
  free(p);
  free(fds);
  return n;
}

__attribute__((noinline)) int patterns(const char *s) {
  regex_t *re = malloc(sizeof *re);
  regmatch_t *m = malloc(2 * sizeof *m);
  int at = -1;
  if (regcomp(re, "b+", REG_EXTENDED) == 0) {
    if (regexec(re, s, 2, m, 0) == 0)
      at = (int)m[0].rm_so;
    regfree(re);
  }
  free(m);
  free(re);
  wchar_t *w = malloc(16 * sizeof *w);
  size_t len = mbstowcs(w, s, 16);
  free(w);
  return at * 100 + (int)len;
}

/* The negative: name goes into the library's list, and freeaddrinfo frees
 * ai_canonname. */
__attribute__((noinline)) int into_library(void) {
  char *name = malloc(16);
  strcpy(name, "mine");
  struct addrinfo hints, *res = 0;
  memset(&hints, 0, sizeof hints);
  hints.ai_flags = AI_NUMERICHOST;
  hints.ai_family = AF_INET;
  if (getaddrinfo("127.0.0.1", NULL, &hints, &res) != 0 || !res) {
    free(name);
    return -1;
  }
  free(res->ai_canonname);
  res->ai_canonname = name;
  int n = (int)strlen(res->ai_canonname);
  freeaddrinfo(res);
  return n;
}

int main(void) {
  printf("%d\n", sockets());
  printf("%d\n", patterns("aabbbc"));
  printf("%d\n", into_library());
  return 0;
}
