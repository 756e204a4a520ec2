import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig } from "../../core/config";
import { createRegistry } from "../../core/registry";
import type * as WorkerPool from "../../scripts/consolidate/worker-pool";
import { describeFullLayer } from "../support/tools";

/**
 * The validating threads as compiled (dist/, built by `npm run build`): fetched bytes are moved to a
 * thread, not copied (the sender's buffer is detached), and results come back for every file.
 */
const COMPILED = join(__dirname, "..", "..", "dist", "scripts", "consolidate", "worker-pool.js");
const TEMPLATE = join(__dirname, "..", "..", "templates", "KH_ke-hoach-trien-khai.xlsx");

// Compiled code belongs to the full layer (announced when skipped); there a missing build is a failure, never a silent skip.
describeFullLayer("validation pool (compiled threads)", () => {
  beforeAll(() => {
    if (!existsSync(COMPILED))
      throw new Error(`${COMPILED} is missing: run \`npm run build\` (npm test does)`);
  });

  it("transfers fetched bytes to the threads and validates files as they are submitted", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startValidationPool } = require(COMPILED) as typeof WorkerPool;
    const registry = createRegistry([
      { code: "SNV", name: "Sở Nội vụ", type: "CQ", cluster: "Khối các sở", email: "snv@example.vn" },
    ]);
    const config = resolveConfig({ reportYear: 2026 }, {}, Date.UTC(2026, 10, 25));
    const pool = startValidationPool({ config, registry, workers: 2 });
    try {
      const jobs = Array.from({ length: 5 }, (_, index) => ({
        path: `KH/file-${index}.xlsx`,
        receivedAt: Date.UTC(2026, 5, 1),
        localPath: null,
        bytes: new Uint8Array(readFileSync(TEMPLATE)),
      }));
      const sizes = jobs.map((job) => job.bytes.byteLength);
      const results = await Promise.all(jobs.map((job) => pool.submit(job)));
      expect(jobs.map((job) => job.bytes.byteLength)).toEqual([0, 0, 0, 0, 0]);
      expect(results.map((result) => result.file)).toEqual(jobs.map((job) => job.path));
      expect(results.map((result) => result.sizeBytes)).toEqual(sizes);
      expect(results.every((result) => result.kind === "KH")).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
