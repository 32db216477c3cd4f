// Refused_prototype: a call of a function named as the C library's
// allocator or free that LLVM does not take for it gets a line of its own,
// so that the report is never silent about a malloc the user wrote. Olden's
// and MallocBench's K&R declarations (`extern void *malloc(unsigned)`,
// `extern int free();`) give them another prototype; -fno-builtin-malloc
// turns malloc off for the compile (the REFUSED run). Such a call is no
// allocation site and no free: the objects stay on the heap. Negative: with
// the library's own declarations (the STD run, -DSTD) the same code's
// objects move, and no such line is printed. The whole -m=1 report is
// checked each time.
// RUN: %report -m=1 %s | FileCheck %s --check-prefix=KR --match-full-lines \
// RUN:   --strict-whitespace --implicit-check-not='{{.}}'
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=KR --match-full-lines \
// RUN:   --strict-whitespace --implicit-check-not='{{.}}'
// RUN: %report -m=1 %s -DSTD | FileCheck %s --check-prefix=STD --match-full-lines \
// RUN:   --strict-whitespace --implicit-check-not='{{.}}'
// RUN: %report -m=1 %s -DSTD -fno-builtin-malloc | FileCheck %s --check-prefix=REFUSED \
// RUN:   --match-full-lines --strict-whitespace --implicit-check-not='{{.}}'
#ifdef STD
#include <stdlib.h>
#else
extern void *malloc(unsigned);
extern int free();
#endif

int sum(int n) {
  int *tmp = malloc(16 * sizeof(int));
  for (int i = 0; i < 16; i++)
    tmp[i] = i * n;
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += tmp[i] ^ (s << 1);
  free(tmp);
  return s;
}

// KR:Refused_prototype.c:27:14: malloc(64) is not the C library's malloc: declared as ptr (i32) in this module
// KR-NEXT:Refused_prototype.c:33:3: free(tmp) is not the C library's free: declared as i32 (...) in this module
// STD:Refused_prototype.c:27:14: malloc(64) does not escape
// REFUSED:Refused_prototype.c:27:14: malloc(64) is not the C library's malloc here (-fno-builtin or -ffreestanding)
