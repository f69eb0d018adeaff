#include "hv_json.h"

#include "hv_print.h"

void hv_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

/* Tension, unrest and sponsor politics, as `, "society": {...}`. */
static void hv_json_society(FILE *out, const hv_state *s)
{
    const hv_rules *r = s->rules;
    fprintf(out,
            ", \"society\": {\"nation_tension\": %d, \"class_tension\": %d, \"incidents\": %d, "
            "\"riots\": %d, \"riot_weeks\": %d, \"sponsors\": [",
            hv_state_nation_tension(s), s->class_tension, s->incidents, s->riots, s->riot_weeks);
    for (int32_t k = 0; k < r->sponsor_count; k++) {
        fprintf(out, "%s{\"faction\": ", k ? ", " : "");
        hv_json_string(out, r->factions[r->sponsors[k].faction].id);
        fprintf(out, ", \"satisfaction\": %d, \"funding_pct\": %d}", s->satisfaction[k],
                s->funding_pct[k]);
    }
    fprintf(out, "], \"partners\": [");
    int first = 1;
    for (int32_t a = 0; a < r->faction_count; a++)
        for (int32_t b = a + 1; b < r->faction_count; b++)
            if (s->partners[a] >> b & 1u) {
                fprintf(out, "%s[", first ? "" : ", ");
                hv_json_string(out, r->factions[a].id);
                fprintf(out, ", ");
                hv_json_string(out, r->factions[b].id);
                fprintf(out, "]");
                first = 0;
            }
    fprintf(out, "], \"tension\": [");
    first = 1;
    uint32_t present = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        present |= 1u << s->people[i].faction;
    for (int32_t a = 0; a < r->faction_count; a++)
        for (int32_t b = a + 1; b < r->faction_count; b++)
            if (present >> a & present >> b & 1u) {
                fprintf(out, "%s{\"between\": [", first ? "" : ", ");
                hv_json_string(out, r->factions[a].id);
                fprintf(out, ", ");
                hv_json_string(out, r->factions[b].id);
                fprintf(out, "], \"value\": %d}", s->tension[a][b]);
                first = 0;
            }
    fprintf(out, "]}");
}

/* The storyteller's state: what is promised, and how often each event came. */
static void json_events(FILE *out, const hv_state *s)
{
    const hv_rules *r = s->rules;
    fprintf(out, ", \"events\": {\"waiting\": ");
    if (s->pending >= 0)
        hv_json_string(out, r->events[s->pending].id);
    else
        fprintf(out, "null");
    for (int forecast = 1; forecast >= 0; forecast--) {
        fprintf(out, ", \"%s\": [", forecast ? "forecasts" : "follow_ups");
        int n = 0;
        for (int32_t i = 0; i < s->scheduled_count; i++) {
            if (s->scheduled[i].forecast != forecast)
                continue;
            fprintf(out, "%s{\"event\": ", n++ ? ", " : "");
            hv_json_string(out, r->events[s->scheduled[i].event].id);
            fprintf(out, ", \"week\": %d}", s->scheduled[i].week);
        }
        fprintf(out, "]");
    }
    fprintf(out, ", \"fired\": {");
    for (int32_t i = 0; i < r->event_count; i++) {
        fprintf(out, "%s", i ? ", " : "");
        hv_json_string(out, r->events[i].id);
        fprintf(out, ": %d", s->event_times[i]);
    }
    fprintf(out, "}}, \"flags\": [");
    for (int32_t f = 0, n = 0; f < r->flag_count; f++)
        if ((s->flags >> f) & 1u) {
            fprintf(out, "%s", n++ ? ", " : "");
            hv_json_string(out, r->flags[f]);
        }
    fprintf(out, "]");
}

void hv_json_game(FILE *out, const hv_level *level, const hv_state *s,
                  const unsigned long long *hashes, int count, int applied, int rejected)
{
    char text[256];
    fprintf(out, "{\"level\": ");
    hv_json_string(out, level->id);
    fprintf(out, ", \"file\": ");
    hv_json_string(out, level->file);
    fprintf(out, ", \"seed\": %llu, \"turn\": %d, \"outcome\": \"%s\", \"cause\": ",
            (unsigned long long)s->seed, s->turn, hv_outcome_name(s->outcome));
    hv_state_describe_outcome(s, text, sizeof text);
    hv_json_string(out, text);
    hv_outcome_code(s, text, sizeof text);
    fprintf(out, ", \"cause_code\": ");
    hv_json_string(out, text);
    fprintf(out, ", \"decided_week\": %d", s->outcome_turn);
    fprintf(out, ", \"state_hash\": \"%016llx\", \"resources\": {",
            (unsigned long long)hv_state_hash(s));
    for (int r = 0; r < HV_RES_COUNT; r++)
        fprintf(out, "%s\"%s\": %lld", r ? ", " : "", hv_resource_id((hv_resource)r),
                (long long)s->stock[r]);
    int64_t health = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        health += s->people[i].health;
    fprintf(out,
            "}, \"power\": {\"supply\": %d, \"demand\": %d}, \"dust\": %d, \"population\": %d, "
            "\"deaths\": %d, \"average_health\": %lld, \"modules\": %d, "
            "\"orders\": {\"applied\": %d, \"rejected\": %d}",
            s->power_supply, s->power_demand, s->dust, s->person_count, s->deaths,
            (long long)(s->person_count ? health / s->person_count : 0), s->module_count, applied,
            rejected);
    hv_json_society(out, s);
    static const char *const dests[HV_DEST_COUNT] = {"mars", "earth"};
    static const char *const stages[HV_STAGE_COUNT] = {"far",   "surveying", "capturing",
                                                       "mars_orbit", "spent", "lost",
                                                       "earth_orbit"};
    fprintf(out,
            ", \"market\": {\"price\": %lld, \"price_fine\": %lld, \"sold_week\": %lld, "
            "\"exported\": %lld, \"to_mars\": %d, \"to_earth\": %d, \"mandate\": \"%s\"}",
            (long long)s->price, (long long)s->price_fine, (long long)s->sold_week,
            (long long)s->exported, s->to_mars, s->to_earth,
            s->mandate > 0 && s->mandate <= HV_DEST_COUNT ? dests[s->mandate - 1] : "none");
    fprintf(out, ", \"asteroids\": [");
    for (int32_t i = 0; i < s->rules->asteroid_count; i++) {
        const hv_asteroid_state *a = &s->asteroids[i];
        fprintf(out, "%s{\"id\": ", i ? ", " : "");
        hv_json_string(out, s->rules->asteroids[i].id);
        fprintf(out, ", \"stage\": \"%s\", \"destination\": \"%s\", \"hijack\": %d}",
                a->stage >= 0 && a->stage < HV_STAGE_COUNT ? stages[a->stage] : "?",
                a->dest >= 0 && a->dest < HV_DEST_COUNT ? dests[a->dest] : "?", a->hijack);
    }
    fprintf(out, "]");
    json_events(out, s);
    if (hashes) {
        fprintf(out, ", \"turn_hashes\": [");
        for (int i = 0; i < count; i++)
            fprintf(out, "%s\"%016llx\"", i ? ", " : "", hashes[i]);
        fprintf(out, "]");
    }
    fprintf(out, "}\n");
}
