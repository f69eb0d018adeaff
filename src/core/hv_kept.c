/* The kept figures about the modules and the people (hv_kept in
 * hv_state.h): rebuilt from scratch, checked against a recount, and kept
 * by the changes to the people that every phase shares. */
#include <stdio.h>
#include <string.h>

#include "hv_phase.h"

/* S's kept figures as counted afresh from its modules, into K. */
static void recount(const hv_state *s, hv_kept *k)
{
    memset(k, 0, sizeof *k);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        uint64_t bit = 1ull << (i & 63);
        if (m->type < 0 || m->type >= s->rules->module_type_count)
            continue; /* hv_state_check says so first */
        const hv_module_type *mt = &s->rules->module_types[m->type];
        k->by_type[m->type]++;
        k->types |= 1u << m->type;
        k->upkeep += mt->upkeep;
        k->housing += mt->housing;
        if (hv_module_odd(s, m))
            k->odd[i >> 6] |= bit;
        else if (!m->powered)
            k->dark[i >> 6] |= bit;
    }
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (!(p->module | p->away))
            k->free[i >> 6] |= 1ull << (i & 63);
        if (p->role < 0 || p->role >= s->rules->role_count || p->faction < 0 ||
            p->faction >= s->rules->faction_count)
            continue; /* hv_state_check says so first */
        k->by_role[p->role]++;
        k->nation[(s->rules->roles[p->role].klass == HV_CLASS_WORKER) * HV_MAX_FACTIONS +
                  p->faction]++;
        k->nations |= 1u << p->faction;
    }
}

void hv_state_recount(hv_state *s)
{
    recount(s, &s->kept);
}

void hv_kept_free_from(hv_state *s, int32_t from)
{
    for (int32_t w = from >> 6; w < HV_MAX_PEOPLE / 64; w++)
        s->kept.free[w] &= w == from >> 6 ? ~(~0ull << (from & 63)) : 0; /* below FROM stays */
    for (int32_t i = from; i < s->person_count; i++)
        hv_kept_free(s, &s->people[i]);
}

int hv_kept_check(const hv_state *s, char *why, size_t why_len)
{
    hv_kept k;
    recount(s, &k);
    const char *what = NULL;
    if (memcmp(k.by_role, s->kept.by_role, sizeof k.by_role) != 0)
        what = "people by role";
    else if (memcmp(k.free, s->kept.free, sizeof k.free) != 0)
        what = "people free to work";
    else if (memcmp(k.nation, s->kept.nation, sizeof k.nation) != 0 || k.nations != s->kept.nations)
        what = "people by nation and class";
    else if (memcmp(k.by_type, s->kept.by_type, sizeof k.by_type) != 0 ||
             k.types != s->kept.types || k.upkeep != s->kept.upkeep || k.housing != s->kept.housing)
        what = "modules by type";
    else if (memcmp(k.odd, s->kept.odd, sizeof k.odd) != 0)
        what = "modules not running whole";
    else if (memcmp(k.dark, s->kept.dark, sizeof k.dark) != 0)
        what = "modules running whole but powered off";
    if (!what)
        return 0;
    if (why && why_len)
        snprintf(why, why_len, "the kept count of %s differs from a recount", what);
    return -1;
}

void hv_unassign(hv_state *s, hv_person *p)
{
    hv_module *m = p->module ? hv_state_module(s, p->module) : NULL;
    if (m) {
        m->crew--;
        hv_kept_module(s, m);
    }
    p->module = 0;
    hv_kept_free(s, p);
}

void hv_remove_person(hv_state *s, int32_t index)
{
    hv_unassign(s, &s->people[index]);
    hv_kept_person(s, &s->people[index], -1);
    memmove(&s->people[index], &s->people[index + 1],
            (size_t)(s->person_count - index - 1) * sizeof s->people[0]);
    s->person_count--;
    hv_kept_free_from(s, index);
}
