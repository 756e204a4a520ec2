import type { MovementConfig } from "../../core/config";
import { formatSendMessage } from "../../core/messages/index";
import type { Problem } from "../../core/problems";
import { KH_SPEC } from "../../core/template-spec/index";
import {
  decideSend,
  receiptVerdict,
  sendDecisionMessage,
  sendTarget,
  type SendInput,
} from "../../core/submit/send-decision";
import {
  computePlanDeadline,
  computeReportDeadline,
  DATED_LATE_CODES,
  isDatedLate,
} from "../../core/deadlines";
import { unitFromFileName } from "../../core/consolidate/attribution";
import { createRegistry } from "../../core/registry";
import { validateWorkbook } from "../../core/validate/validate";
import { buildSnapshot, date, text } from "../fixtures/snapshot";
import { FIXTURE_CONFIG } from "../fixtures/config";

const CONFIG: MovementConfig = FIXTURE_CONFIG;
const at = (iso: string): number => Date.parse(iso);
/** The plan is due 15 days after 05/05: the last day is 20/05/2026, late from 20/05 17:00 UTC. */
const BEFORE = at("2026-05-20T16:59:59Z");
const AFTER = at("2026-05-20T17:00:00Z");

function problem(severity: Problem["severity"]): Problem {
  return { code: "REQUIRED_MISSING", severity, sheet: "Thông tin", cell: "B4", params: {} };
}

function input(changes: Partial<SendInput> & { problems?: Problem[]; code?: string | null } = {}): SendInput {
  const { problems = [], code = "snv", ...rest } = changes;
  return {
    result: {
      kind: "KH",
      unit: { code, name: "Sở Nội vụ", type: "CQ" },
      problems,
      period: { period: { kind: "KH", phase: "GD1" }, source: "document" },
    },
    config: CONFIG,
    now: BEFORE,
    bytesMatchChecked: true,
    warningsConfirmed: false,
    ...rest,
  };
}

describe("sendTarget", () => {
  it("names the file <KIND>_<unit code>.xlsx in the kind's sub-folder, the code as the registry compares it", () => {
    expect(sendTarget("KH", " snv ")).toEqual({
      kind: "KH",
      unitCode: "SNV",
      folder: "KH",
      fileName: "KH_SNV.xlsx",
      path: "KH/KH_SNV.xlsx",
    });
    expect(sendTarget("DN-KT", "xa 010")?.path).toBe("DN-KT/DN-KT_XA010.xlsx");
  });

  it("never lets a code open a sub-folder, and refuses what is not a unit code", () => {
    expect(sendTarget("BC", "XA/../010")?.path).toBe("BC/BC_XA+..+010.xlsx");
    expect(sendTarget("BC", "Sở Nội vụ")).toBeNull();
    expect(sendTarget("BC", "")).toBeNull();
  });
});

describe("decideSend", () => {
  it("refuses a file with errors, whatever else holds, and says how many", () => {
    const decision = decideSend(
      input({ problems: [problem("error"), problem("warning"), problem("error")], bytesMatchChecked: false }),
    );
    expect(decision).toEqual({ action: "refuse", refusal: { reason: "errors", errors: 2 } });
    expect(formatSendMessage(sendDecisionMessage(decision), "vi")).toBe("Còn 2 lỗi: sửa trước khi gửi.");
    expect(formatSendMessage(sendDecisionMessage(decision), "en")).toBe(
      "2 errors left: fix them before sending.",
    );
  });

  it("refuses what is not a submission or has no usable unit code", () => {
    const notTemplate = decideSend({ ...input(), result: { ...input().result, kind: "DS-DV" } });
    expect(notTemplate).toEqual({ action: "refuse", refusal: { reason: "not-submission" } });
    expect(decideSend(input({ code: null }))).toEqual({
      action: "refuse",
      refusal: { reason: "no-unit-code" },
    });
    expect(formatSendMessage(sendDecisionMessage(decideSend(input({ code: "?" }))), "en")).toMatch(
      /unit code/,
    );
  });

  it("asks to save first when the bytes to send are not those checked", () => {
    const decision = decideSend(input({ bytesMatchChecked: false, problems: [problem("warning")] }));
    expect(decision).toEqual({ action: "save-first" });
    expect(formatSendMessage(sendDecisionMessage(decision), "vi")).toMatch(/chưa lưu/);
    expect(formatSendMessage(sendDecisionMessage(decision), "en")).toMatch(/unsaved edits/);
  });

  it("asks once about warnings, then sends", () => {
    const asked = decideSend(input({ problems: [problem("warning"), problem("warning")] }));
    expect(asked).toMatchObject({
      action: "confirm-warnings",
      warnings: 2,
      target: { path: "KH/KH_SNV.xlsx" },
    });
    expect(formatSendMessage(sendDecisionMessage(asked), "vi")).toBe(
      "Tệp còn 2 cảnh báo. Vẫn gửi thành KH/KH_SNV.xlsx?",
    );
    expect(formatSendMessage(sendDecisionMessage(asked), "en")).toBe(
      "The file has 2 warnings. Send it as KH/KH_SNV.xlsx anyway?",
    );
    const confirmed = decideSend(input({ problems: [problem("warning")], warningsConfirmed: true }));
    expect(confirmed).toMatchObject({ action: "send", late: false });
  });

  it("sends on the last day, in Vietnam time, by the deadline of the file's own period", () => {
    const decision = decideSend(input({ now: BEFORE }));
    expect(decision).toEqual({
      action: "send",
      target: sendTarget("KH", "SNV"),
      deadline: computePlanDeadline(CONFIG),
      late: false,
      datedLate: false,
    });
    expect(formatSendMessage(sendDecisionMessage(decision), "en")).toBe(
      "The file will be sent as KH/KH_SNV.xlsx.",
    );
  });

  it("still sends after the deadline, saying the file will be counted late", () => {
    const decision = decideSend(input({ now: AFTER }));
    expect(decision).toMatchObject({ action: "send", late: true, deadline: { lastDay: "2026-05-20" } });
    expect(formatSendMessage(sendDecisionMessage(decision), "vi")).toBe(
      "Đã quá hạn (hết ngày 20/05/2026): tệp vẫn được gửi nhưng sẽ được tính là nộp muộn.",
    );
    expect(formatSendMessage(sendDecisionMessage(decision), "en")).toMatch(/counted late/);
  });

  it("judges a 2026 report sent in 2027 by its own year's deadline, not the configured year's", () => {
    const report = input({ now: at("2027-01-05T03:00:00Z") });
    const decision = decideSend({
      ...report,
      config: { ...CONFIG, reportYear: 2027 },
      result: {
        ...report.result,
        kind: "BC",
        period: { period: { kind: "BC", year: 2026 }, source: "document" },
      },
    });
    expect(decision).toMatchObject({ action: "send", late: true, deadline: computeReportDeadline(2026) });
  });

  it("sends a period without an announced deadline, never late", () => {
    const result = {
      ...input().result,
      period: { period: { kind: "KH", phase: "GD2" }, source: "document" },
    };
    expect(decideSend({ ...input({ now: AFTER }), result } as SendInput)).toMatchObject({
      action: "send",
      deadline: null,
      late: false,
    });
  });

  it("decides on a real validation: a clean plan goes to KH/KH_<its code>.xlsx", () => {
    const snapshot = buildSnapshot(KH_SPEC, {
      fields: {
        unitCode: text("SKHCN"),
        unitName: text("Sở Khoa học và Công nghệ"),
        unitType: text("CQ"),
        docNumber: text("45/KH-SKHCN"),
        issueDate: date("2026-05-15"),
        signer: text("Nguyễn Văn An"),
        contactName: text("Trần Thị Bình"),
        contactEmail: text("vanthu@hatinh.gov.vn"),
      },
      tables: {
        tasks: [
          {
            content: text("ND1"),
            task: text("Tuyên truyền"),
            lead: text("Văn phòng"),
            deadline: date("2026-12-31"),
          },
        ],
        criteria: ["CQ1", "CQ2", "CQ3", "CQ4", "CQ5"].map((code) => ({
          ownCriterion: text(`Tiêu chí ${code}`),
          provincialCriterion: text(code),
        })),
      },
    });
    const result = validateWorkbook(snapshot, { config: CONFIG });
    const decision = decideSend({
      result,
      config: CONFIG,
      now: BEFORE,
      bytesMatchChecked: true,
      warningsConfirmed: true,
    });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(decision).toMatchObject({ action: "send", target: { path: "KH/KH_SKHCN.xlsx" }, late: false });
  });
});

describe("two units never share a file name", () => {
  it("writes a code's '/' as '+', which no code holds, so XA/010 and XA-010 stay apart", () => {
    expect(sendTarget("KH", "XA/010")?.fileName).toBe("KH_XA+010.xlsx");
    expect(sendTarget("KH", "XA-010")?.fileName).toBe("KH_XA-010.xlsx");
    expect(sendTarget("KH", "xa+010")).toBeNull();
  });

  it("the consolidation reads the pane's name back to the right unit", () => {
    const registry = createRegistry([
      { code: "XA/010", name: "Xã Một", type: null, cluster: "1", email: "" },
      { code: "XA-010", name: "Xã Hai", type: null, cluster: "1", email: "" },
    ]);
    expect(unitFromFileName(`KH/${sendTarget("KH", "XA/010")!.fileName}`, registry)).toBe("XA/010");
    expect(unitFromFileName(`KH/${sendTarget("KH", "XA-010")!.fileName}`, registry)).toBe("XA-010");
  });
});

describe("a document dated after its deadline", () => {
  const dated: Problem = {
    code: "KH_ISSUED_AFTER_DEADLINE",
    severity: "warning",
    sheet: "Thông tin",
    cell: "B8",
    params: {},
  };

  it("is sent, said to be counted late even before the deadline, and its receipt says late, as the consolidation counts it", () => {
    const decision = decideSend(input({ problems: [dated], warningsConfirmed: true, now: BEFORE }));
    expect(decision).toMatchObject({ action: "send", late: true, datedLate: true });
    expect(formatSendMessage(sendDecisionMessage(decision), "vi")).toBe(
      "Văn bản ghi ngày sau hạn (hết ngày 20/05/2026): tệp vẫn được gửi nhưng sẽ được tính là nộp muộn (xem cảnh báo ở trên).",
    );
    const deadline = computePlanDeadline(CONFIG);
    const verdict = receiptVerdict(BEFORE, deadline, true);
    expect(verdict).toEqual({ verdict: "late", deadline, because: "dated" });
    const receipt = { fileName: "KH_SNV.xlsx", folder: "KH", size: 1, receivedAt: BEFORE, verdict };
    expect(formatSendMessage({ code: "SEND_RECEIPT", receipt }, "en")).toMatch(
      /counted late, as the document is dated after the deadline \(last day 20\/05\/2026\)\.$/,
    );
    // The consolidation's list is the same one: every code it counts as dated late, the pane does too.
    for (const code of DATED_LATE_CODES) expect(isDatedLate([{ code }])).toBe(true);
    expect(isDatedLate([problem("warning")])).toBe(false);
  });
});

describe("the receipt", () => {
  const deadline = computePlanDeadline(CONFIG);

  it("judges the server's time of receipt by the same rule as the consolidation", () => {
    expect(receiptVerdict(BEFORE, deadline)).toEqual({ verdict: "on-time", deadline });
    expect(receiptVerdict(AFTER, deadline)).toEqual({ verdict: "late", deadline, because: "received" });
    expect(receiptVerdict(AFTER, null)).toEqual({ verdict: "no-deadline" });
  });

  it("says the name, folder, size and the server's time in Vietnam time, in both languages", () => {
    const receipt = {
      fileName: "KH_SNV.xlsx",
      folder: "KH",
      size: 23456,
      receivedAt: at("2026-05-20T16:30:00Z"),
      verdict: receiptVerdict(at("2026-05-20T16:30:00Z"), deadline),
    };
    expect(formatSendMessage({ code: "SEND_RECEIPT", receipt }, "vi")).toBe(
      "Đã gửi KH_SNV.xlsx vào thư mục KH (23456 byte). Máy chủ nhận lúc 20/05/2026 23:30 (giờ Việt Nam): đúng hạn (hạn cuối 20/05/2026).",
    );
    expect(formatSendMessage({ code: "SEND_RECEIPT", receipt }, "en")).toBe(
      "Sent KH_SNV.xlsx to the folder KH (23456 bytes). Received by the server at 20/05/2026 23:30 (Vietnam time): on time (last day 20/05/2026).",
    );
  });
});
