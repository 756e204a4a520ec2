import { extractSubmission } from "../../core/consolidate/extract";
import { BC_SPEC, DNKT_SPEC, KH_SPEC, indicatorFieldKey } from "../../core/template-spec/index";
import { formatProblem } from "../../core/messages/index";
import { validateBytes, type FileValidation } from "../../scripts/validate-file";
import { FIXTURE_CONFIG, bcFill, day, dnktFill, khFill, option } from "../fixtures/make-fixtures";
import {
  deleteColumn,
  deleteRows,
  insertColumn,
  insertRow,
  loadFilledTemplate,
  saveWorkbook,
} from "../fixtures/officer-edits";

/**
 * Issue 8, case 3: rows and columns moved in a submission (its sheets are protected without a
 * password). A value is read from the row carrying its indicator code, a table from under its
 * header wherever it is, with one warning that says what moved; or the sheet is refused with one
 * located error. The files are the real templates of templates/, edited as an officer does.
 */

async function validate(buffer: Buffer): Promise<FileValidation> {
  return validateBytes("edited.xlsx", buffer, { config: FIXTURE_CONFIG, registry: null, receivedAt: null });
}

const where = (result: FileValidation): string[] =>
  result.problems.map((problem) => `${problem.severity} ${problem.code} ${problem.sheet}!${problem.cell}`);

/** Two neighbouring indicators with different figures, so that a shift by one row shows. */
const BC_FIGURES = bcFill({
  fields: {
    [indicatorFieldKey("ND1.SU_KIEN")]: 11,
    [indicatorFieldKey("ND1.NGUOI_THAM_GIA")]: 22,
    [indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]: 77,
  },
});

describe("BC Chỉ tiêu: each figure is read from the row of its code", () => {
  it("the instruction row deleted: every figure stays with its code, one warning says the rows moved", async () => {
    const workbook = await loadFilledTemplate(BC_SPEC, BC_FIGURES);
    deleteRows(workbook, "Chỉ tiêu", 2);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["warning INDICATOR_ROWS_MOVED Chỉ tiêu!E3"]);
    expect(formatProblem(result.problems[0]!, "vi")).toContain(
      "chỉ tiêu Số hội nghị, lớp tuyên truyền, tập huấn đã tổ chức (ND1.SU_KIEN) ở ô E3, biểu mẫu để ở ô E4",
    );
    expect(result.document?.fields[indicatorFieldKey("ND1.SU_KIEN")]).toBe(11);
    expect(result.document?.fields[indicatorFieldKey("ND1.NGUOI_THAM_GIA")]).toBe(22);
    expect(result.document?.fields[indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]).toBe(77);
    // The consolidation's extracts read the same rows.
    expect(extractSubmission(result.document).indicators).toEqual([
      { code: "ND1.SU_KIEN", value: 11 },
      { code: "ND1.NGUOI_THAM_GIA", value: 22 },
      { code: "ND3.TY_LE_HO_SO_TRUC_TUYEN", value: 77 },
      { code: "ND4.TIET_KIEM_NANG_LUONG", value: 4 },
      { code: "CHUNG.SANG_KIEN", value: 3 },
    ]);
  });

  it("a row of the unit's own inserted: figures stay with their codes; its own figure is named, not read", async () => {
    const workbook = await loadFilledTemplate(BC_SPEC, BC_FIGURES);
    insertRow(workbook, "Chỉ tiêu", 5, ["", "ND1", "Số bản tin trên cổng thông tin", "bản tin", 40]);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual([
      "warning INDICATOR_ROW_UNKNOWN Chỉ tiêu!E5",
      "warning INDICATOR_ROWS_MOVED Chỉ tiêu!E6",
    ]);
    expect(result.document?.fields[indicatorFieldKey("ND1.SU_KIEN")]).toBe(11);
    expect(result.document?.fields[indicatorFieldKey("ND1.NGUOI_THAM_GIA")]).toBe(22);
    expect(result.document?.fields[indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]).toBe(77);
  });

  it("an STT column inserted before the codes: read by the code in B and the figure in F", async () => {
    const workbook = await loadFilledTemplate(BC_SPEC, BC_FIGURES);
    insertColumn(workbook, "Chỉ tiêu", 1, [null, null, "STT", 1, 2, 3]);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["warning INDICATOR_ROWS_MOVED Chỉ tiêu!F4"]);
    expect(result.document?.fields[indicatorFieldKey("ND1.SU_KIEN")]).toBe(11);
    expect(result.document?.fields[indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]).toBe(77);
  });

  it("an indicator row deleted: one located error names the missing code; the others are read by code", async () => {
    const workbook = await loadFilledTemplate(BC_SPEC, BC_FIGURES);
    deleteRows(workbook, "Chỉ tiêu", 5);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual([
      "error INDICATOR_CODES_MISSING Chỉ tiêu!A5",
      "warning INDICATOR_ROWS_MOVED Chỉ tiêu!E5",
    ]);
    expect(result.problems[0]?.params).toMatchObject({ codes: "ND1.NGUOI_THAM_GIA", count: 1 });
    expect(result.document?.fields[indicatorFieldKey("ND1.NGUOI_THAM_GIA")]).toBeNull();
    expect(result.document?.fields[indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]).toBe(77);
  });

  it("a code typed twice: the indicator is not read, the error names both rows", async () => {
    const workbook = await loadFilledTemplate(BC_SPEC, BC_FIGURES);
    workbook.getWorksheet("Chỉ tiêu")!.getCell("A5").value = "ND1.SU_KIEN";

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual([
      "error INDICATOR_CODE_DUPLICATE Chỉ tiêu!A5",
      "error INDICATOR_CODES_MISSING Chỉ tiêu!A5",
    ]);
    expect(result.problems[0]?.params).toMatchObject({ code: "ND1.SU_KIEN", rows: "4, 5" });
    expect(result.document?.fields[indicatorFieldKey("ND1.SU_KIEN")]).toBeNull();
  });
});

describe("tables: read under their header, wherever it is", () => {
  it("KH Nhiệm vụ with its instruction row deleted keeps its first task; one warning says the header moved", async () => {
    const workbook = await loadFilledTemplate(KH_SPEC, khFill());
    deleteRows(workbook, "Nhiệm vụ", 2);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["warning TABLE_MOVED Nhiệm vụ!A2"]);
    expect(formatProblem(result.problems[0]!, "vi")).toContain("dòng tiêu đề ở dòng 2, biểu mẫu để ở dòng 3");
    expect(formatProblem(result.problems[0]!, "en")).toContain(
      "its header is at row 2, the template has it at row 3",
    );
    expect(result.document?.tables.tasks?.map((row) => [row.row, row.values.task])).toEqual([
      [3, "Tổ chức hội nghị quán triệt Kế hoạch"],
      [4, "Số hóa hồ sơ thủ tục hành chính"],
    ]);
    expect(extractSubmission(result.document).tasks.map((task) => task.task)).toEqual([
      "Tổ chức hội nghị quán triệt Kế hoạch",
      "Số hóa hồ sơ thủ tục hành chính",
    ]);
  });

  it("KH Nhiệm vụ with an STT column: one warning, no 'not in list' errors, problems at the moved cells", async () => {
    const fill = khFill();
    const tasks = fill.tables?.tasks ?? [];
    const workbook = await loadFilledTemplate(KH_SPEC, {
      ...fill,
      tables: { ...fill.tables, tasks: [tasks[0]!, { ...tasks[1], deadline: day(2031, 3, 31) }] },
    });
    insertColumn(workbook, "Nhiệm vụ", 1, [null, null, "STT", 1, 2]);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual([
      "warning TABLE_MOVED Nhiệm vụ!B3",
      "error KH_TASK_DEADLINE_OUT_OF_RANGE Nhiệm vụ!F5",
    ]);
    expect(formatProblem(result.problems[0]!, "vi")).toContain(
      'cột "Nội dung thi đua" ở cột B, biểu mẫu để ở cột A',
    );
    expect(result.document?.tables.tasks?.map((row) => row.values.content)).toEqual(["ND1", "ND3"]);
  });

  it("DN-KT Đề nghị with its instruction row deleted keeps the collective nomination of its first row", async () => {
    const workbook = await loadFilledTemplate(DNKT_SPEC, dnktFill());
    deleteRows(workbook, "Đề nghị", 2);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["warning TABLE_MOVED Đề nghị!A2"]);
    expect(extractSubmission(result.document).nominations.map((row) => row.nomineeName)).toEqual([
      "Phòng Quản lý công nghệ",
      "Lê Văn Cường",
      "Phạm Thị Dung",
    ]);
  });

  it("a row inserted above the header of Tiêu chí: read from under the header, one warning", async () => {
    const workbook = await loadFilledTemplate(KH_SPEC, khFill());
    insertRow(workbook, "Tiêu chí", 3, ["Kèm theo Quyết định số 12/QĐ-SKHCN"]);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["warning TABLE_MOVED Tiêu chí!A4"]);
    expect(result.document?.tables.criteria?.map((row) => row.values.provincialCriterion)).toEqual([
      "CQ1",
      "CQ2",
      "CQ3",
      "CQ4",
      "CQ5",
    ]);
  });

  it("a column deleted: one located error names the missing header; the table is not read, no rule runs on it", async () => {
    const workbook = await loadFilledTemplate(KH_SPEC, khFill());
    deleteColumn(workbook, "Nhiệm vụ", 3);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["error TABLE_HEADER_NOT_FOUND Nhiệm vụ!A3"]);
    expect(formatProblem(result.problems[0]!, "vi")).toContain('thiếu cột "Chỉ tiêu, chỉ số cần đạt"');
    expect(result.document?.tables.tasks).toEqual([]);
  });

  it("a moved header found twice: refused as ambiguous, naming both rows", async () => {
    const workbook = await loadFilledTemplate(DNKT_SPEC, dnktFill());
    const sheet = workbook.getWorksheet("Đề nghị")!;
    sheet.getRow(10).values = sheet.getRow(3).values as never;
    deleteRows(workbook, "Đề nghị", 2);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["error TABLE_HEADER_AMBIGUOUS Đề nghị!A2"]);
    expect(result.problems[0]?.params).toMatchObject({ rows: "2, 9" });
  });

  it("a header retyped by hand without the (*) marks and in capitals still matches in place", async () => {
    const workbook = await loadFilledTemplate(KH_SPEC, khFill());
    const sheet = workbook.getWorksheet("Tiêu chí")!;
    sheet.getCell("A3").value = "TIÊU CHÍ CỦA ĐƠN VỊ";
    sheet.getCell("B3").value = "Tiêu chí  của tỉnh";

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual([]);
    expect(result.document?.tables.criteria).toHaveLength(5);
  });

  it("an unchanged template is read where the spec says, with no warning", async () => {
    const result = await validate(
      await saveWorkbook(
        await loadFilledTemplate(DNKT_SPEC, dnktFill({ fields: { round: option("round", "SOKET") } })),
      ),
    );

    expect(where(result)).toEqual([]);
  });
});

describe("Thông tin: each item is read from the row of its label", () => {
  it("the instruction row deleted: the unit code stays the unit code, one warning", async () => {
    const workbook = await loadFilledTemplate(KH_SPEC, khFill());
    deleteRows(workbook, "Thông tin", 2);

    const result = await validate(await saveWorkbook(workbook));

    expect(where(result)).toEqual(["warning FIELD_ROWS_MOVED Thông tin!B3"]);
    expect(result.unit).toEqual({ code: "SKHCN", name: "Sở Khoa học và Công nghệ", type: "CQ" });
    expect(result.document?.fields.issueDate).toBe("2026-05-15");
  });
});
