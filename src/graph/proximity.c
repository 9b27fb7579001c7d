/* proximity.c - personalised PageRank from one node by local push: only the nodes near it are read. */
#include "graph/graph_i.h"
#include "core/buf.h"
#include "core/error.h"

#include <stdlib.h>

/* As gg_i_pagerank's: the share of a node's rank passed along its links. */
#define PUSH_DAMPING 0.85

/* The push's state: residuals, weighted degrees, the queue of nodes to push, the nodes touched. */
struct push {
	double *residual;  /* per node: rank received, not passed on yet */
	double *total;     /* per node touched: its weighted degree */
	uint8_t *state;    /* per node: QUEUED, TOUCHED */
	uint32_t *queue;   /* a ring of n_nodes slots: a node is in it once at most */
	size_t head, len;
	uint32_t *touched; /* the nodes with a residual, in the order touched */
	size_t n_touched, cap_touched;
};

enum { QUEUED = 1, TOUCHED = 2 };

/* Put v at the tail of the queue if its residual is over the tolerance of its degree. */
static void enqueue(struct push *p, size_t n_nodes, size_t v)
{
	if ((p->state[v] & QUEUED) || !(p->residual[v] > GG_I_PROXIMITY_TOLERANCE * p->total[v]))
		return;
	p->state[v] |= QUEUED;
	p->queue[(p->head + p->len++) % n_nodes] = (uint32_t)v;
}

int gg_i_proximity_push(const gg_i_push_graph *g, size_t source, double source_total,
			double *estimate)
{
	size_t n = g->n_nodes;
	struct push p = { 0 };
	int err = 0;

	if (source >= n || !(source_total > 0))
		return 0; /* no link: nothing is reached */
	p.residual = calloc(n, sizeof(*p.residual));
	p.total = malloc(n * sizeof(*p.total));
	p.state = calloc(n, sizeof(*p.state));
	p.queue = malloc(n * sizeof(*p.queue));
	if (!p.residual || !p.total || !p.state || !p.queue ||
	    GG_ARRAY_PUSH_SLOT(p.touched, p.n_touched, p.cap_touched) != 0) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	p.touched[p.n_touched++] = (uint32_t)source;
	p.state[source] = TOUCHED;
	p.residual[source] = 1;
	p.total[source] = source_total;
	enqueue(&p, n, source);
	while (p.len && !err) {
		size_t u = p.queue[p.head];
		p.head = (p.head + 1) % n;
		p.len--;
		p.state[u] &= (uint8_t)~QUEUED;
		double r = p.residual[u];
		const gg_i_push_link *links;
		size_t n_links;
		if ((err = g->links(g->payload, u, &links, &n_links)) != 0)
			break;
		p.residual[u] = 0;
		estimate[u] += (1 - PUSH_DAMPING) * r;
		double share = PUSH_DAMPING * r / p.total[u];
		for (size_t i = 0; i < n_links; i++) {
			size_t v = links[i].node;
			if (!(p.state[v] & TOUCHED)) {
				if (GG_ARRAY_PUSH_SLOT(p.touched, p.n_touched, p.cap_touched) != 0) {
					err = gg_i_error_oom();
					break;
				}
				p.touched[p.n_touched++] = (uint32_t)v;
				p.state[v] |= TOUCHED;
				p.total[v] = links[i].node_total;
			}
			p.residual[v] += share * links[i].weight;
			enqueue(&p, n, v);
		}
	}
	/* What each node would keep of its residual at its next push is its own already. */
	for (size_t i = 0; i < p.n_touched && !err; i++)
		estimate[p.touched[i]] += (1 - PUSH_DAMPING) * p.residual[p.touched[i]];
cleanup:
	free(p.residual);
	free(p.total);
	free(p.state);
	free(p.queue);
	free(p.touched);
	return err;
}
