/* record.c — allocation sites as written, recorded when the pipeline starts.
 *
 * At -O2 LLVM deletes many malloc/free pairs before the escape pass runs;
 * the report must still name them.  The `escape-record` pass (run at the
 * pipeline's start) gives every allocation call an id (metadata
 * !escape.site) and notes its position and source text in the named
 * metadata !escape.sites:  !{i32 id, !"module", !"file", i32 line, i32 col,
 * !"callee", !"function", !"arg0", ...} (module: the source file of the
 * module it was recorded in).  The call's !escape.site is that node itself,
 * so modules merged at link time (-flto) keep their sites apart although
 * each numbered its own from 1.  Inlined copies keep the node; a recorded
 * site with no copy left was removed by the optimizer.  Calls that may turn
 * out to be allocation wrappers (pass/wrapper.c) are noted too, in
 * !escape.calls: !{!"module", !"file", i32 line, i32 col, !"callee",
 * !"arg0", ...}.  A site in a library header's function (the new in
 * std::make_unique) notes the user's calls that reach it, in
 * !escape.usercalls: !{site, !"file", i32 line, i32 col, !{!"fn", ...},
 * !"caller"} (the library functions between the call and the site); a copy
 * inlined there and deleted is reported at that call.
 * Exercised by test/report/Removed_by_optimizer.c and test/lto/.
 */
#include "internal.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SITES "escape.sites"
#define SITE "escape.site"
#define PARAMS "escape.params"
#define CALLS "escape.calls"
#define USERCALLS "escape.usercalls"

static void load_params(LLVMModuleRef M, esc_sites *s);
static void load_calls(LLVMModuleRef M, esc_sites *s);
static void load_usercalls(LLVMModuleRef M, esc_sites *s);
static unsigned md_uint(LLVMValueRef v);

int esc_is_alloc_site(escb_ctx *ctx, LLVMValueRef inst, escb_callinfo *ci) {
  esc_call_classify(ctx, inst, ci);
  return ci->kind == ESCB_CALL_ALLOC;
}

static unsigned site_kind(LLVMModuleRef M) {
  return LLVMGetMDKindIDInContext(LLVMGetModuleContext(M), SITE, strlen(SITE));
}

/* esc_arg_text: how the report writes an argument — a constant in decimal,
 * else the source variable it was loaded from or is bound to, else "...". */
void esc_arg_text(LLVMValueRef arg, char *buf, size_t n) {
  LLVMValueRef v = arg;
  if (LLVMIsAConstantInt(v)) {
    snprintf(buf, n, "%llu", LLVMConstIntGetZExtValue(v));
    return;
  }
  /* (LLVMIsConstantString casts unchecked: ask for a data sequential first;
   * a zero-initialized array is not one.) */
  if (LLVMIsAGlobalVariable(v) && LLVMIsGlobalConstant(v) && LLVMGetInitializer(v) &&
      LLVMIsAConstantDataSequential(LLVMGetInitializer(v)) &&
      LLVMIsConstantString(LLVMGetInitializer(v))) {
    size_t len = 0;
    const char *str = LLVMGetAsString(LLVMGetInitializer(v), &len);
    if (len && str[len - 1] == 0)
      len--;
    int printable = len <= 24;
    for (size_t i = 0; i < len && printable; i++)
      printable = str[i] >= 32 && str[i] < 127 && str[i] != '"' && str[i] != '\\';
    if (printable)
      snprintf(buf, n, "\"%.*s\"", (int)len, str);
    else
      snprintf(buf, n, "...");
    return;
  }
  if (LLVMIsAGlobalVariable(v)) { /* new (std::nothrow): the tag object's name */
    escb_display_name(v, buf, n);
    return;
  }
  if (LLVMIsAAllocaInst(v) && escb_value_var_name(v, buf + 1, n - 1)) {
    buf[0] = '&'; /* the address of a variable: posix_memalign(&p, ...) */
    return;
  }
  for (int depth = 0; depth < 4 && v; depth++) {
    if (escb_value_var_name(v, buf, n))
      return;
    if (LLVMIsATruncInst(v) || LLVMIsAZExtInst(v) || LLVMIsASExtInst(v))
      v = LLVMGetOperand(v, 0);
    else if (LLVMIsALoadInst(v))
      v = LLVMGetOperand(v, 0); /* the variable's alloca, before mem2reg */
    else
      break;
  }
  snprintf(buf, n, "...");
}

/* srcfile_load reads a source file whole, once: each line becomes a C
 * string (its '\n' replaced by NUL) and start[k] is where line k+1 begins.
 * A file that cannot be read is kept with no lines, so it is not tried
 * again.  (Reading the file from its top for every parameter made the
 * record pass quadratic: sqlite3.c at -O2 -g spent 6 s in it.) */
#define ESC_SRCFILE_MAX (64u << 20) /* larger files are not read */
static esc_srcfile *srcfile_load(esc_srcfiles *c, const char *path) {
  if (c->last >= 0 && c->last < c->n && strcmp(c->v[c->last].path, path) == 0)
    return &c->v[c->last];
  for (int k = 0; k < c->n; k++)
    if (strcmp(c->v[k].path, path) == 0) {
      c->last = k;
      return &c->v[k];
    }
  esc_srcfile f;
  memset(&f, 0, sizeof f);
  f.path = esc_strdup(path);
  FILE *fp = fopen(path, "rb");
  long size = -1;
  if (fp && fseek(fp, 0, SEEK_END) == 0)
    size = ftell(fp);
  if (fp && size >= 0 && (unsigned long)size <= ESC_SRCFILE_MAX && fseek(fp, 0, SEEK_SET) == 0) {
    f.text = esc_alloc((size_t)size + 1);
    size_t got = fread(f.text, 1, (size_t)size, fp);
    unsigned cap = 0;
    for (size_t at = 0; at < got;) {
      ESC_PUSH(f.start, f.nlines, cap, (unsigned)at);
      char *nl = memchr(f.text + at, '\n', got - at);
      if (!nl)
        break;
      *nl = 0;
      at = (size_t)(nl - f.text) + 1;
    }
  }
  if (fp)
    fclose(fp);
  ESC_PUSH(c->v, c->n, c->cap, f);
  c->last = c->n - 1;
  return &c->v[c->n - 1];
}

void esc_srcfiles_free(esc_srcfiles *c) {
  for (int k = 0; k < c->n; k++) {
    free(c->v[k].path);
    free(c->v[k].text);
    free(c->v[k].start);
  }
  free(c->v);
  memset(c, 0, sizeof *c);
}

/* esc_source_column: the column of identifier `name` on a line of a source
 * file, for parameters whose debug records lost their column (clang's
 * assignment tracking, on at -O2 -g, turns the declarations into
 * dbg_assign records at line 0 before the pipeline starts); 0 if the file
 * cannot be read or the name is not on that line.  Each file is read once
 * per cache c. */
unsigned esc_source_column(esc_srcfiles *c, const char *dir, const char *file,
                           unsigned line, const char *name) {
  char path[2048];
  if (file[0] == '/' || !dir || !dir[0])
    snprintf(path, sizeof path, "%s", file);
  else
    snprintf(path, sizeof path, "%s/%s", dir, file);
  const esc_srcfile *f = srcfile_load(c, path);
  if (line == 0 || line > f->nlines)
    return 0;
  const char *buf = f->text + f->start[line - 1];
  size_t len = strlen(name);
  if (!len)
    return 0;
  for (const char *p = strstr(buf, name); p; p = strstr(p + 1, name)) {
    int before = p > buf && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
    int after = isalnum((unsigned char)p[len]) || p[len] == '_';
    if (!before && !after)
      return (unsigned)(p - buf) + 1;
  }
  return 0;
}

static LLVMMetadataRef md_int(LLVMContextRef cx, uint64_t x) {
  return LLVMValueAsMetadata(LLVMConstInt(LLVMInt32TypeInContext(cx), x, 0));
}

LLVMValueRef *esc_named_md(LLVMModuleRef M, const char *name, unsigned *n) {
  *n = LLVMGetNamedMetadataNumOperands(M, name);
  if (!*n)
    return NULL;
  LLVMValueRef *nodes = esc_alloc(*n * sizeof *nodes);
  LLVMGetNamedMetadataOperands(M, name, nodes);
  return nodes;
}

LLVMValueRef *esc_md_node_ops(LLVMValueRef node, unsigned min, unsigned max, unsigned *n) {
  *n = 0;
  /* LLVMGetMDNodeNumOperands casts unchecked: ask for a node first (an
   * operand read from another node may be a plain constant, or null). */
  if (!node || !LLVMIsAMDNode(node) || LLVMIsAMDString(node))
    return NULL;
  unsigned k = LLVMGetMDNodeNumOperands(node);
  if (k < min || k > max)
    return NULL;
  LLVMValueRef *ops = esc_alloc((k ? k : 1) * sizeof *ops);
  LLVMGetMDNodeOperands(node, ops);
  *n = k;
  return ops;
}

int esc_md_is_string(LLVMValueRef v) {
  return v && LLVMIsAMDString(v) != NULL;
}

int esc_md_is_int(LLVMValueRef v) {
  return v && LLVMIsAConstantInt(v) != NULL;
}

LLVMMetadataRef esc_md_str(LLVMContextRef cx, const char *s) {
  return LLVMMDStringInContext2(cx, s, strlen(s));
}

/* record_params notes each parameter's name and declaration position while
 * the declarations still carry their columns: !{!"fn", i32 i, !"name",
 * !"file", i32 line, i32 col}. */
static void record_params(LLVMModuleRef M) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  esc_srcfiles src = {0};
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
      size_t fl = 0;
      const char *fname = LLVMGetValueName2(fn, &fl);
      LLVMMetadataRef ops[6] = {LLVMMDStringInContext2(cx, fname, fl), md_int(cx, i),
                                esc_md_str(cx, name),  esc_md_str(cx, file),
                                md_int(cx, line),  md_int(cx, col)};
      LLVMMetadataRef node = LLVMMDNodeInContext2(cx, ops, 6);
      LLVMAddNamedMetadataOperand(M, PARAMS, LLVMMetadataAsValue(cx, node));
    }
  }
  esc_srcfiles_free(&src);
}

/* module_name: the module's source file, which tells a ThinLTO backend its
 * own records from those imported with other modules' functions. */
static LLVMMetadataRef module_name(LLVMModuleRef M) {
  size_t n = 0;
  const char *s = LLVMGetSourceFileName(M, &n);
  return LLVMMDStringInContext2(LLVMGetModuleContext(M), s ? s : "", s ? n : 0);
}

/* record_calls notes direct calls of functions returning a pointer that
 * are neither allocators nor the C library's: any of them may be an
 * allocation wrapper once the program is linked. */
static void record_calls(LLVMModuleRef M, escb_ctx *ctx) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i) {
        if (!esc_is_call(i) || LLVMGetTypeKind(LLVMTypeOf(i)) != LLVMPointerTypeKind)
          continue;
        LLVMValueRef callee = LLVMGetCalledValue(i);
        if (!LLVMIsAFunction(callee) || LLVMGetIntrinsicID(callee) ||
            escb_is_library_call(ctx, i) || !LLVMGetDebugLocLine(i))
          continue;
        escb_callinfo ci;
        if (esc_is_alloc_site(ctx, i, &ci))
          continue;
        unsigned flen = 0;
        const char *file = LLVMGetDebugLocFilename(i, &flen);
        char arg[128];
        char cname[256];
        escb_source_name(callee, cname, sizeof cname);
        unsigned nargs = LLVMGetNumArgOperands(i);
        LLVMMetadataRef *ops = esc_alloc((5 + nargs) * sizeof *ops);
        ops[0] = module_name(M);
        ops[1] = LLVMMDStringInContext2(cx, file ? file : "", file ? flen : 0);
        ops[2] = md_int(cx, LLVMGetDebugLocLine(i));
        ops[3] = md_int(cx, LLVMGetDebugLocColumn(i));
        ops[4] = esc_md_str(cx, cname);
        for (unsigned k = 0; k < nargs; k++) {
          esc_arg_text(LLVMGetOperand(i, k), arg, sizeof arg);
          ops[5 + k] = esc_md_str(cx, arg);
        }
        LLVMMetadataRef node = LLVMMDNodeInContext2(cx, ops, 5 + nargs);
        LLVMAddNamedMetadataOperand(M, CALLS, LLVMMetadataAsValue(cx, node));
        free(ops);
      }
}

/* record_user_calls: for a site whose call is in a library header, the
 * calls in the user's files that reach its function, directly or through
 * other functions of library headers (make_shared -> allocate_shared ->
 * ... -> new), and those functions (the chain: !{!"name", ...}).  At the
 * pipeline's start nothing is inlined yet; once the inliner has copied the
 * site into the user's function, the copy's position is the user's call
 * (esc_user_debug_loc), and a copy LLVM then deletes is reported there
 * from these records (escape.c).  Budgets: the functions walked and the
 * calls noted per site. */
#define ESC_USERCALL_FNS 32
#define ESC_USERCALL_MAX 4096
static void record_user_calls(LLVMModuleRef M, LLVMValueRef call, LLVMMetadataRef site) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMValueRef fns[ESC_USERCALL_FNS];
  LLVMValueRef *calls = NULL;
  int nfns = 0, ncalls = 0, cap = 0;
  fns[nfns++] = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
  for (int k = 0; k < nfns && ncalls < ESC_USERCALL_MAX; k++)
    for (LLVMUseRef u = LLVMGetFirstUse(fns[k]); u && ncalls < ESC_USERCALL_MAX;
         u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (!LLVMIsAInstruction(user) || !esc_is_call(user) ||
          LLVMGetCalledValue(user) != fns[k])
        continue;
      LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
      if (esc_in_library_header(user)) { /* library code calls it: walk up */
        int known = 0;
        for (int j = 0; j < nfns; j++)
          known |= fns[j] == caller;
        if (!known && nfns < ESC_USERCALL_FNS)
          fns[nfns++] = caller;
      } else if (LLVMGetDebugLocLine(user)) {
        ESC_PUSH(calls, ncalls, cap, user);
      }
    }
  if (!ncalls)
    return;
  LLVMMetadataRef names[ESC_USERCALL_FNS];
  for (int k = 0; k < nfns; k++) {
    size_t len = 0;
    const char *name = LLVMGetValueName2(fns[k], &len);
    names[k] = LLVMMDStringInContext2(cx, name, len);
  }
  LLVMMetadataRef chain = LLVMMDNodeInContext2(cx, names, (size_t)nfns);
  for (int k = 0; k < ncalls; k++) {
    unsigned flen = 0;
    const char *file = LLVMGetDebugLocFilename(calls[k], &flen);
    size_t cl = 0;
    const char *cname = LLVMGetValueName2(
        LLVMGetBasicBlockParent(LLVMGetInstructionParent(calls[k])), &cl);
    LLVMMetadataRef ops[6] = {site, LLVMMDStringInContext2(cx, file ? file : "", file ? flen : 0),
                              md_int(cx, LLVMGetDebugLocLine(calls[k])),
                              md_int(cx, LLVMGetDebugLocColumn(calls[k])), chain,
                              LLVMMDStringInContext2(cx, cname, cl)};
    LLVMAddNamedMetadataOperand(M, USERCALLS,
                                LLVMMetadataAsValue(cx, LLVMMDNodeInContext2(cx, ops, 6)));
  }
  free(calls);
}

void esc_record_sites(LLVMModuleRef M, escb_ctx *ctx, const esc_options *opt) {
  if (LLVMGetNamedMetadataNumOperands(M, SITES) > 0 ||
      LLVMGetNamedMetadataNumOperands(M, PARAMS) > 0)
    return; /* already recorded (the pipeline ran twice) */
  record_params(M);
  LLVMContextRef cx = LLVMGetModuleContext(M);
  unsigned kind = site_kind(M);
  int id = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i) {
        escb_callinfo ci;
        if (!esc_is_call(i) || !esc_is_alloc_site(ctx, i, &ci))
          continue;
        unsigned flen = 0;
        const char *file = LLVMGetDebugLocFilename(i, &flen);
        char fname[1024], callee[256], arg[128];
        snprintf(fname, sizeof fname, "%.*s", (int)(file ? flen : 0), file ? file : "");
        escb_display_name(LLVMGetCalledValue(i), callee, sizeof callee);
        unsigned nargs = LLVMGetNumArgOperands(i);
        LLVMMetadataRef *ops = esc_alloc((7 + nargs) * sizeof *ops);
        ops[0] = md_int(cx, (uint64_t)++id);
        ops[1] = module_name(M);
        ops[2] = esc_md_str(cx, fname);
        ops[3] = md_int(cx, LLVMGetDebugLocLine(i));
        ops[4] = md_int(cx, LLVMGetDebugLocColumn(i));
        ops[5] = esc_md_str(cx, callee);
        size_t fnlen = 0;
        const char *fnname = LLVMGetValueName2(fn, &fnlen);
        ops[6] = LLVMMDStringInContext2(cx, fnname, fnlen);
        for (unsigned k = 0; k < nargs; k++) {
          esc_arg_text(LLVMGetOperand(i, k), arg, sizeof arg);
          ops[7 + k] = esc_md_str(cx, arg);
        }
        LLVMMetadataRef node = LLVMMDNodeInContext2(cx, ops, 7 + nargs);
        LLVMAddNamedMetadataOperand(M, SITES, LLVMMetadataAsValue(cx, node));
        LLVMSetMetadata(i, kind, LLVMMetadataAsValue(cx, node));
        free(ops);
        if (esc_in_library_header(i))
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

static char *md_string(LLVMValueRef v) {
  unsigned n = 0;
  const char *s = v ? LLVMGetMDString(v, &n) : NULL;
  char *d = esc_alloc(n + 1);
  if (s)
    memcpy(d, s, n);
  return d;
}

static unsigned md_uint(LLVMValueRef v) {
  return v && LLVMIsAConstantInt(v) ? (unsigned)LLVMConstIntGetZExtValue(v) : 0;
}

/* MAX_MD_OPS bounds the operands of a record (a call's arguments). */
#define MAX_MD_OPS 4096

/* all_strings: ops[from..n) are all MDStrings. */
static int all_strings(LLVMValueRef *ops, unsigned from, unsigned n) {
  for (unsigned k = from; k < n; k++)
    if (!esc_md_is_string(ops[k]))
      return 0;
  return 1;
}

/* add_site reads one !escape.sites node; -1 if it is not one. */
static int add_site(esc_sites *s, LLVMValueRef node) {
  unsigned nops = 0;
  LLVMValueRef *ops = esc_md_node_ops(node, 7, MAX_MD_OPS, &nops);
  if (!ops)
    return -1;
  if (!esc_md_is_int(ops[0]) || !esc_md_is_int(ops[3]) || !esc_md_is_int(ops[4]) ||
      !all_strings(ops, 1, 3) || !all_strings(ops, 5, nops)) {
    free(ops);
    return -1;
  }
  esc_site site;
  memset(&site, 0, sizeof site);
  site.id = (int)md_uint(ops[0]);
  site.module = md_string(ops[1]);
  site.file = md_string(ops[2]);
  site.line = md_uint(ops[3]);
  site.col = md_uint(ops[4]);
  site.callee = md_string(ops[5]);
  site.fn = md_string(ops[6]);
  site.nargs = (int)nops - 7;
  site.args = esc_alloc((size_t)(site.nargs + 1) * sizeof(char *));
  for (int a = 0; a < site.nargs; a++)
    site.args[a] = md_string(ops[7 + a]);
  free(ops);
  esc_ptrmap_put(&s->bynode, node, s->n);
  ESC_PUSH(s->v, s->n, s->cap, site);
  return s->n - 1;
}

void esc_sites_load(LLVMModuleRef M, esc_sites *s) {
  memset(s, 0, sizeof *s);
  s->kind = site_kind(M);
  load_calls(M, s);
  esc_wrappers_load(M, &s->wrappers);
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, SITES, &n);
  for (unsigned k = 0; k < n; k++)
    if (esc_ptrmap_get(&s->bynode, nodes[k]) < 0) /* merged modules may repeat a node */
      add_site(s, nodes[k]);
  free(nodes);
  load_params(M, s);
  load_usercalls(M, s);
}

static int usercall_order(const void *pa, const void *pb) {
  const esc_usercall *a = pa, *b = pb;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->col != b->col)
    return a->col < b->col ? -1 : 1;
  int c = strcmp(a->file, b->file);
  return c ? c : a->site - b->site;
}

/* distinct_records: the nodes of named metadata `name`, each once (the IR
 * linker may list one node twice when it merges modules); free the array.
 * NULL when there are none. */
static LLVMValueRef *distinct_records(LLVMModuleRef M, const char *name, unsigned *n) {
  LLVMValueRef *nodes = esc_named_md(M, name, n);
  if (!nodes)
    return NULL;
  esc_ptrmap seen = {0};
  unsigned kept = 0;
  for (unsigned k = 0; k < *n; k++)
    if (esc_ptrmap_get(&seen, nodes[k]) < 0) {
      esc_ptrmap_put(&seen, nodes[k], 1);
      nodes[kept++] = nodes[k];
    }
  esc_ptrmap_free(&seen);
  *n = kept;
  return nodes;
}

/* load_usercalls reads !escape.usercalls, sorted by position for
 * esc_sites_usercalls_seen. */
static void load_usercalls(LLVMModuleRef M, esc_sites *s) {
  unsigned n = 0;
  LLVMValueRef *nodes = distinct_records(M, USERCALLS, &n);
  if (!nodes)
    return;
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    LLVMValueRef *ops = esc_md_node_ops(nodes[k], 6, 6, &nops);
    if (!ops)
      continue;
    int site = ops[0] ? esc_ptrmap_get(&s->bynode, ops[0]) : -1;
    /* Not a record of ours, or another module's site (ThinLTO import):
     * nothing to report. */
    if (site < 0 || !esc_md_is_string(ops[1]) || !esc_md_is_int(ops[2]) ||
        !esc_md_is_int(ops[3]) || !esc_md_is_string(ops[5])) {
      free(ops);
      continue;
    }
    esc_usercall u;
    memset(&u, 0, sizeof u);
    u.site = site;
    u.file = md_string(ops[1]);
    u.line = md_uint(ops[2]);
    u.col = md_uint(ops[3]);
    u.caller = md_string(ops[5]);
    ESC_PUSH(s->usercalls, s->nusercalls, s->capusercalls, u);
    esc_site *st = &s->v[site];
    unsigned nc = 0;
    LLVMValueRef *names = st->nusercalls++ ? NULL
                                           : esc_md_node_ops(ops[4], 0, MAX_MD_OPS, &nc);
    if (names && all_strings(names, 0, nc)) { /* the chain */
      st->chain = esc_alloc((nc + 1) * sizeof *st->chain);
      for (unsigned j = 0; j < nc; j++)
        st->chain[st->nchain++] = md_string(names[j]);
    }
    free(names);
    free(ops);
  }
  free(nodes);
  if (s->nusercalls > 1)
    qsort(s->usercalls, (size_t)s->nusercalls, sizeof *s->usercalls, usercall_order);
}

/* esc_sites_usercalls_seen: a call of allocator `alloc` (a copy of a
 * site), or when alloc is NULL a call of function `fn` (one of the library
 * functions between the user's call and a site), is still there at the
 * user's call at file:line:col: the records there of sites of that
 * allocator, or of that chain, are not reported as removed. */
void esc_sites_usercalls_seen(esc_sites *s, const char *file, unsigned line, unsigned col,
                              const char *alloc, const char *fn) {
  int lo = 0, hi = s->nusercalls;
  while (lo < hi) { /* the first record at or after (line, col) */
    int mid = (lo + hi) / 2;
    const esc_usercall *u = &s->usercalls[mid];
    if (u->line < line || (u->line == line && u->col < col))
      lo = mid + 1;
    else
      hi = mid;
  }
  for (int k = lo; k < s->nusercalls; k++) {
    esc_usercall *u = &s->usercalls[k];
    if (u->line != line || u->col != col)
      break;
    if (strcmp(u->file, file) != 0)
      continue;
    const esc_site *of = &s->v[u->site];
    int match = alloc && strcmp(of->callee, alloc) == 0;
    for (int j = 0; !alloc && j < of->nchain && !match; j++)
      match = strcmp(of->chain[j], fn) == 0;
    if (match)
      u->seen = 1;
  }
}

static void load_calls(LLVMModuleRef M, esc_sites *s) {
  unsigned n = 0;
  LLVMValueRef *nodes = distinct_records(M, CALLS, &n);
  if (!nodes)
    return;
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    LLVMValueRef *ops = esc_md_node_ops(nodes[k], 5, MAX_MD_OPS, &nops);
    if (!ops)
      continue;
    if (!esc_md_is_int(ops[2]) || !esc_md_is_int(ops[3]) || !all_strings(ops, 0, 2) ||
        !all_strings(ops, 4, nops)) {
      free(ops);
      continue;
    }
    esc_site c;
    memset(&c, 0, sizeof c);
    c.module = md_string(ops[0]);
    c.file = md_string(ops[1]);
    c.line = md_uint(ops[2]);
    c.col = md_uint(ops[3]);
    c.callee = md_string(ops[4]);
    c.fn = esc_strdup("");
    c.nargs = (int)nops - 5;
    c.args = esc_alloc((size_t)(c.nargs + 1) * sizeof(char *));
    for (int a = 0; a < c.nargs; a++)
      c.args[a] = md_string(ops[5 + a]);
    ESC_PUSH(s->calls, s->ncalls, s->capcalls, c);
    free(ops);
  }
  free(nodes);
}

/* esc_sites_call: the recorded call of `callee` at file:line:col, or NULL. */
esc_site *esc_sites_call(esc_sites *s, const char *file, unsigned line, unsigned col,
                         const char *callee) {
  for (int k = 0; k < s->ncalls; k++) {
    esc_site *c = &s->calls[k];
    if (c->line == line && c->col == col && strcmp(c->callee, callee) == 0 &&
        strcmp(c->file, file) == 0)
      return c;
  }
  return NULL;
}

static void load_params(LLVMModuleRef M, esc_sites *s) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, PARAMS, &n);
  if (!nodes)
    return;
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    LLVMValueRef *ops = esc_md_node_ops(nodes[k], 6, 6, &nops);
    if (!ops)
      continue;
    if (!esc_md_is_string(ops[0]) || !esc_md_is_int(ops[1]) || !all_strings(ops, 2, 4) ||
        !esc_md_is_int(ops[4]) || !esc_md_is_int(ops[5])) {
      free(ops);
      continue;
    }
    esc_param p;
    p.fn = md_string(ops[0]);
    p.index = md_uint(ops[1]);
    p.name = md_string(ops[2]);
    p.file = md_string(ops[3]);
    p.line = md_uint(ops[4]);
    p.col = md_uint(ops[5]);
    free(ops);
    ESC_PUSH(s->params, s->nparams, s->capparams, p);
  }
  free(nodes);
}

/* param_cmp orders parameter records by function name, then index, then
 * their place in the module (the first of two equal records wins). */
static int param_cmp(const void *pa, const void *pb) {
  const esc_param *a = *(const esc_param *const *)pa, *b = *(const esc_param *const *)pb;
  int c = strcmp(a->fn, b->fn);
  if (c)
    return c;
  if (a->index != b->index)
    return a->index < b->index ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* key_cmp: the record against (name of length len, index). */
static int key_cmp(const esc_param *p, const char *name, size_t len, unsigned i) {
  int c = strncmp(p->fn, name, len);
  if (c)
    return c;
  if (p->fn[len])
    return 1; /* longer than the name */
  return p->index < i ? -1 : p->index > i;
}

/* esc_sites_param: the recorded name and position of parameter i of fn
 * (a binary search: a linear one per parameter grew with the square of
 * the module's parameters). */
const esc_param *esc_sites_param(esc_sites *s, LLVMValueRef fn, unsigned i) {
  if (s->nparams == 0)
    return NULL;
  if (!s->byname) {
    s->byname = esc_alloc((size_t)s->nparams * sizeof *s->byname);
    for (int k = 0; k < s->nparams; k++)
      s->byname[k] = &s->params[k];
    qsort(s->byname, (size_t)s->nparams, sizeof *s->byname, param_cmp);
  }
  size_t fl = 0;
  const char *name = LLVMGetValueName2(fn, &fl);
  int lo = 0, hi = s->nparams;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (key_cmp(s->byname[mid], name, fl, i) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < s->nparams && key_cmp(s->byname[lo], name, fl, i) == 0)
    return s->byname[lo];
  return NULL;
}

/* esc_site_text: "callee(arg, ...)" as written, from the record. */
char *esc_site_text(const esc_site *s) {
  esc_buf t = {0};
  esc_buf_printf(&t, "%s(", s->callee);
  for (int k = 0; k < s->nargs; k++)
    esc_buf_printf(&t, "%s%s", k ? ", " : "", s->args[k]);
  esc_buf_printf(&t, ")");
  return t.s;
}

/* esc_sites_find: the recorded site of an allocation call — by its node, else
 * (the call was rebuilt by some pass) by its position. */
esc_site *esc_sites_find(esc_sites *s, LLVMValueRef call) {
  LLVMValueRef md = LLVMGetMetadata(call, s->kind);
  int k = md ? esc_ptrmap_get(&s->bynode, md) : -1;
  if (md && k < 0 && s->n > 0) {
    /* Recorded in another module and imported with its function (ThinLTO):
     * the node itself says where it was written. */
    k = add_site(s, md);
    if (k >= 0)
      s->v[k].seen = 1;
  }
  if (k >= 0)
    return &s->v[k];
  unsigned line = LLVMGetDebugLocLine(call), col = LLVMGetDebugLocColumn(call);
  unsigned flen = 0;
  const char *file = LLVMGetDebugLocFilename(call, &flen);
  if (!line || !file)
    return NULL;
  for (int k = 0; k < s->n; k++)
    if (s->v[k].line == line && s->v[k].col == col && strlen(s->v[k].file) == flen &&
        memcmp(s->v[k].file, file, flen) == 0)
      return &s->v[k];
  return NULL;
}

/* esc_sites_merged: recorded sites that an unmatched call may stand for.
 * Passes that merge two calls into one (SimplifyCFG hoisting or sinking)
 * drop the site ids and blur the position; the merged call then stands for
 * every unseen site of the same callee recorded in its function, so none of
 * them is reported as removed while a copy of it still allocates.  Marks
 * them seen and returns how many were stored in out[]. */
int esc_sites_merged(esc_sites *s, LLVMValueRef call, const char *callee,
                     esc_site **out, int max) {
  size_t fl = 0;
  const char *fn = LLVMGetValueName2(
      LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)), &fl);
  int n = 0;
  for (int k = 0; k < s->n && n < max; k++) {
    esc_site *site = &s->v[k];
    if (site->seen || strcmp(site->callee, callee) != 0 || strlen(site->fn) != fl ||
        memcmp(site->fn, fn, fl) != 0)
      continue;
    site->seen = 1;
    out[n++] = site;
  }
  return n;
}

/* esc_sites_forget removes the pass's metadata from the module. */
void esc_sites_forget(LLVMModuleRef M, esc_sites *s) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i)
        if (LLVMGetMetadata(i, s->kind))
          LLVMSetMetadata(i, s->kind, NULL);
  escb_drop_named_metadata(M, SITES);
  escb_drop_named_metadata(M, PARAMS);
  escb_drop_named_metadata(M, CALLS);
  escb_drop_named_metadata(M, USERCALLS);
  escb_drop_named_metadata(M, "escape.wrappers");
}

static void site_free(esc_site *s) {
  free(s->module);
  free(s->file);
  free(s->callee);
  free(s->fn);
  for (int a = 0; a < s->nargs; a++)
    free(s->args[a]);
  free(s->args);
  for (int a = 0; a < s->nchain; a++)
    free(s->chain[a]);
  free(s->chain);
}

void esc_sites_free(esc_sites *s) {
  for (int k = 0; k < s->n; k++)
    site_free(&s->v[k]);
  free(s->v);
  for (int k = 0; k < s->nparams; k++) {
    free(s->params[k].fn);
    free(s->params[k].name);
    free(s->params[k].file);
  }
  free(s->params);
  free(s->byname);
  for (int k = 0; k < s->ncalls; k++)
    site_free(&s->calls[k]);
  free(s->calls);
  for (int k = 0; k < s->nusercalls; k++) {
    free(s->usercalls[k].file);
    free(s->usercalls[k].caller);
  }
  free(s->usercalls);
  esc_ptrmap_free(&s->bynode);
  esc_wrappers_free(&s->wrappers);
  esc_srcfiles_free(&s->src);
  memset(s, 0, sizeof *s);
}
