// Param_into_lto: a store through a parameter, into the caller's object,
// across files (Inputs/param_into: push in list.c, its caller main in
// main.c).  Per file, main sees only push's declaration and its objects
// stay on the heap; at a full -flto link push's summary is read from the
// module of every file, and main's item pushed onto main's own list moves
// to the stack, while the one pushed onto the global list (push_global)
// stays on the heap.  A ThinLTO backend does not import a noinline body:
// main's module has no summary of push, so its objects stay on the heap.
// The three programs print what the plain build prints, the full one under
// ASan as well.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %lto-build perfile %t/perfile %S/Inputs/param_into list.c main.c > %t/perfile.report
// RUN: FileCheck %s --check-prefixes=COMMON,PERFILE --input-file=%t/perfile.report --match-full-lines --implicit-check-not='{{.}}'
// RUN: %lto-build full %t/full %S/Inputs/param_into list.c main.c -- -mllvm -escape-m=2 > %t/full.report
// RUN: FileCheck %s --check-prefix=FULL --input-file=%t/full.report --match-full-lines --implicit-check-not='{{.}}'
// RUN: %lto-build thin %t/thin %S/Inputs/param_into list.c main.c > %t/thin.report
// RUN: FileCheck %s --check-prefixes=COMMON,PERFILE --input-file=%t/thin.report --match-full-lines --implicit-check-not='{{.}}'
// RUN: cd %S/Inputs/param_into && %clang -O2 -w list.c main.c -o %t/plain
// RUN: %t/plain > %t/plain.out
// RUN: %t/perfile > %t/perfile.out
// RUN: %t/full > %t/full.out
// RUN: %t/thin > %t/thin.out
// RUN: diff %t/plain.out %t/perfile.out
// RUN: diff %t/plain.out %t/full.out
// RUN: diff %t/plain.out %t/thin.out
// RUN: %lto-build full %t/asan %S/Inputs/param_into list.c main.c -- -fsanitize=address -fno-omit-frame-pointer > /dev/null
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t/asan > %t/asan.out 2> %t/asan.err
// RUN: diff %t/plain.out %t/asan.out
// RUN: not grep AddressSanitizer %t/asan.err
//
// COMMON:      list.c:4:50: leaking param: l to content of it level=1
// COMMON-NEXT: list.c:4:66: leaking param: it to content of l level=0
// COMMON-NEXT: list.c:10:57: leaking param: it
// PERFILE-NEXT: main.c:10:20: malloc(16) escapes to heap
// PERFILE-NEXT: main.c:13:20: malloc(16) escapes to heap
//
// FULL:      list.c:4:50: leaking param: l to content of it level=1:
// FULL-NEXT: list.c:4:50:   stored into *it at list.c:5:12
// FULL-NEXT: list.c:4:66: leaking param: it to content of l level=0:
// FULL-NEXT: list.c:4:66:   stored into *l at list.c:6:11
// FULL-NEXT: list.c:10:57: leaking param: it:
// FULL-NEXT: list.c:10:57:   parameter it leaks to {heap} with derefs=0:
// FULL-NEXT: list.c:10:57:     flow: {heap} = it:
// FULL-NEXT: list.c:10:57:       from it (stored to global g_list by push at list.c:6:11) at list.c:10:63
// FULL-NEXT: main.c:10:20: malloc(16) does not escape
// FULL-NEXT: main.c:13:20: malloc(16) escapes to heap:
// FULL-NEXT: main.c:13:20:   flow: {heap} = g:
// FULL-NEXT: main.c:13:20:     from g (passed to parameter 0 of push_global, which leaks it) at main.c:15:3
