/* progress.c - the build's progress on a terminal: stage, share done and time left on one line of stderr. */
#include "cli/cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Seconds of work before the line shows: a shorter build says nothing. */
#define SHOW_AFTER 2.0
/* Seconds between two draws of the line. */
#define DRAW_EVERY 0.25

/*
 * Each stage's share of a whole build's time, as the 1,000,000-entry
 * benchmark shows it; the estimate of the time left rests on them.
 */
static const double stage_weight[GG_STAGE_COUNT] = {
	[GG_STAGE_READ] = 0.04,
	[GG_STAGE_MODEL] = 0.07,
	[GG_STAGE_LINK] = 0.25,
	[GG_STAGE_GRAPH] = 0.19,
	[GG_STAGE_EXPORT] = 0.45,
};

/* One export job's report slot: the payload its progress function gets. */
typedef struct job_slot {
	size_t index;
} job_slot;

/* The process's one progress line. */
static struct {
	pthread_mutex_t lock;
	bool enabled;       /* stderr is a terminal and --quiet was not given */
	double show_after;  /* seconds */
	double start;       /* when the work began (monotonic seconds) */
	double last_draw;
	bool shown;         /* the line is on the screen */
	gg_stage stage;     /* the furthest stage reported */
	double done;        /* its share done */
	size_t n_jobs;      /* exports to write, 0 when none */
	double job_done[GG_EXPORT_FORMAT_COUNT + 1];
	job_slot slots[GG_EXPORT_FORMAT_COUNT + 1];
} line = { .lock = PTHREAD_MUTEX_INITIALIZER };

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cli_progress_begin(bool quiet)
{
	const char *after = getenv("GLOSSGRAPH_PROGRESS_AFTER");
	char *end = NULL;
	double seconds = after ? strtod(after, &end) : SHOW_AFTER;

	pthread_mutex_lock(&line.lock);
	line.enabled = !quiet && isatty(STDERR_FILENO);
	line.show_after = end && (end == after || *end || seconds < 0) ? SHOW_AFTER : seconds;
	line.start = now();
	line.last_draw = 0;
	line.shown = false;
	line.stage = GG_STAGE_READ;
	line.done = 0;
	line.n_jobs = 0;
	pthread_mutex_unlock(&line.lock);
}

/* The share of the whole work done, 0 to 1: the stages before, then this one's part. Under the lock. */
static double overall_done(void)
{
	double total = 0, done = 0;
	for (int s = 0; s < GG_STAGE_COUNT; s++) {
		if (s == GG_STAGE_EXPORT && !line.n_jobs)
			continue;
		total += stage_weight[s];
		if (s < (int)line.stage)
			done += stage_weight[s];
		else if (s == (int)line.stage)
			done += stage_weight[s] * line.done;
	}
	return total > 0 ? done / total : 0;
}

/* Write the line anew: "glossgraph: linking 45%, about 12 s left". Under the lock. */
static void draw(double t)
{
	double share = overall_done(), elapsed = t - line.start;
	char left[48] = "";
	if (share >= 0.02 && share < 1) {
		double rest = elapsed * (1 - share) / share;
		if (rest >= 90)
			snprintf(left, sizeof(left), ", about %.0f min left", rest / 60);
		else
			snprintf(left, sizeof(left), ", about %.0f s left", rest < 1 ? 1 : rest);
	}
	fprintf(stderr, "\r\033[Kglossgraph: %s %.0f%%%s", gg_stage_name(line.stage),
		line.done * 100, left);
	fflush(stderr);
	line.shown = true;
	line.last_draw = t;
}

/* Take a report of stage s at share `done`; draw when due, and at once when a stage begins. Under the lock. */
static void take(gg_stage stage, double done)
{
	if (stage < line.stage || (stage == line.stage && done < line.done))
		return; /* late news from another thread */
	bool next_stage = stage != line.stage || !line.last_draw;
	line.stage = stage;
	line.done = done;
	double t = now();
	if (t - line.start >= line.show_after && (next_stage || t - line.last_draw >= DRAW_EVERY))
		draw(t);
}

/* A stage's progress function (not the exports'). */
static void report(gg_stage stage, double done, void *payload)
{
	(void)payload;
	pthread_mutex_lock(&line.lock);
	if (line.enabled)
		take(stage, done);
	pthread_mutex_unlock(&line.lock);
}

/* An export job's progress function: the exports' share is the mean of their jobs'. */
static void report_job(gg_stage stage, double done, void *payload)
{
	const job_slot *slot = payload;
	pthread_mutex_lock(&line.lock);
	if (line.enabled && slot->index < line.n_jobs) {
		if (done > line.job_done[slot->index])
			line.job_done[slot->index] = done;
		double sum = 0;
		for (size_t j = 0; j < line.n_jobs; j++)
			sum += line.job_done[j];
		take(stage, sum / (double)line.n_jobs);
	}
	pthread_mutex_unlock(&line.lock);
}

gg_progress cli_progress_stage(void)
{
	return (gg_progress){ report, NULL };
}

void cli_progress_exports(size_t n_jobs)
{
	pthread_mutex_lock(&line.lock);
	line.n_jobs = n_jobs < GG_EXPORT_FORMAT_COUNT + 1 ? n_jobs : GG_EXPORT_FORMAT_COUNT + 1;
	for (size_t j = 0; j < line.n_jobs; j++) {
		line.job_done[j] = 0;
		line.slots[j].index = j;
	}
	pthread_mutex_unlock(&line.lock);
}

gg_progress cli_progress_job(size_t job)
{
	size_t slot = job < GG_EXPORT_FORMAT_COUNT + 1 ? job : GG_EXPORT_FORMAT_COUNT;
	return (gg_progress){ report_job, &line.slots[slot] };
}

void cli_progress_clear(void)
{
	pthread_mutex_lock(&line.lock);
	if (line.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		line.shown = false;
	}
	pthread_mutex_unlock(&line.lock);
}

void cli_progress_end(void)
{
	cli_progress_clear();
	pthread_mutex_lock(&line.lock);
	line.enabled = false;
	pthread_mutex_unlock(&line.lock);
}
