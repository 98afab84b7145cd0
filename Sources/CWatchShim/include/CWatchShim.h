// What Glibc's Swift module does not import: statfs(2) (filesystem magic) and pipe2(2).
#ifndef CWATCHSHIM_H
#define CWATCHSHIM_H

/// The statfs(2) f_type of path, or -1 with errno set.
long storywatch_filesystem_type(const char *path);

/// pipe2(2) with O_CLOEXEC | O_NONBLOCK on both ends; 0, or -1 with errno set.
int storywatch_pipe_cloexec_nonblock(int fds[2]);

#endif
