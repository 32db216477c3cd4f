/* bench-measure.c — run a program once; print its wall time and peak memory.
 *   clang-19 -O2 scripts/bench-measure.c -o build/bench-measure     (scripts/bench does)
 *   build/bench-measure OUT PROG [ARGS...]
 * Runs PROG with its output to OUT (the path; /dev/null to drop it), waits,
 * and prints "WALL_SECONDS PEAK_KIB" on stdout; exits with PROG's status (128+N
 * on signal N). Python cannot measure a child's peak memory itself: a child
 * forked from it inherits the interpreter's high-water mark (the kernel keeps
 * the larger of the two at exec), so this small process does the forking. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: bench-measure OUT PROG [ARGS...]\n");
    return 2;
  }
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    perror(argv[1]);
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 2;
  }
  if (pid == 0) {
    dup2(fd, 1);
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) < 0) {
    perror("wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  printf("%.6f %ld\n", wall, usage.ru_maxrss);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
