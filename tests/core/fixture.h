/* A small hand-built rule set for core tests, so they need no files. */
#ifndef HV_TEST_FIXTURE_H
#define HV_TEST_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "hv_state.h"

enum { T_HAB, T_SOLAR, T_REACTOR, T_MINE, T_AIR, T_FARM, T_LAB, T_COUNT };

static inline void fixture_type(hv_rules *r, int t, const char *id, int crew, int power, int prio)
{
    hv_module_type *mt = &r->module_types[t];
    snprintf(mt->id, sizeof mt->id, "%s", id);
    snprintf(mt->name, sizeof mt->name, "%s", id);
    mt->crew_slots = crew;
    mt->power = power;
    mt->priority = prio;
    mt->build_turns = 2;
    mt->terrain_mask = 1u << HV_TERRAIN_PLAIN;
}

/* 8x8 plain map with ice at (7, 0); two factions, two roles. */
static inline void fixture_rules(hv_rules *r)
{
    hv_rules_init(r);
    r->module_type_count = T_COUNT;
    fixture_type(r, T_HAB, "hab", 0, -10, 1);
    r->module_types[T_HAB].housing = 4;
    r->module_types[T_HAB].upkeep = 5;
    r->module_types[T_HAB].cost[HV_RES_MATERIALS] = 50;
    r->module_types[T_HAB].cost[HV_RES_FUNDS] = 100;
    fixture_type(r, T_SOLAR, "solar", 0, 40, 1);
    r->module_types[T_SOLAR].solar = 1;
    fixture_type(r, T_REACTOR, "reactor", 1, 100, 1);
    fixture_type(r, T_MINE, "mine", 2, -10, 2);
    r->module_types[T_MINE].output[HV_RES_WATER] = 100;
    r->module_types[T_MINE].terrain_mask = 1u << HV_TERRAIN_ICE;
    fixture_type(r, T_AIR, "air", 1, -20, 1);
    r->module_types[T_AIR].input[HV_RES_WATER] = 40;
    r->module_types[T_AIR].output[HV_RES_OXYGEN] = 40;
    fixture_type(r, T_FARM, "farm", 2, -10, 3);
    r->module_types[T_FARM].input[HV_RES_WATER] = 20;
    r->module_types[T_FARM].output[HV_RES_FOOD] = 50;
    fixture_type(r, T_LAB, "lab", 2, -30, 8);
    r->role_count = 2;
    snprintf(r->roles[0].id, HV_ID_LEN, "engineer");
    r->roles[0].pay = 10;
    snprintf(r->roles[1].id, HV_ID_LEN, "worker");
    r->roles[1].pay = 3;
    r->faction_count = 2;
    snprintf(r->factions[0].id, HV_ID_LEN, "nasa");
    snprintf(r->factions[1].id, HV_ID_LEN, "roscosmos");
    r->life.need[HV_RES_OXYGEN] = 5;
    r->life.need[HV_RES_WATER] = 10;
    r->life.need[HV_RES_FOOD] = 10;
    r->life.damage[HV_RES_OXYGEN] = 40;
    r->life.damage[HV_RES_WATER] = 20;
    r->life.damage[HV_RES_FOOD] = 10;
    r->life.recovery = 5;
    r->life.exposure_damage = 7;
    r->life.shortage_morale = 4;
    r->weather.dust_min = 0;
    r->weather.dust_max = 0;
    r->weather.dust_swing = 0;
    r->map_width = 8;
    r->map_height = 8;
    r->terrain[7] = HV_TERRAIN_ICE;
}

static inline int32_t fixture_person(hv_state *s, int32_t module, int32_t health)
{
    hv_person p;
    memset(&p, 0, sizeof p);
    char name[HV_PERSON_NAME_LEN];
    snprintf(name, sizeof name, "Person %d", s->next_person_id);
    p.skill = 3;
    p.health = health;
    p.morale = 60; /* with skill 3: a full slot of output */
    p.module = module;
    return hv_state_add_person(s, &p, name);
}

#endif
