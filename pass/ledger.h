/* ledger.h — the site ledger: the allocation sites, calls and parameters
 * recorded when the pipeline starts (record.c), their metadata schema
 * (schema.c), and what the report makes of them at the end (ledger.c):
 * which record an allocation call stands for, at which FILE:LINE:COL its
 * line goes, and which records are left over (removed by the optimizer,
 * wrapper calls not inlined).  Source files read for columns: source.c. */
#ifndef ESC_LEDGER_H
#define ESC_LEDGER_H

#include "ir.h"
#include "util.h"

/* esc_site is one recorded allocation site (!escape.sites), or one
 * recorded call that may be of an allocation wrapper (!escape.calls; fn
 * is "" there and id 0). */
typedef struct esc_site {
  int id;
  char *module; /* source file of the module that recorded it */
  char *file;
  unsigned line, col;
  char *callee;
  char *fn; /* the function it was recorded in */
  char **args;
  int nargs;
  int seen;
  int own_seen;   /* a copy that is not inlined anywhere is still there */
  int nusercalls; /* calls recorded that reach the site's function */
  char **chain;   /* the functions between them and the site */
  int nchain;
  const struct esc_site *origin; /* a leftover copy inlined at a call: its site */
} esc_site;

/* esc_usercall is a call that reaches a site's function, directly or
 * through others (!escape.usercalls): inlined there, the site's copy
 * belongs to the caller, and is reported at that call. */
typedef struct esc_usercall {
  int site; /* index in esc_sites.v */
  char *file, *caller, *callee;
  unsigned line, col;
  int seen; /* a copy of the site, or the call itself, is still there */
} esc_usercall;

/* esc_param is a parameter's name and position (!escape.params). */
typedef struct esc_param {
  char *fn, *name, *file;
  unsigned index, line, col;
} esc_param;

/* esc_wrapper is one allocation wrapper: its source (debug) name and the
 * file it is defined in ("" if unknown); the list owns both strings. */
typedef struct esc_wrapper {
  char *name, *file;
} esc_wrapper;

/* esc_wrappers lists a module's allocation wrappers (!escape.wrappers),
 * one entry per (name, file); only esc_wrappers_add puts entries in. */
typedef struct esc_wrappers {
  esc_wrapper *v;
  int n, cap;
} esc_wrappers;

/* esc_srcfile is a source file read whole (source.c), its lines made C
 * strings; esc_srcfiles caches the files read, by path (last: the file
 * of the previous lookup). A zeroed one is empty. */
typedef struct esc_srcfile {
  char *path, *text;
  unsigned *start; /* line k+1 begins at text + start[k] */
  unsigned nlines;
} esc_srcfile;

typedef struct esc_srcfiles {
  esc_srcfile *v;
  int n, cap, last;
  char *input; /* the compile's preprocessed input (.i, .ii), or NULL: esc_srcfiles_input */
} esc_srcfiles;

/* esc_sites is the ledger of one run of the pass over a module. */
typedef struct esc_sites {
  esc_site *v;
  int n, cap;
  esc_param *params;
  int nparams, capparams;
  esc_param **byname; /* params by function and index, built on first use */
  unsigned kind; /* metadata kind of the per-call site id */
  esc_ptrmap bynode; /* a site's metadata node -> its index in v */
  esc_site *calls;   /* calls that may be allocation wrappers (fn unused) */
  int ncalls, capcalls;
  esc_wrappers wrappers;
  esc_srcfiles src; /* source files read for parameters' columns */
  esc_usercall *usercalls; /* sorted by line, column, file */
  int nusercalls, capusercalls;
} esc_sites;

/* source.c: source files: the paths printed (clang's diagnostics' form;
 * n: the size of out), and files read for columns debug info lost */
void esc_path_text(const char *name, const char *dir, const char *cudir, const char *cuname,
                   char *out, size_t n);
int esc_loc_path(LLVMMetadataRef loc, char *out, size_t n);
int esc_inst_path(LLVMValueRef inst, char *out, size_t n);
void esc_fn_path(LLVMValueRef fn, char *file, const char *dir, size_t n);
unsigned esc_source_column(esc_srcfiles *c, const char *dir, const char *file,
                           unsigned line, const char *name);
void esc_srcfiles_free(esc_srcfiles *c);
void esc_srcfiles_input(esc_srcfiles *c, LLVMModuleRef M);

/* schema.c: every record of the pass's metadata.  Per named list: the
 * writer, esc_schema_<list>(M, &n) for its nodes (free the array), and a
 * reader that fills the record and returns 0 for anything that is not one
 * of the pass's records; the fields are described there, at the writer.
 * esc_schema_chain builds a user call's chain of library functions. */
unsigned esc_schema_site_kind(LLVMModuleRef M);
int esc_schema_recorded(LLVMModuleRef M);
LLVMMetadataRef esc_schema_site_write(LLVMModuleRef M, LLVMValueRef call, const esc_site *s);
LLVMValueRef *esc_schema_sites(LLVMModuleRef M, unsigned *n);
int esc_schema_site_read(LLVMValueRef node, esc_site *out);
void esc_schema_call_write(LLVMModuleRef M, const esc_site *c);
LLVMValueRef *esc_schema_calls(LLVMModuleRef M, unsigned *n);
int esc_schema_call_read(LLVMValueRef node, esc_site *out);
LLVMMetadataRef esc_schema_chain(LLVMModuleRef M, const char *const *fns, int n);
void esc_schema_usercall_write(LLVMModuleRef M, LLVMMetadataRef site, LLVMMetadataRef chain,
                               const esc_usercall *u);
LLVMValueRef *esc_schema_usercalls(LLVMModuleRef M, unsigned *n);
int esc_schema_usercall_read(LLVMValueRef node, LLVMValueRef *site, LLVMValueRef *chain,
                             esc_usercall *out);
char **esc_schema_chain_read(LLVMValueRef chain, int *n);
void esc_schema_param_write(LLVMModuleRef M, const esc_param *p);
LLVMValueRef *esc_schema_params(LLVMModuleRef M, unsigned *n);
int esc_schema_param_read(LLVMValueRef node, esc_param *out);
void esc_schema_wrapper_write(LLVMModuleRef M, const char *name, const char *file);
LLVMValueRef *esc_schema_wrappers(LLVMModuleRef M, unsigned *n);
int esc_schema_wrapper_read(LLVMValueRef node, char **name, char **file);
int esc_schema_phase_read(LLVMModuleRef M);
void esc_schema_phase_write(LLVMModuleRef M, int phase);
void esc_schema_options_write(LLVMModuleRef M, const char *const *names,
                              const uint64_t *values, const char *const *strs, unsigned n);
void esc_schema_options_read(LLVMModuleRef M, unsigned max_pairs,
                             void (*each)(void *arg, const char *name, unsigned len,
                                          uint64_t value, const char *str, unsigned slen),
                             void *arg);
void esc_schema_forget_sites(LLVMModuleRef M, unsigned kind);
void esc_schema_forget_lto(LLVMModuleRef M);
void esc_site_clear(esc_site *s);
void esc_arg_text(LLVMValueRef arg, char *buf, size_t n);

/* ledger.c: the recorded sites at the end of the pipeline.  Load, then
 * mark what still has a copy (esc_sites_mark_seen), then per allocation
 * call esc_sites_places, then esc_sites_leftovers. */
void esc_sites_load(LLVMModuleRef M, esc_sites *s);
void esc_sites_mark_seen(LLVMModuleRef M, escb_ctx *ctx, esc_sites *s);
esc_site *esc_sites_find(esc_sites *s, LLVMValueRef call);
char *esc_site_text(const esc_site *s);
char *esc_call_text(LLVMValueRef call, const esc_site *site);
/* ESC_PARAM_NAME, ESC_PARAM_FILE: the buffers esc_sites_param_at fills. */
#define ESC_PARAM_NAME 256
#define ESC_PARAM_FILE 1024
void esc_sites_param_at(esc_sites *s, LLVMValueRef fn, unsigned i,
                        char name[ESC_PARAM_NAME], char file[ESC_PARAM_FILE],
                        unsigned *line, unsigned *col);
void esc_sites_forget(LLVMModuleRef M, esc_sites *s);
void esc_sites_free(esc_sites *s);

/* esc_place is where one report line of an allocation call goes: the
 * record that names the call as written (NULL: the call's own text) and
 * FILE:LINE:COL (file NULL: no position, <function>; the caller owns it). */
typedef struct esc_place {
  const esc_site *site;
  char *file;
  unsigned line, col;
  char *inlined; /* an inlined copy: "F at FILE:LINE:COL", its body's
                    allocation (the caller owns it), or NULL */
} esc_place;

/* ESC_PLACES_MAX bounds the lines one call gets (one per recorded site a
 * merged call stands for). */
#define ESC_PLACES_MAX 64
int esc_sites_places(esc_sites *s, LLVMValueRef call, esc_place *out);
/* esc_sites_place_of: the place of the first of those lines, claiming no
 * record (the profiler's); the caller frees its file. */
esc_place esc_sites_place_of(esc_sites *s, LLVMValueRef call);

/* esc_leftover is a record with no allocation call of its own at the end. */
typedef enum esc_leftover_kind {
  ESC_LEFT_REMOVED,         /* a site LLVM deleted (line, remark, profile) */
  ESC_LEFT_WRAPPER_KEPT,    /* a wrapper call that was not inlined: heap */
  ESC_LEFT_WRAPPER_REMOVED, /* a wrapper call that is gone */
} esc_leftover_kind;

typedef struct esc_leftover {
  esc_leftover_kind kind;
  esc_site site; /* position and text; strings belong to the ledger */
} esc_leftover;

int esc_sites_leftovers(LLVMModuleRef M, esc_sites *s, int own_only, int wrappers,
                        esc_leftover **out);

/* The list of allocation wrappers (ledger.c) */
void esc_wrappers_load(LLVMModuleRef M, esc_wrappers *w);
/* esc_wrappers_add lists (name, file), copying both, unless listed. */
void esc_wrappers_add(esc_wrappers *w, const char *name, const char *file);
int esc_wrappers_listed(const esc_wrappers *w, const char *name, const char *file);
int esc_wrappers_has(const esc_wrappers *w, const char *name);
/* esc_wrappers_elsewhere: `name` is an allocation wrapper defined in a file
 * other than `file` (calls of it are reported as allocations). */
int esc_wrappers_elsewhere(const esc_wrappers *w, const char *name, const char *file);
void esc_wrappers_free(esc_wrappers *w);

#endif
