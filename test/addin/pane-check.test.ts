import type { Problem } from "../../core/index";
import { buildConfig, deadlineStatuses, groupProblems, recognise } from "../../addin/pane/check";
import { detectHost, whenOfficeLate } from "../../addin/pane/host";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { khFill, writeWorkbook } from "../fixtures/make-fixtures";
import { KH_SPEC } from "../../core/index";

function problem(severity: Problem["severity"], sheet: string | null, cell: string | null): Problem {
  return { code: "REQUIRED_MISSING", severity, sheet, cell, params: {} };
}

/** 00:00 in Vietnam (UTC+7) on a calendar day. */
function vietnamMidnight(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) - 7 * 3_600_000;
}

describe("groupProblems", () => {
  it("groups by sheet in order of appearance, whole-file first, errors before warnings, with counts", () => {
    const groups = groupProblems([
      problem("error", null, null),
      problem("warning", "Thông tin", "B4"),
      problem("error", "Thông tin", "B9"),
      problem("error", "Nhiệm vụ", "C5"),
      problem("warning", "Nhiệm vụ", "A4"),
    ]);

    expect(
      groups.map((g) => [g.sheet, g.errors, g.warnings, g.problems.map((p) => `${p.severity[0]}:${p.cell}`)]),
    ).toEqual([
      [null, 1, 0, ["e:null"]],
      ["Thông tin", 1, 1, ["e:B9", "w:B4"]],
      ["Nhiệm vụ", 1, 1, ["e:C5", "w:A4"]],
    ]);
  });
});

describe("recognise", () => {
  it("names the kind and version of a current template", async () => {
    const reading = await readWorkbookSnapshot(await writeWorkbook(KH_SPEC, khFill()));
    if (!reading.ok) throw new Error(reading.problem.code);

    expect(recognise(reading.snapshot)).toEqual({ status: "template", kind: "KH", version: "2026.1" });
  });

  it("says a workbook is an old version, naming the current one", async () => {
    const reading = await readWorkbookSnapshot(await writeWorkbook(KH_SPEC, khFill(), { version: "2026.0" }));
    if (!reading.ok) throw new Error(reading.problem.code);

    expect(recognise(reading.snapshot)).toEqual({
      status: "old-version",
      kind: "KH",
      version: "2026.0",
      current: "2026.1",
    });
  });

  it("says a home-made workbook is not a template", () => {
    const snapshot = {
      date1904: false,
      sheets: [
        { name: "Sheet1", state: "visible" as const, cells: { A1: { t: "s" as const, v: "x" } }, merges: [] },
      ],
    };

    expect(recognise(snapshot)).toMatchObject({
      status: "not-template",
      problem: { code: "TEMPLATE_STAMP_MISSING" },
    });
  });
});

describe("buildConfig and deadlineStatuses", () => {
  it("counts days to the report deadline (14/11) in Vietnam time, the pane's overrides winning", () => {
    const { config, error } = buildConfig({ reportYear: 2026 }, { reportYear: 2027 }, 0);

    expect(error).toBeNull();
    expect(deadlineStatuses(config, "BC", vietnamMidnight(2027, 11, 4) + 1000)).toMatchObject([
      { kind: "BC", daysLeft: 10, deadline: { lastDay: "2027-11-14" } },
    ]);
    expect(deadlineStatuses(config, "BC", vietnamMidnight(2027, 11, 16))).toMatchObject([{ daysLeft: -2 }]);
  });

  it("ignores the dates kept in the browser where the province has set up sending: its config decides, as in the consolidation", () => {
    const province = {
      provincialPlanDate: "2026-05-05",
      submission: { folder: "onedrive:b!abc/01ITEM", tokenProvider: "page-global" },
    };
    const { config, error } = buildConfig(province, { provincialPlanDate: "2026-09-01" }, 0);

    expect(error).toBeNull();
    expect(config.provincialPlanDate).toBe("2026-05-05");
    expect(
      buildConfig({ provincialPlanDate: "2026-05-05" }, { provincialPlanDate: "2026-09-01" }, 0).config
        .provincialPlanDate,
    ).toBe("2026-09-01");
  });

  it("once a file is checked, shows its own period's deadline, whatever year the pane is set to", () => {
    const { config } = buildConfig({}, { reportYear: 2026 }, 0);
    const now = vietnamMidnight(2027, 11, 4) + 1000;

    expect(deadlineStatuses(config, "BC", now, { kind: "BC", year: 2027 })).toMatchObject([
      { kind: "BC", daysLeft: 10, deadline: { lastDay: "2027-11-14" } },
    ]);
    expect(deadlineStatuses(config, "BC", now)).toMatchObject([{ deadline: { lastDay: "2026-11-14" } }]);
  });

  it("takes the plan deadline 15 days after the provincial plan, for every expected kind when none is recognised", () => {
    const { config } = buildConfig(
      { provincialPlanDate: "2026-05-05", reportYear: 2026, expectedKinds: ["KH", "BC"] },
      {},
      0,
    );

    expect(
      deadlineStatuses(config, null, vietnamMidnight(2026, 5, 20)).map((s) => [
        s.kind,
        s.deadline.lastDay,
        s.daysLeft,
      ]),
    ).toEqual([
      ["KH", "2026-05-20", 0],
      ["BC", "2026-11-14", 178],
    ]);
  });

  it("reports an invalid config.json and falls back to defaults", () => {
    const { config, error } = buildConfig({ reportYear: "2026" }, {}, vietnamMidnight(2026, 6, 1));

    expect(error).not.toBeNull();
    expect(config.reportYear).toBe(2026);
  });
});

describe("detectHost", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("is standalone without office.js", async () => {
    expect(await detectHost(50)).toEqual({ mode: "standalone" });
  });

  it("is standalone when Office never becomes ready, once the timeout passes", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => new Promise(() => {}),
      HostType: { Excel: "Excel" },
    };

    // Resolving at all is the point: an Office that never answers must not hang the pane.
    expect(await detectHost(50)).toEqual({ mode: "standalone" });
  });

  it("is standalone in another Office host (Word)", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Word" }),
      HostType: { Excel: "Excel" },
    };

    expect(await detectHost(50)).toEqual({ mode: "standalone" });
  });

  it("hands over Excel when Office answers after the standalone verdict", async () => {
    let ready: (info: { host: string }) => void = () => undefined;
    const answer = new Promise<{ host: string }>((resolve) => (ready = resolve));
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => answer,
      HostType: { Excel: "Excel" },
      context: { requirements: { isSetSupported: () => true } },
    };
    expect(await detectHost(50)).toEqual({ mode: "standalone" });

    const late = new Promise<string>((resolve) => whenOfficeLate((host) => resolve(host.mode)));
    ready({ host: "Excel" });

    expect(await late).toBe("excel");
  });
});
