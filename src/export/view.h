/* view.h - the part of the graph an export writes, and what every writer shows of its nodes and edges. */
#ifndef GG_EXPORT_VIEW_H
#define GG_EXPORT_VIEW_H

#include "glossgraph.h"
#include "core/buf.h"

/*
 * The nodes and edges one export writes: a selection of the graph made by
 * gg_i_view_init from the options (top, focus, depth). Writers walk nodes[]
 * and edges[] in order, so the output follows the graph's own order.
 */
typedef struct gg_i_view {
	const gg_graph *graph;
	const gg_glossary *glossary;
	const gg_export_options *options;
	size_t *nodes;     /* graph node indices kept, ascending */
	size_t n_nodes;
	size_t *edges;     /* graph edge indices with both ends kept, ascending */
	size_t n_edges;
	bool has_focus;
	size_t focus_node; /* graph node index of the focus */
	double scale;      /* layout units to drawing units: 1, or as gg_i_view_scale sets it */
} gg_i_view;

/*
 * Select the nodes and edges `o` asks for. O(V log V + E). Returns 0;
 * GG_ENOTFOUND when the focus concept is not a node of the graph;
 * GG_EINVAL when it is not a concept; GG_ENOMEM. Release with
 * gg_i_view_destroy, also after a failure.
 */
int gg_i_view_init(gg_i_view *v, const gg_graph *gr, const gg_export_options *o);
void gg_i_view_destroy(gg_i_view *v);

/* Longest label, in characters: graphviz cannot read back a 16 KB word,
 * nor draw one of some thousands; the whole name is kept as `name`. */
#define GG_I_LABEL_MAX 80

/* One node of the view with its text made safe: valid UTF-8 without control
 * characters, on one line. Fill with gg_i_node_text_fill, release with
 * gg_i_node_text_free; the buffers are reused from node to node. */
typedef struct gg_i_node_text {
	size_t index;        /* graph node index */
	const gg_node *node;
	const gg_concept *concept;
	unsigned char r, g, b; /* its community's colour */
	char color[8];       /* the same as "#RRGGBB" */
	double x, y;         /* position in drawing units: the layout's times the view's scale */
	double size;         /* radius in drawing units (the node's display size, 1 to 10) */
	gg_i_buf name;         /* the display name, whole */
	gg_i_buf label;        /* the same, cut to GG_I_LABEL_MAX characters with an ellipsis */
	gg_i_buf aliases;      /* aliases then abbreviations, "; " between */
	gg_i_buf categories;   /* "; " between */
	gg_i_buf alias_list;   /* the aliases as a GEXF 1.3 list: ["a", "b \"c\""] */
	gg_i_buf category_list; /* the categories as such a list */
	gg_i_buf definition;   /* the first definition, whole, Markdown removed */
	gg_i_buf summary;      /* its first sentence, cut at a word past 300 bytes */
	gg_i_buf community_name; /* the name of its community's most central node */
} gg_i_node_text;

/* Fill `t` for the view's i-th node. Returns 0 or GG_ENOMEM. */
int gg_i_node_text_fill(gg_i_node_text *t, const gg_i_view *v, size_t i);
void gg_i_node_text_free(gg_i_node_text *t);

/* One edge of the view, its text made safe as for nodes. */
typedef struct gg_i_edge_text {
	size_t index;       /* graph edge index */
	size_t from, to;    /* graph node indices */
	const gg_edge *edge;
	const gg_entry *entry; /* holding the evidence; NULL when none */
	gg_i_buf evidence;    /* "file:offset: snippet" */
	gg_i_buf surface;
	gg_i_buf file;
	gg_i_buf snippet;
	double width;       /* line width in drawing units, 1 to 5 (gg_i_edge_width) */
} gg_i_edge_text;

/* Fill `t` for the view's i-th edge. Returns 0 or GG_ENOMEM. */
int gg_i_edge_text_fill(gg_i_edge_text *t, const gg_i_view *v, size_t i);
void gg_i_edge_text_free(gg_i_edge_text *t);

/* The text of a buffer, "" when nothing was ever put in it. */
static inline const char *gg_i_str(const gg_i_buf *b)
{
	return b->ptr ? b->ptr : "";
}

/* Append s made safe: invalid UTF-8 and control characters become U+FFFD,
 * TAB, CR and LF become spaces. NULL appends nothing. */
void gg_i_clean(gg_i_buf *out, const char *s);
/* The same for the `len` bytes at s (NUL bytes become U+FFFD). */
void gg_i_clean_n(gg_i_buf *out, const char *s, size_t len);
/* Append a definition as the exports show it: Markdown removed, one line,
 * made safe as gg_i_clean makes it; out->oom on failure. */
void gg_i_plain_definition(gg_i_buf *out, const char *def);

/* "term" or "keyword": the node_kind attribute. */
const char *gg_i_type_name(gg_concept_kind k);

/*
 * The factor that turns layout units into drawing units, in which a node's
 * radius is its display size (1 to 10), as Gephi and sigma.js draw it: the
 * smallest that leaves at most 1% as many overlapping node pairs (closer
 * than the sum of their radii) as nodes, so that the view reads at any
 * glossary size. O(V log V) per trial, about 20 trials (doubling, then
 * halving until the rounding to three digits is settled). Returns 0 or
 * GG_ENOMEM.
 */
int gg_i_view_scale(gg_i_view *v);

/* Line width of an edge of `weight` mentions: 1 for one, growing with
 * log2(weight) to 5 from 64 on. */
double gg_i_edge_width(uint32_t weight);

/* Colour of a community ("#RRGGBB" in hex); communities past the palette,
 * and -1, share a pale grey. */
void gg_i_community_rgb(int community, unsigned char rgb[3]);
void gg_i_community_hex(int community, char hex[8]);

/* Room for any number gg_i_number writes. */
#define GG_I_NUMBER_MAX 32
/* x with 9 significant digits and a '.' whatever the locale; a NaN or an
 * infinity is written as 0. Returns buf. */
const char *gg_i_number(char buf[GG_I_NUMBER_MAX], double x);

#endif
