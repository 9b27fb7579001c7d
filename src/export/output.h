/* output.h - atomic file output: a temporary file beside the target, renamed into place when complete. */
#ifndef GG_EXPORT_OUTPUT_H
#define GG_EXPORT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

/*
 * One output file. The life of one: open, write to f, close (flush, sync),
 * commit (rename). abort at the end in every case: after a commit it does
 * nothing, otherwise it closes and removes the temporary file, so that an
 * old file at `path` is never touched by a failed write.
 */
typedef struct gg_i_sink gg_i_sink;

typedef struct gg_i_output {
	FILE *f;       /* where to write; NULL once closed */
	gg_i_sink *sink; /* the descriptor under f, and its first write error */
	char *path;    /* the file asked for (symbolic links resolved) */
	char *tmp;     /* the temporary file, or NULL when writing in place */
	bool in_place; /* standard output, or a device or pipe: no rename */
	bool is_stdout;
} gg_i_output;

#define GG_I_OUTPUT_INIT { NULL, NULL, NULL, NULL, false, false }

/*
 * Start writing `path`: "-" is standard output (what stdout holds is
 * flushed first); an existing path that is
 * not a regular file (/dev/null, /dev/full, a pipe) is written in place;
 * anything else goes to a new temporary file ".NAME.tmp-PID-N" in the same
 * folder, created with mode 0666 less the umask. Returns 0, or GG_EIO (a
 * directory, no folder, not writable: the message says which and why) or
 * GG_ENOMEM.
 */
int gg_i_output_open(gg_i_output *o, const char *path);

/*
 * Flush what was written, sync a temporary file to disk and close it (not
 * standard output, which is only flushed). Returns 0, or GG_EIO naming the
 * file and the reason (a full disk); the temporary file is then removed.
 */
int gg_i_output_close(gg_i_output *o);

/* Rename the closed temporary file over `path`. Returns 0 or GG_EIO. */
int gg_i_output_commit(gg_i_output *o);

/* Close and remove what a commit did not put in place; free everything. */
void gg_i_output_abort(gg_i_output *o);

#endif
