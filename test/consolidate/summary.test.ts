import { formatConsolidationSummary } from "../../scripts/commands/consolidate";
import { buildFixtureResult } from "./fixture-result";

/** The lines `thidua consolidate` prints: all in the chosen language, numbers written its way. */

describe("the consolidation summary", () => {
  const result = buildFixtureResult();
  /** Totals past a thousand, to see the thousands separator of each language. */
  const large = {
    ...result,
    totals: {
      expected: 1_234,
      received: 1_050,
      onTime: 987,
      late: 40,
      invalid: 23,
      missing: 184,
      notDue: 0,
      due: 1_234,
      reportingRate: 85.1,
      onTimeRate: 80,
    },
  };

  it("is Vietnamese by default, with decimal commas and Vietnam time", () => {
    const summary = formatConsolidationSummary(result, "vi", {
      workbook: "tong-hop.xlsx",
      report: "bao-cao.html",
    });

    expect(summary).toBe(
      "Số liệu tính đến 25/11/2026 12:00 (giờ Việt Nam): Phải nộp 18 · Đã nộp 13 · Đúng hạn 8 · Nộp muộn 3 · Không hợp lệ 2 · Chưa nộp 5\n" +
        "Tỷ lệ nộp 72,2%, tỷ lệ đúng hạn 44,4%\n" +
        "Sổ tổng hợp: tong-hop.xlsx\n" +
        "Báo cáo HTML: bao-cao.html\n",
    );
  });

  it("writes thousands with a dot in Vietnamese and a comma in English, and keeps one decimal", () => {
    expect(formatConsolidationSummary(large, "vi", { workbook: "o.xlsx", report: null })).toContain(
      "Phải nộp 1.234 · Đã nộp 1.050 · Đúng hạn 987 · Nộp muộn 40 · Không hợp lệ 23 · Chưa nộp 184\nTỷ lệ nộp 85,1%, tỷ lệ đúng hạn 80,0%\n",
    );
    expect(formatConsolidationSummary(large, "en", { workbook: "o.xlsx", report: null })).toContain(
      "Expected 1,234 · Received 1,050 · On time 987 · Late 40 · Invalid 23 · Missing 184\nReporting rate 85.1%, on-time rate 80.0%\n",
    );
  });

  it("counts what is not yet due apart, and says how many files are of another period", () => {
    const early = {
      ...result,
      totals: { ...result.totals, notDue: 7 },
      outcomeCounts: result.outcomeCounts.map((entry) =>
        entry.outcome === "other_period" ? { ...entry, count: 2 } : entry,
      ),
    };
    const vi = formatConsolidationSummary(early, "vi", { workbook: "o.xlsx", report: null });
    expect(vi).toContain("· Chưa nộp 5 · Chưa đến hạn 7\n");
    expect(vi).toContain(
      "\n2 tệp của kỳ khác (năm hoặc đợt khác): có trong sổ tổng hợp, không tính cho năm này\n",
    );
    expect(formatConsolidationSummary(early, "en", { workbook: "o.xlsx", report: null })).toContain(
      "· Missing 5 · Not yet due 7\n",
    );
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
    expect(formatConsolidationSummary(result, "en", { workbook: "out.xlsx", report: null })).toBe(
      "Figures as of 25/11/2026 12:00 (Vietnam time): Expected 18 · Received 13 · On time 8 · Late 3 · Invalid 2 · Missing 5\n" +
        "Reporting rate 72.2%, on-time rate 44.4%\n" +
        "Consolidated workbook: out.xlsx\n",
    );
  });
});
