/* drainflow.h — drain.c's facts about functions and the head's value
 * (drainflow.c). */
#ifndef ESC_DRAINFLOW_H
#define ESC_DRAINFLOW_H

#include "bridge.h"
#include "util.h"

/* esc_main_only: per defined function (as indexed in *index),
 * 1 when it runs only in main's thread, within main: main, when the
 * module is the whole program (`whole`: the full-LTO link) and none of its
 * code calls main, or an internal function whose address is never taken
 * and whose callers all are such functions.  Compiled file by file, another
 * file may call main, on another thread too; at the link, the program is
 * taken to be its bitcode and the C library (a native object that calls
 * main is the one way around it: C++ forbids calling main). */
signed char *esc_main_only(LLVMModuleRef M, int whole, esc_ptrmap *index);
/* esc_returns_twice_anywhere: some call in the module may return twice. */
int esc_returns_twice_anywhere(LLVMModuleRef M);
/* esc_head_writers: per defined function, 1 when it may store g. */
char *esc_head_writers(LLVMValueRef g, const esc_ptrmap *index, int n, LLVMModuleRef M);
/* esc_head_null_at_returns: g is null at every return of fn (w: the
 * writers). */
int esc_head_null_at_returns(LLVMValueRef g, LLVMValueRef fn, const esc_ptrmap *index,
                             const char *w);

#endif
