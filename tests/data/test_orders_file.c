/* Orders files: reading, sorting by week, and refusing bad orders with
 * their exact position. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "hv_level.h"
#include "hv_orders_file.h"
#include "hv_test.h"

static const hv_rules *tutorial_rules(void)
{
    static hv_level *level;
    if (!level) {
        hv_diag diag;
        hv_diag_init(&diag);
        level = hv_level_load(HV_LEVEL_DIR "/tutorial.yaml", &diag);
        hv_diag_free(&diag);
    }
    return level ? &level->rules : NULL;
}

static const hv_rules *window_rules(void)
{
    static hv_level *level;
    if (!level) {
        hv_diag diag;
        hv_diag_init(&diag);
        level = hv_level_load(HV_LEVEL_DIR "/asteroid_window.yaml", &diag);
        hv_diag_free(&diag);
    }
    return level ? &level->rules : NULL;
}

/* The rules load_text reads against. */
static const hv_rules *(*reading_rules)(void) = tutorial_rules;

/* Loads TEXT from a temporary file; returns the first error's "L:C: message". */
static int load_text(const char *text, hv_orders_file *out, char *first, size_t len)
{
    char path[] = "/tmp/hv_orders_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -2;
    size_t n = strlen(text);
    int ok = write(fd, text, n) == (ssize_t)n;
    close(fd);
    hv_diag diag;
    hv_diag_init(&diag);
    int rc = ok ? hv_orders_file_load(out, path, reading_rules(), &diag) : -2;
    first[0] = '\0';
    if (diag.count)
        snprintf(first, len, "%d:%d: %s", diag.entries[0].line, diag.entries[0].col,
                 diag.entries[0].message);
    hv_diag_free(&diag);
    unlink(path);
    return rc;
}

/* Every order of ORDERS written back as an orders file writes it, into BUF. */
static void write_back(const hv_rules *rules, const hv_orders_file *orders, char *buf, size_t len)
{
    buf[0] = '\0';
    FILE *f = tmpfile();
    for (int32_t i = 0; f && i < orders->count; i++)
        CHECK_EQ_INT(
            hv_orders_file_write_order(f, rules, orders->items[i].week, &orders->items[i].order), 0);
    if (f) {
        rewind(f);
        buf[fread(buf, 1, len - 1, f)] = '\0';
        fclose(f);
    }
}

/* A capture's optional `to:` and the redirect order read, write back the
 * same, and are refused where they mean nothing. */
static void test_destinations(void)
{
    const hv_rules *rules = window_rules();
    CHECK(rules != NULL);
    if (!rules)
        return;
    reading_rules = window_rules;
    hv_orders_file orders;
    char first[512];
    CHECK_EQ_INT(load_text("format: 1\nkind: orders\norders:\n"
                           "  - {week: 2, do: capture, asteroid: golconda, pilot: 2, engineer: 4}\n"
                           "  - {week: 3, do: capture, asteroid: golconda, pilot: 2, engineer: 4, "
                           "to: earth}\n"
                           "  - {week: 4, do: redirect, asteroid: golconda}\n",
                           &orders, first, sizeof first),
                 0);
    CHECK_STR(first, "");
    CHECK_EQ_INT(orders.count, 3);
    if (orders.count == 3) {
        CHECK_EQ_INT(orders.items[0].order.value, HV_DEST_MARS);
        CHECK_EQ_INT(orders.items[1].order.value, HV_DEST_EARTH);
        CHECK_EQ_INT(orders.items[2].order.kind, HV_ORDER_REDIRECT);
        CHECK_EQ_INT(orders.items[2].order.target, hv_rules_find_asteroid(rules, "golconda"));
        char buf[512];
        write_back(rules, &orders, buf, sizeof buf);
        CHECK_STR(buf, "  - {week: 2, do: capture, asteroid: golconda, pilot: 2, engineer: 4}\n"
                       "  - {week: 3, do: capture, asteroid: golconda, pilot: 2, engineer: 4, "
                       "to: earth}\n"
                       "  - {week: 4, do: redirect, asteroid: golconda}\n");
    }
    hv_orders_file_free(&orders);
    static const struct {
        const char *text, *error;
    } bad[] = {
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: survey, asteroid: golconda, to: "
         "mars}\n",
         "4:51: orders[0]: key 'to' means nothing to a 'survey' order"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: capture, asteroid: golconda, "
         "pilot: 1, engineer: 2, to: venus}\n",
         "4:75: orders[0].to: 'venus' is not one of: mars, earth"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: redirect}\n",
         "4:5: orders[0]: a 'redirect' order needs key 'asteroid'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ_INT(load_text(bad[i].text, &orders, first, sizeof first), -1);
        CHECK_STR(first, bad[i].error);
    }
    reading_rules = tutorial_rules;
}

/* An answer may name the event it is for: read, written back, refused on
 * any other order, and an unknown event is an error at its value. */
static void test_named_answer(const hv_rules *rules)
{
    hv_orders_file orders;
    char first[512];
    CHECK_EQ_INT(load_text("format: 1\nkind: orders\norders:\n"
                           "  - {week: 5, do: answer, choice: 2, event: storm_warning}\n"
                           "  - {week: 6, do: answer, choice: 1}\n",
                           &orders, first, sizeof first),
                 0);
    CHECK_STR(first, "");
    CHECK_EQ_INT(orders.count, 2);
    if (orders.count == 2) {
        CHECK_EQ_INT(orders.items[0].order.target, hv_rules_find_event(rules, "storm_warning") + 1);
        CHECK_EQ_INT(orders.items[1].order.target, 0);
        char buf[256];
        write_back(rules, &orders, buf, sizeof buf);
        CHECK_STR(buf, "  - {week: 5, do: answer, choice: 2, event: storm_warning}\n"
                       "  - {week: 6, do: answer, choice: 1}\n");
    }
    hv_orders_file_free(&orders);
    CHECK_EQ_INT(load_text("format: 1\nkind: orders\norders:\n"
                           "  - {week: 1, do: export, amount: 5, event: storm_warning}\n",
                           &orders, first, sizeof first),
                 -1);
    CHECK(strstr(first, "4:45: orders[0]: key 'event' means nothing to a 'export' order") != NULL);
    CHECK_EQ_INT(load_text("format: 1\nkind: orders\norders:\n"
                           "  - {week: 1, do: answer, choice: 1, event: storm_warnin}\n",
                           &orders, first, sizeof first),
                 -1);
    CHECK(strncmp(first, "4:45: orders[0].event: unknown event 'storm_warnin'", 51) == 0);
}

int main(void)
{
    const hv_rules *rules = tutorial_rules();
    CHECK(rules != NULL);
    if (!rules)
        return hv_test_done("data_orders_file");
    hv_orders_file orders;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(
        hv_orders_file_load(&orders, HV_TEST_DIR "/data/orders/tutorial.yaml", rules, &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    CHECK_EQ_INT(orders.count, 9);
    if (orders.count == 9) {
        CHECK_EQ_INT(orders.items[0].order.kind, HV_ORDER_BUILD);
        CHECK_EQ_INT(orders.items[0].order.module_type,
                     hv_rules_find_module_type(rules, "ice_mine"));
        CHECK_EQ_INT(orders.items[0].order.x, 4);
        CHECK_EQ_INT(orders.items[1].order.kind, HV_ORDER_ASSIGN);
        CHECK_EQ_INT(orders.items[1].order.person, 1);
        CHECK_EQ_INT(orders.items[1].order.module, 7);
        CHECK_EQ_INT(orders.items[4].order.kind, HV_ORDER_POLICY);
        CHECK_EQ_INT(orders.items[4].order.target, hv_rules_find_policy(rules, "rations"));
        CHECK_EQ_INT(orders.items[7].week, 4);
        CHECK_EQ_INT(orders.items[7].order.value, 4);
        CHECK_EQ_INT(orders.items[0].line, 8);
    }
    hv_orders_file_free(&orders);

    char first[512];
    /* Weeks out of order are sorted; one week keeps the file's order. */
    CHECK_EQ_INT(load_text("format: 1\nkind: orders\norders:\n"
                           "  - {week: 3, do: unassign, person: 2}\n"
                           "  - {week: 1, do: demolish, module: 4}\n"
                           "  - {week: 3, do: unassign, person: 1}\n",
                           &orders, first, sizeof first),
                 0);
    CHECK_EQ_INT(orders.count, 3);
    if (orders.count == 3) {
        CHECK_EQ_INT(orders.items[0].week, 1);
        CHECK_EQ_INT(orders.items[1].order.person, 2);
        CHECK_EQ_INT(orders.items[2].order.person, 1);
    }
    hv_orders_file_free(&orders);
    CHECK_EQ_INT(load_text("format: 1\nkind: orders\norders: []\n", &orders, first, sizeof first),
                 0);
    CHECK_EQ_INT(orders.count, 0);

    static const struct {
        const char *text, *error;
    } bad[] = {
        {"kind: orders\norders: []\n",
         "1:1: missing required key 'format' (this version reads format 1)"},
        {"format: 1\nkind: level\norders: []\n", "2:7: kind: 'level' is not 'orders'"},
        {"format: 1\nkind: orders\n", "1:1: missing required key 'orders'"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: fly}\n",
         "4:19: orders[0].do: 'fly' is not one of: build, demolish, assign, unassign, priority, policy, survey, capture, export, answer, redirect"},
        {"format: 1\nkind: orders\norders:\n  - {week: 0, do: demolish, module: 1}\n",
         "4:12: orders[0].week: 0 is out of range (1..100000)"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: build, type: ice_mine, x: 1}\n",
         "4:5: orders[0]: a 'build' order needs key 'y'"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: build, type: spa, x: 1, y: 1}\n",
         "4:32: orders[0].type: unknown module type 'spa'"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: unassign, person: 1, x: 3}\n",
         "4:43: orders[0]: key 'x' means nothing to a 'unassign' order"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: demolish, module: 1, wek: 2}\n",
         "4:40: orders[0]: unknown key 'wek' (did you mean 'week'?)"},
        {"format: 1\nkind: orders\norders:\n  - {week: 1, do: priority, module: 1, value: 12}\n",
         "4:47: orders[0].value: 12 is out of range (1..9)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ_INT(load_text(bad[i].text, &orders, first, sizeof first), -1);
        CHECK_STR(first, bad[i].error);
        CHECK(orders.items == NULL && orders.count == 0);
    }
    test_destinations();
    test_named_answer(rules);
    return hv_test_done("data_orders_file");
}
