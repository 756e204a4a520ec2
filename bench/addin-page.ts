import { decideSend, validateWorkbook, type MovementConfig } from "../core/index";
import { inflateWithFflate } from "../addin/standalone/fflate-inflate";
import { parseSubmissionFolder, sendFile } from "../addin/pane/send";
import { inspectWorkbookBytes, readWorkbookBytes } from "../xlsx-read/index";

/**
 * Bundled by bench/addin.ts and run inside Chromium: the standalone pane's work on a file (read
 * with fflate, validate), for comparison in the same run inflating its XML parts alone, and the
 * whole click: check, then send to the Graph test server through the pane's own sendFile.
 */

async function check(bytes: Uint8Array, config: MovementConfig) {
  const reading = await readWorkbookBytes(bytes, { inflate: inflateWithFflate });
  if (!reading.ok) throw new Error(reading.problem.code);
  return validateWorkbook(reading.snapshot, { config });
}

async function readAndValidate(bytes: Uint8Array, config: MovementConfig): Promise<number> {
  return (await check(bytes, config)).problems.length;
}

/** Check, decide as the pane does (warnings already confirmed, an earlier file replaced), send. */
async function checkAndSend(
  bytes: Uint8Array,
  config: MovementConfig,
  graph: { endpoint: string; folder: string; token: string },
): Promise<string> {
  const result = await check(bytes, config);
  const decision = decideSend({
    result,
    config,
    now: Date.now(),
    bytesMatchChecked: true,
    warningsConfirmed: true,
  });
  if (decision.action !== "send") throw new Error(`not sendable: ${decision.action}`);
  const outcome = await sendFile(
    { endpoint: graph.endpoint, token: () => Promise.resolve(graph.token) },
    parseSubmissionFolder(graph.folder),
    decision.target,
    bytes,
    { replace: true, deadline: decision.deadline },
  );
  if (outcome.status !== "sent") throw new Error(JSON.stringify(outcome));
  return outcome.receipt.fileName;
}

async function inflateOnly(bytes: Uint8Array): Promise<number> {
  const inspection = await inspectWorkbookBytes(bytes);
  if (!inspection.ok) throw new Error(inspection.code);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const [name, location] of inspection.locations) {
    if (!/\.(xml|rels)$/i.test(name) || location.compressionMethod !== 8) continue;
    const header = location.localHeaderOffset;
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    total += inflateWithFflate(
      bytes.subarray(start, start + location.compressedSize),
      location.uncompressedSize,
    ).byteLength;
  }
  return total;
}

/** The file under test, decoded once in the page. */
let loaded = new Uint8Array(0);

function load(base64: string): number {
  loaded = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return loaded.byteLength;
}

export type BenchAction = "check" | "inflate" | "checkAndSend";
export interface BenchGraph {
  readonly endpoint: string;
  readonly folder: string;
  readonly token: string;
}
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function runOnce(action: BenchAction, config: MovementConfig, graph: BenchGraph | null): Promise<unknown> {
  switch (action) {
    case "check":
      return readAndValidate(loaded, config);
    case "inflate":
      return inflateOnly(loaded);
    case "checkAndSend":
      if (graph === null) throw new Error("checkAndSend needs the Graph test server");
      return checkAndSend(loaded, config, graph);
  }
}

/** Median, min and max of `runs` timed runs of an action on the loaded file, after `warmUp` untimed ones. */
async function measure(
  action: BenchAction,
  config: MovementConfig,
  graph: BenchGraph | null,
  runs: number,
  warmUp: number,
): Promise<Timing> {
  for (let i = 0; i < warmUp; i += 1) await runOnce(action, config, graph);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await runOnce(action, config, graph);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? NaN,
    min: times[0] ?? NaN,
    max: times.at(-1) ?? NaN,
  };
}

export interface PageBench {
  load(base64: string): number;
  /** Problems found in the loaded file, and its XML parts' inflated size. */
  facts(config: MovementConfig): Promise<{ problems: number; inflated: number }>;
  measure: typeof measure;
}

const bench: PageBench = {
  load,
  facts: async (config) => ({
    problems: await readAndValidate(loaded, config),
    inflated: await inflateOnly(loaded),
  }),
  measure,
};
(globalThis as { thiduaBench?: PageBench }).thiduaBench = bench;
