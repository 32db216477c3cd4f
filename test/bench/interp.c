/* interp.c — a small bytecode interpreter with per-call frames.
 *   clang-19 -O2 interp.c -o interp && ./interp [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND interp.c ...   the hand-written variant: frames and
 *                                      argument vectors on the C stack
 * A stack machine whose CALL instruction runs the callee in a fresh frame
 * (locals and an operand stack, malloc'd per call) by a recursive call of the
 * interpreter, as tree-walking and simple bytecode interpreters do; arguments
 * are gathered into a small temporary vector first. It runs fib(n) and a loop
 * summing squares. Self-check: the results match the same functions in C. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op { PUSH, ARG, ADD, SUB, MUL, LT, JZ, JMP, CALL, RET, STORE, LOAD };

struct insn {
  enum op op;
  long a; /* PUSH value, ARG/STORE/LOAD slot, JZ/JMP target, CALL function */
  long b; /* CALL: argument count */
};

#define MAX_LOCALS 8
#define MAX_STACK 16

struct frame {
  long locals[MAX_LOCALS];
  long stack[MAX_STACK];
  int sp;
};

/* fib(n) = n < 2 ? n : fib(n-1) + fib(n-2) */
static const struct insn fib_code[] = {
    {ARG, 0, 0}, {PUSH, 2, 0},  {LT, 0, 0},  {JZ, 6, 0},   {ARG, 0, 0},
    {RET, 0, 0}, {ARG, 0, 0},   {PUSH, 1, 0}, {SUB, 0, 0}, {CALL, 0, 1},
    {ARG, 0, 0}, {PUSH, 2, 0},  {SUB, 0, 0}, {CALL, 0, 1}, {ADD, 0, 0},
    {RET, 0, 0},
};
/* squares(n): s = 0; i = 0; while (i < n) { s = s + i * i; i = i + 1 } return s */
static const struct insn squares_code[] = {
    {PUSH, 0, 0}, {STORE, 1, 0}, {PUSH, 0, 0}, {STORE, 2, 0}, {LOAD, 2, 0},
    {ARG, 0, 0},  {LT, 0, 0},    {JZ, 21, 0},  {LOAD, 1, 0},  {LOAD, 2, 0},
    {LOAD, 2, 0}, {MUL, 0, 0},   {ADD, 0, 0},  {STORE, 1, 0}, {LOAD, 2, 0},
    {PUSH, 1, 0}, {ADD, 0, 0},   {STORE, 2, 0}, {JMP, 4, 0},  {RET, 0, 0},
    {RET, 0, 0},  {LOAD, 1, 0},  {RET, 0, 0},
};
static const struct insn *const functions[] = {fib_code, squares_code};

static long run(int fn, const long *args, int nargs);

/* call pops n arguments off the caller's frame into a temporary vector and
 * runs function fn on them. */
static long call(struct frame *caller, int fn, int n) {
#ifdef HAND
  long args[MAX_LOCALS];
#else
  long *args = malloc(MAX_LOCALS * sizeof *args);
  if (!args) exit(2);
#endif
  for (int i = n - 1; i >= 0; i--) args[i] = caller->stack[--caller->sp];
  long r = run(fn, args, n);
#ifndef HAND
  free(args);
#endif
  return r;
}

static long run(int fn, const long *args, int nargs) {
#ifdef HAND
  struct frame frame, *f = &frame;
#else
  struct frame *f = malloc(sizeof *f);
  if (!f) exit(2);
#endif
  memset(f, 0, sizeof *f);
  memcpy(f->locals, args, (size_t)nargs * sizeof *args);
  const struct insn *code = functions[fn];
  long result = 0;
  for (int pc = 0;;) {
    const struct insn *i = &code[pc++];
    long x, y;
    switch (i->op) {
    case PUSH: f->stack[f->sp++] = i->a; break;
    case ARG:
    case LOAD: f->stack[f->sp++] = f->locals[i->a]; break;
    case STORE: f->locals[i->a] = f->stack[--f->sp]; break;
    case ADD: y = f->stack[--f->sp]; x = f->stack[--f->sp]; f->stack[f->sp++] = x + y; break;
    case SUB: y = f->stack[--f->sp]; x = f->stack[--f->sp]; f->stack[f->sp++] = x - y; break;
    case MUL: y = f->stack[--f->sp]; x = f->stack[--f->sp]; f->stack[f->sp++] = x * y; break;
    case LT: y = f->stack[--f->sp]; x = f->stack[--f->sp]; f->stack[f->sp++] = x < y; break;
    case JZ: if (!f->stack[--f->sp]) pc = (int)i->a; break;
    case JMP: pc = (int)i->a; break;
    case CALL: x = call(f, (int)i->a, (int)i->b); f->stack[f->sp++] = x; break;
    case RET: result = f->stack[--f->sp]; goto done;
    }
  }
done:
#ifndef HAND
  free(f);
#endif
  return result;
}

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 200;
  long check = 0;
  for (long r = 0; r < reps; r++) {
    long n = 16 + r % 4, arg = n, got = run(0, &arg, 1);
    long m = 1000 + r, want = 0, sq = run(1, &m, 1);
    for (long i = 0; i < m; i++) want += i * i;
    if (got != fib(n) || sq != want) {
      printf("interp: FAILED, fib(%ld) = %ld, squares(%ld) = %ld\n", n, got, m, sq);
      return 1;
    }
    check = check * 31 + got + sq;
  }
  printf("interp: ok, %ld runs, checksum %ld\n", reps, check);
  return 0;
}
