/* libcode.c — which code is the C or C++ library's: a debug location in
 * the distribution's include trees (a header such as <memory>, whose
 * make_unique holds the `new`), and the position in the user's code of a
 * call made there.  The one home of the include-tree rule; read with the
 * LLVM-C debug-info API.  Exercised by test/report/Removed_library_inlined.cpp.
 */
#include "internal.h"

#include <llvm-c/DebugInfo.h>
#include <string.h>

/* file_of: a location's file name as clang wrote it, and its directory. */
static const char *file_of(LLVMMetadataRef loc, const char **dir, unsigned *dn,
                           unsigned *n) {
  LLVMMetadataRef scope = LLVMDILocationGetScope(loc);
  LLVMMetadataRef file = scope ? LLVMDIScopeGetFile(scope) : NULL;
  *n = *dn = 0;
  *dir = "";
  if (!file)
    return "";
  *dir = LLVMDIFileGetDirectory(file, dn);
  return LLVMDIFileGetFilename(file, n);
}

static int starts(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}

/* normalize: an absolute path's "." and ".." components resolved in
 * place, as written (no symlinks): clang-16 names libstdc++'s headers
 * /usr/bin/../lib/gcc/..., clang-19 /usr/lib/gcc/...  Returns the new
 * length. */
static size_t normalize(char *p, size_t len) {
  size_t out = 0, i = 0;
  while (i < len) {
    while (i < len && p[i] == '/')
      i++;
    size_t start = i;
    while (i < len && p[i] != '/')
      i++;
    size_t k = i - start;
    if (k == 0 || (k == 1 && p[start] == '.'))
      continue;
    if (k == 2 && p[start] == '.' && p[start + 1] == '.') {
      while (out > 0 && p[out - 1] != '/')
        out--;
      if (out > 0)
        out--; /* the slash before the dropped component */
      continue;
    }
    p[out++] = '/';
    memmove(p + out, p + start, k);
    out += k;
  }
  return out;
}

/* system_file: a header of the C or C++ library (the distribution's
 * include trees, /usr/include, /usr/lib's compiler headers and
 * /usr/local/include), not the user's code.  A relative name is taken
 * in its directory. */
static int system_file(LLVMMetadataRef loc) {
  const char *dir;
  unsigned dn, n;
  const char *name = file_of(loc, &dir, &dn, &n);
  char path[4096];
  size_t len = 0;
  if (n > 0 && name[0] == '/') {
    len = n < sizeof path ? n : sizeof path;
    memcpy(path, name, len);
  } else {
    /* dir + "/" + name, as llvm::sys::path::append joins them */
    len = dn < sizeof path ? dn : sizeof path;
    memcpy(path, dir, len);
    if (len > 0 && path[len - 1] != '/' && len < sizeof path)
      path[len++] = '/';
    size_t k = n < sizeof path - len ? n : sizeof path - len;
    memcpy(path + len, name, k);
    len += k;
  }
  if (len > 0 && path[0] == '/')
    len = normalize(path, len);
  return starts(path, len, "/usr/include/") || starts(path, len, "/usr/lib/") ||
         starts(path, len, "/usr/local/include/");
}

int esc_user_debug_loc(LLVMValueRef inst, char *file, size_t n, unsigned *line,
                       unsigned *col) {
  LLVMMetadataRef l = LLVMInstructionGetDebugLoc(inst);
  if (!l || !LLVMDILocationGetLine(l))
    return 0;
  LLVMMetadataRef u = l;
  while (u && system_file(u))
    u = LLVMDILocationGetInlinedAt(u);
  if (!u || !LLVMDILocationGetLine(u))
    u = l; /* all in library headers: where it is */
  esc_loc_path(u, file, n);
  *line = LLVMDILocationGetLine(u);
  *col = LLVMDILocationGetColumn(u);
  return 1;
}

int esc_in_library_header(LLVMValueRef inst) {
  LLVMMetadataRef l = LLVMInstructionGetDebugLoc(inst);
  return l && LLVMDILocationGetLine(l) && system_file(l);
}
