/* Reading and writing the campaign's carry (hv_carry_file.h). */
#include "hv_carry_file.h"

#include <string.h>

#include "hv_level.h"

const hv_field hv_carry_fields[] = {
    {"sponsors", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0,
     "faction id -> points its sponsor starts above its level's figure (-100..100)"},
    {"flags", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "story flags set from week 1"},
    {"people", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "named people's health, morale and loyalty"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_carry_person_fields[] = {
    {"name", HV_F_TEXT, offsetof(hv_carry_person, name), HV_PERSON_NAME_LEN, 1, 0, 0, NULL, 0,
     "the person's name, as the levels' rosters write it"},
    {"gone", HV_F_BOOL, offsetof(hv_carry_person, gone), sizeof(int32_t), 0, 0, 0, NULL, 0,
     "died or left the base: absent from later levels"},
    {"health", HV_F_INT32, offsetof(hv_carry_person, health), sizeof(int32_t), 0, 1, 100, NULL, 0,
     "health they start with"},
    {"morale", HV_F_INT32, offsetof(hv_carry_person, morale), sizeof(int32_t), 0, 0, 100, NULL, 0,
     "morale they start with"},
    {"loyalty", HV_F_INT32, offsetof(hv_carry_person, loyalty), sizeof(int32_t), 0, 0, 100, NULL, 0,
     "loyalty they start with"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static void read_sponsors(hv_ctx *ctx, const hv_ynode *node, hv_carry *out)
{
    if (!hv_expect(ctx, node, HV_YNODE_MAP))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i], *value = node->items[2 * i + 1];
        size_t old = hv_ctx_push_key(ctx, key->str);
        if (out->sponsor_count == HV_MAX_SPONSORS) {
            hv_ctx_error(ctx, key, "more than %d sponsors", HV_MAX_SPONSORS);
        } else {
            int32_t n = out->sponsor_count;
            int64_t v;
            if (hv_read_id(ctx, key, out->sponsor[n], HV_ID_LEN) &&
                hv_read_int(ctx, value, -HV_CARRY_CHANGE_MAX, HV_CARRY_CHANGE_MAX, &v)) {
                out->change[n] = (int32_t)v;
                out->sponsor_count++;
            }
        }
        hv_ctx_pop(ctx, old);
    }
}

static void read_flags(hv_ctx *ctx, const hv_ynode *node, hv_carry *out)
{
    if (!hv_expect(ctx, node, HV_YNODE_SEQ))
        return;
    for (size_t i = 0; i < node->count; i++) {
        size_t old = hv_ctx_push_index(ctx, i);
        if (out->flag_count == HV_MAX_FLAGS)
            hv_ctx_error(ctx, node->items[i], "more than %d flags", HV_MAX_FLAGS);
        else if (hv_read_id(ctx, node->items[i], out->flags[out->flag_count], HV_ID_LEN))
            out->flag_count++;
        hv_ctx_pop(ctx, old);
    }
}

static void read_people(hv_ctx *ctx, const hv_ynode *node, hv_carry *out)
{
    if (!hv_expect(ctx, node, HV_YNODE_SEQ))
        return;
    for (size_t i = 0; i < node->count; i++) {
        size_t old = hv_ctx_push_index(ctx, i);
        if (out->person_count == HV_CARRY_PEOPLE) {
            hv_ctx_error(ctx, node->items[i], "more than %d people", HV_CARRY_PEOPLE);
        } else {
            hv_carry_person *p = &out->people[out->person_count];
            memset(p, 0, sizeof *p);
            p->health = 100;
            p->morale = 60;
            p->loyalty = 70;
            if (hv_fields_read(ctx, node->items[i], hv_carry_person_fields, p, NULL, 1))
                out->person_count++;
        }
        hv_ctx_pop(ctx, old);
    }
}

int hv_carry_read(hv_ctx *ctx, const hv_ynode *node, hv_carry *out)
{
    int before = ctx->errors;
    hv_carry_init(out);
    if (!hv_fields_read(ctx, node, hv_carry_fields, NULL, NULL, 1))
        return -1;
    static const char *const keys[] = {"sponsors", "flags", "people"};
    void (*const readers[])(hv_ctx *, const hv_ynode *, hv_carry *) = {read_sponsors, read_flags,
                                                                       read_people};
    for (int k = 0; k < 3; k++) {
        const hv_ynode *v = hv_ynode_get(node, keys[k]);
        if (!v)
            continue;
        size_t old = hv_ctx_push_key(ctx, keys[k]);
        readers[k](ctx, v, out);
        hv_ctx_pop(ctx, old);
    }
    return ctx->errors == before ? 0 : -1;
}

int hv_carry_empty(const hv_carry *c)
{
    return c->sponsor_count == 0 && c->flag_count == 0 && c->person_count == 0;
}

/* NAME in double quotes, with the escapes YAML needs. */
static void quoted(FILE *out, const char *name)
{
    fputc('"', out);
    for (const char *p = name; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

void hv_carry_write(FILE *out, int indent, const hv_carry *c)
{
    if (hv_carry_empty(c)) {
        fputs(" {}\n", out);
        return;
    }
    fputc('\n', out);
    if (c->sponsor_count) {
        fprintf(out, "%*ssponsors: {", indent, "");
        for (int32_t i = 0; i < c->sponsor_count; i++)
            fprintf(out, "%s%s: %d", i ? ", " : "", c->sponsor[i], c->change[i]);
        fputs("}\n", out);
    }
    if (c->flag_count) {
        fprintf(out, "%*sflags: [", indent, "");
        for (int32_t i = 0; i < c->flag_count; i++)
            fprintf(out, "%s%s", i ? ", " : "", c->flags[i]);
        fputs("]\n", out);
    }
    if (c->person_count) {
        fprintf(out, "%*speople:\n", indent, "");
        for (int32_t i = 0; i < c->person_count; i++) {
            const hv_carry_person *p = &c->people[i];
            fprintf(out, "%*s  - {name: ", indent, "");
            quoted(out, p->name);
            if (p->gone)
                fputs(", gone: true}\n", out);
            else
                fprintf(out, ", health: %d, morale: %d, loyalty: %d}\n", p->health, p->morale,
                        p->loyalty);
        }
    }
}
