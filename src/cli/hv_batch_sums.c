/* batch's figures as sums: adding parts up, and the JSON object and CSV
 * head worked out from them, the same for one run and for merged parts. */
#include "hv_batch.h"

#include <stdlib.h>
#include <string.h>

#include "hv_json.h"

int hv_batch_add_cause(hv_batch_sums *s, const char *cause, int64_t count)
{
    int32_t k = 0;
    while (k < s->kinds && strcmp(s->causes[k], cause) != 0)
        k++;
    if (k == s->kinds) {
        if (s->kinds >= HV_BATCH_CAUSES)
            return -1;
        snprintf(s->causes[s->kinds++], sizeof s->causes[0], "%s", cause);
    }
    s->cause_count[k] += count;
    return 0;
}

/* The counts of A and B, both ascending, as one ascending list into *OUT. */
static int merge_values(const hv_batch_value *a, int32_t na, const hv_batch_value *b, int32_t nb,
                        hv_batch_value **out, int32_t *n)
{
    hv_batch_value *m = malloc(sizeof *m * (size_t)(na + nb + 1));
    if (!m)
        return -1;
    int32_t i = 0, j = 0, k = 0;
    while (i < na || j < nb) {
        if (j >= nb || (i < na && a[i].value < b[j].value))
            m[k++] = a[i++];
        else if (i >= na || b[j].value < a[i].value)
            m[k++] = b[j++];
        else {
            m[k] = a[i++];
            m[k++].count += b[j++].count;
        }
    }
    *out = m;
    *n = k;
    return 0;
}

int hv_batch_sums_add(hv_batch_sums *into, const hv_batch_sums *part)
{
    for (int res = 0; res < HV_RES_COUNT; res++) {
        hv_batch_value *m;
        int32_t n;
        if (merge_values(into->values[res], into->value_count[res], part->values[res],
                         part->value_count[res], &m, &n) != 0)
            return -1;
        free(into->values[res]);
        into->values[res] = m;
        into->value_count[res] = n;
        into->total[res] += part->total[res];
    }
    for (int32_t k = 0; k < part->kinds; k++)
        if (hv_batch_add_cause(into, part->causes[k], part->cause_count[k]) != 0)
            return -1;
    into->last = part->last;
    into->jobs = part->jobs > into->jobs ? part->jobs : into->jobs;
    into->seconds += part->seconds;
    into->runs += part->runs;
    into->wins += part->wins;
    into->losses += part->losses;
    into->unfinished += part->unfinished;
    into->win_turns += part->win_turns;
    into->loss_turns += part->loss_turns;
    into->turns += part->turns;
    return 0;
}

void hv_batch_sums_free(hv_batch_sums *s)
{
    for (int res = 0; res < HV_RES_COUNT; res++) {
        free(s->values[res]);
        s->values[res] = NULL;
        s->value_count[res] = 0;
    }
}

int64_t hv_batch_median(const hv_batch_sums *s, int res)
{
    int64_t at = s->runs / 2, seen = 0;
    for (int32_t i = 0; i < s->value_count[res]; i++) {
        seen += s->values[res][i].count;
        if (seen > at)
            return s->values[res][i].value;
    }
    return 0;
}

static double mean_of(int64_t total, int64_t n)
{
    return n ? (double)total / (double)n : 0.0;
}

void hv_batch_print_json(FILE *out, const hv_batch_sums *s)
{
    fprintf(out, "{\"kind\":\"batch\",\"level\":");
    hv_json_string(out, s->level);
    fprintf(out, ",\"level_digest\":\"%s\",\"bot\":", s->digest);
    hv_json_string(out, s->bot);
    fprintf(out, ",\"max_turns\":%lld,\"orders_digest\":", (long long)s->max_turns);
    if (s->orders[0])
        fprintf(out, "\"%s\"", s->orders);
    else
        fprintf(out, "null");
    fprintf(out, ",\"seeds\":{\"first\":%llu,\"last\":%llu}", (unsigned long long)s->first,
            (unsigned long long)s->last);
    fprintf(out, ",\"runs\":%lld,\"jobs\":%lld,\"wins\":%lld,\"losses\":%lld,\"unfinished\":%lld",
            (long long)s->runs, (long long)s->jobs, (long long)s->wins, (long long)s->losses,
            (long long)s->unfinished);
    fprintf(out, ",\"win_rate\":%.4f", mean_of(s->wins, s->runs));
    fprintf(out, ",\"mean_turns_to_win\":%.2f,\"mean_turns_to_lose\":%.2f",
            mean_of(s->win_turns, s->wins), mean_of(s->loss_turns, s->losses));
    fprintf(out, ",\"win_turns\":%lld,\"loss_turns\":%lld", (long long)s->win_turns,
            (long long)s->loss_turns);
    fprintf(out, ",\"losses_by_cause\":{");
    for (int32_t k = 0; k < s->kinds; k++) {
        fprintf(out, "%s", k ? "," : "");
        hv_json_string(out, s->causes[k]);
        fprintf(out, ":%lld", (long long)s->cause_count[k]);
    }
    fprintf(out, "},\"final_resources\":{");
    for (int res = 0; res < HV_RES_COUNT; res++) {
        int32_t n = s->value_count[res];
        fprintf(out,
                "%s\"%s\":{\"min\":%lld,\"median\":%lld,\"mean\":%lld,\"max\":%lld,"
                "\"total\":%lld,\"counts\":[",
                res ? "," : "", hv_resource_id((hv_resource)res),
                (long long)(n ? s->values[res][0].value : 0), (long long)hv_batch_median(s, res),
                (long long)(s->runs ? s->total[res] / s->runs : 0),
                (long long)(n ? s->values[res][n - 1].value : 0), (long long)s->total[res]);
        for (int32_t i = 0; i < n; i++)
            fprintf(out, "%s[%lld,%lld]", i ? "," : "", (long long)s->values[res][i].value,
                    (long long)s->values[res][i].count);
        fprintf(out, "]}");
    }
    fprintf(out, "},\"turns\":%lld,\"seconds\":%.4f,\"turns_per_second\":%.0f}\n",
            (long long)s->turns, s->seconds, s->seconds > 0 ? (double)s->turns / s->seconds : 0.0);
}

void hv_batch_print_csv_head(FILE *out, const hv_batch_sums *s)
{
    fprintf(out,
            "# happyvalley batch level=%s level_digest=%s bot=%s max_turns=%lld orders_digest=%s "
            "seeds=%llu..%llu\n",
            s->level, s->digest, s->bot, (long long)s->max_turns, s->orders[0] ? s->orders : "none",
            (unsigned long long)s->first, (unsigned long long)s->last);
}
