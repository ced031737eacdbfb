#define _GNU_SOURCE
#include "CPlatform.h"

#ifdef __linux__
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int utermd_set_thread_affinity(const unsigned long long *words, size_t count) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (size_t word = 0; word < count; word++) {
        for (int bit = 0; bit < 64; bit++) {
            size_t cpu = word * 64 + (size_t)bit;
            if ((words[word] >> bit) & 1ULL) {
                if (cpu >= CPU_SETSIZE) {
                    errno = EINVAL;
                    return -1;
                }
                CPU_SET(cpu, &set);
            }
        }
    }
    return sched_setaffinity(0, sizeof set, &set);
}

int utermd_set_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = 0;
    return pthread_setname_np(pthread_self(), truncated);
}

pid_t utermd_thread_id(void) { return (pid_t)syscall(SYS_gettid); }
#endif
