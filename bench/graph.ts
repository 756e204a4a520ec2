import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { runSample } from "../scripts/commands/sample";
import { loadMovementConfig } from "../scripts/config-loader";
import { runConsolidation } from "../scripts/consolidate/run-consolidation";
import { createGraphClient } from "../scripts/graph/client";
import { DEFAULT_GRAPH_CONCURRENCY, GraphSource } from "../scripts/graph/graph-source";
import { loadRegistry } from "../scripts/registry-loader";
import { createLocalFolderSource } from "../scripts/source/local-folder";
import { TEST_DRIVE_ID } from "../test/graph/graph-test-server";

/**
 * A consolidation of 1,000 files read from OneDrive through the real Graph SDK, against the local
 * HTTPS test server (in its own process) adding 50 ms to every request. Prints the requests the server counted, the wall
 * time, the ideal (requests / concurrency × latency: every request waiting its latency, `concurrency`
 * at a time, nothing else) and their ratio. Target ≤ 1.3.
 */
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_GRAPH_CONCURRENCY);

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

async function runBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "thidua-bench-graph-"));
  const server = await startServerProcess();
  try {
    // About three files a unit (plan, report, nomination).
    const sample = await runSample({ units: Math.round(FILES / 3), out: folder, nominatingShare: 1 });
    const { rootId } = await server.ask<{ rootId: string }>({
      type: "load",
      folder: sample.submissionsDir,
      remote: "ThiDua/2026",
    });
    const manifest = JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string };
    const asOf = Date.parse(manifest.asOf);
    const { registry } = await loadRegistry(sample.registry);
    const config = await loadMovementConfig({ config: sample.config }, asOf);
    const connection = createGraphClient({
      credential: {
        getToken: () => Promise.resolve({ token: "bench", expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
      endpoint: server.hello.endpoint,
      fetchOptions: { dispatcher: new Agent({ connect: { ca: server.hello.ca } }) } as never,
    });
    const source = new GraphSource({
      connection,
      address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: rootId },
      concurrency: CONCURRENCY,
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
    const result = await runConsolidation({ source, registry, config, asOf });
    const wallMs = performance.now() - started;
    const { total: requests, downloads } = await server.ask<{ total: number; downloads: number }>({
      type: "count",
    });
    const idealMs = (requests / CONCURRENCY) * LATENCY_MS;
    process.stdout.write(
      [
        `files: ${result.files.length} (downloads: ${downloads}), latency ${LATENCY_MS} ms a request, concurrency ${CONCURRENCY}`,
        `requests: ${requests}`,
        `wall time: ${(wallMs / 1000).toFixed(2)} s`,
        `ideal (requests / concurrency × latency): ${(idealMs / 1000).toFixed(2)} s`,
        `ratio: ${(wallMs / idealMs).toFixed(2)} (target ≤ 1.3)`,
        `the same files from a local folder, this run: ${(localMs / 1000).toFixed(2)} s (validation's floor; above the ideal, it is what bounds the ratio)`,
      ].join("\n") + "\n",
    );
  } finally {
    await server.ask({ type: "close" });
    rmSync(folder, { recursive: true, force: true });
  }
}

void runBench();
