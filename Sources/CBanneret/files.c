// File-system calls the Swift Glibc module does not export (GNU extensions).
#define _GNU_SOURCE
#include "CBanneret.h"
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int bnr_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int bnr_syncfs(int fd) { return syncfs(fd); }
