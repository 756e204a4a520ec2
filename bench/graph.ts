import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { runSample } from "../scripts/commands/sample";
import { loadMovementConfig } from "../scripts/config-loader";
import { runConsolidation } from "../scripts/consolidate/run-consolidation";
import { createGraphClient, type GraphConnection } from "../scripts/graph/client";
import { DEFAULT_GRAPH_CONCURRENCY, GraphSource } from "../scripts/graph/graph-source";
import { loadRegistry } from "../scripts/registry-loader";
import { createLocalFolderSource } from "../scripts/source/local-folder";
import { TEST_DRIVE_ID } from "../test/graph/graph-test-server";
import { comparable } from "../test/graph/helpers";

/**
 * A consolidation of 1,000 files read from OneDrive through the real Graph SDK, against the local
 * HTTPS test server (in its own process) adding 50 ms to every request. Prints the requests the server counted, the wall
 * time, the ideal (requests / concurrency × latency: every request waiting its latency, `concurrency`
 * at a time, nothing else) and their ratio. Target ≤ 1.3. Then an unchanged re-run with the cache
 * (target ≤ 3 requests), and a throttling storm (every 5th request 429 with Retry-After 1 s) that
 * must end with the local folder's result. Exit 1 when a target is missed.
 */
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_GRAPH_CONCURRENCY);
/** Files of the throttling storm's province (each 429 pauses everything for 1 s: kept small). */
const STORM_FILES = Number(process.env.BENCH_STORM_FILES ?? 150);

/** The server process: one reply per command, in order. */
function startServerProcess(): Promise<{
  ask: <T>(command: object) => Promise<T>;
  hello: { endpoint: string; ca: string };
}> {
  const child = fork(join(__dirname, "graph-server-child.js"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const replies: ((value: unknown) => void)[] = [];
  let hello: ((value: { endpoint: string; ca: string }) => void) | null = null;
  child.on("message", (message) => {
    if (hello) {
      hello(message as { endpoint: string; ca: string });
      hello = null;
      return;
    }
    replies.shift()?.(message);
  });
  return new Promise((resolve) => {
    hello = (greeting) =>
      resolve({
        hello: greeting,
        ask: <T>(command: object) =>
          new Promise<T>((reply) => {
            replies.push(reply as (value: unknown) => void);
            child.send(command);
          }),
      });
  });
}

interface Counts {
  readonly total: number;
  readonly downloads: number;
  readonly throttled: number;
  readonly duringPause: number;
  readonly badAuthorizations: number;
}

async function runBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "thidua-bench-graph-"));
  const server = await startServerProcess();
  const lines: string[] = [];
  const failures: string[] = [];
  try {
    // About three files a unit (plan, report, nomination).
    const sample = await runSample({
      units: Math.round(FILES / 3),
      out: join(folder, "main"),
      nominatingShare: 1,
    });
    const { rootId } = await server.ask<{ rootId: string }>({
      type: "load",
      folder: sample.submissionsDir,
      remote: "ThiDua/2026",
    });
    const manifest = JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string };
    const asOf = Date.parse(manifest.asOf);
    const { registry } = await loadRegistry(sample.registry);
    const config = await loadMovementConfig({ config: sample.config }, asOf);
    const connect = (): GraphConnection =>
      createGraphClient({
        credential: {
          getToken: () => Promise.resolve({ token: "bench", expiresOnTimestamp: Date.now() + 3_600_000 }),
        },
        endpoint: server.hello.endpoint,
        fetchOptions: { dispatcher: new Agent({ connect: { ca: server.hello.ca } }) } as never,
      });
    const graphSource = (itemId: string, cacheFolder: string | null = null): GraphSource =>
      new GraphSource({
        connection: connect(),
        address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId },
        concurrency: CONCURRENCY,
        cacheFolder,
      });
    // The same files from a local folder, in this run: the CPU floor (reading and validating), no network.
    const localStarted = performance.now();
    await runConsolidation({
      source: createLocalFolderSource(sample.submissionsDir),
      registry,
      config,
      asOf,
    });
    const localMs = performance.now() - localStarted;
    await server.ask({ type: "latency", ms: LATENCY_MS });
    await server.ask({ type: "reset" });
    const started = performance.now();
    const result = await runConsolidation({ source: graphSource(rootId), registry, config, asOf });
    const wallMs = performance.now() - started;
    const counts = await server.ask<Counts>({ type: "count" });
    const idealMs = (counts.total / CONCURRENCY) * LATENCY_MS;
    const ratio = wallMs / idealMs;
    if (ratio > 1.3) failures.push(`ratio ${ratio.toFixed(2)} > 1.3`);
    lines.push(
      `files: ${result.files.length} (downloads: ${counts.downloads}), latency ${LATENCY_MS} ms a request, concurrency ${CONCURRENCY}`,
      `requests: ${counts.total} (with an Authorization other than exactly one issued token, or one on a URL: ${counts.badAuthorizations})`,
      `wall time: ${(wallMs / 1000).toFixed(2)} s`,
      `ideal (requests / concurrency × latency): ${(idealMs / 1000).toFixed(2)} s`,
      `ratio: ${ratio.toFixed(2)} (target ≤ 1.3)`,
      `the same files from a local folder, this run: ${(localMs / 1000).toFixed(2)} s (validation's floor; above the ideal, it is what bounds the ratio)`,
    );

    // An incremental re-run with nothing changed: the stored delta link says so in one page.
    const cacheFolder = join(folder, "cache");
    await runConsolidation({ source: graphSource(rootId, cacheFolder), registry, config, asOf });
    await server.ask({ type: "reset" });
    await runConsolidation({ source: graphSource(rootId, cacheFolder), registry, config, asOf });
    const quiet = await server.ask<Counts>({ type: "count" });
    if (quiet.total > 3) failures.push(`an unchanged re-run made ${quiet.total} requests (> 3)`);
    lines.push(
      `unchanged re-run with the cache: ${quiet.total} requests, ${quiet.downloads} downloads (target ≤ 3)`,
    );

    // A throttling storm on a smaller province (each 429 pauses the whole run for its Retry-After).
    const stormSample = await runSample({
      units: Math.round(STORM_FILES / 3),
      out: join(folder, "storm"),
      nominatingShare: 1,
    });
    const storm = await server.ask<{ rootId: string }>({
      type: "load",
      folder: stormSample.submissionsDir,
      remote: "ThiDua/storm",
    });
    const stormManifest = JSON.parse(readFileSync(stormSample.manifest, "utf8")) as { asOf: string };
    const stormAsOf = Date.parse(stormManifest.asOf);
    const stormRegistry = (await loadRegistry(stormSample.registry)).registry;
    const stormConfig = await loadMovementConfig({ config: stormSample.config }, stormAsOf);
    const stormRun = { registry: stormRegistry, config: stormConfig, asOf: stormAsOf };
    const stormLocal = comparable(
      await runConsolidation({ source: createLocalFolderSource(stormSample.submissionsDir), ...stormRun }),
    );
    await server.ask({ type: "reset" });
    await server.ask({ type: "storm", every: 5, retryAfter: "1" });
    const stormStarted = performance.now();
    const stormResult = await runConsolidation({ source: graphSource(storm.rootId), ...stormRun });
    const stormMs = performance.now() - stormStarted;
    await server.ask({ type: "storm", every: 0, retryAfter: "1" });
    const stormCounts = await server.ask<Counts>({ type: "count" });
    const same = JSON.stringify(comparable(stormResult)) === JSON.stringify(stormLocal);
    if (!same) failures.push("the storm's result differs from the local folder's");
    if (stormCounts.badAuthorizations > 0)
      failures.push(`${stormCounts.badAuthorizations} badly authorised requests in the storm`);
    lines.push(
      `throttling storm (every 5th request 429, Retry-After 1 s): ${stormResult.files.length} files, ${stormCounts.total} requests, ${stormCounts.throttled} throttled, ${(stormMs / 1000).toFixed(1)} s; ` +
        `same result as the local folder: ${same ? "yes" : "NO"}; requests sent during a pause: ${stormCounts.duringPause}; badly authorised: ${stormCounts.badAuthorizations}`,
    );
    process.stdout.write(
      `${lines.join("\n")}\n${failures.length > 0 ? `FAILED: ${failures.join("; ")}\n` : "all targets met\n"}`,
    );
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await server.ask({ type: "close" });
    rmSync(folder, { recursive: true, force: true });
  }
}

void runBench();
