#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/vfs.h>
#include <unistd.h>
#include "CWatchShim.h"

long storywatch_filesystem_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (long)info.f_type;
}

int storywatch_pipe_cloexec_nonblock(int fds[2]) {
    return pipe2(fds, O_CLOEXEC | O_NONBLOCK);
}
