/* The rules as a reference page (hv_reference.h): every entry printed
 * through the same key tables the loader reads it with, so the page can
 * never name a key the files do not have, nor miss one they do. */
#include "hv_reference.h"

#include <inttypes.h>
#include <string.h>

#include "hv_fields.h"
#include "hv_print.h"

/* Table cells hold no '|' or line breaks. */
static void cell(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++)
        fputc(*p == '|' ? '/' : *p == '\n' ? ' ' : *p, out);
}

/* Writes VALUE of field F in ENTRY as it would be written in a file;
 * returns 0 when it holds nothing worth saying (zero, empty, none). */
static int value_of(FILE *out, const hv_rules *r, const hv_field *f, const void *entry)
{
    const char *at = (const char *)entry + f->offset;
    int32_t i32;
    int64_t i64;
    uint32_t u32;
    switch (f->type) {
    case HV_F_INT32:
    case HV_F_BOOL:
        memcpy(&i32, at, sizeof i32);
        if (!i32)
            return 0;
        if (out)
            fprintf(out, f->type == HV_F_BOOL ? "true" : "%" PRId32, i32);
        return 1;
    case HV_F_INT64:
        memcpy(&i64, at, sizeof i64);
        if (!i64)
            return 0;
        if (out)
            fprintf(out, "%" PRId64, i64);
        return 1;
    case HV_F_TEXT:
    case HV_F_ID:
        if (!at[0])
            return 0;
        if (out)
            cell(out, at);
        return 1;
    case HV_F_COLOUR:
        memcpy(&u32, at, sizeof u32);
        if (out)
            fprintf(out, "#%06" PRIx32, u32);
        return 1;
    case HV_F_ENUM:
        memcpy(&i32, at, sizeof i32);
        if (!i32 && !f->required)
            return 0;
        if (out)
            fprintf(out, "%s", f->names[i32]);
        return 1;
    case HV_F_REF: {
        memcpy(&i32, at, sizeof i32);
        int one = f->ref >= HV_REF_MODULE_TYPE1, index = i32 - one;
        if (i32 <= 0 && one)
            return 0;
        const char *name = f->ref == HV_REF_MODULE_TYPE1 ? r->module_types[index].id
                           : f->ref == HV_REF_EVENT1     ? r->events[index].id
                           : f->ref == HV_REF_FLAG1      ? r->flags[index]
                           : f->ref == HV_REF_TRAIT1     ? r->traits[index].id
                           : f->ref == HV_REF_POLICY1    ? r->policies[index].id
                                                         : NULL;
        if (!name)
            return 0; /* plain references are never printed: their 0 is a real entry */
        if (out)
            fprintf(out, "%s", name);
        return 1;
    }
    case HV_F_RESMAP: {
        int64_t v[HV_RES_COUNT];
        memcpy(v, at, sizeof v);
        int n = 0;
        for (int k = 0; k < HV_RES_COUNT; k++)
            if (v[k]) {
                if (out)
                    fprintf(out, "%s%s %" PRId64, n ? ", " : "{", hv_resource_id((hv_resource)k),
                            v[k]);
                n++;
            }
        if (n && out)
            fprintf(out, "}");
        return n > 0;
    }
    case HV_F_TERRAIN:
    case HV_F_FLAGS: {
        memcpy(&u32, at, sizeof u32);
        int n = 0;
        for (int k = 0; k < 32; k++)
            if ((u32 >> k) & 1u) {
                const char *name = f->type == HV_F_TERRAIN ? hv_terrain_names[k]
                                   : k < r->flag_count     ? r->flags[k]
                                                           : "?";
                if (out)
                    fprintf(out, "%s%s", n ? ", " : "[", name);
                n++;
            }
        if (n && out)
            fprintf(out, "]");
        return n > 0;
    }
    case HV_F_BY_FACTION:
    case HV_F_BY_PAIR: {
        char text[512];
        if (f->type == HV_F_BY_FACTION)
            hv_describe_by_faction(r, (const hv_by_faction *)(const void *)at, text, sizeof text);
        else
            hv_describe_by_pair(r, (const hv_by_pair *)(const void *)at, text, sizeof text);
        if (text[0] && out)
            cell(out, text);
        return text[0] != '\0';
    }
    case HV_F_TWO_FACTIONS: {
        int32_t two[2];
        memcpy(two, at, sizeof two);
        if (two[0] <= 0 || two[1] <= 0)
            return 0;
        if (out)
            fprintf(out, "[%s, %s]", r->factions[two[0] - 1].id, r->factions[two[1] - 1].id);
        return 1;
    }
    case HV_F_SKIP:
        return 0;
    }
    return 0;
}

int hv_reference_fields(FILE *out, const hv_rules *rules, const hv_field *fields,
                        const void *entry, const char *const *skip)
{
    int n = 0;
    for (int i = 0; fields[i].key; i++) {
        int skipped = 0;
        for (int k = 0; skip && skip[k] && !skipped; k++)
            skipped = strcmp(skip[k], fields[i].key) == 0;
        if (skipped || !value_of(NULL, rules, &fields[i], entry))
            continue;
        fprintf(out, "%s%s: ", n++ ? ", " : "", fields[i].key);
        value_of(out, rules, &fields[i], entry);
    }
    if (!n)
        fprintf(out, "nothing");
    return n;
}

/* A table of ENTRIES (COUNT of SIZE bytes, the id first) through FIELDS:
 * id, name and every other key it sets. */
static void table(FILE *out, const hv_rules *r, const char *title, const char *about,
                  const hv_field *fields, const void *entries, int32_t count, size_t size)
{
    static const char *const skip[] = {"name", NULL};
    fprintf(out, "## %s\n\n%s\n\n| id | name | keys |\n|---|---|---|\n", title, about);
    for (int32_t i = 0; i < count; i++) {
        const char *e = (const char *)entries + (size_t)i * size;
        fprintf(out, "| `%s` | ", e);
        int name = hv_fields_index(fields, "name");
        if (name >= 0)
            cell(out, e + fields[name].offset);
        fprintf(out, " | ");
        hv_reference_fields(out, r, fields, e, skip);
        fprintf(out, " |\n");
    }
    fprintf(out, "\n");
}

static void policies(FILE *out, const hv_rules *r)
{
    fprintf(out, "## Policies\n\nEach option's effect holds every week it is in force.\n\n");
    for (int32_t i = 0; i < r->policy_count; i++) {
        const hv_policy *p = &r->policies[i];
        fprintf(out, "### %s (`%s`)\n\n", p->name, p->id);
        if (p->text[0]) {
            cell(out, p->text);
            fprintf(out, "\n\n");
        }
        if (p->cooldown)
            fprintf(out, "Changes at most every %d weeks.\n\n", p->cooldown);
        fprintf(out, "| option | name | effect |\n|---|---|---|\n");
        for (int32_t k = 0; k < p->option_count; k++) {
            fprintf(out, "| `%s`%s | ", p->options[k].id, k == p->start ? " (start)" : "");
            cell(out, p->options[k].name);
            fprintf(out, " | ");
            hv_reference_fields(out, r, hv_policy_effect_fields, &p->options[k].effect, NULL);
            fprintf(out, " |\n");
        }
        fprintf(out, "\n");
    }
}

static void events(FILE *out, const hv_rules *r)
{
    static const char *const skip[] = {"title", "text", NULL};
    fprintf(out, "## Events\n\nThe pool the storyteller draws from and the rungs of the unrest "
                 "ladder (`unrest_at`); levels add their own scripted events.\n\n");
    for (int32_t i = 0; i < r->event_count; i++) {
        const hv_event_def *e = &r->events[i];
        fprintf(out, "### %s (`%s`)\n\n", e->title, e->id);
        cell(out, e->text);
        fprintf(out, "\n\n- when: ");
        hv_reference_fields(out, r, hv_pool_event_fields, e, skip);
        fprintf(out, "\n- at once: ");
        hv_reference_fields(out, r, hv_event_effect_fields, &e->effect, NULL);
        fprintf(out, "\n");
        for (int32_t c = 0; c < e->choice_count; c++) {
            fprintf(out, "- choice %d, ", c + 1);
            cell(out, e->choices[c].text);
            fprintf(out, ": ");
            hv_reference_fields(out, r, hv_event_effect_fields, &e->choices[c].effect, NULL);
            fprintf(out, "\n");
        }
        fprintf(out, "\n");
    }
}

void hv_reference_write(FILE *out, const hv_rules *r, const char *source)
{
    fprintf(out,
            "# The rules of %s\n\n"
            "Made by `happyvalley reference %s` from the rules themselves, every key as a "
            "rules file writes it ([level-format.md](level-format.md) says what each means); "
            "a test checks that it matches them.\n\n",
            source, source);
    table(out, r, "Module types", "What each costs, takes, makes and needs.",
          hv_module_type_fields, r->module_types, r->module_type_count, sizeof r->module_types[0]);
    table(out, r, "Roles", "The jobs people hold.", hv_role_fields, r->roles, r->role_count,
          sizeof r->roles[0]);
    table(out, r, "Factions", "The nations and companies at the base.", hv_faction_fields,
          r->factions, r->faction_count, sizeof r->factions[0]);
    table(out, r, "Traits", "What people may be like.", hv_trait_fields, r->traits,
          r->trait_count, sizeof r->traits[0]);
    policies(out, r);
    events(out, r);
}
