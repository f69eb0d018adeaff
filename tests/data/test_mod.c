/* Mods (hv_mod): a manifest reads through the key tables with its errors
 * at their lines, and a scan of a mods folder sorts the mods, skips
 * folders without a manifest, and marks broken every mod whose needs are
 * missing or broken, down a chain of needs. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_mod.h"
#include "hv_test.h"

static char dir[] = "/tmp/hv_mods_XXXXXX";

/* Writes a manifest for ID in its folder, with EXTRA lines after the keys. */
static void manifest(const char *folder, const char *id, const char *extra)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, folder);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/%s/mod.yaml", dir, folder);
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "format: 1\nkind: mod\nid: %s\ntitle: The %s\nversion: \"1.0\"\ngame_format: 1\n%s",
            id, id, extra);
    fclose(f);
}

static const hv_mod *find(const hv_mod *mods, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(mods[i].id, id) == 0)
            return &mods[i];
    return NULL;
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    manifest("zeta", "zeta", "");
    manifest("alpha", "alpha", "depends: [zeta]\n");
    manifest("chain", "chain", "depends: [needy]\n");
    manifest("needy", "needy", "depends: [gone]\n");
    manifest("odd", "other", "");
    char path[512];
    snprintf(path, sizeof path, "%s/empty", dir);
    mkdir(path, 0755); /* no manifest: not a mod */

    hv_mod mods[HV_MODS_MAX];
    int n = hv_mods_scan(dir, mods, HV_MODS_MAX);
    CHECK_EQ_INT(n, 5);
    CHECK_STR(mods[0].id, "alpha");
    CHECK_STR(mods[0].title, "The alpha");
    CHECK_STR(mods[0].version, "1.0");
    CHECK_EQ_INT(mods[0].depend_count, 1);
    CHECK(!mods[0].broken);
    const hv_mod *needy = find(mods, n, "needy"), *chain = find(mods, n, "chain");
    CHECK(needy && needy->broken && strstr(needy->error, "needs the mod 'gone'"));
    CHECK(chain && chain->broken && strstr(chain->error, "'needy', which is broken"));
    const hv_mod *odd = find(mods, n, "other");
    CHECK(odd && odd->broken && strstr(odd->error, ":3:5: the mod's id 'other' must be"));
    CHECK(find(mods, n, "zeta") && !find(mods, n, "zeta")->broken);

    /* A manifest with a bad need and an unknown key: every error, each at its line. */
    manifest("bad", "bad", "depends: [bad, Not-An-Id]\ncolour: red\n");
    snprintf(path, sizeof path, "%s/bad/mod.yaml", dir);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_mod m;
    CHECK_EQ_INT(hv_mod_load(&m, path, &diag), -1);
    int self = 0, id = 0, key = 0;
    for (size_t i = 0; i < diag.count; i++) {
        const hv_diag_entry *e = &diag.entries[i];
        self += e->line == 7 && e->col == 11 && strstr(e->message, "cannot need itself") != NULL;
        id += e->line == 7 && e->col == 16;
        key += e->line == 8 && strstr(e->message, "colour") != NULL;
    }
    CHECK_EQ_INT(self, 1);
    CHECK_EQ_INT(id, 1);
    CHECK_EQ_INT(key, 1);
    hv_diag_free(&diag);
    CHECK_EQ_INT(hv_mods_scan("/nonexistent/mods", mods, HV_MODS_MAX), 0);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_EQ_INT(system(cmd), 0);
    return hv_test_done("data_mod");
}
