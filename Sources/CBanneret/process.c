// Allocator calls the Swift Glibc module does not export (malloc.h).
#include "CBanneret.h"
#include <malloc.h>

int bnr_malloc_trim(void) { return malloc_trim(0); }
