#include <malloc.h>
#include "CMemoryShim.h"

int storywatch_release_free_heap(void) {
    return malloc_trim(0);
}

int storywatch_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
