#!/usr/bin/env node
/**
 * `npm run test:e2e`: everything from a clean checkout. Creates a fresh database, migrates it and
 * loads the demo catalog, starts Django, builds and starts Next.js against it, runs the specs in
 * e2e/ (vitest + playwright-core + Debian's Chromium), stops everything (also on failure) and
 * prints "N passed, M failed". Env: PYTHON (default <repo>/.venv/bin/python), E2E_DATABASE_URL
 * (default a SQLite file in a temp dir). Specs get E2E_BASE_URL, E2E_API_URL, PYTHON, DATABASE_URL,
 * E2E_MAIL_DIR (the e-mails Django sent, one file each), E2E_MANGADEX_URL (the local stand-in for
 * MangaDex's API and image host that the demo catalog's chapters are read from).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMangaDexFixture } from "./fixtures/mangadex-fixture.mjs";

const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPO = path.resolve(FRONTEND, "..");
const PYTHON = process.env.PYTHON || path.join(REPO, ".venv", "bin", "python");
const TMP = mkdtempSync(path.join(tmpdir(), "anihata-e2e-"));
const DATABASE_URL = process.env.E2E_DATABASE_URL || `sqlite:///${path.join(TMP, "e2e.sqlite3")}`;
const READY_TIMEOUT_MS = 120_000;
/** Django writes every e-mail here (EMAIL_URL=file://…); the accounts spec reads the links. */
const MAIL_DIR = path.join(TMP, "mail");

const servers = [];
/** In-process servers (the MangaDex stand-in), closed at the end. */
const fixtures = [];
/** One-shot commands still running (migrate, load_demo, build), stopped if the run fails. */
const running = new Set();

function log(message) {
  console.log(`[e2e] ${message}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; rejects on a non-zero exit. */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    running.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args[0]} exited with ${code ?? signal}`));
    });
  });
}

/** Starts a long-running server in its own process group, so stopping it stops its children. */
function startServer(name, command, args, options) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...options });
  const lines = [];
  const keep = (chunk) => {
    lines.push(...chunk.toString().split("\n"));
    lines.splice(0, Math.max(0, lines.length - 60));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  servers.push({ name, child, lines });
  return child;
}

function stopServers() {
  for (const fixture of fixtures.splice(0)) fixture.close();
  for (const child of running) child.kill("SIGTERM");
  for (const { child } of servers) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
}

async function waitFor(name, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const server = servers.find((item) => item.name === name);
    if (server && server.child.exitCode !== null) {
      throw new Error(`${name} exited early:\n${server.lines.join("\n")}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not answer ${url} within ${READY_TIMEOUT_MS / 1000}s`);
}

function summary(reportFile) {
  if (!existsSync(reportFile)) return null;
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    suitesFailed: report.numFailedTestSuites,
  };
}

async function main() {
  if (!existsSync(PYTHON)) throw new Error(`no Python at ${PYTHON} (set PYTHON)`);
  const [djangoPort, nextPort] = [await freePort(), await freePort()];
  const mangadex = await startMangaDexFixture();
  fixtures.push(mangadex);
  const apiUrl = `http://127.0.0.1:${djangoPort}`;
  const baseUrl = `http://127.0.0.1:${nextPort}`;
  const djangoEnv = {
    ...process.env,
    DATABASE_URL,
    DJANGO_SETTINGS_MODULE: "config.settings.dev",
    API_URL: apiUrl,
    WAGTAILAPI_BASE_URL: apiUrl,
    FRONTEND_URL: baseUrl,
    STREAM_PROVIDER_HOSTS: "direct=127.0.0.1|localhost",
    // The local "provider" (e2e/fixtures) listens on loopback.
    STREAM_ALLOW_PRIVATE_NETWORKS: "true",
    // The demo chapters' pages: at-home answers and images from the local stand-in.
    MANGADEX_BASE_URL: mangadex.url,
    READER_IMAGE_HOSTS: "127.0.0.1",
    REVALIDATE_SECRET: "",
    EMAIL_URL: `file://${MAIL_DIR}`,
    // In-process cache and eager Celery: nothing shared with other runs through Redis.
    REDIS_URL: "",
    CELERY_BROKER_URL: "",
    PYTHONUNBUFFERED: "1",
  };
  const nextEnv = {
    ...process.env,
    API_URL: apiUrl,
    FRONTEND_URL: baseUrl,
    REVALIDATE_SECRET: "e2e-secret",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  log(`database ${DATABASE_URL}`);

  // The build does not need the API, so it runs while the database is prepared.
  const nextBin = path.join(FRONTEND, "node_modules", ".bin", "next");
  const build = run(nextBin, ["build"], { cwd: FRONTEND, env: nextEnv });
  const database = (async () => {
    await run(PYTHON, ["manage.py", "migrate", "--noinput", "-v", "0"], { cwd: REPO, env: djangoEnv });
    await run(PYTHON, ["manage.py", "load_demo"], { cwd: REPO, env: djangoEnv });
  })();
  await Promise.all([build, database]);

  startServer("django", PYTHON, ["manage.py", "runserver", `127.0.0.1:${djangoPort}`, "--noreload"], {
    cwd: REPO,
    env: djangoEnv,
  });
  startServer("next", nextBin, ["start", "-H", "127.0.0.1", "-p", String(nextPort)], {
    cwd: FRONTEND,
    env: nextEnv,
  });
  await Promise.all([
    waitFor("django", `${apiUrl}/api/v2/pages/?limit=1`),
    waitFor("next", `${baseUrl}/robots.txt`),
  ]);
  log(`Django ${apiUrl}, Next.js ${baseUrl}`);

  const reportFile = path.join(TMP, "report.json");
  const vitestBin = path.join(FRONTEND, "node_modules", ".bin", "vitest");
  const specArgs = process.argv.slice(2);
  let specsFailed = false;
  try {
    await run(
      vitestBin,
      [
        "run",
        "--config",
        "vitest.e2e.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${reportFile}`,
        ...specArgs,
      ],
      {
        cwd: FRONTEND,
        env: {
          ...process.env,
          E2E_BASE_URL: baseUrl,
          E2E_API_URL: apiUrl,
          PYTHON,
          DATABASE_URL,
          E2E_MAIL_DIR: MAIL_DIR,
          E2E_MANGADEX_URL: mangadex.url,
          DJANGO_SETTINGS_MODULE: "config.settings.dev",
          API_URL: apiUrl,
          STREAM_PROVIDER_HOSTS: djangoEnv.STREAM_PROVIDER_HOSTS,
          STREAM_ALLOW_PRIVATE_NETWORKS: djangoEnv.STREAM_ALLOW_PRIVATE_NETWORKS,
          REDIS_URL: "",
          CELERY_BROKER_URL: "",
        },
      },
    );
  } catch {
    specsFailed = true;
  }
  const result = summary(reportFile);
  if (!result) throw new Error("the spec run produced no report");
  console.log(`${result.passed} passed, ${result.failed} failed`);
  if (specsFailed || result.failed > 0 || result.suitesFailed > 0) {
    for (const { name, lines } of servers) {
      console.log(`--- last lines of ${name} ---\n${lines.join("\n")}`);
    }
    return 1;
  }
  return 0;
}

let exitCode = 1;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopServers();
    process.exit(130);
  });
}
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  console.log("0 passed, 1 failed");
  exitCode = 1;
} finally {
  stopServers();
  if (!process.env.E2E_KEEP_TMP) rmSync(TMP, { recursive: true, force: true });
}
process.exit(exitCode);
