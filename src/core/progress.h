/* progress.h - telling the caller's gg_progress how long work goes. */
#ifndef GG_CORE_PROGRESS_H
#define GG_CORE_PROGRESS_H

#include "glossgraph.h"

/* Items between two reports from a loop: a report costs a call, not a clock read. */
#define GG_I_PROGRESS_EVERY 4096

/* Report that `done` (0 to 1) of stage s is done; nothing when p or its function is NULL. */
static inline void gg_i_progress(const gg_progress *p, gg_stage s, double done)
{
	if (p && p->fn)
		p->fn(s, done < 0 ? 0 : done > 1 ? 1 : done, p->payload);
}

/*
 * In a loop over n items: report item i as done share `from` + (`to` -
 * `from`) x i / n of stage s, once every GG_I_PROGRESS_EVERY items.
 */
static inline void gg_i_progress_step(const gg_progress *p, gg_stage s, size_t i, size_t n,
				      double from, double to)
{
	if (p && p->fn && i % GG_I_PROGRESS_EVERY == 0 && n)
		gg_i_progress(p, s, from + (to - from) * (double)i / (double)n);
}

#endif
