/* libcode.h — code of the C or C++ library's headers, and the user's
 * position of code inlined from them (libcode.c). */
#ifndef ESC_LIBCODE_H
#define ESC_LIBCODE_H

#include <llvm-c/Core.h>
#include <stddef.h>

/* esc_user_debug_loc: where the user's code made the call: its debug
 * location, or when that is inside a library header (make_unique's new)
 * the first inlined-at location in the user's files.  File as clang names
 * it; 0 without a location. */
int esc_user_debug_loc(LLVMValueRef inst, char *file, size_t n, unsigned *line,
                       unsigned *col);
/* esc_in_library_header: the instruction's own debug location is in a
 * library header. */
int esc_in_library_header(LLVMValueRef inst);

#endif
