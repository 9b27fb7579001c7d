/*
 * glossgraph/progress.h - how long work tells its caller how far it has
 * come: the stages of making a graph, and the function each stage's options
 * (and gg_glossary_set_progress, for reading) take.
 */
#ifndef GLOSSGRAPH_PROGRESS_H
#define GLOSSGRAPH_PROGRESS_H

#ifdef __cplusplus
extern "C" {
#endif

/** The stages of making a graph, as progress reports name them. */
typedef enum gg_stage {
	GG_STAGE_READ,   /**< reading pages (gg_glossary_read_input and the like) */
	GG_STAGE_MODEL,  /**< merging entries into concepts (gg_glossary_build) */
	GG_STAGE_LINK,   /**< linking definitions (gg_links_new) */
	GG_STAGE_GRAPH,  /**< the graph and its measures (gg_graph_new) */
	GG_STAGE_EXPORT, /**< writing an export (gg_export_write, gg_export_file) */
	GG_STAGE_COUNT
} gg_stage;

/** @return the stage's name: "reading", "concepts", "linking", "graph", "writing"; "unknown" out of range. A static string. */
const char *gg_stage_name(gg_stage s);

/**
 * Told how far long work has come: `done` is the share of `stage` done, from
 * 0 (started) to 1 (finished, not told after a failure). Called on the
 * threads doing the work, which may be others than the caller's
 * (gg_links_new and gg_graph_new work on two), so that two reports of one
 * stage may arrive out of order (keep the highest), and from several
 * exports at once when the caller writes them on several threads: keep it
 * short and thread-safe. It must not call back into glossgraph.
 */
typedef void (*gg_progress_fn)(gg_stage stage, double done, void *payload);

/** A progress report function and what it is handed; a zeroed struct reports nothing. */
typedef struct gg_progress {
	gg_progress_fn fn; /**< NULL: no reports */
	void *payload;     /**< handed to fn as it is */
} gg_progress;

#ifdef __cplusplus
}
#endif

#endif
