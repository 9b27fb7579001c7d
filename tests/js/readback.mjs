// readback.mjs - read glossgraph's GEXF, GraphML and graphology JSON with
// graphology and its readers, as sigma.js and Gephi Lite load them, and check
// what those clients need: no attribute under a name they keep for
// themselves, positions and sizes, parallel edges kept, whole definitions,
// community names.
// usage: node tests/js/readback.mjs DIR [STEM]   (exits 1 when a check fails)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { MultiDirectedGraph } = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

// Node attributes sigma.js and graphology read as drawing settings.
const RESERVED = ['type', 'hidden', 'zIndex', 'forceLabel'];
const DRAWING = ['x', 'y', 'size', 'color', 'label'];

let failures = 0;
function check(ok, what) {
	console.log(`readback.mjs: ${ok ? 'OK  ' : 'FAIL'} ${what}`);
	if (!ok)
		failures++;
}

if (process.argv.length < 3) {
	console.error('usage: node tests/js/readback.mjs DIR [STEM]');
	process.exit(2);
}
const stem = join(process.argv[2], process.argv[3] || 'glossary');
const reference = JSON.parse(readFileSync(`${stem}.json`, 'utf8'));
const nodeCount = reference.nodes.length, edgeCount = reference.edges.length;
const longer = reference.nodes.filter((n) => n.definition.length > n.summary.length).length;

function checkGraph(name, graph) {
	check(graph.order === nodeCount && graph.size === edgeCount,
	      `${name}: ${graph.order} nodes, ${graph.size} edges (parallel edges kept)`);
	let reserved = null, drawing = true, whole = 0, named = true;
	graph.forEachNode((key, a) => {
		reserved = reserved || RESERVED.find((r) => r in a);
		drawing = drawing && DRAWING.every((d) => d in a) &&
			Number.isFinite(a.x) && Number.isFinite(a.y) && a.size > 0;
		if (typeof a.definition === 'string' && a.definition.length > a.summary.length)
			whole++;
		named = named && typeof a.community_name === 'string' && a.community_name.length > 0;
	});
	check(!reserved, `${name}: no node attribute named ${reserved || RESERVED.join(', ')}`);
	check(drawing, `${name}: every node has x, y, size, color, label`);
	check(whole === longer, `${name}: ${whole} definitions longer than their summary, as in the JSON`);
	check(named, `${name}: every node has a community_name`);
	let edgeReserved = null;
	graph.forEachEdge((key, a) => { edgeReserved = edgeReserved || ('type' in a ? 'type' : null); });
	check(!edgeReserved, `${name}: no edge attribute named type`);
}

checkGraph('gexf', gexf.parse(MultiDirectedGraph, readFileSync(`${stem}.gexf`, 'utf8')));
checkGraph('graphml', graphml.parse(MultiDirectedGraph, readFileSync(`${stem}.graphml`, 'utf8')));
checkGraph('graphology', MultiDirectedGraph.from(
	JSON.parse(readFileSync(`${stem}.graphology.json`, 'utf8'))));
const aliases = gexf.parse(MultiDirectedGraph, readFileSync(`${stem}.gexf`, 'utf8'));
let lists = true;
aliases.forEachNode((key, a) => { lists = lists && Array.isArray(a.aliases) && Array.isArray(a.categories); });
check(lists, 'gexf: aliases and categories read as lists');
process.exit(failures ? 1 : 0);
