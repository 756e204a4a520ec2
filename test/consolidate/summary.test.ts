import { formatConsolidationSummary } from "../../scripts/commands/consolidate";
import { buildFixtureResult } from "./fixture-result";

/** The lines `thidua consolidate` prints: all in the chosen language, numbers written its way. */

describe("the consolidation summary", () => {
  const result = buildFixtureResult();
  const t = result.totals;

  it("is Vietnamese by default, with decimal commas and Vietnam time", () => {
    const summary = formatConsolidationSummary(result, "vi", {
      workbook: "tong-hop.xlsx",
      report: "bao-cao.html",
    });

    expect(summary).toContain(
      `(giờ Việt Nam): Phải nộp ${t.expected} · Đã nộp ${t.received} · Đúng hạn ${t.onTime} · Nộp muộn ${t.late} · Không hợp lệ ${t.invalid} · Chưa nộp ${t.missing}\n`,
    );
    expect(summary).toContain(`Tỷ lệ nộp ${t.reportingRate.toFixed(1).replace(".", ",")}%`);
    expect(summary.endsWith("Sổ tổng hợp: tong-hop.xlsx\nBáo cáo HTML: bao-cao.html\n")).toBe(true);
    expect(summary).not.toMatch(/expected|received|on time/);
  });

  it("says when files came in after the as-of time, and when the source held no spreadsheet", () => {
    const withLater = {
      ...result,
      files: [
        ...result.files,
        { ...result.files[0]!, file: "late/KH_X.xlsx", outcome: "after_as_of" as const },
      ],
    };

    expect(formatConsolidationSummary(withLater, "vi", { workbook: "o.xlsx", report: null })).toContain(
      "\n1 tệp nhận sau thời điểm tính: có trong sổ tổng hợp, chưa được tính\n",
    );
    expect(
      formatConsolidationSummary({ ...result, files: [] }, "en", { workbook: "o.xlsx", report: null }),
    ).toContain("\nNo spreadsheet (.xlsx, .xls, .ods, .csv…) under the source folder\n");
    expect(formatConsolidationSummary(result, "vi", { workbook: "o.xlsx", report: null })).not.toMatch(
      /thời điểm tính:|Không có bảng tính/,
    );
  });

  it("is English with --lang en, and says nothing of a report not asked for", () => {
    const summary = formatConsolidationSummary(result, "en", { workbook: "out.xlsx", report: null });

    expect(summary).toContain(`Expected ${t.expected} · Received ${t.received}`);
    expect(summary).toContain(`Reporting rate ${t.reportingRate.toFixed(1)}%`);
    expect(summary.endsWith("Consolidated workbook: out.xlsx\n")).toBe(true);
    expect(summary).not.toMatch(/HTML/);
  });
});
