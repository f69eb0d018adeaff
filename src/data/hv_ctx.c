/* Where reading stands (hv_ctx, declared in hv_fields.h): the key path
 * of the value being read, and errors and warnings reported at it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hv_fields.h"

size_t hv_ctx_push_key(hv_ctx *ctx, const char *key)
{
    size_t old = ctx->path_len;
    int n = snprintf(ctx->path + old, HV_PATH_LEN - old, "%s%s", old ? "." : "", key);
    if (n > 0)
        ctx->path_len = old + (size_t)n < HV_PATH_LEN ? old + (size_t)n : HV_PATH_LEN - 1;
    return old;
}

size_t hv_ctx_push_index(hv_ctx *ctx, size_t index)
{
    size_t old = ctx->path_len;
    int n = snprintf(ctx->path + old, HV_PATH_LEN - old, "[%zu]", index);
    if (n > 0)
        ctx->path_len = old + (size_t)n < HV_PATH_LEN ? old + (size_t)n : HV_PATH_LEN - 1;
    return old;
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
