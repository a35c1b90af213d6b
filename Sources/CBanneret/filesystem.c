// syncfs(2) is a GNU extension the Swift Glibc module does not expose.
#define _GNU_SOURCE
#include <unistd.h>
#include "CBanneret.h"

int bnr_syncfs(int fd) { return syncfs(fd); }
