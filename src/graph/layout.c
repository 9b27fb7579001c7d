/* layout.c - node positions: Fruchterman-Reingold for small graphs, a map of communities for big ones. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * The layout. A graph of up to GG_LAYOUT_FR_MAX_NODES nodes gets igraph's
 * Fruchterman-Reingold, every pair repelling, for as many iterations (up
 * to LAYOUT_FR_ITERATIONS) as fit LAYOUT_FR_BUDGET pair interactions. A
 * bigger one gets a map of its communities: discs with nodes LAYOUT_SPACING
 * apart, the LAYOUT_GROUPS largest placed by Fruchterman-Reingold on the
 * discs (LAYOUT_GROUP_ROUNDS rounds), smaller ones beside the disc they
 * link to most; nodes without links on a spiral around, its turns
 * LAYOUT_RING_GAP apart.
 */
#define LAYOUT_FR_BUDGET 5e6
#define LAYOUT_FR_ITERATIONS 500
#define LAYOUT_SPACING 1.0
#define LAYOUT_GROUPS 400
#define LAYOUT_GROUP_ROUNDS 200
#define LAYOUT_RING_GAP 2.0
/* Successive points of a sunflower spiral turn by this angle (radians): an even spread. */
#define GOLDEN_ANGLE 2.399963229728653

/* A link between two groups of place_groups, and its weight. */
struct group_link {
	uint32_t a, b;
	double weight;
};

/*
 * Fruchterman-Reingold on `n` discs (`radius`) linked by `links`: every
 * pair repels as if its ideal distance were the discs' radii plus 1, links
 * attract in proportion to their weight (the heaviest as a link of that
 * ideal length), and every pair a little (1 / n of that), so that unlinked
 * discs stay near. Starts from a sunflower, the first disc in the centre;
 * LAYOUT_GROUP_ROUNDS cooling rounds, then rounds that push overlapping
 * discs apart. O(n^2) a round. `dx` and `dy` are scratch of n.
 */
static void place_groups(size_t n, const double *radius, const struct group_link *links,
			 size_t n_links, double *x, double *y, double *dx, double *dy)
{
	double area = 0, heaviest = 0;

	for (size_t i = 0; i < n; i++) {
		double distance = i ? sqrt(area / M_PI) + radius[i] : 0;
		x[i] = distance * cos((double)i * GOLDEN_ANGLE);
		y[i] = distance * sin((double)i * GOLDEN_ANGLE);
		area += M_PI * (radius[i] + 1) * (radius[i] + 1);
	}
	for (size_t i = 0; i < n_links; i++)
		heaviest = fmax(heaviest, links[i].weight);
	double start = sqrt(area / M_PI) / 4;
	for (int round = 0; round < LAYOUT_GROUP_ROUNDS; round++) {
		double temperature = start * (LAYOUT_GROUP_ROUNDS - round) / LAYOUT_GROUP_ROUNDS;
		for (size_t i = 0; i < n; i++)
			dx[i] = dy[i] = 0;
		for (size_t a = 0; a < n; a++) {
			for (size_t b = a + 1; b < n; b++) {
				double ex = x[a] - x[b], ey = y[a] - y[b], d2 = ex * ex + ey * ey;
				double ideal = radius[a] + radius[b] + 1;
				if (d2 == 0)
					continue;
				double force = ideal * ideal / d2 - sqrt(d2) / (ideal * (double)n);
				dx[a] += ex * force;
				dy[a] += ey * force;
				dx[b] -= ex * force;
				dy[b] -= ey * force;
			}
		}
		for (size_t i = 0; i < n_links; i++) {
			uint32_t a = links[i].a, b = links[i].b;
			double ex = x[a] - x[b], ey = y[a] - y[b];
			double force = sqrt(ex * ex + ey * ey) / (radius[a] + radius[b] + 1) *
				       links[i].weight / heaviest;
			dx[a] -= ex * force;
			dy[a] -= ey * force;
			dx[b] += ex * force;
			dy[b] += ey * force;
		}
		for (size_t i = 0; i < n; i++) {
			double length = sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
			double scale = length > temperature ? temperature / length : 1;
			x[i] += dx[i] * scale;
			y[i] += dy[i] * scale;
		}
	}
	/* Overlaps: each pair closer than its radii plus 1 moves apart, half the gap each. */
	for (int round = 0; round < LAYOUT_GROUP_ROUNDS; round++) {
		bool overlap = false;
		for (size_t a = 0; a < n; a++) {
			for (size_t b = a + 1; b < n; b++) {
				double ex = x[a] - x[b], ey = y[a] - y[b], d = sqrt(ex * ex + ey * ey);
				double gap = radius[a] + radius[b] + 1 - d;
				if (gap <= 0 || d == 0)
					continue;
				overlap = true;
				x[a] += ex / d * gap / 2;
				y[a] += ey / d * gap / 2;
				x[b] -= ex / d * gap / 2;
				y[b] -= ey / d * gap / 2;
			}
		}
		if (!overlap)
			break;
	}
}

/* Cell d of the Hilbert curve that fills a side x side square (side a power of 2). */
static void hilbert_cell(uint64_t side, uint64_t d, uint64_t *x, uint64_t *y)
{
	*x = *y = 0;
	for (uint64_t s = 1; s < side; s *= 2, d /= 4) {
		uint64_t rx = 1 & (d / 2), ry = 1 & (d ^ rx);
		if (ry == 0) {
			if (rx == 1) {
				*x = s - 1 - *x;
				*y = s - 1 - *y;
			}
			uint64_t t = *x;
			*x = *y;
			*y = t;
		}
		*x += s * rx;
		*y += s * ry;
	}
}

/*
 * Spread nodes[0 .. n) evenly over a disc of radius LAYOUT_SPACING x
 * sqrt(n) around (cx, cy), in order along a Hilbert curve bent into the
 * disc (Shirley and Chiu's concentric map): nodes near in the order end
 * near in the disc, a run of them in a compact patch. Sets x and y.
 */
static void fill_disc(const uint32_t *nodes, size_t n, double cx, double cy, double *x, double *y)
{
	uint64_t side = 1;
	double radius = LAYOUT_SPACING * sqrt((double)n);

	while (side * side < n)
		side *= 2;
	for (size_t j = 0; j < n; j++) {
		uint64_t hx = 0, hy = 0;
		if (side > 1)
			hilbert_cell(side, (uint64_t)(((double)j + 0.5) * (double)(side * side) / (double)n),
				     &hx, &hy);
		/* Cell centres in (-1, 1), never 0 once side > 1: the square to the disc. */
		double a = 2 * ((double)hx + 0.5) / (double)side - 1;
		double b = 2 * ((double)hy + 0.5) / (double)side - 1;
		double r = fabs(a) > fabs(b) ? a : b;
		double angle = side == 1 ? 0 :
			       fabs(a) > fabs(b) ? M_PI / 4 * b / a : M_PI / 2 - M_PI / 4 * a / b;
		x[nodes[j]] = cx + radius * r * cos(angle);
		y[nodes[j]] = cy + radius * r * sin(angle);
	}
}

/*
 * Put nodes[0 .. n) LAYOUT_SPACING apart along a spiral around the origin,
 * out from radius r > 0, its turns LAYOUT_RING_GAP apart. Sets x and y.
 */
static void spiral(const uint32_t *nodes, size_t n, double r, double *x, double *y)
{
	double angle = 0;

	for (size_t j = 0; j < n; j++) {
		double radius = r + LAYOUT_RING_GAP * angle / (2 * M_PI);
		x[nodes[j]] = radius * cos(angle);
		y[nodes[j]] = radius * sin(angle);
		angle += LAYOUT_SPACING / radius;
	}
}

/*
 * The layout of a small graph: igraph's Fruchterman-Reingold, every pair
 * repelling, on the links taken both ways (`g`), from a random start
 * (igraph's generator seeded), as many iterations (up to
 * LAYOUT_FR_ITERATIONS) as fit LAYOUT_FR_BUDGET pair interactions; a
 * lone node stays at the origin. Returns 0 or igraph's error.
 */
int gg_i_lay_out_small(gg_graph *gr, const struct adjacency *g)
{
	igraph_vector_int_t ends;
	igraph_t u;
	igraph_matrix_t xy;
	bool has_ends = false, has_u = false, has_xy = false;
	size_t n = gr->n_nodes, n_links = 0;
	int err = 0;

	if (n < 2)
		return 0;
	for (size_t v = 0; v < n; v++)
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++)
			n_links += g->next[k] > v;
	GG_IGRAPH_TRY(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * n_links)));
	has_ends = true;
	for (size_t v = 0, i = 0; v < n; v++) {
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++) {
			if (g->next[k] < v)
				continue;
			VECTOR(ends)[i++] = (igraph_integer_t)v;
			VECTOR(ends)[i++] = (igraph_integer_t)g->next[k];
		}
	}
	GG_IGRAPH_TRY(igraph_create(&u, &ends, (igraph_integer_t)n, IGRAPH_UNDIRECTED));
	has_u = true;
	double pairs = (double)n * (double)(n - 1) / 2 + (double)n_links;
	double iterations = fmin(LAYOUT_FR_BUDGET / pairs, LAYOUT_FR_ITERATIONS);
	GG_IGRAPH_TRY(igraph_matrix_init(&xy, 0, 0));
	has_xy = true;
	GG_IGRAPH_TRY(igraph_rng_seed(igraph_rng_default(), GG_GRAPH_RNG_SEED));
	GG_IGRAPH_TRY(igraph_layout_fruchterman_reingold(&u, &xy, false, (igraph_integer_t)iterations,
							 sqrt((double)n) / 10, IGRAPH_LAYOUT_NOGRID,
							 NULL, NULL, NULL, NULL, NULL));
	for (size_t v = 0; v < n; v++) {
		gr->nodes[v].x = MATRIX(xy, v, 0);
		gr->nodes[v].y = MATRIX(xy, v, 1);
	}
cleanup:
	if (has_xy)
		igraph_matrix_destroy(&xy);
	if (has_u)
		igraph_destroy(&u);
	if (has_ends)
		igraph_vector_int_destroy(&ends);
	return err;
}

/*
 * The layout of a big graph, a map of its communities (see LAYOUT_*):
 * each community is a disc, placed by place_groups (past LAYOUT_GROUPS,
 * beside the group it links to most) and filled by fill_disc in the order
 * of the hierarchy Leiden found (`hierarchy`, a slot per node);
 * communities with no group to stand by, then nodes without links, go on
 * a spiral around the rest. Needs the communities numbered, `g` the links
 * both ways. O(V + E + LAYOUT_GROUPS^2 rounds). Returns 0 or GG_ENOMEM.
 */
int gg_i_lay_out_map(gg_graph *gr, const struct adjacency *g, const uint32_t *hierarchy)
{
	size_t n = gr->n_nodes, n_communities = gr->n_communities;
	size_t n_groups = 0, n_links = 0, n_outer = 0, n_satellites = 0;
	int err = 0;

	size_t group_alloc = n_communities < LAYOUT_GROUPS ? n_communities : LAYOUT_GROUPS;
	size_t link_alloc = g->start[n] / 2 < group_alloc * group_alloc / 2 ?
			    g->start[n] / 2 : group_alloc * group_alloc / 2;
	double *x = malloc(n * sizeof(*x)), *y = malloc(n * sizeof(*y));
	uint32_t *placed = malloc(n * sizeof(*placed)), *outer = malloc(n * sizeof(*outer));
	size_t *linked = calloc(n_communities, sizeof(*linked));
	size_t *end = calloc(n_communities + 1, sizeof(*end));
	size_t *group_of = malloc(n_communities * sizeof(*group_of));
	double *radius = malloc((group_alloc + 1) * sizeof(*radius));
	double *gx = malloc((group_alloc + 1) * sizeof(*gx));
	double *gy = malloc((group_alloc + 1) * sizeof(*gy));
	double *gdx = malloc((group_alloc + 1) * sizeof(*gdx));
	double *gdy = malloc((group_alloc + 1) * sizeof(*gdy));
	double *link = calloc(group_alloc + 1, sizeof(*link));
	uint32_t *touched = malloc((group_alloc + 1) * sizeof(*touched));
	struct group_link *links = malloc((link_alloc + 1) * sizeof(*links));
	if (!x || !y || !placed || !outer || !linked || !end || !group_of || !radius || !gx ||
	    !gy || !gdx || !gdy || !link || !touched || !links) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t v = 0; v < n; v++)
		if (g->start[v + 1] > g->start[v])
			linked[gr->nodes[v].community]++;
	/* The linked nodes by community, each community's in the hierarchy's order. */
	for (size_t c = 0; c < n_communities; c++)
		end[c + 1] = end[c] + linked[c];
	for (size_t i = 0; i < n; i++) {
		uint32_t v = hierarchy[i];
		if (g->start[v + 1] > g->start[v])
			placed[end[gr->nodes[v].community]++] = v;
	}
	for (size_t c = 0; c < n_communities; c++) {
		group_of[c] = SIZE_MAX;
		if (linked[c] && n_groups < LAYOUT_GROUPS) {
			group_of[c] = n_groups;
			radius[n_groups++] = LAYOUT_SPACING * sqrt((double)linked[c]);
		}
	}
	/* The groups' links: summed weights between their nodes. */
	for (size_t c = 0; c < n_communities; c++) {
		size_t a = group_of[c], n_touched = 0;
		if (a == SIZE_MAX)
			continue;
		for (size_t i = end[c] - linked[c]; i < end[c]; i++) {
			for (size_t k = g->start[placed[i]]; k < g->start[placed[i] + 1]; k++) {
				size_t b = group_of[gr->nodes[g->next[k]].community];
				if (b == SIZE_MAX || b <= a)
					continue;
				if (link[b] == 0)
					touched[n_touched++] = (uint32_t)b;
				link[b] += g->weight[k];
			}
		}
		for (size_t t = 0; t < n_touched; t++) {
			links[n_links].a = (uint32_t)a;
			links[n_links].b = touched[t];
			links[n_links++].weight = link[touched[t]];
			link[touched[t]] = 0;
		}
	}
	place_groups(n_groups, radius, links, n_links, gx, gy, gdx, gdy);
	/* Each community fills its group's disc, or a disc beside the group it links to most. */
	double reach = 0;
	for (size_t c = 0; c < n_communities; c++) {
		size_t k = linked[c], best = group_of[c], n_touched = 0;
		const uint32_t *nodes = placed + end[c] - k;
		double cx, cy;
		if (!k)
			continue;
		if (best != SIZE_MAX) {
			cx = gx[best];
			cy = gy[best];
		} else {
			for (size_t j = 0; j < k; j++) {
				for (size_t e = g->start[nodes[j]]; e < g->start[nodes[j] + 1]; e++) {
					size_t b = group_of[gr->nodes[g->next[e]].community];
					if (b == SIZE_MAX)
						continue;
					if (link[b] == 0)
						touched[n_touched++] = (uint32_t)b;
					link[b] += g->weight[e];
				}
			}
			for (size_t t = 0; t < n_touched; t++)
				if (best == SIZE_MAX || link[touched[t]] > link[best])
					best = touched[t];
			for (size_t t = 0; t < n_touched; t++)
				link[touched[t]] = 0;
			if (best == SIZE_MAX) {
				memcpy(outer + n_outer, nodes, k * sizeof(*nodes));
				n_outer += k;
				continue;
			}
			double distance = radius[best] + LAYOUT_SPACING * sqrt((double)k) + 1;
			double angle = (double)n_satellites++ * GOLDEN_ANGLE;
			cx = gx[best] + distance * cos(angle);
			cy = gy[best] + distance * sin(angle);
		}
		fill_disc(nodes, k, cx, cy, x, y);
		reach = fmax(reach, hypot(cx, cy) + LAYOUT_SPACING * sqrt((double)k));
	}
	spiral(outer, n_outer, reach + LAYOUT_RING_GAP, x, y);
	/* Centre the linked nodes; those without links spiral around them. */
	size_t n_linked = end[n_communities];
	double mx = 0, my = 0;
	for (size_t i = 0; i < n_linked; i++) {
		mx += x[placed[i]] / (double)n_linked;
		my += y[placed[i]] / (double)n_linked;
	}
	reach = 0;
	for (size_t i = 0; i < n_linked; i++) {
		x[placed[i]] -= mx;
		y[placed[i]] -= my;
		reach = fmax(reach, hypot(x[placed[i]], y[placed[i]]));
	}
	n_outer = 0;
	for (size_t v = 0; v < n; v++)
		if (g->start[v + 1] == g->start[v])
			outer[n_outer++] = (uint32_t)v;
	spiral(outer, n_outer, reach + LAYOUT_RING_GAP, x, y);
	for (size_t v = 0; v < n; v++) {
		gr->nodes[v].x = x[v];
		gr->nodes[v].y = y[v];
	}
cleanup:
	free(x);
	free(y);
	free(placed);
	free(outer);
	free(linked);
	free(end);
	free(group_of);
	free(radius);
	free(gx);
	free(gy);
	free(gdx);
	free(gdy);
	free(link);
	free(touched);
	free(links);
	return err;
}
