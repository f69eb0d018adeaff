/* Where reading stands (hv_ctx, declared in hv_fields.h): the key path
 * of the value being read, and errors and warnings reported at it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hv_fields.h"

/* Appends LEN bytes of TEXT to the path, cut at its end; returns the old length. */
static size_t ctx_append(hv_ctx *ctx, const char *text, size_t len)
{
    size_t old = ctx->path_len;
    if (len > HV_PATH_LEN - 1 - old)
        len = HV_PATH_LEN - 1 - old;
    memcpy(ctx->path + old, text, len);
    ctx->path_len = old + len;
    ctx->path[ctx->path_len] = '\0';
    return old;
}

/* Key paths are built for every value read, so without printf. */
size_t hv_ctx_push_key(hv_ctx *ctx, const char *key)
{
    size_t old = ctx->path_len;
    if (old)
        ctx_append(ctx, ".", 1);
    ctx_append(ctx, key, strlen(key));
    return old;
}

size_t hv_ctx_push_index(hv_ctx *ctx, size_t index)
{
    char buf[24], *p = buf + sizeof buf;
    *--p = ']';
    do
        *--p = (char)('0' + index % 10);
    while (index /= 10);
    *--p = '[';
    return ctx_append(ctx, p, (size_t)(buf + sizeof buf - p));
}

void hv_ctx_pop(hv_ctx *ctx, size_t len)
{
    ctx->path_len = len;
    ctx->path[len] = '\0';
}

/* One error or warning at NODE, prefixed with the current key path. */
static void ctx_report(hv_ctx *ctx, const hv_ynode *node, int warning, const char *fmt, va_list ap)
{
    char msg[768];
    vsnprintf(msg, sizeof msg, fmt, ap);
    int line = node ? node->line : 0, col = node ? node->col : 0;
    void (*report)(hv_diag *, const char *, int, int, const char *, ...) =
        warning ? hv_diag_warning : hv_diag_error;
    if (ctx->path_len)
        report(ctx->diag, ctx->file, line, col, "%s: %s", ctx->path, msg);
    else
        report(ctx->diag, ctx->file, line, col, "%s", msg);
}

void hv_ctx_error(hv_ctx *ctx, const hv_ynode *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ctx_report(ctx, node, 0, fmt, ap);
    va_end(ap);
    ctx->errors++;
}

void hv_ctx_warning(hv_ctx *ctx, const hv_ynode *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ctx_report(ctx, node, 1, fmt, ap);
    va_end(ap);
}
