// The Linux calls the Swift Glibc module does not export: glibc declares them only under
// _GNU_SOURCE. Declared here with their exact C signatures, built with _GNU_SOURCE defined
// (shim.c), and called from Swift only through the Platform module. Empty elsewhere.
#ifndef UTERMD_CPLATFORM_H
#define UTERMD_CPLATFORM_H

#ifdef __linux__
#include <stddef.h>
#include <sys/types.h>

/// sched_setaffinity(0, ...) for the calling thread: `words` is a CPU mask of `count` 64-bit
/// words (bit n of word n / 64 is CPU n). Returns 0, or -1 with errno set.
int utermd_set_thread_affinity(const unsigned long long *words, size_t count);

/// pthread_setname_np(pthread_self(), name): at most 15 bytes are kept. Returns 0 or an error number.
int utermd_set_thread_name(const char *name);

/// gettid(): the calling thread's kernel id.
pid_t utermd_thread_id(void);
#endif

#endif
