import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { Agent } from "undici";
import { runSample } from "../scripts/commands/sample";
import { loadMovementConfig } from "../scripts/config-loader";
import { runConsolidation } from "../scripts/consolidate/run-consolidation";
import { createGraphClient } from "../scripts/graph/client";
import { DEFAULT_GRAPH_CONCURRENCY, GraphSource } from "../scripts/graph/graph-source";
import { loadRegistry } from "../scripts/registry-loader";
import { createLocalFolderSource } from "../scripts/source/local-folder";
import { GraphTestServer, TEST_DRIVE_ID } from "../test/graph/graph-test-server";

/**
 * A consolidation of 1,000 files read from OneDrive through the real Graph SDK, against the local
 * HTTPS test server adding 50 ms to every request. Prints the requests the server counted, the wall
 * time, the ideal (requests / concurrency × latency: every request waiting its latency, `concurrency`
 * at a time, nothing else) and their ratio. Target ≤ 1.3.
 */
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_GRAPH_CONCURRENCY);

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
    )
    .sort();
}

async function runBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "thidua-bench-graph-"));
  const server = await new GraphTestServer().start();
  try {
    // About three files a unit (plan, report, nomination): enough units for FILES files.
    const sample = await runSample({ units: Math.round(FILES / 3), out: folder, nominatingShare: 1 });
    const rootId = server.ensureFolder("ThiDua/2026");
    for (const path of listFiles(sample.submissionsDir)) {
      const modified = new Date(Math.floor(statSync(path).mtimeMs)).toISOString();
      const remote = relative(sample.submissionsDir, path).split(sep).join("/");
      server.putFile(`ThiDua/2026/${remote}`, new Uint8Array(readFileSync(path)), { modified });
    }
    const manifest = JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string };
    const asOf = Date.parse(manifest.asOf);
    const { registry } = await loadRegistry(sample.registry);
    const config = await loadMovementConfig({ config: sample.config }, asOf);
    const connection = createGraphClient({
      credential: {
        getToken: () => Promise.resolve({ token: "bench", expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
      endpoint: server.endpoint,
      fetchOptions: { dispatcher: new Agent({ connect: { ca: server.ca } }) } as never,
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
    server.latencyMs = LATENCY_MS;
    server.resetCounts();
    const started = performance.now();
    const result = await runConsolidation({ source, registry, config, asOf });
    const wallMs = performance.now() - started;
    const requests = server.count();
    const idealMs = (requests / CONCURRENCY) * LATENCY_MS;
    process.stdout.write(
      [
        `files: ${result.files.length} (downloads: ${server.count("download")}), latency ${LATENCY_MS} ms a request, concurrency ${CONCURRENCY}`,
        `requests: ${requests}`,
        `wall time: ${(wallMs / 1000).toFixed(2)} s`,
        `ideal (requests / concurrency × latency): ${(idealMs / 1000).toFixed(2)} s`,
        `ratio: ${(wallMs / idealMs).toFixed(2)} (target ≤ 1.3)`,
        `the same files from a local folder, this run: ${(localMs / 1000).toFixed(2)} s (validation's floor; above the ideal, it is what bounds the ratio)`,
      ].join("\n") + "\n",
    );
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

void runBench();
