import type { SubmittedFile } from "../../core/consolidate/types";

/** The period a 2026 file of each kind is for, unless a test says otherwise. */
const PERIOD_OF_KIND = { KH: "KH:GD1", BC: "BC:2026", "DN-KT": "DN-KT:HANGNAM:2026" } as const;

/** A readable KH of Sở Nội vụ with no problem, received 12/05/2026, changed by `overrides`. */
export function submitted(file: string, overrides: Partial<SubmittedFile>): SubmittedFile {
  const kind = overrides.kind === undefined ? "KH" : overrides.kind;
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
    period: kind === null ? null : PERIOD_OF_KIND[kind],
    extracts: { tasks: [], indicators: [], nominations: [] },
    ...overrides,
  };
}
