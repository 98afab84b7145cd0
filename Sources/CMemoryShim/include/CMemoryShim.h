// What Glibc's Swift module does not import: malloc.h (malloc_trim, mallopt).
#ifndef CMEMORYSHIM_H
#define CMEMORYSHIM_H

/// malloc_trim(0): returns the free pages of every malloc arena to the kernel; 1 when some were.
int storywatch_release_free_heap(void);

/// mallopt(M_ARENA_MAX, count): at most `count` malloc arenas; 1 on success.
int storywatch_limit_malloc_arenas(int count);

#endif
