/* map.js - the behaviour of glossgraph's concept map: search, hover, the term's panel, filters and the capped view. */
(function () {
	"use strict";

	/* The data src/export/html.c writes: one array per node and per edge. */
	var N_LABEL = 0, N_TYPE = 1, N_COMMUNITY = 2, N_X = 3, N_Y = 4, N_SIZE = 5, N_RANK = 6,
		N_ALIASES = 7, N_ABBREVS = 8, N_CATEGORIES = 9;
	var E_SOURCE = 0, E_TARGET = 1, E_KIND = 2, E_WEIGHT = 3, E_RULE = 4, E_FILE = 5,
		E_LINE = 6, E_HELD = 7;
	/* Past this many nodes the map shows the most central terms and one node per community. */
	var CAP = 5000;
	/* Of those, at most this many stand for communities. */
	var CAP_COMMUNITIES = 1000;
	/* Terms whose label is always drawn. */
	var ALWAYS_LABELLED = 12;
	/* Nodes a search or a selection brings into a capped view at most. */
	var BROUGHT_IN_MAX = 2000;
	var KINDS = ["mention", "editor", "category", "keyword"];
	var FADED = "#e8e8e8";

	var started = performance.now();
	var data = JSON.parse(document.getElementById("gg-data").textContent);
	var nodes = data.nodes, communities = data.communities;
	/* The edges, `stride` numbers each in one flat array: field f of edge j is ef(j, f). */
	var flat = data.edges, stride = data.stride, m = flat.length / stride;
	function ef(j, f) { return flat[j * stride + f]; }
	var n = nodes.length;
	/* Definitions and snippets, read when a term is first shown: their
	 * element comes after this script, complete once the page is loaded. */
	var text = null;

	function texts() {
		if (!text) text = JSON.parse(document.getElementById("gg-text").textContent);
		return text;
	}
	function kindOf(j) { return data.kinds[ef(j, E_KIND)]; }

	function $(id) { return document.getElementById(id); }
	function fmt(x) { return x.toLocaleString("en-US"); }

	/* Element `tag` holding `text` as text (never markup), with class `cls`. */
	function el(tag, text, cls) {
		var e = document.createElement(tag);
		if (text !== undefined && text !== null) e.textContent = text;
		if (cls) e.className = cls;
		return e;
	}

	/* Edges out of and into each node, as lists of edge indices. */
	var outEdges = [], inEdges = [];
	for (var i = 0; i < n; i++) { outEdges.push([]); inEdges.push([]); }
	for (var j = 0; j < m; j++) { outEdges[ef(j, E_SOURCE)].push(j); inEdges[ef(j, E_TARGET)].push(j); }
	var kindIndex = new Map(data.kinds.map(function (k, i) { return [k, i]; }));

	/* ---- names: the key glossgraph resolves a term by ---- */

	/* Singular of a lower-case word, as glossgraph's name keys make it. */
	function stem(w) {
		var len = w.length;
		if (len <= 3 || !/^[a-z]+$/.test(w) || w[len - 1] !== "s") return w;
		var before = w[len - 2];
		if (before === "s" || before === "u" || before === "i") return w;
		if (len > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
		if (len > 4 && /(sses|ches|shes|xes)$/.test(w)) return w.slice(0, -2);
		return w.slice(0, -1);
	}

	/* A name's key: case folded, hyphens, underscores and spaces as one space,
	 * Markdown marks and trailing punctuation dropped, plural endings cut. */
	function nameKey(s) {
		s = s.normalize("NFC").toLowerCase()
			.replace(/^[*\s_-]+/, "").replace(/[*.,;:\s_-]+$/, "");
		return s.split(/[\s_-]+/).filter(Boolean).map(stem).join(" ");
	}

	function formsOf(i) {
		var d = nodes[i];
		return [d[N_LABEL]].concat(d[N_ALIASES], d[N_ABBREVS]);
	}

	/* Every form of every node by key (a term before a keyword, then the more
	 * central), and [lower-case form, node, form] for suggestions; made at the
	 * first search, not before the map is drawn. */
	var byKey = null, forms = null;

	function buildIndex() {
		byKey = new Map();
		forms = [];
		for (var i = 0; i < n; i++) {
			formsOf(i).forEach(function (f) {
				var k = nameKey(f), had = byKey.get(k);
				if (k && (had === undefined || better(i, had))) byKey.set(k, i);
				forms.push([f.toLowerCase(), i, f]);
			});
		}
	}
	function better(a, b) {
		if (nodes[a][N_TYPE] !== nodes[b][N_TYPE]) return nodes[a][N_TYPE] < nodes[b][N_TYPE];
		return nodes[a][N_RANK] > nodes[b][N_RANK];
	}

	/* The node a query names, as `glossgraph show` resolves it, or -1. */
	function resolve(query) {
		if (!byKey) buildIndex();
		var k = nameKey(query);
		if (byKey.has(k)) return byKey.get(k);
		var m = /^(.*)\(([^)]*)\)/.exec(query);
		if (m) {
			if (byKey.has(nameKey(m[1]))) return byKey.get(nameKey(m[1]));
			if (byKey.has(nameKey(m[2]))) return byKey.get(nameKey(m[2]));
		}
		return -1;
	}

	/* Up to `max` suggestions for a typed text: the resolved node, then forms
	 * starting with it, then forms containing it, the more central first. */
	function suggest(text, max) {
		var q = text.trim().toLowerCase(), seen = new Set(), starts = [], inside = [], out = [];
		if (!q) return out;
		var exact = resolve(text);
		if (exact >= 0) { out.push([exact, nodes[exact][N_LABEL]]); seen.add(exact); }
		forms.forEach(function (f) {
			var at = f[0].indexOf(q);
			if (at < 0 || seen.has(f[1])) return;
			(at === 0 ? starts : inside).push(f);
		});
		[starts, inside].forEach(function (list) {
			list.sort(function (a, b) { return nodes[b[1]][N_RANK] - nodes[a[1]][N_RANK]; });
			list.forEach(function (f) {
				if (out.length < max && !seen.has(f[1])) { seen.add(f[1]); out.push([f[1], f[2]]); }
			});
		});
		return out;
	}

	/* ---- what the view holds ---- */

	var byRank = [];
	for (i = 0; i < n; i++) byRank.push(i);
	byRank.sort(function (a, b) { return nodes[b][N_RANK] - nodes[a][N_RANK] || a - b; });
	var alwaysLabelled = new Set(byRank.filter(function (i) { return nodes[i][N_TYPE] === 0; })
		.slice(0, ALWAYS_LABELLED));

	var capped = n > CAP;
	var inBase = new Uint8Array(n); /* in the view from the start */
	var groups = []; /* capped: [community, nodes it stands for] */
	(function chooseBase() {
		if (!capped) { inBase.fill(1); return; }
		var hiddenBy = new Map();
		for (var r = 0; r < n; r++) {
			var c = nodes[byRank[r]][N_COMMUNITY];
			hiddenBy.set(c, (hiddenBy.get(c) || 0) + 1);
		}
		var ordered = Array.from(hiddenBy.keys()).sort(function (a, b) {
			return hiddenBy.get(b) - hiddenBy.get(a) || a - b;
		});
		var nGroups = Math.min(ordered.length, CAP_COMMUNITIES);
		var shown = CAP - nGroups;
		hiddenBy.clear();
		for (r = 0; r < n; r++) {
			var node = byRank[r];
			if (r < shown) { inBase[node] = 1; continue; }
			c = nodes[node][N_COMMUNITY];
			hiddenBy.set(c, (hiddenBy.get(c) || 0) + 1);
		}
		ordered.slice(0, nGroups).forEach(function (c) {
			if (hiddenBy.get(c)) groups.push([c, hiddenBy.get(c)]);
		});
	})();

	var graph = new graphology.MultiDirectedGraph();
	var broughtIn = new Set();

	function nodeColor(i) {
		var c = communities[nodes[i][N_COMMUNITY]];
		return c ? c[1] : "#DDDDDD";
	}

	function addNode(i) {
		var key = String(i);
		if (graph.hasNode(key)) return;
		var d = nodes[i];
		graph.addNode(key, {
			x: d[N_X], y: d[N_Y], size: 2 + d[N_SIZE] * 1.4, color: nodeColor(i), label: d[N_LABEL],
			zIndex: d[N_RANK], index: i, community: d[N_COMMUNITY]
		});
		[outEdges[i], inEdges[i]].forEach(function (list) {
			list.forEach(function (j) {
				var s = ef(j, E_SOURCE), t = ef(j, E_TARGET), other = s === i ? t : s;
				if (graph.hasNode(String(other)) && !graph.hasEdge("e" + j)) {
					graph.addEdgeWithKey("e" + j, String(s), String(t), {
						size: Math.min(1 + Math.log2(ef(j, E_WEIGHT)), 5), color: "#cfcfcf", index: j,
						kind: kindOf(j)
					});
				}
			});
		});
	}

	/* Capped views: one node per community for the terms not shown, at their centre. */
	function addGroups() {
		var sx = new Float64Array(communities.length), sy = new Float64Array(communities.length),
			count = new Float64Array(communities.length);
		for (var i = 0; i < n; i++) {
			var c = nodes[i][N_COMMUNITY];
			if (c < 0 || inBase[i]) continue;
			sx[c] += nodes[i][N_X];
			sy[c] += nodes[i][N_Y];
			count[c]++;
		}
		groups.forEach(function (g) {
			var c = g[0], name = communities[c] ? communities[c][0] : "community " + c;
			graph.addNode("c" + c, {
				x: sx[c] / count[c], y: sy[c] / count[c], size: 3 + Math.log2(g[1]), label:
				name + " (+" + fmt(g[1]) + ")", color: communities[c] ? communities[c][1] : "#DDDDDD",
				zIndex: -1, group: c
			});
		});
	}

	byRank.forEach(function (i) { if (inBase[i]) addNode(i); });
	addGroups();

	/* Bring node i and its neighbourhood up to `depth` links into a capped view. */
	function bringIn(i, depth) {
		if (!capped) return;
		var near = neighbourhood(i, depth, true);
		var added = 0;
		near.forEach(function (d, k) {
			if (!graph.hasNode(String(k)) && added < BROUGHT_IN_MAX) { broughtIn.add(k); addNode(k); added++; }
		});
	}

	/* Hops from node i to the nodes around it, links either way, up to
	 * `depth`; over every link (`all`) or only those the filters show. */
	function neighbourhood(i, depth, all) {
		var dist = new Map([[i, 0]]), frontier = [i];
		for (var d = 1; d <= depth && frontier.length; d++) {
			var next = [];
			frontier.forEach(function (k) {
				[outEdges[k], inEdges[k]].forEach(function (list) {
					list.forEach(function (j) {
						var s = ef(j, E_SOURCE), o = s === k ? ef(j, E_TARGET) : s;
						if (!dist.has(o) && (all || edgeShown(j))) { dist.set(o, d); next.push(o); }
					});
				});
			});
			frontier = next;
		}
		return dist;
	}

	/* ---- filters ---- */

	var state = {
		selected: -1, hovered: null, depth: 0, category: "", minWeight: 1,
		kinds: new Set(data.kinds.map(function (k, i) { return i; })), hiddenCommunities: new Set(), around: null
	};

	function edgeShown(j) {
		return state.kinds.has(ef(j, E_KIND)) && ef(j, E_WEIGHT) >= state.minWeight &&
			nodeShown(ef(j, E_SOURCE)) && nodeShown(ef(j, E_TARGET));
	}

	function nodeShown(i) {
		var d = nodes[i];
		if (state.around && !state.around.has(i)) return false;
		if (state.hiddenCommunities.has(d[N_COMMUNITY])) return false;
		if (state.category && d[N_CATEGORIES].indexOf(state.category) < 0 && i !== state.selected)
			return false;
		return true;
	}

	function keyShown(key, attrs) {
		if (attrs.group !== undefined)
			return !state.around && !state.category && !state.hiddenCommunities.has(attrs.group);
		return nodeShown(attrs.index);
	}

	/* The nodes that stand out: the hovered (else the selected) node and its neighbours. */
	function focusSet() {
		var key = state.hovered !== null ? state.hovered
			: state.selected >= 0 ? String(state.selected) : null;
		if (key === null || !graph.hasNode(key)) return null;
		var set = new Set([key]);
		graph.forEachEdge(key, function (edge, attrs, s, t) {
			if (edgeShown(attrs.index)) set.add(s === key ? t : s);
		});
		return set;
	}

	var focus = null;
	var renderer = new Sigma(graph, $("graph"), {
		settings: {
			labelRenderedSizeThreshold: 7, labelDensity: 0.8, labelGridCellSize: 90,
			hideEdgesOnMove: n > 20000, minCameraRatio: 0.01, maxCameraRatio: 4,
			itemSizesReference: "screen",
			/* Every render measures the container, which can be empty for a moment (a
			 * window squeezed with the panel open): draw nothing then, do not throw. */
			allowInvalidContainer: true
		},
		nodeReducer: function (key, display, attrs) {
			if (!keyShown(key, attrs)) return { visibility: "hidden" };
			if (focus && !focus.has(key))
				return { color: FADED, labelVisibility: "hidden", zIndex: -2 };
			if (focus || alwaysLabelled.has(attrs.index) || attrs.index === state.selected)
				return { labelVisibility: "visible", zIndex: focus ? 1e9 : display.zIndex };
			return {};
		},
		edgeReducer: function (key, display, attrs) {
			if (!edgeShown(attrs.index)) return { visibility: "hidden" };
			if (focus) {
				var s = String(ef(attrs.index, E_SOURCE)), t = String(ef(attrs.index, E_TARGET));
				var f = state.hovered !== null ? state.hovered : String(state.selected);
				if (s !== f && t !== f) return { visibility: "hidden" };
				return { color: "#888", zIndex: 1 };
			}
			return {};
		}
	});

	function refresh() {
		focus = focusSet();
		renderer.refresh({ skipIndexation: true });
		showStatus();
	}

	/* What is shown: every term and link, or how many of them. */
	function showStatus() {
		var terms = 0, links = 0;
		graph.forEachNode(function (key, attrs) {
			if (attrs.group === undefined && keyShown(key, attrs)) terms++;
		});
		graph.forEachEdge(function (key, attrs) { if (edgeShown(attrs.index)) links++; });
		var text;
		if (terms === n && links === m)
			text = fmt(n) + " terms, " + fmt(m) + " links";
		else
			text = "showing " + fmt(terms) + " of " + fmt(n) + " terms, " + fmt(links) + " of " +
				fmt(m) + " links";
		if (capped && groups.length && !state.around && !state.category)
			text += " (the most central; a grey node stands for the rest of its community)";
		$("status").textContent = text;
	}

	/* ---- the term's panel ---- */

	/* Paragraph of a definition: **bold** as bold, everything as text. */
	function definitionParagraph(text) {
		var p = el("p");
		text.split("**").forEach(function (part, k) {
			if (part) p.appendChild(k % 2 ? el("strong", part) : document.createTextNode(part));
		});
		return p;
	}

	/* One link of the panel: the term at the other end, kind, weight, evidence. */
	function linkItem(j, other) {
		var li = el("li"), a = el("a", nodes[other][N_LABEL]), weight = ef(j, E_WEIGHT);
		a.href = "#" + encodeURIComponent(nodes[other][N_LABEL]);
		a.addEventListener("click", function (ev) { ev.preventDefault(); select(other, true); });
		li.appendChild(a);
		var kind = kindOf(j), held = stride > E_HELD ? data.held[ef(j, E_HELD)] : null;
		var meta = kind + ", " + weight + (weight === 1 ? " mention" : " mentions");
		if (kind === "mention") meta += ", " + data.rules[ef(j, E_RULE)];
		if (held && held !== "none") meta += ", held: " + held;
		li.appendChild(el("span", meta, "meta"));
		var snippet = texts().snippets[j];
		if (snippet) li.appendChild(el("span", snippet, "snippet"));
		if (ef(j, E_FILE) >= 0)
			li.appendChild(el("span", data.files[ef(j, E_FILE)] + ":" + ef(j, E_LINE), "where"));
		return li;
	}

	function fillLinks(list, js, end) {
		list.replaceChildren();
		js.slice().sort(function (a, b) { return ef(b, E_WEIGHT) - ef(a, E_WEIGHT); })
			.forEach(function (j) { list.appendChild(linkItem(j, ef(j, end))); });
		if (!js.length) list.appendChild(el("li", "none"));
	}

	function showPanel(i) {
		var d = nodes[i];
		$("term").textContent = d[N_LABEL];
		var names = d[N_ALIASES].concat(d[N_ABBREVS]);
		$("names").textContent = names.length ? "also: " + names.join("; ") : "";
		var cats = $("categories");
		cats.replaceChildren();
		d[N_CATEGORIES].forEach(function (c) {
			var chip = el("span", c, "chip");
			chip.title = "show only this category";
			chip.addEventListener("click", function () { $("category").value = c; setCategory(c); });
			cats.appendChild(chip);
		});
		var defs = $("definitions"), definitions = texts().definitions[i];
		defs.replaceChildren();
		definitions.forEach(function (t) { defs.appendChild(definitionParagraph(t)); });
		if (!definitions.length)
			defs.appendChild(el("p", d[N_TYPE] ? "a keyword of the glossary's headers" : "no definition"));
		fillLinks($("links-out"), outEdges[i], E_TARGET);
		fillLinks($("links-in"), inEdges[i], E_SOURCE);
		$("panel").hidden = false;
		$("panel").scrollTop = 0;
	}

	/* Select node i: its panel, its neighbourhood, the camera on it, the URL's hash. */
	function select(i, move) {
		state.selected = i;
		bringIn(i, Math.max(1, state.depth));
		updateAround();
		showPanel(i);
		var label = nodes[i][N_LABEL];
		if (decodeHash() !== label) history.replaceState(null, "", "#" + encodeURIComponent(label));
		refresh();
		if (move) {
			var at = renderer.getNodeDisplayData(String(i));
			if (at) renderer.getCamera().animate({ x: at.x, y: at.y, ratio: 0.35 }, { duration: 400 });
		}
	}

	function deselect() {
		state.selected = -1;
		$("panel").hidden = true;
		updateAround();
		if (location.hash) history.replaceState(null, "", location.pathname + location.search);
		refresh();
	}

	function updateAround() {
		state.around = state.depth > 0 && state.selected >= 0
			? neighbourhood(state.selected, state.depth, false) : null;
	}

	function decodeHash() {
		try { return decodeURIComponent(location.hash.slice(1)); } catch (err) { return ""; }
	}

	/* ---- controls ---- */

	function setCategory(c) {
		state.category = c;
		refresh();
	}

	(function buildKinds() {
		var present = new Map();
		for (var j = 0; j < m; j++) present.set(ef(j, E_KIND), (present.get(ef(j, E_KIND)) || 0) + 1);
		KINDS.concat(data.kinds.filter(function (k) { return KINDS.indexOf(k) < 0; })).forEach(function (k) {
			var index = kindIndex.has(k) ? kindIndex.get(k) : -1;
			var label = el("label"), box = el("input");
			box.type = "checkbox";
			box.checked = true;
			box.value = k;
			box.addEventListener("change", function () {
				if (box.checked) state.kinds.add(index); else state.kinds.delete(index);
				updateAround();
				refresh();
			});
			label.appendChild(box);
			label.appendChild(document.createTextNode(" " + k + " (" + fmt(present.get(index) || 0) + ")"));
			$("kinds").appendChild(label);
		});
	})();

	(function buildCategories() {
		var count = new Map();
		nodes.forEach(function (d) {
			d[N_CATEGORIES].forEach(function (c) { count.set(c, (count.get(c) || 0) + 1); });
		});
		Array.from(count.keys()).sort(function (a, b) { return count.get(b) - count.get(a) || (a < b ? -1 : 1); })
			.slice(0, 300).forEach(function (c) {
				var o = el("option", c + " (" + fmt(count.get(c)) + ")");
				o.value = c;
				$("category").appendChild(o);
			});
		$("category").addEventListener("change", function () { setCategory($("category").value); });
	})();

	(function buildLegend() {
		var legend = $("legend");
		communities.slice(0, 30).forEach(function (c, k) {
			if (!c[2]) return;
			var li = el("li"), swatch = el("span", null, "swatch");
			swatch.style.background = c[1];
			li.appendChild(swatch);
			li.appendChild(el("span", c[0]));
			li.appendChild(el("span", fmt(c[2]), "count"));
			li.title = "show or hide this community";
			li.dataset.community = String(k);
			li.addEventListener("click", function () {
				if (state.hiddenCommunities.has(k)) state.hiddenCommunities.delete(k);
				else state.hiddenCommunities.add(k);
				li.classList.toggle("off", state.hiddenCommunities.has(k));
				refresh();
			});
			legend.appendChild(li);
		});
		if (communities.length > 30)
			legend.appendChild(el("li", "and " + fmt(communities.length - 30) + " smaller ones, in grey"));
	})();

	$("min-weight").addEventListener("input", function () {
		var w = parseInt($("min-weight").value, 10);
		state.minWeight = w > 0 ? w : 1;
		updateAround();
		refresh();
	});
	$("depth").addEventListener("change", function () {
		state.depth = parseInt($("depth").value, 10) || 0;
		if (state.selected >= 0) bringIn(state.selected, Math.max(1, state.depth));
		updateAround();
		refresh();
	});
	$("close").addEventListener("click", deselect);

	/* The search box: suggestions as one types, Enter takes the first (or the highlighted one). */
	(function buildSearch() {
		var input = $("search"), list = $("suggestions"), items = [], active = -1;
		function close() { list.hidden = true; active = -1; }
		function take(i) { input.value = nodes[i][N_LABEL]; close(); select(i, true); }
		function mark(k) {
			active = k;
			Array.prototype.forEach.call(list.children, function (li, m) {
				li.setAttribute("aria-selected", m === k ? "true" : "false");
			});
		}
		input.addEventListener("input", function () {
			items = suggest(input.value, 12);
			list.replaceChildren();
			items.forEach(function (s) {
				var li = el("li", nodes[s[0]][N_LABEL]);
				li.setAttribute("role", "option");
				if (s[1] !== nodes[s[0]][N_LABEL]) li.appendChild(el("span", s[1], "form"));
				li.addEventListener("mousedown", function (ev) { ev.preventDefault(); take(s[0]); });
				list.appendChild(li);
			});
			list.hidden = !items.length;
			active = -1;
		});
		input.addEventListener("keydown", function (ev) {
			if (ev.key === "ArrowDown" && items.length) { mark((active + 1) % items.length); ev.preventDefault(); }
			else if (ev.key === "ArrowUp" && items.length) { mark((active + items.length - 1) % items.length); ev.preventDefault(); }
			else if (ev.key === "Escape") close();
			else if (ev.key === "Enter") {
				var i = active >= 0 ? items[active][0] : resolve(input.value);
				if (i < 0 && items.length) i = items[0][0];
				if (i >= 0) take(i);
			}
		});
		input.addEventListener("blur", close);
	})();

	renderer.on("enterNode", function (ev) { state.hovered = ev.node; refresh(); });
	renderer.on("leaveNode", function () { state.hovered = null; refresh(); });
	renderer.on("clickNode", function (ev) {
		var attrs = graph.getNodeAttributes(ev.node);
		if (attrs.group !== undefined) {
			var c = attrs.group, best = byRank.find(function (i) { return nodes[i][N_COMMUNITY] === c; });
			if (best !== undefined) select(best, true);
		} else {
			select(attrs.index, false);
		}
	});
	renderer.on("clickStage", deselect);

	function followHash() {
		var name = decodeHash(), i = name ? resolve(name) : -1;
		if (i >= 0 && i !== state.selected) select(i, true);
	}
	window.addEventListener("hashchange", followHash);

	/* For scripts and tests: the graph, the renderer and the state, read-only by contract. */
	window.ggMap = { graph: graph, renderer: renderer, state: state, resolve: resolve, firstDraw: null };
	renderer.once("afterRender", function () { window.ggMap.firstDraw = performance.now(); });
	refresh();
	if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", followHash);
	else followHash();
	window.ggMap.setupMs = performance.now() - started;
})();
