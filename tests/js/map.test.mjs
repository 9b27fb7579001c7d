// map.test.mjs - the HTML concept map in headless Chromium: it draws, searches, shows a term, filters, and keeps hostile names as text.
//
//   node tests/js/map.test.mjs SEED.html HOSTILE.html BIG.html
//
// SEED.html is `glossgraph export html` of data/, HOSTILE.html of
// tests/data/hostile.txt, BIG.html of a glossary of more than 5,000 terms
// (the capped view). Prints "ok NAME" or "FAIL NAME: why" per check;
// exits 1 when a check failed, 2 when the browser could not run.
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [seedFile, hostileFile, bigFile] = process.argv.slice(2);
if (!seedFile || !hostileFile || !bigFile) {
	console.error("usage: node map.test.mjs SEED.html HOSTILE.html BIG.html");
	process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"];
let failed = 0;

function check(name, ok, why) {
	if (ok) {
		console.log(`ok ${name}`);
	} else {
		failed++;
		console.log(`FAIL ${name}: ${why}`);
	}
}

/* A page at `file` (with `hash`), its console errors and uncaught errors collected, once drawn. */
async function open(browser, file, hash = "") {
	const page = await browser.newPage();
	const errors = [];
	page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
	page.on("pageerror", (e) => errors.push(e.message));
	await page.setViewport({ width: 1200, height: 800 });
	await page.goto(pathToFileURL(resolve(file)).href + hash);
	await page.waitForFunction("window.ggMap && window.ggMap.firstDraw !== null", { timeout: 60000 });
	return { page, errors };
}

const text = (page, sel) => page.$eval(sel, (e) => e.textContent);
const status = (page) => text(page, "#status");

/* Non-white pixels of the graph's area, counted in the page from a screenshot. */
async function inkedPixels(page) {
	const png = await (await page.$("#graph")).screenshot({ encoding: "base64" });
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = "data:image/png;base64," + b64;
		await img.decode();
		const c = document.createElement("canvas");
		c.width = img.width;
		c.height = img.height;
		const g = c.getContext("2d");
		g.drawImage(img, 0, 0);
		const d = g.getImageData(0, 0, c.width, c.height).data;
		let inked = 0;
		for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) inked++;
		return inked;
	}, png);
}

/* Type `query` into the search box and take the first suggestion with Enter. */
async function search(page, query) {
	await page.click("#search", { clickCount: 3 });
	await page.type("#search", query);
	await page.keyboard.press("Enter");
}

/* The count "showing N of M terms" or "M terms" in the status line: [N, M]. */
function terms(line) {
	const m = /showing ([\d,]+) of ([\d,]+) terms/.exec(line) || /^([\d,]+) terms/.exec(line);
	const num = (s) => Number(s.replace(/,/g, ""));
	return m ? [num(m[1]), num(m[2] || m[1])] : null;
}

async function seedChecks(browser) {
	const { page, errors } = await open(browser, seedFile);

	const whole = await status(page);
	check("status says what is shown", /^\d[\d,]* terms, \d[\d,]* links$/.test(whole), whole);
	const inked = await inkedPixels(page);
	check("the canvas draws", inked > 2000, `${inked} non-white pixels`);

	await page.click("#search");
	await page.type("#search", "ntk");
	const suggestions = await page.$$eval("#suggestions li", (li) => li.map((e) => e.textContent));
	check("typing suggests", suggestions.length > 0 && suggestions[0].startsWith("Neural Tangent Kernel"),
		JSON.stringify(suggestions));
	await page.keyboard.press("Enter");
	check("an abbreviation selects its concept", (await text(page, "#term")) === "Neural Tangent Kernel",
		await text(page, "#term"));
	check("the hash holds the term", (await page.evaluate("location.hash")) === "#Neural%20Tangent%20Kernel",
		await page.evaluate("location.hash"));
	const definition = await text(page, "#definitions");
	check("the panel shows the definition", /theoretical framework/.test(definition), definition.slice(0, 80));
	const names = await text(page, "#names");
	check("the panel shows the other names", /NTK/.test(names), names);
	const linksIn = await page.$$eval("#links-in li", (li) => li.map((e) => e.textContent));
	check("the panel shows links with kind, weight and evidence",
		linksIn.some((l) => /^Neural Tangent Kernel NAS.*mention, \d+ mentions.*\.\.\..*data\/.*:\d+/.test(l)),
		JSON.stringify(linksIn.slice(0, 3)));

	await page.click("#links-in li a");
	check("clicking a link moves there", (await text(page, "#term")) === "Neural Tangent Kernel NAS",
		await text(page, "#term"));

	await search(page, "Neural-Radiance-Fields");
	check("names resolve as show does (case, hyphens, plurals)",
		(await text(page, "#term")) === "Neural Radiance Field", await text(page, "#term"));

	await page.select("#depth", "1");
	const around = terms(await status(page));
	const degree = await page.evaluate(() => {
		const g = window.ggMap.graph, key = String(window.ggMap.state.selected);
		return new Set(g.neighbors(key)).size + 1;
	});
	check("depth 1 shows the term and its neighbours", around && around[0] === degree,
		`${await status(page)}; expected ${degree}`);
	await page.select("#depth", "0");
	await page.click("#close");

	const all = terms(await status(page));
	const first = await page.$eval("#legend li", (li) => [Number(li.dataset.community),
		Number(li.querySelector(".count").textContent.replace(/,/g, ""))]);
	await page.click("#legend li");
	const after = terms(await status(page));
	const hidden = await page.evaluate((c) => {
		const g = window.ggMap.graph, r = window.ggMap.renderer;
		let shown = 0;
		g.forEachNode((key, a) => {
			const d = r.getNodeDisplayData(key);
			if (a.community === c && d && d.visibility !== "hidden") shown++;
		});
		return shown;
	}, first[0]);
	check("a community filter hides its terms", after && after[0] === all[0] - first[1] && hidden === 0,
		`${await status(page)}; ${hidden} still drawn`);
	await page.click("#legend li");

	const links = (line) => Number((/([\d,]+)(?: of [\d,]+)? links/.exec(line) || [0, "-1"])[1].replace(/,/g, ""));
	const before = links(await status(page));
	await page.click('#kinds input[value="mention"]');
	const withoutMentions = links(await status(page));
	const mentions = await page.evaluate(() => {
		let k = 0;
		window.ggMap.graph.forEachEdge((key, a) => { if (a.kind === "mention") k++; });
		return k;
	});
	check("a link-kind filter hides those links", withoutMentions === before - mentions && mentions > 0,
		`${before} -> ${withoutMentions}, ${mentions} mentions`);
	await page.click('#kinds input[value="mention"]');

	await page.select("#category", "theory");
	const theory = terms(await status(page));
	check("a category filter keeps that category", theory && theory[0] > 0 && theory[0] < all[0],
		await status(page));
	await page.select("#category", "");

	const hovered = await page.evaluate(() => {
		const m = window.ggMap, key = String(m.resolve("NAS"));
		m.renderer.emit("enterNode", { node: key });
		const faded = [];
		m.graph.forEachNode((k) => {
			const d = m.renderer.getNodeDisplayData(k);
			if (d && d.color === "#e8e8e8") faded.push(k);
		});
		const near = new Set(m.graph.neighbors(key));
		m.renderer.emit("leaveNode", { node: key });
		return { faded: faded.length, wrong: faded.filter((k) => k === key || near.has(k)).length,
			total: m.graph.order };
	});
	check("hovering fades all but the term and its neighbours",
		hovered.faded > 0 && hovered.wrong === 0, JSON.stringify(hovered));

	check("no console error", errors.length === 0, errors.join(" | "));
	await page.close();

	const shared = await open(browser, seedFile, "#NAS");
	check("a shared hash opens on its term", (await text(shared.page, "#term")) === "Neural Architecture Search",
		await text(shared.page, "#term"));
	await shared.page.close();
}

async function hostileChecks(browser) {
	const { page, errors } = await open(browser, hostileFile);
	const names = ["</script><script>window.__pwned=1</script>", "<!--", "<img src=x onerror=window.__pwned=2>"];
	for (const name of names) {
		await search(page, name);
		check(`hostile name ${name} is shown as text`, (await text(page, "#term")) === name,
			await text(page, "#term"));
	}
	const definition = await text(page, "#definitions");
	check("hostile definitions are text", definition.includes("<img src=x onerror=window.__pwned=2>") &&
		definition.includes("\u2028"), definition);
	check("no markup made from the data", (await page.$$("#panel img, #panel script, #suggestions img")).length === 0,
		"an element was made");
	check("nothing ran", (await page.evaluate("window.__pwned")) === undefined,
		`window.__pwned = ${await page.evaluate("window.__pwned")}`);
	check("no console error on the hostile page", errors.length === 0, errors.join(" | "));
	await page.close();
}

/* Two frames later: the resize observer and the renderer have run. */
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/* The drawing's width against its container's: [drawn, container]. */
const widths = (page) => page.evaluate(() =>
	[window.ggMap.renderer.getDimensions().width, document.getElementById("graph").clientWidth]);

async function layoutChecks(browser) {
	const { page, errors } = await open(browser, seedFile);
	await search(page, "NAS");
	await settled(page);
	let [drawn, box] = await widths(page);
	check("the drawing follows the panel opening", drawn === box, `${drawn} px drawn in ${box} px`);

	const squeezed = await page.evaluate(() => {
		const box = document.getElementById("graph"), r = window.ggMap.renderer;
		box.style.flex = "0 0 0px";
		try { r.refresh(); } catch (e) { return e.message; } finally { box.style.flex = ""; }
		r.refresh();
		return r.getDimensions().width === box.clientWidth ? "" : "not redrawn at its size";
	});
	check("a container empty for a moment is no error", squeezed === "", squeezed);

	await page.setViewport({ width: 380, height: 700 });
	await settled(page);
	[drawn, box] = await widths(page);
	check("a narrow window keeps room for the map", box > 300 && drawn === box, `${drawn} px drawn in ${box} px`);
	const inked = await inkedPixels(page);
	check("the narrow map draws", inked > 500, `${inked} non-white pixels`);
	check("no console error in a narrow window", errors.length === 0, errors.join(" | "));
	await page.close();
}

async function bigChecks(browser) {
	const { page, errors } = await open(browser, bigFile);
	const line = await status(page);
	const shown = terms(line);
	check("a big glossary shows the most central terms and says so",
		shown && shown[0] < 5000 && shown[1] > 5000 && /^showing /.test(line), line);
	const outside = await page.evaluate(() => {
		const data = JSON.parse(document.getElementById("gg-data").textContent);
		const g = window.ggMap.graph;
		for (let i = data.nodes.length - 1; i >= 0; i--)
			if (!g.hasNode(String(i)) && data.nodes[i][1] === 0 &&
			    window.ggMap.resolve(data.nodes[i][0]) === i) return [i, data.nodes[i][0]];
		return null;
	});
	check("some terms are outside the view", outside !== null, "every term is drawn");
	if (outside) {
		await search(page, outside[1]);
		check("a term found outside the view is selected", (await text(page, "#term")) === outside[1],
			await text(page, "#term"));
		const brought = await page.evaluate((i) => {
			const g = window.ggMap.graph, data = JSON.parse(document.getElementById("gg-data").textContent);
			const near = [];
			for (let j = 0; j < data.edges.length; j += data.stride) {
				const [s, t] = [data.edges[j], data.edges[j + 1]];
				if (s === i || t === i) near.push(s === i ? t : s);
			}
			return { self: g.hasNode(String(i)), near: near.length,
				missing: near.filter((k) => !g.hasNode(String(k))).length };
		}, outside[0]);
		check("it comes into the view with its neighbours", brought.self && brought.missing === 0,
			JSON.stringify(brought));
	}
	check("no console error on the big page", errors.length === 0, errors.join(" | "));
	await page.close();
}

let browser;
try {
	browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
} catch (err) {
	console.log(`FAIL cannot start ${CHROMIUM}: ${err.message}`);
	process.exit(2);
}
try {
	await seedChecks(browser);
	await hostileChecks(browser);
	await layoutChecks(browser);
	await bigChecks(browser);
} catch (err) {
	failed++;
	console.log(`FAIL ${err.stack}`);
} finally {
	await browser.close();
}
process.exit(failed ? 1 : 0);
