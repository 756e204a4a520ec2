import type { MovementConfig } from "../../core/config";
import { readRegistry } from "../../core/registry";
import type { Problem } from "../../core/problems";
import type { CellValue, WorkbookSnapshot } from "../../core/snapshot";
import { BC_SPEC, DNKT_SPEC, KH_SPEC, REGISTRY_SPEC } from "../../core/template-spec/index";
import { validateWorkbook } from "../../core/validate/validate";
import { buildSnapshot, date, num, text, type SnapshotFill } from "../fixtures/snapshot";
import { FIXTURE_CONFIG } from "../fixtures/config";

/** The core on hand-built snapshots: what no adapter is needed to show. */

const CONFIG: MovementConfig = FIXTURE_CONFIG;
const UNIT = { unitCode: text("SKHCN"), unitName: text("Sở Khoa học và Công nghệ"), unitType: text("CQ") };
const SIGNATURE = {
  signer: text("Nguyễn Văn An"),
  contactName: text("Trần Thị Bình"),
  contactEmail: text("vanthu@hatinh.gov.vn"),
};
const TASK = {
  content: text("ND1"),
  task: text("Tuyên truyền"),
  lead: text("Văn phòng"),
  deadline: date("2026-12-31"),
};
const CRITERIA = ["CQ1", "CQ2", "CQ3", "CQ4", "CQ5"].map((code) => ({
  ownCriterion: text(`Tiêu chí ${code}`),
  provincialCriterion: text(code),
}));
const KH: SnapshotFill = {
  fields: { ...UNIT, docNumber: text("45/KH-SKHCN"), issueDate: date("2026-05-15"), ...SIGNATURE },
  tables: { tasks: [TASK, TASK], criteria: CRITERIA },
};

function where(snapshot: WorkbookSnapshot, config: MovementConfig = CONFIG): string[] {
  return validateWorkbook(snapshot, { config }).problems.map(
    (problem) => `${problem.code} ${problem.sheet ?? "-"}!${problem.cell ?? "-"}`,
  );
}

function withMerges(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  merges: readonly string[],
): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) =>
      sheet.name === sheetName ? { ...sheet, merges: [...sheet.merges, ...merges] } : sheet,
    ),
  };
}

describe("a valid KH snapshot", () => {
  it("has no problem, and its values are typed by the spec", () => {
    const result = validateWorkbook(buildSnapshot(KH_SPEC, KH), { config: CONFIG });

    expect(result.problems).toEqual([]);
    expect(result.document?.fields).toMatchObject({
      unitType: "CQ",
      issueDate: "2026-05-15",
      contactPhone: null,
    });
    expect(result.document?.tables.tasks?.map((row) => row.row)).toEqual([4, 5]);
  });
});

describe("merged cells over inputs", () => {
  it("a merge inside one task row hides its other cells, but a blank required cell outside it is still missing", () => {
    const snapshot = buildSnapshot(KH_SPEC, {
      ...KH,
      tables: { ...KH.tables, tasks: [{ ...TASK, lead: text("") }] },
    });

    expect(where(withMerges(snapshot, "Nhiệm vụ", ["B4:C4"]))).toEqual([
      "MERGED_INPUT_CELL Nhiệm vụ!B4",
      "REQUIRED_MISSING Nhiệm vụ!D4",
    ]);
  });

  it("a merge of a field with the cell beside it (its hint) keeps the field's own value", () => {
    expect(where(withMerges(buildSnapshot(KH_SPEC, KH), "Thông tin", ["B4:C4"]))).toEqual([]);
  });

  it("a field under the merge of its label is reported, not read", () => {
    expect(where(withMerges(buildSnapshot(KH_SPEC, KH), "Thông tin", ["A9:B9"]))).toEqual([
      "MERGED_INPUT_CELL Thông tin!B9",
    ]);
  });

  it("merges in the heading rows or beside the table are left alone", () => {
    expect(where(withMerges(buildSnapshot(KH_SPEC, KH), "Nhiệm vụ", ["A1:F1", "H4:I9"]))).toEqual([]);
  });
});

describe("tables", () => {
  it("skip rows with nothing in the table's columns (a note beside the table is not a row)", () => {
    const snapshot = buildSnapshot(KH_SPEC, KH);
    const tasks = snapshot.sheets.find((sheet) => sheet.name === "Nhiệm vụ");
    if (tasks) tasks.cells = { ...tasks.cells, H10: text("ghi chú"), A11: text("  ") };

    const result = validateWorkbook(snapshot, { config: CONFIG });
    expect(result.problems).toEqual([]);
    expect(result.document?.tables.tasks).toHaveLength(2);
  });

  it("read a row with gaps above it at its own row number", () => {
    const result = validateWorkbook(
      buildSnapshot(KH_SPEC, {
        ...KH,
        tables: { ...KH.tables, tasks: [TASK, {}, {}, { ...TASK, deadline: date("2031-01-01") }] },
      }),
      { config: CONFIG },
    );

    expect(result.problems.map((problem) => problem.cell)).toEqual(["E7"]);
    expect(result.document?.tables.tasks?.map((row) => row.row)).toEqual([4, 7]);
  });
});

describe("structure before rules", () => {
  it("a missing sheet is reported alone: the kind's rules do not report its empty tables", () => {
    const snapshot = buildSnapshot(KH_SPEC, KH);
    const withoutTasks = {
      ...snapshot,
      sheets: snapshot.sheets.filter((sheet) => sheet.name !== "Nhiệm vụ"),
    };

    expect(where(withoutTasks)).toEqual(["SHEET_MISSING Nhiệm vụ!-"]);
  });

  it("names the unexpected visible sheets, as a hint of a renamed one", () => {
    const snapshot = buildSnapshot(KH_SPEC, KH);
    const renamed = {
      ...snapshot,
      sheets: snapshot.sheets.map((sheet) =>
        sheet.name === "Tiêu chí" ? { ...sheet, name: "Tieu chi" } : sheet,
      ),
    };

    expect(validateWorkbook(renamed, { config: CONFIG }).problems).toMatchObject([
      { code: "SHEET_MISSING", sheet: "Tiêu chí", params: { sheetName: "Tiêu chí", found: "Tieu chi" } },
    ]);
  });

  it("a template whose sheets hold no cell at all (an adapter that reads only the inputs) is blank, not empty", () => {
    const snapshot = buildSnapshot(KH_SPEC, {});
    const bare = {
      ...snapshot,
      sheets: snapshot.sheets.map((sheet) => (sheet.name === "_thidua" ? sheet : { ...sheet, cells: {} })),
    };

    expect(where(bare)).toEqual([
      "REQUIRED_MISSING Thông tin!B4",
      "REQUIRED_MISSING Thông tin!B5",
      "REQUIRED_MISSING Thông tin!B6",
      "REQUIRED_MISSING Thông tin!B7",
      "REQUIRED_MISSING Thông tin!B8",
      "REQUIRED_MISSING Thông tin!B9",
      "REQUIRED_MISSING Thông tin!B10",
      "REQUIRED_MISSING Thông tin!B11",
      "KH_NO_TASKS Nhiệm vụ!A4",
    ]);
  });

  it("a snapshot that is not one (an adapter's bug) is FILE_UNREADABLE, not a crash", () => {
    expect(validateWorkbook({ sheets: "none" }, { config: CONFIG }).problems).toMatchObject([
      { code: "FILE_UNREADABLE", sheet: null, cell: null },
    ]);
  });

  it("a template of a refused version still names its unit (so the unit shows as invalid, not missing)", () => {
    const result = validateWorkbook(buildSnapshot(KH_SPEC, KH, { version: "2026.0" }), { config: CONFIG });

    expect(result).toMatchObject({
      kind: "KH",
      version: "2026.0",
      unit: { code: "SKHCN", type: "CQ" },
      document: null,
      problems: [
        { code: "TEMPLATE_VERSION_OLD", params: { found: "2026.0", expected: "2026.1", kind: "KH" } },
      ],
    });
  });
});

describe("rules that depend on the unit type and round", () => {
  it("an MT unit maps to MT1–MT2 only, and is warned about each one left uncovered", () => {
    const fill: SnapshotFill = {
      ...KH,
      fields: { ...KH.fields, unitType: text("MT") },
      tables: {
        ...KH.tables,
        criteria: [
          { ownCriterion: text("Vận động"), provincialCriterion: text("MT1") },
          { ownCriterion: text("Khác"), provincialCriterion: text("CQ2") },
        ],
      },
    };

    expect(where(buildSnapshot(KH_SPEC, fill))).toEqual([
      "KH_CRITERION_UNCOVERED Tiêu chí!B3",
      "KH_CRITERION_OTHER_TYPE Tiêu chí!B5",
    ]);
  });

  it.each([
    ["HANGNAM", ["HCLD", "CTDCP", "BKTTG", "CTDT", "BKCT", "GK"]],
    ["SOKET", ["BKTTG", "BKCT", "GK"]],
    ["TONGKET", ["HCLD", "CTDCP", "BKTTG", "CTDT", "BKCT", "GK"]],
  ] as const)("round %s allows exactly %j for a collective", (round, allowed) => {
    const awards = ["HCLD", "CTDCP", "BKTTG", "CTDT", "BKCT", "GK"];
    const fill: SnapshotFill = {
      fields: {
        ...UNIT,
        round: text(round),
        docNumber: text("15/TTr-SKHCN"),
        // A review round is dated in its own year (else DNKT_ROUND_MISMATCH warns).
        docDate: date(round === "TONGKET" ? "2030-03-10" : "2027-03-10"),
        ...SIGNATURE,
      },
      tables: {
        nominations: awards.map((award) => ({
          nomineeKind: text("TAPTHE"),
          nomineeName: text("Phòng A"),
          award: text(award),
          content: text("ND4"),
          achievement: text("Thành tích"),
        })),
      },
    };
    const result = validateWorkbook(buildSnapshot(DNKT_SPEC, fill), { config: CONFIG });
    const refused = result.problems
      .filter((problem) => problem.code === "DNKT_AWARD_NOT_IN_ROUND")
      .map((problem) => problem.params.found);

    expect(awards.filter((award) => !refused.includes(award))).toEqual(allowed);
    expect(result.problems.every((problem) => problem.code === "DNKT_AWARD_NOT_IN_ROUND")).toBe(true);
  });
});

describe("the registry of units", () => {
  it("reports a duplicate code at its row and keeps the first", () => {
    const unit = (code: string, type: string) => ({
      code: text(code),
      name: text(`Đơn vị ${code}`),
      type: text(type),
      cluster: text("Khối sở"),
      email: text(`${code.trim().toLowerCase()}@hatinh.gov.vn`),
    });
    const { registry, problems } = readRegistry(
      buildSnapshot(REGISTRY_SPEC, {
        tables: { units: [unit("SNV", "CQ"), unit("TDOAN", "MT"), unit("snv ", "DN")] },
      }),
    );

    expect(registry.units.map((entry) => `${entry.code}:${entry.type}`)).toEqual(["SNV:CQ", "TDOAN:MT"]);
    expect(problems).toMatchObject([
      { code: "UNIT_CODE_NORMALISED", sheet: "Đơn vị", cell: "A6", params: { found: "snv", code: "SNV" } },
      { code: "REGISTRY_DUPLICATE_CODE", sheet: "Đơn vị", cell: "A6", params: { found: "snv" } },
    ]);
  });

  it("keeps a unit whose name, type, cluster or e-mail is missing or wrong, reporting each at its cell; leaves out a row without a code", () => {
    const rows = [
      {
        code: text("SKHCN"),
        name: text("Sở KH&CN"),
        type: text("CQ"),
        cluster: text("Khối sở"),
        email: text("vanthu skhcn"),
      },
      { code: text("SNV"), type: text("CQ") },
      {
        name: text("Đơn vị không mã"),
        type: text("CQ"),
        cluster: text("Khối sở"),
        email: text("x@hatinh.gov.vn"),
      },
      {
        code: text("XA01"),
        name: text("Xã Mẫu"),
        type: text("Không rõ"),
        cluster: text("Cụm 1"),
        email: text("xa01@hatinh.gov.vn"),
      },
    ];
    const { registry, problems } = readRegistry(buildSnapshot(REGISTRY_SPEC, { tables: { units: rows } }));

    expect(registry.units).toEqual([
      { code: "SKHCN", name: "Sở KH&CN", type: "CQ", cluster: "Khối sở", email: "" },
      { code: "SNV", name: "SNV", type: "CQ", cluster: "", email: "" },
      // A type not in the catalogue ("Sở, ngành" typed by hand) leaves the unit expected, its type unknown.
      { code: "XA01", name: "Xã Mẫu", type: null, cluster: "Cụm 1", email: "xa01@hatinh.gov.vn" },
    ]);
    expect(problems.map((problem) => `${problem.code} ${problem.cell}`)).toEqual([
      "EMAIL_INVALID E4",
      "REQUIRED_MISSING B5",
      "REQUIRED_MISSING D5",
      "REQUIRED_MISSING E5",
      "REQUIRED_MISSING A6",
      "ENUM_UNKNOWN C7",
    ]);
  });

  it("matches unit codes without case or spaces", () => {
    const unit = {
      code: text("SKHCN"),
      name: text("Sở KH&CN"),
      type: text("CQ"),
      cluster: text("Khối sở"),
      email: text("skhcn@hatinh.gov.vn"),
    };
    const { registry } = readRegistry(buildSnapshot(REGISTRY_SPEC, { tables: { units: [unit] } }));
    const spaced = buildSnapshot(KH_SPEC, { ...KH, fields: { ...KH.fields, unitCode: text(" SKHCN ") } });
    const lowerCase = buildSnapshot(KH_SPEC, { ...KH, fields: { ...KH.fields, unitCode: text("sk hcn") } });

    expect(validateWorkbook(spaced, { config: CONFIG, registry }).problems).toEqual([]);
    // Credited to SKHCN, and the unit is told its code was read another way, at the code's cell.
    expect(validateWorkbook(lowerCase, { config: CONFIG, registry }).problems).toEqual([
      {
        code: "UNIT_CODE_NORMALISED",
        severity: "warning",
        sheet: "Thông tin",
        cell: "B4",
        params: { found: "sk hcn", code: "SKHCN" },
      },
    ]);
  });
});

describe("issue 17: the registry as Sở Nội vụ keeps it", () => {
  const unit = (code: string, email = `${code.replace(/\s/g, "").toLowerCase()}@hatinh.gov.vn`) => ({
    code: text(code),
    name: text(`Đơn vị ${code}`),
    type: text("CQ"),
    cluster: text("Khối sở"),
    email: text(email),
  });
  const read = (rows: readonly Readonly<Record<string, CellValue>>[], merges: string[] = []) => {
    const snapshot = buildSnapshot(REGISTRY_SPEC, { tables: { units: rows } });
    const sheet = snapshot.sheets.find((entry) => entry.name === "Đơn vị")!;
    return readRegistry({
      ...snapshot,
      sheets: snapshot.sheets.map((entry) =>
        entry === sheet ? { ...sheet, merges: [...sheet.merges, ...merges] } : entry,
      ),
    });
  };
  const listed = (problems: readonly Problem[]) =>
    problems.map((problem) => `${problem.code} ${problem.cell} ${JSON.stringify(problem.params)}`);

  it('normalises a code typed "XA 010" or "xa010" (warned at its cell) and refuses a row whose code is still not one, naming it', () => {
    const { registry, problems } = read([unit("XA 010"), unit("xa011"), unit("XÃ-01?", "x@hatinh.gov.vn")]);

    expect(registry.units.map((entry) => entry.code)).toEqual(["XA010", "XA011"]);
    expect(listed(problems)).toEqual([
      'UNIT_CODE_NORMALISED A4 {"found":"XA 010","code":"XA010"}',
      'UNIT_CODE_NORMALISED A5 {"found":"xa011","code":"XA011"}',
      'REGISTRY_CODE_INVALID A6 {"found":"XÃ-01?","row":6}',
    ]);
  });

  it("lists headings (merged across the row or not), a blank row and the footer with its signature, and counts none of them", () => {
    const { registry, problems } = read(
      [
        { code: text("KHỐI SỞ, BAN, NGÀNH") },
        unit("SNV"),
        unit("STC"),
        {},
        { code: text("Cụm 1 – Các xã phía Bắc") },
        unit("XA001"),
        { code: text("Tổng số: 3") },
        { name: text("Người lập biểu") },
        { name: text("Nguyễn Văn An") },
      ],
      ["A8:E8"],
    );

    expect(registry.units.map((entry) => entry.code)).toEqual(["SNV", "STC", "XA001"]);
    expect(listed(problems)).toEqual([
      'REGISTRY_ROW_HEADING A4 {"found":"KHỐI SỞ, BAN, NGÀNH","row":4}',
      'REGISTRY_ROWS_BLANK A7 {"from":7,"to":7}',
      'REGISTRY_ROW_HEADING A8 {"found":"Cụm 1 – Các xã phía Bắc","row":8}',
      'REGISTRY_ROW_FOOTER A10 {"found":"Tổng số: 3","row":10}',
      'REGISTRY_ROW_FOOTER A11 {"found":"Người lập biểu","row":11}',
      'REGISTRY_ROW_FOOTER A12 {"found":"Nguyễn Văn An","row":12}',
    ]);
  });

  it("keeps a unit whose row has only its code (its problems listed), and a heading without marks read as a code is a unit only when nothing says heading", () => {
    const { registry, problems } = read([{ code: text("XA 020") }, { code: text("Khoi huyen") }]);

    expect(registry.units.map((entry) => entry.code)).toEqual(["XA020"]);
    expect(problems.map((problem) => `${problem.code} ${problem.cell}`)).toEqual([
      "UNIT_CODE_NORMALISED A4",
      "REQUIRED_MISSING B4",
      "REQUIRED_MISSING C4",
      "REQUIRED_MISSING D4",
      "REQUIRED_MISSING E4",
      "REGISTRY_ROW_HEADING A5",
    ]);
  });

  it("reads several addresses in one cell (; , new lines, Tên <địa chỉ>), checks each and keeps the valid ones", () => {
    const { registry, problems } = read([
      unit("SNV", "a@x.vn; b@y.vn"),
      unit("STC", "Văn thư <vanthu@stc.vn>\nlanhdao@stc.vn,  VANTHU@stc.vn"),
      unit("SYT", "syt@hatinh.gov.vn, gọi điện 0239"),
    ]);

    expect(registry.units.map((entry) => entry.email)).toEqual([
      "a@x.vn; b@y.vn",
      "vanthu@stc.vn; lanhdao@stc.vn",
      "syt@hatinh.gov.vn",
    ]);
    expect(listed(problems)).toEqual([
      'EMAIL_INVALID E6 {"field":{"vi":"Thư điện tử liên hệ","en":"Contact e-mail"},"row":6,"found":"gọi điện 0239"}',
    ]);
  });
});

describe("the yearly report", () => {
  const BC: SnapshotFill = {
    fields: {
      ...UNIT,
      reportYear: num(2026),
      docNumber: text("120/BC-SKHCN"),
      reportDate: date("2026-11-14"),
      ...SIGNATURE,
    },
  };

  it("a figure of 0 is something reported; no figure and no activity is not", () => {
    expect(
      where(buildSnapshot(BC_SPEC, { fields: { ...BC.fields, "indicator:ND7.HOP_TAC_QUOC_TE": num(0) } })),
    ).toEqual([]);
    expect(where(buildSnapshot(BC_SPEC, BC))).toEqual(["BC_NO_INDICATORS Chỉ tiêu!E4"]);
  });

  it("dated 14/11 is on time, 15/11 is late, by the report's own year", () => {
    const dated = (day: string, year = 2026) =>
      buildSnapshot(BC_SPEC, {
        fields: {
          ...BC.fields,
          reportYear: num(year),
          reportDate: date(day),
          "indicator:ND1.SU_KIEN": num(1),
        },
      });

    expect(where(dated("2026-11-14"))).toEqual([]);
    expect(where(dated("2026-11-15"))).toEqual(["BC_DATED_AFTER_DEADLINE Thông tin!B9"]);
    expect(where(dated("2027-11-15", 2027), { ...CONFIG, reportYear: 2027 })).toEqual([
      "BC_DATED_AFTER_DEADLINE Thông tin!B9",
    ]);
  });
});
