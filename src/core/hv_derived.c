#include <string.h>

#include "hv_rules.h" /* and with it hv_derived.h */

static void derive(const hv_rules *rules, hv_rules_derived *d)
{
    memset(d, 0, sizeof *d); /* no stray bytes: derived rules compare with memcmp */
    for (int32_t t = 0; t < rules->module_type_count && t < HV_MAX_MODULE_TYPES; t++) {
        const hv_module_type *mt = &rules->module_types[t];
        for (int r = 0; r < HV_RES_COUNT; r++) {
            d->uses[t] |= (uint8_t)((mt->input[r] != 0) << r);
            d->makes[t] |= (uint8_t)((mt->output[r] != 0) << r);
            d->nets[t] |= (uint8_t)((mt->output[r] != mt->input[r]) << r);
        }
        d->gives[t] = (uint8_t)(mt->housing || mt->medical || mt->recreation || mt->security);
    }
    static const int8_t none[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    static const int16_t nobody[HV_MAX_FACTIONS];
    static const int64_t nothing[HV_RES_COUNT];
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++)
        for (int32_t o = 0; o < rules->policies[p].option_count && o < HV_MAX_OPTIONS; o++) {
            const hv_effect *e = &rules->policies[p].options[o].effect;
            int figures = e->morale_staff || e->morale_workers || e->tension.all ||
                          e->class_tension || e->satisfaction.all || e->output_pct ||
                          e->ration_pct || e->pay_pct || e->incident_pct || e->capture_pm ||
                          e->joint;
            d->options[p][o] =
                (uint8_t)((figures ? HV_OPTION_FIGURES : 0) |
                          (memcmp(e->tension.by, none, sizeof none) ? HV_OPTION_PAIRS : 0) |
                          (memcmp(e->satisfaction.by, nobody, sizeof nobody) ? HV_OPTION_SPONSORS
                                                                             : 0) |
                          (memcmp(e->resources, nothing, sizeof nothing) ? HV_OPTION_RESOURCES
                                                                         : 0));
        }
    for (int32_t i = 0; i < rules->event_count && i < HV_MAX_EVENTS; i++) {
        const hv_event_def *ev = &rules->events[i];
        if (ev->scripted)
            d->scripted |= UINT64_C(1) << i;
        else if (ev->unrest_at <= 0)
            d->pool |= UINT64_C(1) << i;
    }
    for (int32_t r = 0; r < rules->role_count && r < HV_MAX_ROLES; r++)
        d->worker_roles |= (uint32_t)(rules->roles[r].klass == HV_CLASS_WORKER) << r;
    for (int32_t t = 0; t < rules->trait_count && t < HV_MAX_TRAITS; t++) {
        d->trait_morale[t + 1] = rules->traits[t].morale;
        d->trait_loyalty[t + 1] = rules->traits[t].loyalty;
        d->trait_strain_pct[t + 1] = rules->traits[t].strain_pct;
        d->trait_output_pct[t + 1] = rules->traits[t].output_pct;
    }
    d->ready = 1;
}

void hv_rules_derive(hv_rules *rules)
{
    derive(rules, &rules->derived);
}

const hv_rules_derived *hv_rules_derived_of(const hv_rules *rules, hv_rules_derived *scratch)
{
    if (rules->derived.ready)
        return &rules->derived;
    derive(rules, scratch);
    return scratch;
}

int hv_rules_check_derived(const hv_rules *rules)
{
    if (!rules->derived.ready)
        return 0;
    hv_rules_derived fresh;
    derive(rules, &fresh);
    return memcmp(&fresh, &rules->derived, sizeof fresh) == 0 ? 0 : -1;
}
