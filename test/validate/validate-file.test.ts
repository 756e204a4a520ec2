import type { Registry } from "../../core/registry";
import { validateBytes } from "../../scripts/validate-file";
import { FIXTURE_CONFIG, writeKh } from "../fixtures/make-fixtures";

/** One file's fault, even thidua's own, stays that file's problem: the run over the others goes on. */

describe("validateBytes", () => {
  it("turns a fault of thidua's while checking into FILE_CHECK_FAILED for that file, with the file's size and hash", async () => {
    const broken = new Map<string, never>();
    broken.get = () => {
      throw new TypeError("registry lookup failed");
    };
    const registry = { units: [], byCode: broken } as unknown as Registry;
    const bytes = await writeKh();

    const validation = await validateBytes("KH_SNV.xlsx", bytes, {
      config: FIXTURE_CONFIG,
      registry,
      receivedAt: null,
    });

    expect(validation.problems).toEqual([
      {
        code: "FILE_CHECK_FAILED",
        severity: "error",
        sheet: null,
        cell: null,
        params: { reason: "TypeError: registry lookup failed" },
      },
    ]);
    expect(validation.sizeBytes).toBe(bytes.byteLength);
    expect(validation.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
