// bench_map.mjs - time the HTML concept map's first draw in headless Chromium.
//
//   node scripts/bench_map.mjs [--runs N] [--screenshot PNG] PAGE.html[#TERM]...
//
// For each page prints its size, the best of N runs (3) of the time from
// navigation to sigma's first frame (performance.now() at its first
// afterRender: the HTML parsed, the data read, the graph built and drawn)
// and the page's own line of what it shows, then the CPU time the page's
// process had used by then (Chromium's ProcessTime: on a busy machine the
// first draw waits for the CPU, this does not). --screenshot saves the first
// page, 1200x750, as PNG (with #TERM: that term selected).
import puppeteer from "puppeteer-core";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
let runs = 3, shot = null;
const pages = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === "--runs") runs = Number(args[++i]);
	else if (args[i] === "--screenshot") shot = args[++i];
	else pages.push(args[i]);
}
if (!pages.length || !(runs > 0)) {
	console.error("usage: node scripts/bench_map.mjs [--runs N] [--screenshot PNG] PAGE.html...");
	process.exit(2);
}

const browser = await puppeteer.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
	args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});
let status = 0;
try {
	/* the browser's own start (its GPU and renderer processes) is not the page's */
	const warm = await browser.newPage();
	await warm.goto("about:blank");
	await warm.close();
	for (const arg of pages) {
		const [file, term] = arg.split("#");
		let best = Infinity, cpu = Infinity, shows = "";
		for (let r = 0; r < runs; r++) {
			const page = await browser.newPage();
			const errors = [];
			page.on("pageerror", (e) => errors.push(e.message));
			await page.setViewport({ width: 1200, height: 750 });
			const cdp = await page.createCDPSession();
			await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
			await page.goto(pathToFileURL(resolve(file)).href + (term ? "#" + term : ""),
				{ timeout: 120000 });
			await page.waitForFunction("window.ggMap && window.ggMap.firstDraw !== null",
				{ timeout: 120000, polling: 50 });
			best = Math.min(best, await page.evaluate("window.ggMap.firstDraw"));
			const { metrics } = await cdp.send("Performance.getMetrics");
			const used = metrics.find((m) => m.name === "ProcessTime");
			if (used) cpu = Math.min(cpu, used.value);
			shows = await page.$eval("#status", (e) => e.textContent);
			if (errors.length) {
				console.error(`${file}: ${errors.join(" | ")}`);
				status = 1;
			}
			if (shot && arg === pages[0] && r === 0) {
				await new Promise((done) => setTimeout(done, 500));
				await page.screenshot({ path: shot });
			}
			await page.close();
		}
		const mb = statSync(file).size / 1e6;
		console.log(`${file}\t${mb.toFixed(1)} MB\tfirst draw ${(best / 1000).toFixed(2)} s\t` +
			`CPU ${Number.isFinite(cpu) ? cpu.toFixed(2) : "?"} s\t${shows}`);
	}
} finally {
	await browser.close();
}
process.exit(status);
