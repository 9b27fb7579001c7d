/* progress.c - the names of the stages progress reports name. */
#include "core/progress.h"

const char *gg_stage_name(gg_stage s)
{
	static const char *const names[GG_STAGE_COUNT] = {
		[GG_STAGE_READ] = "reading",
		[GG_STAGE_MODEL] = "concepts",
		[GG_STAGE_LINK] = "linking",
		[GG_STAGE_GRAPH] = "graph",
		[GG_STAGE_EXPORT] = "writing",
	};
	return s >= 0 && s < GG_STAGE_COUNT ? names[s] : "unknown";
}
