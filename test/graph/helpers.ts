import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { Agent } from "undici";
import { toConsolidationJson } from "../../scripts/commands/consolidate";
import { loadMovementConfig } from "../../scripts/config-loader";
import { runConsolidation } from "../../scripts/consolidate/run-consolidation";
import { createGraphClient, type GraphConnection } from "../../scripts/graph/client";
import { GraphSource, type GraphSourceOptions } from "../../scripts/graph/graph-source";
import type { RetryPolicy } from "../../scripts/graph/retry-policy";
import { loadRegistry } from "../../scripts/registry-loader";
import { runSample } from "../../scripts/commands/sample";
import { createLocalFolderSource } from "../../scripts/source/local-folder";
import type { SubmissionSource } from "../../scripts/source/types";
import type { ConsolidationResult } from "../../core/index";
import { GraphTestServer, TEST_DRIVE_ID } from "./graph-test-server";

/** Short waits so that fault tests take seconds; the policy's logic is the product's. */
export const FAST_RETRY: RetryPolicy = { maxRetries: 4, baseDelayMs: 20, maxDelayMs: 3000 };

/** A credential that hands out a new token each time it is asked: renewal is visible to the server. */
export class CountingCredential implements TokenCredential {
  issued = 0;
  /** The server that must accept the tokens handed out (set by connectTo). */
  server: GraphTestServer | null = null;
  getToken(): Promise<AccessToken> {
    this.issued += 1;
    const token = `test-token-${this.issued}`;
    this.server?.acceptToken(token);
    return Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

/** The real SDK client pointed at the test server, trusting its certificate for this client only. */
export function connectTo(
  server: GraphTestServer,
  options: { credential?: TokenCredential; retry?: RetryPolicy } = {},
): GraphConnection {
  const dispatcher = new Agent({ connect: { ca: server.ca } });
  const credential = options.credential ?? new CountingCredential();
  if (credential instanceof CountingCredential) credential.server = server;
  return createGraphClient({
    credential,
    endpoint: server.endpoint,
    fetchOptions: { dispatcher } as never,
    retry: options.retry ?? FAST_RETRY,
  });
}

export interface SampleProvince {
  readonly folder: string;
  readonly submissionsDir: string;
  readonly registryPath: string;
  readonly configPath: string;
  readonly asOf: number;
}

/** A small province from `thidua sample` (real workbooks; modification times are the received times). */
export async function makeSampleProvince(units: number): Promise<SampleProvince> {
  const folder = mkdtempSync(join(tmpdir(), "thidua-graph-"));
  const sample = await runSample({ units, out: folder, nominatingShare: 0.5 });
  const manifest = JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string };
  return {
    folder,
    submissionsDir: sample.submissionsDir,
    registryPath: sample.registry,
    configPath: sample.config,
    asOf: Date.parse(manifest.asOf),
  };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/**
 * Puts every file of a local folder on the server under `remoteFolder`, with the file's
 * modification time as the server's upload time; returns the remote folder's item id.
 */
export function uploadFolder(server: GraphTestServer, localFolder: string, remoteFolder: string): string {
  const folderId = server.ensureFolder(remoteFolder);
  for (const path of listFiles(localFolder)) {
    const relativePath = relative(localFolder, path).split(sep).join("/");
    const modified = new Date(Math.floor(statSync(path).mtimeMs)).toISOString();
    server.putFile(`${remoteFolder}/${relativePath}`, new Uint8Array(readFileSync(path)), {
      created: modified,
      modified,
      by: `Cán bộ ${relativePath.split("/").pop()?.slice(0, 12) ?? ""}`,
    });
  }
  return folderId;
}

export async function consolidateSource(
  province: SampleProvince,
  source: SubmissionSource,
): Promise<ConsolidationResult> {
  const { registry } = await loadRegistry(province.registryPath);
  const config = await loadMovementConfig({ config: province.configPath }, province.asOf);
  return runConsolidation({ source, registry, config, asOf: province.asOf, workers: 0 });
}

/** The consolidation's public JSON without what only a remote source adds (uploader, ids). */
export function comparable(result: ConsolidationResult): unknown {
  // What the times are (upload times from OneDrive, modification times from the local copy) and where
  // each file lives differ by nature; everything else must be equal.
  const json = toConsolidationJson(result, "en") as {
    files: Record<string, unknown>[];
    receivedTimes?: unknown;
  };
  const { receivedTimes: _receivedTimes, ...rest } = json;
  return { ...rest, files: json.files.map(({ origin: _origin, ...file }) => file) };
}

/** A sample province on the test server under ThiDua/2026, and what the same files give from a local folder. */
export interface ServedProvince {
  readonly province: SampleProvince;
  readonly server: GraphTestServer;
  readonly folderId: string;
  /** `comparable()` of the local folder's consolidation: what every Graph run must equal. */
  readonly localJson: unknown;
}

export async function serveSampleProvince(units: number): Promise<ServedProvince> {
  const province = await makeSampleProvince(units);
  const server = await new GraphTestServer().start();
  const folderId = uploadFolder(server, province.submissionsDir, "ThiDua/2026");
  const localJson = comparable(
    await consolidateSource(province, createLocalFolderSource(province.submissionsDir)),
  );
  return { province, server, folderId, localJson };
}

export async function stopServedProvince({ server, province }: ServedProvince): Promise<void> {
  await server.close();
  rmSync(province.folder, { recursive: true, force: true });
}

/** The served province's folder by drive and item id, read through the real SDK. */
export function servedSource(
  served: ServedProvince,
  options: Omit<GraphSourceOptions, "connection" | "address"> & { credential?: TokenCredential } = {},
): GraphSource {
  const { credential, ...rest } = options;
  return new GraphSource({
    connection: connectTo(served.server, credential ? { credential } : {}),
    address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: served.folderId },
    ...rest,
  });
}
