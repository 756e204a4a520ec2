import { composeReminder, consolidationReportSchema, planReminders } from "../../core/index";

/** A consolidation as `thidua consolidate --json` writes it, cut to what reminders read. */
const report = consolidationReportSchema.parse({
  asOf: "2026-11-20T03:00:00.000Z",
  deadlines: [
    { kind: "KH", lastDay: "2026-06-30", dueBefore: "2026-06-30T17:00:00.000Z" },
    { kind: "BC", lastDay: "2026-11-14", dueBefore: "2026-11-14T17:00:00.000Z" },
  ],
  units: [
    {
      code: "SNV",
      name: "Sở Nội vụ",
      email: "snv@hatinh.gov.vn",
      kind: "KH",
      status: "on_time",
      file: "KH_SNV.xlsx",
      receivedAt: "2026-06-01T02:00:00.000Z",
    },
    {
      code: "SNV",
      name: "Sở Nội vụ",
      email: "snv@hatinh.gov.vn",
      kind: "BC",
      status: "on_time",
      file: "BC_SNV.xlsx",
      receivedAt: "2026-11-01T02:00:00.000Z",
    },
    {
      code: "STC",
      name: "Sở Tài chính",
      email: "stc@hatinh.gov.vn",
      kind: "BC",
      status: "invalid",
      file: "BC_STC.xlsx",
      receivedAt: "2026-11-10T02:00:00.000Z",
    },
    {
      code: "STC",
      name: "Sở Tài chính",
      email: "stc@hatinh.gov.vn",
      kind: "KH",
      status: "missing",
      file: null,
      receivedAt: null,
    },
    {
      code: "XKA",
      name: "UBND xã Kỳ Anh",
      email: "",
      kind: "KH",
      status: "late",
      file: "KH_XKA.xlsx",
      receivedAt: "2026-07-02T01:00:00.000Z",
    },
    {
      code: "DN1",
      name: "Công ty A",
      email: "a@example.vn; b@example.vn",
      kind: "BC",
      status: "missing",
      file: null,
      receivedAt: null,
    },
  ],
  files: [
    {
      file: "BC_STC.xlsx",
      outcome: "invalid",
      unit: "STC",
      problems: [
        {
          code: "X_FUTURE_CODE",
          severity: "warning",
          sheet: "Thông tin",
          cell: "B9",
          message: "a warning worded by a later thidua",
        },
        {
          code: "REQUIRED_MISSING",
          severity: "error",
          sheet: "Thông tin",
          cell: "B8",
          params: { field: { vi: "Số báo cáo", en: "Report number" } },
          message: "Required: Report number",
        },
      ],
    },
  ],
});

describe("planReminders", () => {
  const plan = planReminders(report);

  it("writes to each unit with something missing, invalid or late, once, in code order", () => {
    expect(plan.reminders.map((reminder) => reminder.unit.code)).toEqual(["DN1", "STC"]);
    expect(plan.reminders[1]?.items.map((item) => [item.kind, item.status])).toEqual([
      ["KH", "missing"],
      ["BC", "invalid"],
    ]);
  });

  it("writes to every address of a registry cell holding several (issue 17)", () => {
    expect(plan.reminders[0]?.unit.addresses).toEqual(["a@example.vn", "b@example.vn"]);
    expect(composeReminder(plan.reminders[0]!, { language: "vi", templatesAt: "x" }).to).toEqual([
      { name: "Công ty A", address: "a@example.vn" },
      { name: "Công ty A", address: "b@example.vn" },
    ]);
  });

  it("lists the units it cannot write to, and why, instead of dropping them", () => {
    const bad = planReminders({
      ...report,
      units: report.units.map((unit) => (unit.code === "DN1" ? { ...unit, email: "gọi 0239; a@b" } : unit)),
    });
    expect(bad.unreachable.map((entry) => [entry.unit.code, entry.reason])).toEqual([
      ["DN1", "invalid_email"],
      ["XKA", "no_email"],
    ]);
  });

  it("gives the same key for the same situation, another when the situation changes", () => {
    expect(planReminders(report).reminders[1]?.key).toBe(plan.reminders[1]?.key);
    // One address keeps the key it had when a cell held one address only: earlier ledgers still hold.
    expect(plan.reminders[1]?.key).toBe("STC-c813109e");
    const later = planReminders({ ...report, asOf: "2026-11-27T03:00:00.000Z" });
    expect(later.reminders[1]?.key).not.toBe(plan.reminders[1]?.key);
  });
});

describe("composeReminder", () => {
  const reminder = planReminders(report).reminders.find((entry) => entry.unit.code === "STC");
  const vi = composeReminder(reminder!, { language: "vi", templatesAt: "https://onedrive.example/bieu-mau" });

  it("says what is expected, by when in Vietnam time, and the errors with sheet and cell, in Vietnamese", () => {
    expect(vi.to).toEqual([{ name: "Sở Tài chính", address: "stc@hatinh.gov.vn" }]);
    expect(vi.subject).toContain("Sở Tài chính");
    expect(vi.subject).toContain("gửi lại Báo cáo");
    expect(vi.body).toContain("Kính gửi: Sở Tài chính (mã đơn vị STC).");
    expect(vi.body).toContain("20/11/2026 10:00 (giờ Việt Nam)");
    expect(vi.body).toContain("1. Kế hoạch triển khai Phong trào thi đua của đơn vị (KH): CHƯA NỘP.");
    expect(vi.body).toContain("Hạn gửi: hết ngày 30/06/2026 (giờ Việt Nam).");
    expect(vi.body).toContain("Đã quá hạn 143 ngày.");
    expect(vi.body).toContain("KH_ke-hoach-trien-khai.xlsx");
    expect(vi.body).toContain("Hạn gửi: hết ngày 14/11/2026 (giờ Việt Nam).");
    expect(vi.body).toContain('Tệp "BC_STC.xlsx" (nhận lúc 10/11/2026 09:00) có 1 lỗi cần sửa:');
    expect(vi.body).toContain('- Trang "Thông tin", ô B8: ');
    expect(vi.body).toContain('- Trang "Thông tin", ô B9: a warning worded by a later thidua');
    expect(vi.body).toContain("Biểu mẫu: https://onedrive.example/bieu-mau");
    // The error is listed before the warning.
    expect(vi.body.indexOf("ô B8")).toBeLessThan(vi.body.indexOf("ô B9"));
  });

  it("re-words a known problem in the reminder's language from its code and facts", () => {
    const en = composeReminder(reminder!, { language: "en", templatesAt: "x" });
    expect(vi.body).not.toContain("Required: Report number");
    expect(vi.body).toMatch(/ô B8: .*Số báo cáo/);
    expect(en.body).toMatch(/cell B8: .*Report number/);
    expect(en.body).toContain("Deadline: end of 14/11/2026 (Vietnam time).");
  });

  it("counts the days left before the last day, and says when it is today", () => {
    const early = planReminders({ ...report, asOf: "2026-06-27T03:00:00.000Z" }).reminders[1]!;
    expect(composeReminder(early, { language: "vi", templatesAt: "x" }).body).toContain("Còn 3 ngày.");
    const lastDay = planReminders({ ...report, asOf: "2026-06-30T16:59:59.000Z" }).reminders[1]!;
    expect(composeReminder(lastDay, { language: "vi", templatesAt: "x" }).body).toContain(
      "Hôm nay là ngày cuối cùng.",
    );
  });

  it("tells a file received in time but dated after the deadline from one received late", () => {
    const dated = planReminders({
      ...report,
      units: [
        {
          code: "XKA",
          name: "UBND xã Kỳ Anh",
          email: "xka@hatinh.gov.vn",
          kind: "KH",
          status: "late",
          file: "KH_XKA.xlsx",
          receivedAt: "2026-06-20T01:00:00.000Z",
          underReview: [],
        },
        {
          code: "XKB",
          name: "UBND xã Kỳ Bắc",
          email: "xkb@hatinh.gov.vn",
          kind: "KH",
          status: "late",
          file: "KH_XKB.xlsx",
          receivedAt: "2026-06-30T17:00:00.000Z",
          underReview: [],
        },
      ],
    }).reminders;
    const [byDate, byReceipt] = dated.map(
      (entry) => composeReminder(entry, { language: "vi", templatesAt: "x" }).body,
    );
    expect(byDate).toContain(
      'Tệp "KH_XKA.xlsx" nhận lúc 20/06/2026 08:00, nhưng ngày ban hành ghi trong văn bản sau thời hạn.',
    );
    expect(byReceipt).toContain('Tệp "KH_XKB.xlsx" nhận lúc 01/07/2026 00:00, sau thời hạn.');
  });

  it("lists at most the configured number of problems and counts the rest", () => {
    const body = composeReminder(reminder!, { language: "vi", templatesAt: "x", maxProblemsPerFile: 1 }).body;
    expect(body).toContain("… và 1 vấn đề khác");
    expect(body).not.toContain("ô B9");
  });
});

describe("a letter for a unit whose file is under review (issue 17)", () => {
  const unit = (
    code: string,
    name: string,
    status: "on_time" | "missing",
    file: string | null,
    underReview: string[],
  ) => ({
    code,
    name,
    email: `${code.toLowerCase()}@hatinh.gov.vn`,
    kind: "KH" as const,
    status,
    file,
    receivedAt: file ? "2026-06-10T02:00:00.000Z" : null,
    underReview,
  });
  const review = consolidationReportSchema.parse({
    asOf: "2026-11-20T03:00:00.000Z",
    deadlines: [{ kind: "KH", lastDay: "2026-06-30", dueBefore: "2026-06-30T17:00:00.000Z" }],
    units: [
      unit("XA01", "UBND xã Thạch Hà", "on_time", "KH/KH_XA01.xlsx", []),
      unit("XA02", "UBND xã Cẩm Xuyên", "missing", null, ["KH/KH_XA02.xlsx"]),
      unit("XA03", "UBND xã Kỳ Anh", "missing", null, ["KH/ke-hoach-ky-anh.xlsx"]),
    ],
    files: [
      {
        file: "KH/KH_XA02.xlsx",
        outcome: "identity_conflict",
        unit: "XA01",
        receivedAt: "2026-06-12T02:00:00.000Z",
        problems: [
          {
            code: "UNIT_NAME_CONFLICT",
            severity: "error",
            sheet: "Thông tin",
            cell: "B5",
            params: {
              found: "UBND xã Cẩm Xuyên",
              unit: "XA01",
              expected: "UBND xã Thạch Hà",
              pointsTo: "XA02",
              pointsToName: "UBND xã Cẩm Xuyên",
            },
            message: "…",
          },
        ],
      },
      {
        file: "KH/ke-hoach-ky-anh.xlsx",
        outcome: "unknown_unit",
        unit: "XA 99",
        receivedAt: "2026-06-13T02:00:00.000Z",
        problems: [
          {
            code: "UNIT_UNKNOWN",
            severity: "error",
            sheet: "Thông tin",
            cell: "B4",
            params: { found: "XA 99" },
            message: "…",
          },
        ],
      },
    ],
  });
  const [wrongCode, unknownCode] = planReminders(review).reminders.map(
    (entry) => composeReminder(entry, { language: "vi", templatesAt: "x" }).body,
  );

  it("names the file with another unit's code and asks to fix the code, not to send a file", () => {
    expect(wrongCode).toContain("(KH): ĐÃ NHẬN TỆP NHƯNG CHƯA TÍNH, cần sửa mã đơn vị.");
    expect(wrongCode).toContain(
      'Sở Nội vụ đã nhận tệp "KH/KH_XA02.xlsx" (nhận lúc 12/06/2026 09:00) ghi tên đơn vị, nhưng chưa tính cho đơn vị vì tệp ghi mã đơn vị XA01, là mã của UBND xã Thạch Hà:',
    );
    expect(wrongCode).toContain('- Trang "Thông tin", ô B5: ');
    expect(wrongCode).toContain('Đề nghị đơn vị sửa ô "Mã đơn vị" (trang Thông tin) thành XA02');
    expect(wrongCode).not.toContain("chưa nhận được tệp nào");
  });

  it("names the file whose code is in no registry row", () => {
    expect(unknownCode).toContain('mã đơn vị "XA 99" ghi trong tệp không có trong danh sách đơn vị:');
    expect(unknownCode).toContain("thành XA03");
    expect(unknownCode).not.toContain("chưa nhận được tệp nào");
  });

  it("says it in English too", () => {
    const [en] = planReminders(review).reminders.map(
      (entry) => composeReminder(entry, { language: "en", templatesAt: "x" }).body,
    );
    expect(en).toContain("it carries the unit code XA01, which is UBND xã Thạch Hà's:");
    expect(en).toContain('Please change the "Mã đơn vị" cell (sheet Thông tin) to XA02');
  });
});
