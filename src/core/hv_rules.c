#include "hv_rules.h"

#include <string.h>

static const char *const resource_ids[HV_RES_COUNT] = {
    "water", "oxygen", "food", "materials", "fuel", "ore", "iridium", "funds",
};
static const char *const resource_names[HV_RES_COUNT] = {
    "Water", "Oxygen", "Food", "Materials", "Fuel", "Ore", "Iridium", "Funds",
};

static void copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void hv_rules_init(hv_rules *rules)
{
    memset(rules, 0, sizeof *rules);
    for (int r = 0; r < HV_RES_COUNT; r++) {
        copy_text(rules->resources[r].id, HV_ID_LEN, resource_ids[r]);
        copy_text(rules->resources[r].name, HV_NAME_LEN, resource_names[r]);
        copy_text(rules->resources[r].unit, HV_ID_LEN, r == HV_RES_FUNDS ? "k$" : "t");
    }
}

int hv_resource_find(const char *id)
{
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (strcmp(resource_ids[r], id) == 0)
            return r;
    return -1;
}

const char *hv_resource_id(hv_resource r)
{
    return (r >= 0 && r < HV_RES_COUNT) ? resource_ids[r] : "?";
}

int hv_rules_find_module_type(const hv_rules *rules, const char *id)
{
    for (int i = 0; i < rules->module_type_count; i++)
        if (strcmp(rules->module_types[i].id, id) == 0)
            return i;
    return -1;
}

int hv_rules_find_role(const hv_rules *rules, const char *id)
{
    for (int i = 0; i < rules->role_count; i++)
        if (strcmp(rules->roles[i].id, id) == 0)
            return i;
    return -1;
}

int hv_rules_find_faction(const hv_rules *rules, const char *id)
{
    for (int i = 0; i < rules->faction_count; i++)
        if (strcmp(rules->factions[i].id, id) == 0)
            return i;
    return -1;
}

hv_terrain hv_rules_terrain_at(const hv_rules *rules, int x, int y)
{
    if (x < 0 || y < 0 || x >= rules->map_width || y >= rules->map_height)
        return HV_TERRAIN_ROCK;
    return (hv_terrain)rules->terrain[y * rules->map_width + x];
}
