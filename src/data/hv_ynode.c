/* hv_ynode: reading a file into a tree, reading a finished tree, and the
 * limits documents load under. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hv_file.h"
#include "hv_yaml.h"

hv_ylimits hv_ylimits_default(void)
{
    return (hv_ylimits){
        .max_bytes = 1048576, .max_depth = 64, .max_nodes = 200000, .max_scalar_len = 65536};
}

const hv_ynode *hv_ynode_get(const hv_ynode *node, const char *key)
{
    if (!node || node->kind != HV_YNODE_MAP || !key)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *k = node->items[2 * i];
        if (k->kind == HV_YNODE_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
            return node->items[2 * i + 1];
    }
    return NULL;
}

const char *hv_ynode_kind_name(hv_ynode_kind kind)
{
    static const char *const names[] = {"a value", "a list", "a map"};
    return (unsigned)kind < 3 ? names[kind] : "a node";
}

int hv_ydoc_load_file_keeping(hv_ydoc *doc, const char *path, const hv_ylimits *limits,
                              hv_diag *diag, char **bytes, size_t *len)
{
    memset(doc, 0, sizeof *doc);
    /* A file past the limit is refused after reading little more than the
     * limit, so a huge file is never read whole. */
    size_t n = 0;
    char *buf = hv_file_read_capped(path, limits->max_bytes, &n);
    if (bytes)
        *bytes = NULL;
    if (!buf) {
        if (errno == EFBIG)
            hv_diag_error(diag, path, 0, 0, "file is larger than %zu bytes", limits->max_bytes);
        else
            hv_diag_error(diag, path, 0, 0, "cannot open file: %s", hv_file_strerror(errno));
        return -1;
    }
    int rc = hv_ydoc_load_buffer(doc, path, buf, n, limits, diag);
    if (bytes) {
        *bytes = buf;
        *len = n;
    } else {
        free(buf);
    }
    return rc;
}

int hv_ydoc_load_file(hv_ydoc *doc, const char *path, const hv_ylimits *limits, hv_diag *diag)
{
    return hv_ydoc_load_file_keeping(doc, path, limits, diag, NULL, NULL);
}
