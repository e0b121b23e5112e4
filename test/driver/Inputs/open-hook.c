/* open-hook.c: preloaded (LD_PRELOAD) into a command under test, runs the
 * shell command $OPEN_HOOK_RUN, and waits for it, the first time the command
 * opens a file whose path ends in $OPEN_HOOK_ON, before opening it.
 *
 * It gives a test a moment inside an async-lint run that comes at the same
 * point every time: with -j1 and `a.cpp b.cpp`, a header only b.cpp includes
 * is opened after a.cpp was linted and reported, and before b.cpp's lint
 * ends; one only a.cpp includes, after the run checked its inputs and before
 * b.cpp's turn. Build it with `clang -shared -fPIC open-hook.c -ldl`. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int hook_ran;

static void run_hook(const char *path) {
  const char *on = getenv("OPEN_HOOK_ON");
  const char *command = getenv("OPEN_HOOK_RUN");
  if (!on || !command || !path)
    return;
  size_t path_length = strlen(path), on_length = strlen(on);
  if (path_length < on_length ||
      strcmp(path + path_length - on_length, on) != 0)
    return;
  if (__atomic_exchange_n(&hook_ran, 1, __ATOMIC_SEQ_CST))
    return;
  if (system(command) != 0)
    abort();
}

/* The mode argument exists only when the flags create a file. */
#define MODE_OF(flags, last)                                                   \
  mode_t mode = 0;                                                             \
  if ((flags) & (O_CREAT | O_TMPFILE)) {                                       \
    va_list args;                                                              \
    va_start(args, last);                                                      \
    mode = va_arg(args, mode_t);                                               \
    va_end(args);                                                              \
  }

#define WRAP_OPEN(name)                                                        \
  int name(const char *path, int flags, ...) {                                 \
    MODE_OF(flags, flags)                                                      \
    run_hook(path);                                                            \
    int (*real)(const char *, int, ...) = dlsym(RTLD_NEXT, #name);             \
    return real(path, flags, mode);                                            \
  }

#define WRAP_OPENAT(name)                                                      \
  int name(int directory, const char *path, int flags, ...) {                  \
    MODE_OF(flags, flags)                                                      \
    run_hook(path);                                                            \
    int (*real)(int, const char *, int, ...) = dlsym(RTLD_NEXT, #name);        \
    return real(directory, path, flags, mode);                                 \
  }

WRAP_OPEN(open)
WRAP_OPEN(open64)
WRAP_OPENAT(openat)
WRAP_OPENAT(openat64)
