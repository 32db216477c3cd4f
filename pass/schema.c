/* schema.c — the pass's own metadata, defined once: for every named list
 * the pass writes, what each record holds, its writer and its reader side
 * by side.  Every reader checks each operand's kind (ir.c) and takes
 * anything else (another plugin's layout, a node merged or rewritten by a
 * linker) as no information.  Integers are i32 unless said otherwise.
 *
 *   !escape.sites      an allocation call, recorded at the pipeline's start
 *   !escape.site       attached to the call: its !escape.sites node
 *   !escape.calls      a call that may turn out to be of an allocation wrapper
 *   !escape.usercalls  a user's call that reaches a site in a library header
 *   !escape.params     a parameter's name and declaration position
 *   !escape.wrappers   an allocation wrapper (wrapper.c)
 *   !escape.lto        where the module stands in an -flto build (lto.c)
 *   !escape.options    the compile step's options, for the link (lto.c)
 *
 * Who writes: record.c (sites, calls, usercalls, params), wrapper.c
 * (wrappers), lto.c (lto, options).  Who reads: ledger.c, lto.c.
 * Exercised by test/lto/LTO_merged_metadata.test (Inputs/merged/bad.ll
 * carries malformed records of every kind), test/lto/LTO_options.test,
 * test/report/Removed_library_inlined.cpp and test/wrapper/.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SITES "escape.sites"
#define SITE "escape.site"
#define PARAMS "escape.params"
#define CALLS "escape.calls"
#define USERCALLS "escape.usercalls"
#define WRAPPERS "escape.wrappers"
#define LTO "escape.lto"
#define OPTIONS "escape.options"

/* MAX_MD_OPS bounds the operands of a record (a call's arguments). */
#define MAX_MD_OPS 4096

static void add(LLVMModuleRef M, const char *list, LLVMMetadataRef *ops, size_t n) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMAddNamedMetadataOperand(M, list, LLVMMetadataAsValue(cx, LLVMMDNodeInContext2(cx, ops, n)));
}

/* module_name: the module's source file, which tells a ThinLTO backend its
 * own records from those imported with other modules' functions. */
static LLVMMetadataRef module_name(LLVMModuleRef M) {
  size_t n = 0;
  const char *s = LLVMGetSourceFileName(M, &n);
  return esc_md_strn(LLVMGetModuleContext(M), s, n);
}

/* read_args: ops[from..n) as the record's argument texts. */
static void read_args(esc_site *s, LLVMValueRef *ops, unsigned from, unsigned n) {
  s->nargs = (int)(n - from);
  s->args = esc_alloc((size_t)(s->nargs + 1) * sizeof(char *));
  for (int a = 0; a < s->nargs; a++)
    s->args[a] = esc_md_string(ops[from + (unsigned)a]);
}

unsigned esc_schema_site_kind(LLVMModuleRef M) {
  return LLVMGetMDKindIDInContext(LLVMGetModuleContext(M), SITE, strlen(SITE));
}

/* esc_schema_recorded: the module's sites were recorded (the pipeline ran
 * twice). */
int esc_schema_recorded(LLVMModuleRef M) {
  return LLVMGetNamedMetadataNumOperands(M, SITES) > 0 ||
         LLVMGetNamedMetadataNumOperands(M, PARAMS) > 0;
}

/* !escape.sites: !{i32 id, !"module", !"file", i32 line, i32 col,
 * !"callee", !"function", !"arg0", ...} — module: the source file of the
 * module it was recorded in; callee: its display name; function: the one it
 * was recorded in; args: esc_arg_text.  The call's !escape.site is the node
 * itself, so modules merged at link time (-flto) keep their sites apart
 * although each numbered its own from 1, and inlined copies keep it. */
LLVMMetadataRef esc_schema_site_write(LLVMModuleRef M, LLVMValueRef call, const esc_site *s) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef *ops = esc_alloc((7 + (size_t)s->nargs) * sizeof *ops);
  ops[0] = esc_md_i32(cx, (uint64_t)s->id);
  ops[1] = module_name(M);
  ops[2] = esc_md_str(cx, s->file);
  ops[3] = esc_md_i32(cx, s->line);
  ops[4] = esc_md_i32(cx, s->col);
  ops[5] = esc_md_str(cx, s->callee);
  ops[6] = esc_md_str(cx, s->fn);
  for (int k = 0; k < s->nargs; k++)
    ops[7 + k] = esc_md_str(cx, s->args[k]);
  LLVMMetadataRef node = LLVMMDNodeInContext2(cx, ops, 7 + (size_t)s->nargs);
  LLVMAddNamedMetadataOperand(M, SITES, LLVMMetadataAsValue(cx, node));
  LLVMSetMetadata(call, esc_schema_site_kind(M), LLVMMetadataAsValue(cx, node));
  free(ops);
  return node;
}

LLVMValueRef *esc_schema_sites(LLVMModuleRef M, unsigned *n) {
  return esc_named_md(M, SITES, n);
}

/* esc_schema_site_read: 1 and *out filled when node is a site record. */
int esc_schema_site_read(LLVMValueRef node, esc_site *out) {
  unsigned nops = 0;
  LLVMValueRef *ops = esc_md_node_ops(node, 7, MAX_MD_OPS, &nops);
  if (!ops)
    return 0;
  if (!esc_md_is_int(ops[0]) || !esc_md_is_int(ops[3]) || !esc_md_is_int(ops[4]) ||
      !esc_md_all_strings(ops, 1, 3) || !esc_md_all_strings(ops, 5, nops)) {
    free(ops);
    return 0;
  }
  memset(out, 0, sizeof *out);
  out->id = (int)(unsigned)esc_md_uint(ops[0]);
  out->module = esc_md_string(ops[1]);
  out->file = esc_md_string(ops[2]);
  out->line = (unsigned)esc_md_uint(ops[3]);
  out->col = (unsigned)esc_md_uint(ops[4]);
  out->callee = esc_md_string(ops[5]);
  out->fn = esc_md_string(ops[6]);
  read_args(out, ops, 7, nops);
  free(ops);
  return 1;
}

/* !escape.calls: !{!"module", !"file", i32 line, i32 col, !"callee",
 * !"arg0", ...} — a direct call of a function returning a pointer that is
 * neither an allocator nor the C library's: any of them may be an
 * allocation wrapper once the program is linked.  Read with fn "". */
void esc_schema_call_write(LLVMModuleRef M, const esc_site *c) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef *ops = esc_alloc((5 + (size_t)c->nargs) * sizeof *ops);
  ops[0] = module_name(M);
  ops[1] = esc_md_str(cx, c->file);
  ops[2] = esc_md_i32(cx, c->line);
  ops[3] = esc_md_i32(cx, c->col);
  ops[4] = esc_md_str(cx, c->callee);
  for (int k = 0; k < c->nargs; k++)
    ops[5 + k] = esc_md_str(cx, c->args[k]);
  add(M, CALLS, ops, 5 + (size_t)c->nargs);
  free(ops);
}

LLVMValueRef *esc_schema_calls(LLVMModuleRef M, unsigned *n) {
  return esc_named_md_distinct(M, CALLS, n);
}

int esc_schema_call_read(LLVMValueRef node, esc_site *out) {
  unsigned nops = 0;
  LLVMValueRef *ops = esc_md_node_ops(node, 5, MAX_MD_OPS, &nops);
  if (!ops)
    return 0;
  if (!esc_md_is_int(ops[2]) || !esc_md_is_int(ops[3]) || !esc_md_all_strings(ops, 0, 2) ||
      !esc_md_all_strings(ops, 4, nops)) {
    free(ops);
    return 0;
  }
  memset(out, 0, sizeof *out);
  out->module = esc_md_string(ops[0]);
  out->file = esc_md_string(ops[1]);
  out->line = (unsigned)esc_md_uint(ops[2]);
  out->col = (unsigned)esc_md_uint(ops[3]);
  out->callee = esc_md_string(ops[4]);
  out->fn = esc_strdup("");
  read_args(out, ops, 5, nops);
  free(ops);
  return 1;
}

/* !escape.usercalls: !{site, !"file", i32 line, i32 col, chain, !"caller",
 * !"callee"} — site: the !escape.sites node of a site (the new in
 * std::make_unique, a helper's malloc); file, line, col: a call outside
 * library headers that reaches its function; chain: !{!"fn", ...}, the
 * site's function and those between (one node shared by the site's
 * records); caller: the function holding the call; callee: the function
 * it calls (a record of 6 operands has none). */
LLVMMetadataRef esc_schema_chain(LLVMModuleRef M, const char *const *fns, int n) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef *names = esc_alloc(((size_t)n + 1) * sizeof *names);
  for (int k = 0; k < n; k++)
    names[k] = esc_md_str(cx, fns[k]);
  LLVMMetadataRef chain = LLVMMDNodeInContext2(cx, names, (size_t)n);
  free(names);
  return chain;
}

void esc_schema_usercall_write(LLVMModuleRef M, LLVMMetadataRef site, LLVMMetadataRef chain,
                               const esc_usercall *u) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef ops[7] = {site, esc_md_str(cx, u->file), esc_md_i32(cx, u->line),
                            esc_md_i32(cx, u->col), chain, esc_md_str(cx, u->caller),
                            esc_md_str(cx, u->callee ? u->callee : "")};
  add(M, USERCALLS, ops, 7);
}

LLVMValueRef *esc_schema_usercalls(LLVMModuleRef M, unsigned *n) {
  return esc_named_md_distinct(M, USERCALLS, n);
}

/* esc_schema_usercall_read: 1 when node is a user-call record: its site
 * and chain nodes (unchecked: the caller looks the site up) and *out (but
 * for out->site). */
int esc_schema_usercall_read(LLVMValueRef node, LLVMValueRef *site, LLVMValueRef *chain,
                             esc_usercall *out) {
  unsigned nops = 0;
  LLVMValueRef *ops = esc_md_node_ops(node, 6, 7, &nops);
  if (!ops)
    return 0;
  int ok = esc_md_is_string(ops[1]) && esc_md_is_int(ops[2]) && esc_md_is_int(ops[3]) &&
           esc_md_is_string(ops[5]) && (nops < 7 || esc_md_is_string(ops[6]));
  *site = ops[0];
  *chain = ops[4];
  if (ok) {
    memset(out, 0, sizeof *out);
    out->file = esc_md_string(ops[1]);
    out->line = (unsigned)esc_md_uint(ops[2]);
    out->col = (unsigned)esc_md_uint(ops[3]);
    out->caller = esc_md_string(ops[5]);
    out->callee = nops > 6 ? esc_md_string(ops[6]) : esc_strdup("");
  }
  free(ops);
  return ok;
}

/* esc_schema_chain_read: a chain's names (*n of them), or NULL when it is
 * not a node of strings. */
char **esc_schema_chain_read(LLVMValueRef chain, int *n) {
  unsigned nc = 0;
  *n = 0;
  LLVMValueRef *names = esc_md_node_ops(chain, 0, MAX_MD_OPS, &nc);
  char **out = NULL;
  if (names && esc_md_all_strings(names, 0, nc)) {
    out = esc_alloc((nc + 1) * sizeof *out);
    for (unsigned j = 0; j < nc; j++)
      out[(*n)++] = esc_md_string(names[j]);
  }
  free(names);
  return out;
}

/* !escape.params: !{!"fn", i32 index, !"name", !"file", i32 line, i32 col}
 * — a parameter's name and declaration position, noted while the
 * declarations still carry their columns. */
void esc_schema_param_write(LLVMModuleRef M, const esc_param *p) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef ops[6] = {esc_md_str(cx, p->fn),   esc_md_i32(cx, p->index),
                            esc_md_str(cx, p->name), esc_md_str(cx, p->file),
                            esc_md_i32(cx, p->line), esc_md_i32(cx, p->col)};
  add(M, PARAMS, ops, 6);
}

LLVMValueRef *esc_schema_params(LLVMModuleRef M, unsigned *n) {
  return esc_named_md(M, PARAMS, n);
}

int esc_schema_param_read(LLVMValueRef node, esc_param *out) {
  unsigned nops = 0;
  LLVMValueRef *ops = esc_md_node_ops(node, 6, 6, &nops);
  if (!ops)
    return 0;
  if (!esc_md_is_string(ops[0]) || !esc_md_is_int(ops[1]) || !esc_md_all_strings(ops, 2, 4) ||
      !esc_md_is_int(ops[4]) || !esc_md_is_int(ops[5])) {
    free(ops);
    return 0;
  }
  out->fn = esc_md_string(ops[0]);
  out->index = (unsigned)esc_md_uint(ops[1]);
  out->name = esc_md_string(ops[2]);
  out->file = esc_md_string(ops[3]);
  out->line = (unsigned)esc_md_uint(ops[4]);
  out->col = (unsigned)esc_md_uint(ops[5]);
  free(ops);
  return 1;
}

/* !escape.wrappers: !{!"name", !"file"} — an allocation wrapper's source
 * name and the file defining it ("" if unknown), appended by each compile
 * step and by the link (the IR linker concatenates the lists of the
 * modules it merges, so a name may come twice, or twice with different
 * files: two static functions).  A record with an empty name is none. */
void esc_schema_wrapper_write(LLVMModuleRef M, const char *name, const char *file) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef ops[2] = {esc_md_str(cx, name), esc_md_str(cx, file)};
  add(M, WRAPPERS, ops, 2);
}

LLVMValueRef *esc_schema_wrappers(LLVMModuleRef M, unsigned *n) {
  return esc_named_md(M, WRAPPERS, n);
}

/* esc_schema_wrapper_read: 1 and two strings to free for a record. */
int esc_schema_wrapper_read(LLVMValueRef node, char **name, char **file) {
  unsigned nops = 0;
  LLVMValueRef *ops = esc_md_node_ops(node, 2, 2, &nops);
  if (!ops)
    return 0;
  int ok = esc_md_is_string(ops[0]) && esc_md_is_string(ops[1]);
  if (ok) {
    *name = esc_md_string(ops[0]);
    *file = esc_md_string(ops[1]);
    if (!**name) {
      free(*name);
      free(*file);
      ok = 0;
    }
  }
  free(ops);
  return ok;
}

/* !escape.lto: !{i64 phase} — ESC_LTO_*; modules merged at the link may
 * bring several, and the latest phase counts. */
int esc_schema_phase_read(LLVMModuleRef M) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, LTO, &n);
  if (!nodes)
    return ESC_LTO_NONE;
  int phase = ESC_LTO_NONE;
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    LLVMValueRef *op = esc_md_node_ops(nodes[k], 1, 1, &nops);
    if (!op)
      continue;
    uint64_t v = esc_md_uint(op[0]);
    free(op);
    if (v <= ESC_LTO_DEFERRED && (int)v > phase)
      phase = (int)v;
  }
  free(nodes);
  return phase;
}

void esc_schema_phase_write(LLVMModuleRef M, int phase) {
  escb_drop_named_metadata(M, LTO);
  if (phase == ESC_LTO_NONE)
    return;
  LLVMMetadataRef op = esc_md_i64(LLVMGetModuleContext(M), (uint64_t)phase);
  add(M, LTO, &op, 1);
}

/* !escape.options: !{!"escape-m", i64 1, !"escape-guard-bytes", i64 256,
 * !"escape-profile-use", !"/abs/p.json", ...} — one name/value pair per
 * option the compile step records (a string option's value a string: strs[k]
 * not NULL); named pairs, so a record from a plugin with other options
 * still merges what both know (a reader that knows no string values skips
 * them).  The writer replaces the list; the reader hands each well-formed
 * pair of every record of at most max_pairs pairs to `each` (str NULL for
 * an integer). */
void esc_schema_options_write(LLVMModuleRef M, const char *const *names,
                              const uint64_t *values, const char *const *strs, unsigned n) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef *ops = esc_alloc((2 * (size_t)n + 1) * sizeof *ops);
  for (unsigned k = 0; k < n; k++) {
    ops[2 * k] = esc_md_str(cx, names[k]);
    ops[2 * k + 1] = strs[k] ? esc_md_str(cx, strs[k]) : esc_md_i64(cx, values[k]);
  }
  escb_drop_named_metadata(M, OPTIONS);
  add(M, OPTIONS, ops, 2 * (size_t)n);
  free(ops);
}

void esc_schema_options_read(LLVMModuleRef M, unsigned max_pairs,
                             void (*each)(void *arg, const char *name, unsigned len,
                                          uint64_t value, const char *str, unsigned slen),
                             void *arg) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, OPTIONS, &n);
  if (!nodes)
    return;
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    /* name/value pairs; anything else is not a record of ours */
    LLVMValueRef *ops = esc_md_node_ops(nodes[k], 0, 2 * max_pairs, &nops);
    if (!ops)
      continue;
    for (unsigned p = 0; p + 1 < nops; p += 2) {
      unsigned len = 0, slen = 0;
      if (!esc_md_is_string(ops[p]))
        continue;
      const char *key = LLVMGetMDString(ops[p], &len);
      if (!key)
        continue;
      if (esc_md_is_int(ops[p + 1])) {
        each(arg, key, len, esc_md_uint(ops[p + 1]), NULL, 0);
      } else if (esc_md_is_string(ops[p + 1])) {
        const char *str = LLVMGetMDString(ops[p + 1], &slen);
        if (str)
          each(arg, key, len, 0, str, slen);
      }
    }
    free(ops);
  }
  free(nodes);
}

/* esc_schema_forget_sites removes the records of the sites, their calls,
 * parameters and wrappers, and every call's !escape.site. */
void esc_schema_forget_sites(LLVMModuleRef M, unsigned kind) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i)
        if (LLVMGetMetadata(i, kind))
          LLVMSetMetadata(i, kind, NULL);
  escb_drop_named_metadata(M, SITES);
  escb_drop_named_metadata(M, PARAMS);
  escb_drop_named_metadata(M, CALLS);
  escb_drop_named_metadata(M, USERCALLS);
  escb_drop_named_metadata(M, WRAPPERS);
}

void esc_schema_forget_lto(LLVMModuleRef M) {
  escb_drop_named_metadata(M, LTO);
  escb_drop_named_metadata(M, OPTIONS);
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

/* esc_site_clear frees what a reader put in a record. */
void esc_site_clear(esc_site *s) {
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
