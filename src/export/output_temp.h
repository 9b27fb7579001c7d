/* output_temp.h - the temporary files of atomic outputs: short names, removal on a fatal signal, the sweep of a dead run's leftovers, their pages sent to disk early. */
#ifndef GG_EXPORT_OUTPUT_TEMP_H
#define GG_EXPORT_OUTPUT_TEMP_H

#include <stddef.h>

/* The name of every temporary file: DIR/.glossgraph.tmp-PID-N. */
#define GG_I_TEMP_PREFIX ".glossgraph.tmp-"

/*
 * Create a new, empty temporary file in the folder `dir` (the first
 * `dir_len` bytes of it, "/" included; 0 for the current folder), with
 * mode 0666 less the umask. Its name is short, whatever the target's
 * length: ".glossgraph.tmp-PID-N". Until gg_i_temp_forget, it is removed
 * when SIGINT, SIGTERM or SIGHUP ends the process (each call sets the
 * handler up for those of the signals whose action is the default; the
 * signal's default action follows the removal). Temporaries of runs that are gone are
 * first swept from the folder (gg_i_temp_sweep).
 * The file is locked (flock) while *fd, or a copy of it, is open.
 * Sets *fd (O_WRONLY, close-on-exec), *name (malloc'd, the caller frees
 * it) and *slot (for gg_i_temp_forget). Returns 0, GG_EIO (the message
 * names the folder and the reason) or GG_ENOMEM; nothing is left behind
 * on error.
 */
int gg_i_temp_create(const char *dir, size_t dir_len, int *fd, char **name, int *slot);

/*
 * Start writing `len` bytes of the file open as fd, from byte `from` (len
 * 0: to its end), to disk, without waiting for them: the sync before the
 * rename then has little left to wait for, and the disk works while the
 * CPU makes the rest. Linux only (sync_file_range); elsewhere nothing.
 * Failures are ignored: that sync reports them.
 */
void gg_i_temp_write_back(int fd, long long from, long long len);

/*
 * Stop removing the temporary of `slot` on a signal: it was renamed into
 * place or removed. A slot of -1 (none) is ignored.
 */
void gg_i_temp_forget(int slot);

/*
 * Create a new, empty temporary folder (mode 0700) in the folder `dir`
 * (as above), named like a temporary file. A signal does not remove it; a
 * later sweep does, once its run is gone. Sets *name (malloc'd, the caller
 * frees it). Returns 0, GG_EIO or GG_ENOMEM.
 */
int gg_i_temp_create_folder(const char *dir, size_t dir_len, char **name);

/*
 * Remove from the folder `dir` (the first dir_len bytes; 0: the current
 * folder) the temporaries a run that is gone left: only regular files
 * named exactly ".glossgraph.tmp-PID-N" whose PID no process has (kill
 * says ESRCH), that are older than a few seconds and that no one holds
 * locked (gg_i_temp_create locks each file while its descriptor is open, so
 * a run whose PID is not visible here keeps its file), and folders so named
 * that hold regular files only and have no NAME.old beside them. Failures are ignored:
 * a leftover costs room, not correctness.
 */
void gg_i_temp_sweep(const char *dir, size_t dir_len);

#endif
