/* The storyteller's keys: the rules' `storyteller` section and what pool
 * events add to the scripted ones (tags, alternative texts, follow-ups,
 * memory of answers). Links between events are read in a second pass, once
 * every event of the file is known, so an event may name one defined after
 * it. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hv_field_table.h"
#include "hv_level.h"

const hv_field hv_storyteller_fields[] = {
    FIELD("chance", HV_F_INT32, hv_storyteller, chance, 0, 0, 1000,
          "chance per mille that the pool speaks in a week after an event (default: event_chance)"),
    FIELD("calm_step", HV_F_INT32, hv_storyteller, calm_step, 0, 0, 1000,
          "per mille added to that chance per quiet week since the last random event (default 0)"),
    FIELD("text_gap", HV_F_INT32, hv_storyteller, text_gap, 0, 0, 1000,
          "weeks before the pool may show the same text again (default 0: no limit)"),
    FIELD("same_tag_pct", HV_F_INT32, hv_storyteller, same_tag_pct, 0, 0, 1000,
          "percent of its weight an event keeps if it shares a tag with the last one (default "
          "100)"),
    END,
};

const hv_field hv_follow_up_fields[] = {
    REF("event", hv_effect, follow_event, 1, HV_REF_EVENT1, "the event to come (any event id)"),
    FIELD("weeks", HV_F_INT32, hv_effect, follow_weeks, 1, 1, 52, "this many weeks later"),
    END,
};

const hv_field hv_answered_fields[] = {
    REF("event", hv_trigger, answered, 1, HV_REF_EVENT1, "an event with choices"),
    FIELD("choice", HV_F_INT32, hv_trigger, answer, 1, 1, HV_MAX_CHOICES,
          "was last answered with this choice (1 is the first)"),
    END,
};

static void read_text(hv_ctx *ctx, const hv_ynode *item, size_t i, void *data)
{
    hv_event_def *ev = data;
    if (!hv_expect(ctx, item, HV_YNODE_SCALAR))
        return;
    if (item->len == 0 || item->len >= HV_TEXT_LEN)
        hv_ctx_error(ctx, item, "text is %zu bytes long; give 1 to %d", item->len, HV_TEXT_LEN - 1);
    else
        memcpy(ev->texts[i], item->str, item->len + 1);
}

void hv_read_event_texts(hv_ctx *ctx, const hv_ynode *node, hv_event_def *ev)
{
    const hv_ynode *texts = hv_ynode_get(node, "texts");
    if (!texts)
        return;
    hv_read_list(ctx, node, "texts", HV_MAX_TEXTS - 1, read_text, ev);
    if (texts->kind == HV_YNODE_SEQ)
        ev->text_count =
            1 + (int32_t)(texts->count < HV_MAX_TEXTS ? texts->count : HV_MAX_TEXTS - 1);
}

typedef struct tag_read {
    hv_rules *rules;
    hv_event_def *ev;
} tag_read;

static void read_tag(hv_ctx *ctx, const hv_ynode *item, size_t i, void *data)
{
    tag_read *t = data;
    char id[HV_ID_LEN];
    (void)i;
    if (!hv_read_id(ctx, item, id, sizeof id))
        return;
    int32_t k = 0;
    while (k < t->rules->tag_count && strcmp(t->rules->tags[k], id) != 0)
        k++;
    if (k == t->rules->tag_count) {
        if (k >= HV_MAX_TAGS) {
            hv_ctx_error(ctx, item, "more than %d different tags", HV_MAX_TAGS);
            return;
        }
        memcpy(t->rules->tags[t->rules->tag_count++], id, sizeof id);
    }
    t->ev->tags |= 1u << k;
}

/* Reads the follow_up of the effect at KEY of NODE (an event or a choice). */
static void read_follow_up(hv_ctx *ctx, const hv_ynode *node, hv_effect *e)
{
    const hv_ynode *effect = hv_ynode_get(node, "effect");
    if (!effect || effect->kind != HV_YNODE_MAP)
        return;
    size_t old = hv_ctx_push_key(ctx, "effect");
    hv_read_section(ctx, effect, "follow_up", hv_follow_up_fields, e, 1);
    hv_ctx_pop(ctx, old);
}

static void read_links(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules, hv_event_def *ev)
{
    const hv_ynode *trigger = hv_ynode_get(node, "trigger");
    if (trigger && trigger->kind == HV_YNODE_MAP) {
        size_t old = hv_ctx_push_key(ctx, "trigger");
        const hv_ynode *answered = hv_ynode_get(trigger, "answered");
        hv_read_section(ctx, trigger, "answered", hv_answered_fields, &ev->trigger, 1);
        const hv_trigger *t = &ev->trigger;
        if (answered && t->answered > 0 &&
            t->answer > rules->events[t->answered - 1].choice_count) {
            size_t at = hv_ctx_push_key(ctx, "answered");
            hv_ctx_error(ctx, answered, "event '%s' has %d choices, not %d",
                         rules->events[t->answered - 1].id,
                         rules->events[t->answered - 1].choice_count, t->answer);
            hv_ctx_pop(ctx, at);
        }
        hv_ctx_pop(ctx, old);
    }
    read_follow_up(ctx, node, &ev->effect);
    const hv_ynode *choices = hv_ynode_get(node, "choices");
    if (choices && choices->kind == HV_YNODE_SEQ) {
        size_t old = hv_ctx_push_key(ctx, "choices");
        for (size_t i = 0; i < choices->count && (int32_t)i < ev->choice_count; i++) {
            size_t at = hv_ctx_push_index(ctx, i);
            read_follow_up(ctx, choices->items[i], &ev->choices[i].effect);
            hv_ctx_pop(ctx, at);
        }
        hv_ctx_pop(ctx, old);
    }
    tag_read t = {rules, ev};
    hv_read_list(ctx, node, "tags", HV_MAX_TAGS, read_tag, &t);
}

void hv_read_event_links(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules)
{
    if (!node || node->kind != HV_YNODE_MAP)
        return;
    const hv_rules *was = ctx->rules;
    ctx->rules = rules; /* every event of the file is known now */
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i], *body = node->items[2 * i + 1];
        int index = key->kind == HV_YNODE_SCALAR ? hv_rules_find_event(rules, key->str) : -1;
        if (index < 0 || body->kind != HV_YNODE_MAP)
            continue; /* already reported by the first pass */
        size_t old = hv_ctx_push_key(ctx, key->str);
        read_links(ctx, body, rules, &rules->events[index]);
        hv_ctx_pop(ctx, old);
    }
    ctx->rules = was;
}

const hv_field hv_step_fields[] = {
    FIELD("title", HV_F_TEXT, hv_step, title, 1, 0, 0, "a word or two: what the step teaches"),
    FIELD("text", HV_F_TEXT, hv_step, text, 1, 0, 0, "what to do, in the window's words"),
    SECTION("done", 1, "when it is done: trigger keys"),
    END,
};

void hv_read_steps(hv_ctx *ctx, const hv_ynode *list, hv_rules *rules)
{
    if (!hv_expect(ctx, list, HV_YNODE_SEQ))
        return;
    const hv_rules *was = ctx->rules;
    ctx->rules = rules;
    for (size_t i = 0; i < list->count; i++) {
        size_t old = hv_ctx_push_index(ctx, i);
        if (i == HV_MAX_STEPS) {
            hv_ctx_error(ctx, list->items[i], "more than %d steps", HV_MAX_STEPS);
            hv_ctx_pop(ctx, old);
            break;
        }
        hv_step *st = &rules->steps[i];
        memset(st, 0, sizeof *st);
        hv_trigger *t = &st->done;
        hv_trigger_none(t);
        const hv_ynode *item = list->items[i];
        if (hv_fields_read(ctx, item, hv_step_fields, st, NULL, 1)) {
            const hv_ynode *done = hv_ynode_get(item, "done");
            size_t at = hv_ctx_push_key(ctx, "done");
            if (done && hv_expect(ctx, done, HV_YNODE_MAP)) {
                hv_read_trigger(ctx, done, t);
                hv_read_section(ctx, done, "answered", hv_answered_fields, t, 1);
            }
            hv_ctx_pop(ctx, at);
        }
        rules->step_count = (int32_t)i + 1;
        hv_ctx_pop(ctx, old);
    }
    ctx->rules = was;
}
