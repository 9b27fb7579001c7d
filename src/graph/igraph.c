/* igraph.c - igraph's errors turned into the library's, and igraph's graph of the links. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <pthread.h>
#include <stdlib.h>

static pthread_once_t igraph_once = PTHREAD_ONCE_INIT;
/* True once the failing igraph call's first reason is in the error slot. */
static _Thread_local bool igraph_reported;

/*
 * igraph calls the handler once per level as an error unwinds, innermost
 * (with the real reason) first and with "" above: keep the first, free each
 * level's temporaries. `reason` may die in IGRAPH_FINALLY_FREE, so it is
 * copied before.
 */
static void on_igraph_error(const char *reason, const char *file, int line,
			    igraph_error_t code)
{
	(void)file;
	(void)line;
	if (!igraph_reported) {
		gg_i_error_set(GG_ERROR, "igraph: %s",
			     reason && *reason ? reason : igraph_strerror(code));
		igraph_reported = true;
	}
	IGRAPH_FINALLY_FREE();
}

/* Route igraph errors to on_igraph_error; drop its warnings (no path found is not news). */
static void install_igraph_handlers(void)
{
	igraph_set_error_handler(on_igraph_error);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void gg_i_igraph_init(void)
{
	pthread_once(&igraph_once, install_igraph_handlers);
}

int gg_i_igraph_error(igraph_error_t code)
{
	if (!igraph_reported)
		gg_i_error_set(GG_ERROR, "igraph: %s", igraph_strerror(code));
	igraph_reported = false;
	return code == IGRAPH_ENOMEM ? GG_ENOMEM : GG_ERROR;
}

/* Make the igraph multigraph (edge i = edges[i]). Returns 0 or igraph's error. */
int gg_i_make_igraph(gg_graph *gr)
{
	igraph_vector_int_t ends;
	bool has_ends = false;
	int err = 0;

	GG_IGRAPH_TRY(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * gr->n_edges)));
	has_ends = true;
	for (size_t i = 0; i < gr->n_edges; i++) {
		VECTOR(ends)[2 * i] = (igraph_integer_t)gr->from[i];
		VECTOR(ends)[2 * i + 1] = (igraph_integer_t)gr->to[i];
	}
	GG_IGRAPH_TRY(igraph_create(&gr->ig, &ends, (igraph_integer_t)gr->n_nodes, IGRAPH_DIRECTED));
	gr->has_ig = true;
cleanup:
	if (has_ends)
		igraph_vector_int_destroy(&ends);
	return err;
}

int gg_i_graph_igraph(bool *ready, const gg_graph *gr)
{
	gg_graph *g = (gg_graph *)gr; /* the copy is a cache: the graph it mirrors is unchanged */
	int err = 0;

	*ready = g->has_ig;
	if (!g->ig_on_demand)
		return 0;
	pthread_mutex_lock(&g->ig_lock);
	if (!g->has_ig)
		err = gg_i_make_igraph(g);
	*ready = g->has_ig;
	pthread_mutex_unlock(&g->ig_lock);
	return err;
}
