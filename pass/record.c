/* record.c — allocation sites as written, recorded when the pipeline starts.
 *
 * At -O2 LLVM deletes many malloc/free pairs before the escape pass runs;
 * the report must still name them.  The `escape-record` pass (run at the
 * pipeline's start) notes every allocation call's position and source text
 * (!escape.sites, the call carrying its record as !escape.site), the calls
 * that may turn out to be allocation wrappers (!escape.calls, wrapper.c),
 * for a site in a library header's function (the new in std::make_unique)
 * the user's calls that reach it (!escape.usercalls), and each parameter's
 * name and position (!escape.params).  The records' fields, writers and
 * readers are in schema.c; what the report makes of them, in ledger.c.
 * Exercised by test/report/Report_forms.c (sites LLVM removed),
 * test/report/Removed_library_inlined.cpp (user calls) and test/lto/.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* args_text: the call's arguments as the report writes them. */
static char **args_text(LLVMValueRef call, int *n) {
  char arg[128];
  *n = (int)LLVMGetNumArgOperands(call);
  char **args = esc_alloc(((size_t)*n + 1) * sizeof *args);
  for (int k = 0; k < *n; k++) {
    esc_arg_text(LLVMGetOperand(call, (unsigned)k), arg, sizeof arg);
    args[k] = esc_strdup(arg);
  }
  return args;
}

static void args_free(char **args, int n) {
  for (int k = 0; k < n; k++)
    free(args[k]);
  free(args);
}

/* record_params notes each parameter's name and declaration position while
 * the declarations still carry their columns. */
static void record_params(LLVMModuleRef M) {
  esc_srcfiles src = {0};
  esc_srcfiles_input(&src, M);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    unsigned n = LLVMCountParams(fn);
    for (unsigned i = 0; i < n; i++) {
      char name[256], file[1024], dir[1024];
      unsigned line = 0, col = 0;
      if (!escb_param_debug(fn, i, name, sizeof name, file, dir, sizeof file, &line, &col))
        continue;
      if (!col)
        col = esc_source_column(&src, dir, file, line, name);
      esc_fn_path(fn, file, dir, sizeof file);
      size_t fl = 0;
      esc_param p = {(char *)LLVMGetValueName2(fn, &fl), name, file, i, line, col};
      esc_schema_param_write(M, &p);
    }
  }
  esc_srcfiles_free(&src);
}

/* record_calls notes direct calls of functions returning a pointer that
 * are neither allocators nor the C library's: any of them may be an
 * allocation wrapper once the program is linked. */
static void record_calls(LLVMModuleRef M, escb_ctx *ctx) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i) {
        if (!esc_is_call(i) || !esc_is_pointer(i))
          continue;
        LLVMValueRef callee = LLVMGetCalledValue(i);
        if (!LLVMIsAFunction(callee) || LLVMGetIntrinsicID(callee) ||
            escb_is_library_call(ctx, i) || !LLVMGetDebugLocLine(i))
          continue;
        esc_callinfo ci;
        if (esc_is_alloc_site(ctx, i, &ci))
          continue;
        char file[1024];
        esc_inst_path(i, file, sizeof file);
        char cname[256];
        escb_source_name(callee, cname, sizeof cname);
        esc_site c;
        memset(&c, 0, sizeof c);
        c.file = esc_strdup(file);
        c.line = LLVMGetDebugLocLine(i);
        c.col = LLVMGetDebugLocColumn(i);
        c.callee = cname;
        c.args = args_text(i, &c.nargs);
        esc_schema_call_write(M, &c);
        free(c.file);
        args_free(c.args, c.nargs);
      }
}

/* record_user_calls: for a site, the calls that reach its function,
 * directly or through other functions (make_shared -> allocate_shared ->
 * ... -> new; a helper called by a helper), and those functions (the
 * chain).  Calls made in library headers are walked through, not noted.
 * At the pipeline's start nothing is inlined yet; once the inliner has
 * copied the site into a caller, the copy is reported at the call in the
 * function that holds it (ledger.c's place), and a copy LLVM then deletes
 * is reported there from these records (ledger.c).  Budgets: the
 * functions walked and the calls noted per site (fewer for a site in the
 * user's code, which every caller of a small helper reaches). */
#define ESC_USERCALL_FNS 32
#define ESC_USERCALL_MAX 4096
#define ESC_USERCALL_MAX_OWN 512
static void record_user_calls(LLVMModuleRef M, LLVMValueRef call, LLVMMetadataRef site) {
  const int max = esc_in_library_header(call) ? ESC_USERCALL_MAX : ESC_USERCALL_MAX_OWN;
  LLVMValueRef fns[ESC_USERCALL_FNS];
  LLVMValueRef *calls = NULL;
  int nfns = 0, ncalls = 0, cap = 0;
  fns[nfns++] = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
  for (int k = 0; k < nfns && ncalls < max; k++)
    for (LLVMUseRef u = LLVMGetFirstUse(fns[k]); u && ncalls < max; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (!LLVMIsAInstruction(user) || !esc_is_call(user) ||
          LLVMGetCalledValue(user) != fns[k])
        continue;
      LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
      int known = 0;
      for (int j = 0; j < nfns; j++)
        known |= fns[j] == caller;
      if (!known && nfns < ESC_USERCALL_FNS) /* walk up: its callers may inline it */
        fns[nfns++] = caller;
      if (!esc_in_library_header(user) && LLVMGetDebugLocLine(user))
        ESC_PUSH(calls, ncalls, cap, user);
    }
  if (!ncalls)
    return;
  const char *names[ESC_USERCALL_FNS];
  for (int k = 0; k < nfns; k++) {
    size_t len = 0;
    names[k] = LLVMGetValueName2(fns[k], &len);
  }
  LLVMMetadataRef chain = esc_schema_chain(M, names, nfns);
  for (int k = 0; k < ncalls; k++) {
    char file[1024];
    esc_inst_path(calls[k], file, sizeof file);
    size_t cl = 0;
    esc_usercall uc;
    memset(&uc, 0, sizeof uc);
    uc.file = esc_strdup(file);
    uc.line = LLVMGetDebugLocLine(calls[k]);
    uc.col = LLVMGetDebugLocColumn(calls[k]);
    uc.caller = (char *)LLVMGetValueName2(
        LLVMGetBasicBlockParent(LLVMGetInstructionParent(calls[k])), &cl);
    uc.callee = (char *)LLVMGetValueName2(LLVMGetCalledValue(calls[k]), &cl);
    esc_schema_usercall_write(M, site, chain, &uc);
    free(uc.file);
  }
  free(calls);
}

void esc_record_sites(LLVMModuleRef M, escb_ctx *ctx, const esc_options *opt) {
  if (esc_schema_recorded(M))
    return; /* already recorded (the pipeline ran twice) */
  record_params(M);
  int id = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i) {
        esc_callinfo ci;
        if (!esc_is_call(i) || !esc_is_alloc_site(ctx, i, &ci))
          continue;
        char fname[1024], callee[256];
        esc_inst_path(i, fname, sizeof fname);
        escb_display_name(LLVMGetCalledValue(i), callee, sizeof callee);
        size_t fnlen = 0;
        esc_site s;
        memset(&s, 0, sizeof s);
        s.id = ++id;
        s.file = fname;
        s.line = LLVMGetDebugLocLine(i);
        s.col = LLVMGetDebugLocColumn(i);
        s.callee = callee;
        s.fn = (char *)LLVMGetValueName2(fn, &fnlen);
        s.args = args_text(i, &s.nargs);
        LLVMMetadataRef node = esc_schema_site_write(M, i, &s);
        args_free(s.args, s.nargs);
        record_user_calls(M, i, node);
      }
  record_calls(M, ctx);
  /* Compiled for -flto (clang marks such modules): the analysis waits for
   * the link, where every translation unit is visible. */
  if (LLVMGetModuleFlag(M, "EnableSplitLTOUnit", strlen("EnableSplitLTOUnit"))) {
    esc_lto_set(M, ESC_LTO_PRELINK);
    esc_lto_save_options(M, opt);
  }
}
