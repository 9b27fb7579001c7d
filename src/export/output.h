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
	int temp_slot; /* the temporary's place in the list a signal removes, -1: none */
	bool in_place; /* standard output, a descriptor, a device or a pipe: no rename */
	bool is_stdout;
} gg_i_output;

#define GG_I_OUTPUT_INIT { NULL, NULL, NULL, NULL, -1, false, false }

/*
 * Start writing `path`: "-" is standard output (what stdout holds is
 * flushed first). Symbolic links are followed, as the shell's `>` does.
 * A descriptor of this process (/dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N) is written through a copy of it, never reopened nor
 * replaced (so `>> log` keeps appending); anything else that is not a
 * regular file (/dev/null, /dev/full, a pipe) is opened and written in
 * place. A regular file goes to a new temporary file in the same folder
 * (output_temp.h), which keeps the old file's mode and, where allowed, its
 * owner and group; an existing file we may not write is refused, as `>`
 * refuses it. Returns 0, or GG_EIO (a folder, no folder, not writable: the
 * message says which and why) or GG_ENOMEM.
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

/*
 * Hold an exclusive lock (flock) on the folder of `path` while a group of
 * files that belong together is renamed into place, so that two runs
 * writing the same group never leave a mix of both. Blocks until the
 * lock is free. Sets *lock; returns 0, or GG_EIO (the folder cannot be
 * opened or locked) or GG_ENOMEM.
 */
int gg_i_output_lock_folder(const char *path, int *lock);

/* Release a lock of gg_i_output_lock_folder; -1 is ignored. */
void gg_i_output_unlock_folder(int lock);

/* Close and remove what a commit did not put in place; free everything. */
void gg_i_output_abort(gg_i_output *o);

#endif
