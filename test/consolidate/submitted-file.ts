import type { SubmittedFile } from "../../core/consolidate/types";

/** A readable KH of Sở Nội vụ with no problem, received 12/05/2026, changed by `overrides`. */
export function submitted(file: string, overrides: Partial<SubmittedFile>): SubmittedFile {
  return {
    file,
    receivedAt: Date.parse("2026-05-12T03:00:00Z"),
    sizeBytes: 1000,
    sha256: "0".repeat(64),
    kind: "KH",
    version: "2026.1",
    readable: true,
    unitCode: "SNV",
    unitName: "Sở Nội vụ",
    problems: [],
    extracts: { tasks: [], indicators: [], nominations: [] },
    ...overrides,
  };
}
