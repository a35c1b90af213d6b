#include "CBanneret.h"
#include <openssl/evp.h>

void *bnr_sha256_new(void) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (ctx) EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    return ctx;
}

void bnr_sha256_update(void *ctx, const void *data, size_t length) {
    EVP_DigestUpdate((EVP_MD_CTX *)ctx, data, length);
}

void bnr_sha256_finish(void *ctx, uint8_t digest[32]) {
    unsigned int length = 32;
    EVP_DigestFinal_ex((EVP_MD_CTX *)ctx, digest, &length);
    EVP_MD_CTX_free((EVP_MD_CTX *)ctx);
}
