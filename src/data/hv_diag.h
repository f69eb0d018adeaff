/* hv_diag: collects every problem found in input files so a run can report
 * them all at once as FILE:LINE:COL: error: MESSAGE, and the warnings
 * (FILE:LINE:COL: warning: MESSAGE) about files that load but say
 * something that cannot happen or does nothing. Owns its messages. */
#ifndef HV_DIAG_H
#define HV_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum hv_severity { HV_SEVERITY_ERROR, HV_SEVERITY_WARNING } hv_severity;

typedef struct hv_diag_entry {
    char *file;
    int line; /* 1-based; 0 when the problem is about the whole file */
    int col;  /* 1-based */
    char *message;
    hv_severity severity;
} hv_diag_entry;

/* Errors and warnings are kept apart, so that `count` and `entries` mean
 * "the input is bad" wherever they are read: a file with warnings only
 * loads and plays. */
typedef struct hv_diag {
    hv_diag_entry *entries; /* the errors */
    size_t count;
    size_t cap;
    hv_diag_entry *warnings;
    size_t warning_count;
    size_t warning_cap;
} hv_diag;

/* Prepares an empty collector. */
void hv_diag_init(hv_diag *d);
/* Frees every collected message. */
void hv_diag_free(hv_diag *d);
/* Records one error at FILE:LINE:COL; the message is printf-formatted. */
void hv_diag_error(hv_diag *d, const char *file, int line, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Records one warning at FILE:LINE:COL; the message is printf-formatted. */
void hv_diag_warning(hv_diag *d, const char *file, int line, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Prints every error and warning, ordered by file position, one per line. */
void hv_diag_print(const hv_diag *d, FILE *out);

/* The longest quoted value a message shows whole, in bytes. */
#define HV_DIAG_VALUE_MAX 64

/* Copies IN to OUT (CAP bytes, always terminated) so that it prints as
 * one safe line: control bytes and bytes that are not UTF-8 become \n,
 * \t or \xNN, and a 'quoted value' longer than HV_DIAG_VALUE_MAX is cut
 * to its start and "...". A file's values cannot forge lines or reach
 * the terminal as escape sequences. */
void hv_diag_clean(char *out, size_t cap, const char *in);
/* Prints one FILE:LINE:COL: error: MESSAGE line, the file name and the
 * message cleaned by hv_diag_clean. */
void hv_diag_print_one(FILE *out, const char *file, int line, int col, const char *message);
/* hv_diag_print_one for entry E, as an error or a warning by its severity. */
void hv_diag_print_entry(FILE *out, const hv_diag_entry *e);

#endif
