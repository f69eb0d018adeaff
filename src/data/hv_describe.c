/* Words for the amounts and texts of the rules: amounts by faction or by
 * pair of factions, and an event's text with its person filled in
 * (hv_print.h). */
#include <stdio.h>
#include <string.h>

#include "hv_print.h"

void hv_describe_by_faction(const hv_rules *rules, const hv_by_faction *amounts, char *buf,
                            size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    if (amounts->all)
        n += (size_t)snprintf(buf, len, "%+d", amounts->all);
    for (int32_t f = 0; f < rules->faction_count && n < len; f++)
        if (amounts->by[f])
            n += (size_t)snprintf(buf + n, len - n, "%s%s %+d", n ? ", " : "",
                                  rules->factions[f].name, amounts->by[f]);
}

void hv_describe_by_pair(const hv_rules *rules, const hv_by_pair *amounts, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    if (amounts->all)
        n += (size_t)snprintf(buf, len, "%+d", amounts->all);
    for (int32_t a = 0; a < rules->faction_count && n < len; a++)
        for (int32_t b = a + 1; b < rules->faction_count && n < len; b++)
            if (amounts->by[a][b])
                n += (size_t)snprintf(buf + n, len - n, "%s%s-%s %+d", n ? ", " : "",
                                      rules->factions[a].name, rules->factions[b].name,
                                      amounts->by[a][b]);
}

void hv_event_fill(const hv_state *s, int32_t actor, const char *text, char *buf, size_t len)
{
    const hv_person *p = hv_state_person((hv_state *)s, actor);
    const hv_trait *t = p ? hv_person_trait(s, p) : NULL;
    static const char *const keys[] = {"{person}", "{nation}", "{trait}"};
    const char *values[] = {p ? hv_person_name(s, p) : "someone on the crew",
                            p ? s->rules->factions[p->faction].name : "their delegation",
                            t ? t->name : "restless"};
    size_t n = 0;
    while (*text && n + 1 < len) {
        int k = 0;
        while (k < 3 && strncmp(text, keys[k], strlen(keys[k])) != 0)
            k++;
        if (k < 3) {
            n += (size_t)snprintf(buf + n, len - n, "%s", values[k]);
            n = n < len ? n : len - 1;
            text += strlen(keys[k]);
        } else {
            buf[n++] = *text++;
        }
    }
    buf[n] = '\0';
}
