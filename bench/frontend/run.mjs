#!/usr/bin/env node
/**
 * Front-end benchmark: TTFB of the home, catalog, title and watch pages (cold = first request
 * after emptying Next's caches, cached = median of later requests), first-load JS per route
 * (the <script> chunks a fresh visit downloads, gzipped), and the Next.js server's peak RSS
 * during the run (including a concurrent burst), and Lighthouse's mobile performance (simulated
 * throttling, the median of 3 runs per page: score, LCP, CLS, TBT) with Debian's Chromium. The
 * watch page fetches no stream before play, so Lighthouse measures only our own origin.
 *
 * Needs a running Django with the demo catalog and a build in frontend/.next:
 *   API_URL=http://127.0.0.1:8000 npm --prefix frontend run build
 *   API_URL=http://127.0.0.1:8000 node bench/frontend/run.mjs [--requests 20] [--burst 300]
 *     [--lighthouse-runs 3] (0 skips Lighthouse; CHROME_PATH overrides /usr/bin/chromium)
 * Prints tables and one `BENCH_JSON {...}` line.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "frontend");
const API_URL = (process.env.API_URL || "http://127.0.0.1:8000").replace(/\/+$/, "");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const REQUESTS = option("requests", 20);
const BURST = option("burst", 300);
const LIGHTHOUSE_RUNS = option("lighthouse-runs", 3);
const CONCURRENCY = 10;
const TARGETS = {
  titleCachedTtfbMs: 50,
  watchFirstLoadKb: 250,
  rssMb: 300,
  mobileScore: 95,
  lcpMs: 2500,
  cls: 0.05,
};
const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"];

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds until the response headers arrive (time to first byte), plus the body. */
function timedGet(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(url, (response) => {
      const ttfb = Number(process.hrtime.bigint() - started) / 1e6;
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode, ttfb, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
  });
}

/** Resident memory of a process group in MB (the Next server and any workers it starts). */
function groupRssMb(pgid) {
  let totalKb = 0;
  for (const pid of readProcPids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      totalKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return totalKb / 1024;
}

function readProcPids() {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value, digits = 1) {
  return Number(value.toFixed(digits));
}

async function api(pathname) {
  const response = await fetch(`${API_URL}${pathname}`);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return response.json();
}

async function firstLoadJsKb(baseUrl, pathname) {
  const { body } = await timedGet(`${baseUrl}${pathname}`);
  const html = body.toString("utf8");
  // `noModule` scripts (Next's legacy polyfills, ~40 KB) are skipped by every module-capable
  // browser, so they are not part of what a visit downloads.
  const scripts = new Set(
    [...html.matchAll(/<script[^>]+>/g)]
      .filter(([tag]) => !/\bnoModule\b/i.test(tag))
      .map(([tag]) => /\bsrc="([^"]+\.js)"/.exec(tag)?.[1])
      .filter(Boolean),
  );
  let gzipBytes = 0;
  for (const src of scripts) {
    const { body: js } = await timedGet(new URL(src, baseUrl).toString());
    gzipBytes += gzipSync(js).length;
  }
  return { files: scripts.size, kb: gzipBytes / 1024 };
}

/** Lighthouse (the frontend's devDependency) and its chrome-launcher, from frontend/node_modules. */
async function loadLighthouse() {
  const modules = path.join(FRONTEND, "node_modules");
  const { default: lighthouse } = await import(pathToFileURL(path.join(modules, "lighthouse", "core", "index.js")));
  const launcher = await import(pathToFileURL(path.join(modules, "chrome-launcher", "dist", "index.js")));
  return { lighthouse, launch: launcher.launch };
}

/** Lighthouse's default config is the mobile one: a mid-range phone, simulated slow 4G. */
async function lighthouseMobile(url, runs) {
  const { lighthouse, launch } = await loadLighthouse();
  const results = [];
  for (let run = 0; run < runs; run++) {
    // A fresh browser each run: nothing cached from the previous one.
    const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
    try {
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
      });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      results.push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcp: lhr.audits["largest-contentful-paint"].numericValue,
        cls: lhr.audits["cumulative-layout-shift"].numericValue,
        tbt: lhr.audits["total-blocking-time"].numericValue,
        fcp: lhr.audits["first-contentful-paint"].numericValue,
      });
    } finally {
      await chrome.kill();
    }
  }
  const of = (key) => median(results.map((result) => result[key]));
  return { score: of("score"), lcp: of("lcp"), cls: of("cls"), tbt: of("tbt"), fcp: of("fcp"), runs };
}

async function main() {
  if (!existsSync(path.join(FRONTEND, ".next", "BUILD_ID"))) {
    throw new Error("no build: run `npm --prefix frontend run build` first (with API_URL set)");
  }
  const titles = await api("/api/v2/titles/?kind=anime&order=-rating&limit=1");
  const title = titles.items[0];
  const episodes = await api(`/api/v2/pages/?child_of=${title.id}&type=anime.EpisodePage&limit=1`);
  const titlePath = new URL(title.meta.html_url).pathname;
  const watchPath = episodes.items[0] ? new URL(episodes.items[0].meta.html_url).pathname : null;
  const pages = [
    ["home", "/"],
    ["catalog", "/anime/"],
    ["catalog (filtered)", "/anime/?genre=action&year_from=2010&order=-rating"],
    ["title", titlePath],
    ...(watchPath ? [["watch", watchPath]] : []),
  ];

  // Cold means nothing cached: no rendered pages and no API answers from earlier runs.
  rmSync(path.join(FRONTEND, ".next", "cache", "fetch-cache"), { recursive: true, force: true });
  rmSync(path.join(FRONTEND, ".next", "server", "route-cache"), { recursive: true, force: true });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(FRONTEND, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: FRONTEND,
    env: { ...process.env, API_URL, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, groupRssMb(server.pid));
  }, 100);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await timedGet(`${baseUrl}/robots.txt`);
        break;
      } catch {
        if (attempt > 100) throw new Error("next start did not come up");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const rssAtStart = groupRssMb(server.pid);
    const rows = [];
    for (const [name, pathname] of pages) {
      const cold = await timedGet(`${baseUrl}${pathname}`);
      const warm = [];
      for (let i = 0; i < REQUESTS; i++) warm.push((await timedGet(`${baseUrl}${pathname}`)).ttfb);
      rows.push({ name, pathname, status: cold.status, cold: cold.ttfb, cached: median(warm) });
    }
    // A burst of concurrent requests over all pages, for the memory peak under load.
    let next = 0;
    const burstStarted = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < BURST) {
          const [, pathname] = pages[next++ % pages.length];
          await timedGet(`${baseUrl}${pathname}`);
        }
      }),
    );
    const burstSeconds = (Date.now() - burstStarted) / 1000;
    const js = [];
    const everyPage = [
      ["home", "/"],
      ["catalog", "/anime/"],
      ["title", titlePath],
      ["watch", watchPath],
      ["search", `/search/?q=${encodeURIComponent("атака")}`],
      ["schedule", "/schedule/"],
    ].filter(([, pathname]) => pathname);
    for (const [name, pathname] of everyPage) {
      js.push({ name, pathname, ...(await firstLoadJsKb(baseUrl, pathname)) });
    }
    const mobile = [];
    for (const [name, pathname] of LIGHTHOUSE_RUNS > 0 ? everyPage : []) {
      mobile.push({ name, pathname, ...(await lighthouseMobile(`${baseUrl}${pathname}`, LIGHTHOUSE_RUNS)) });
    }
    peakRss = Math.max(peakRss, groupRssMb(server.pid));

    console.log(`Next.js server ${baseUrl}, API ${API_URL}; cached = median of ${REQUESTS} requests`);
    console.log("\nTTFB (ms)");
    console.log("page                 status    cold  cached  path");
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(20)} ${String(row.status).padEnd(6)} ${row.cold.toFixed(1).padStart(7)} ${row.cached.toFixed(1).padStart(7)}  ${row.pathname}`,
      );
    }
    console.log(`\nburst: ${BURST} requests, ${CONCURRENCY} concurrent, ${(BURST / burstSeconds).toFixed(0)} req/s`);
    console.log("\nFirst-load JS (gzip)");
    for (const row of js) {
      console.log(`${row.name.padEnd(20)} ${row.kb.toFixed(1).padStart(7)} KB in ${row.files} files  ${row.pathname}`);
    }
    console.log(`\nNext.js server RSS: ${rssAtStart.toFixed(0)} MB at start, peak ${peakRss.toFixed(0)} MB`);
    if (mobile.length) {
      console.log(`\nLighthouse mobile (simulated throttling, median of ${LIGHTHOUSE_RUNS})`);
      console.log("page        score   LCP ms   CLS     TBT ms   FCP ms  path");
      for (const row of mobile) {
        console.log(
          `${row.name.padEnd(10)} ${String(row.score).padStart(6)} ${row.lcp.toFixed(0).padStart(8)} ${row.cls.toFixed(3).padStart(6)} ${row.tbt.toFixed(0).padStart(8)} ${row.fcp.toFixed(0).padStart(8)}  ${row.pathname}`,
        );
      }
    }
    const title = rows.find((row) => row.name === "title");
    const watch = js.find((row) => row.name === "watch");
    const checks = [
      [`title page cached TTFB ≤ ${TARGETS.titleCachedTtfbMs} ms`, title && title.cached <= TARGETS.titleCachedTtfbMs],
      [`watch page first-load JS ≤ ${TARGETS.watchFirstLoadKb} KB gzip`, watch && watch.kb <= TARGETS.watchFirstLoadKb],
      [`server RSS ≤ ${TARGETS.rssMb} MB`, peakRss <= TARGETS.rssMb],
    ];
    if (mobile.length) {
      checks.push(
        [`mobile score ≥ ${TARGETS.mobileScore} on every page`, mobile.every((row) => row.score >= TARGETS.mobileScore)],
        [`LCP < ${TARGETS.lcpMs} ms on every page`, mobile.every((row) => row.lcp < TARGETS.lcpMs)],
        [`CLS < ${TARGETS.cls} on every page`, mobile.every((row) => row.cls < TARGETS.cls)],
      );
    }
    console.log("\nTargets");
    for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${label}`);
    const summary = {
      ttfb_ms: Object.fromEntries(rows.map((row) => [row.name, { cold: round(row.cold), cached: round(row.cached) }])),
      first_load_js_kb: Object.fromEntries(js.map((row) => [row.name, round(row.kb)])),
      rss_mb: { start: Math.round(rssAtStart), peak: Math.round(peakRss) },
      lighthouse_mobile: Object.fromEntries(
        mobile.map((row) => [
          row.name,
          { score: row.score, lcp_ms: Math.round(row.lcp), cls: round(row.cls, 3), tbt_ms: Math.round(row.tbt), fcp_ms: Math.round(row.fcp) },
        ]),
      ),
      targets_met: checks.every(([, ok]) => ok),
    };
    console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
  } finally {
    clearInterval(sampler);
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already stopped.
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
