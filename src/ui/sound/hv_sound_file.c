/* The sounds file: cue id -> WAV file and volume, read through the same
 * key tables as every other file of the game (docs/sounds-format.md). */
#include <stdio.h>
#include <string.h>

#include "hv_level.h"
#include "hv_sound.h"

const hv_field hv_sound_file_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be `sounds`"},
    {"effects", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "cue id -> sound"},
    {"ambience", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "loop id -> sound"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_sound_entry_fields[] = {
    {"file", HV_F_TEXT, offsetof(hv_sound_entry, file), HV_SOUND_FILE_LEN, 1, 0, 0, NULL, 0,
     "a WAV file in the same folder"},
    {"volume", HV_F_INT32, offsetof(hv_sound_entry, volume), sizeof(int32_t), 0, 0, 100, NULL, 0,
     "percent of the player's volume"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

/* The cue and loop ids as key tables, so unknown ids are reported with a
 * "did you mean" like any other unknown key. */
#define ID_FIELD(name, id) {id, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
#define END                                                                                        \
    {                                                                                              \
        NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL                                              \
    }
static const hv_field cue_fields[] = {HV_CUES(ID_FIELD) END};
static const hv_field loop_fields[] = {HV_LOOPS(ID_FIELD) END};
#undef END
#undef ID_FIELD

const hv_field *hv_sound_keys(const char *section)
{
    static const struct {
        const char *section;
        const hv_field *fields;
    } sections[] = {{"", hv_sound_file_fields},
                    {"effects", cue_fields},
                    {"ambience", loop_fields},
                    {"sound", hv_sound_entry_fields}};
    for (size_t i = 0; section && i < sizeof sections / sizeof sections[0]; i++)
        if (strcmp(sections[i].section, section) == 0)
            return sections[i].fields;
    return NULL;
}

/* Reads the map at KEY: each id through FIELDS to an entry of OUT. */
static void read_entries(hv_ctx *ctx, const hv_ynode *root, const char *key, const hv_field *fields,
                         hv_sound_entry *out)
{
    const hv_ynode *node = hv_ynode_get(root, key);
    if (!node)
        return;
    size_t old = hv_ctx_push_key(ctx, key);
    if (hv_fields_read(ctx, node, fields, NULL, NULL, 0)) {
        for (size_t i = 0; i < node->count; i++) {
            const hv_ynode *id = node->items[2 * i], *value = node->items[2 * i + 1];
            int at = hv_fields_index(fields, id->str);
            if (at < 0)
                continue; /* reported by hv_fields_read */
            size_t p = hv_ctx_push_key(ctx, id->str);
            hv_sound_entry e = {"", 100};
            int before = ctx->errors;
            hv_fields_read(ctx, value, hv_sound_entry_fields, &e, NULL, 1);
            /* The sounds stay in their folder: a bare name, no path. */
            if (ctx->errors == before && (strchr(e.file, '/') || strchr(e.file, '\\') ||
                                          e.file[0] == '.' || e.file[0] == '\0'))
                hv_ctx_error(ctx, hv_ynode_get(value, "file"),
                             "'%s' is not a file name in this folder (no '/', no leading '.')",
                             e.file);
            else if (ctx->errors == before)
                out[at] = e;
            hv_ctx_pop(ctx, p);
        }
    }
    hv_ctx_pop(ctx, old);
}

int hv_sound_table_load(hv_sound_table *out, const char *path, hv_diag *diag)
{
    memset(out, 0, sizeof *out);
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = 64 * 1024;
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    hv_sound_table tmp;
    memset(&tmp, 0, sizeof tmp);
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 &&
        hv_check_format(&ctx, doc.root, "sounds") &&
        hv_fields_read(&ctx, doc.root, hv_sound_file_fields, NULL, NULL, 1)) {
        read_entries(&ctx, doc.root, "effects", cue_fields, tmp.effects);
        read_entries(&ctx, doc.root, "ambience", loop_fields, tmp.loops);
    }
    hv_ydoc_free(&doc);
    if (diag->count != before)
        return -1;
    *out = tmp;
    return 0;
}
