/* hv_ynode: reading a finished tree, and the limits documents load under. */
#include <string.h>

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
