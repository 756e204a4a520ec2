import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvCell, formatRemindSummary, runRemind, SUMMARY_FILE } from "../../scripts/commands/remind";
import { toSendMailBody } from "../../scripts/mail/graph-mailer";

/**
 * Issue 17, item 6: the reminder folder holds only this run's drafts (an earlier run's are moved
 * into a dated sub-folder, and the run says so), and the reminder list cannot carry a formula
 * into Excel (OWASP, "CSV Injection": a cell beginning with = + - @, tab or CR gets a quote).
 */

const HYPERLINK = '=HYPERLINK("http://x","bấm")';

function result(asOf: string, missing: readonly { code: string; name: string; email: string }[]): string {
  return JSON.stringify({
    asOf,
    deadlines: [{ kind: "KH", lastDay: "2026-06-30", dueBefore: "2026-06-30T17:00:00.000Z" }],
    units: missing.map((unit) => ({ ...unit, kind: "KH", status: "missing", file: null, receivedAt: null })),
    files: [],
  });
}

describe("remind's folder and list", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "thidua-remind-folder-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (from: string, now: number) =>
    runRemind({
      from,
      out: join(dir, "thu-nhac"),
      language: "vi",
      templatesAt: "x",
      mailer: null,
      perMinute: 20,
      now: () => now,
    });

  it("moves an earlier run's drafts into a dated sub-folder, leaves other files, and says so", async () => {
    writeFileSync(
      join(dir, "first.json"),
      result("2026-11-20T03:00:00.000Z", [
        { code: "XA01", name: "UBND xã A", email: "xa01@hatinh.gov.vn" },
        { code: "XA02", name: "UBND xã B", email: "xa02@hatinh.gov.vn" },
      ]),
    );
    writeFileSync(
      join(dir, "second.json"),
      result("2026-11-27T03:00:00.000Z", [{ code: "XA02", name: "UBND xã B", email: "xa02@hatinh.gov.vn" }]),
    );
    await run(join(dir, "first.json"), Date.parse("2026-11-20T03:05:00Z"));
    // A message the officer saved there by hand is not thidua's draft: it stays.
    writeFileSync(join(dir, "thu-nhac", "ghi-chu.eml"), "Subject: tự viết\r\n\r\nx\r\n");

    const second = await run(join(dir, "second.json"), Date.parse("2026-11-27T03:05:00Z"));

    expect(readdirSync(join(dir, "thu-nhac")).sort()).toEqual([
      "XA02.eml",
      SUMMARY_FILE,
      "ghi-chu.eml",
      "thu-cu-2026-11-27-100500",
    ]);
    expect(readdirSync(join(dir, "thu-nhac", "thu-cu-2026-11-27-100500")).sort()).toEqual([
      "XA01.eml",
      "XA02.eml",
    ]);
    expect(second.movedAside).toEqual({ folder: "thu-cu-2026-11-27-100500", count: 2 });
    expect(formatRemindSummary(second, "thu-nhac", "vi")).toContain(
      `2 thư nhắc của lần trước đã được chuyển sang ${join("thu-nhac", "thu-cu-2026-11-27-100500")}`,
    );
    expect(formatRemindSummary(second, "thu-nhac", "en")).toContain(
      `2 earlier reminders moved to ${join("thu-nhac", "thu-cu-2026-11-27-100500")}`,
    );
  });

  it("says nothing about moving when the folder held no draft", async () => {
    writeFileSync(
      join(dir, "first.json"),
      result("2026-11-20T03:00:00.000Z", [{ code: "XA01", name: "UBND xã A", email: "xa01@hatinh.gov.vn" }]),
    );
    const first = await run(join(dir, "first.json"), Date.parse("2026-11-20T03:05:00Z"));
    expect(first.movedAside).toBeNull();
    expect(formatRemindSummary(first, "thu-nhac", "vi")).not.toContain("lần trước");
  });

  it("writes a registry name =HYPERLINK(…) as text in danh-sach-nhac.csv", async () => {
    writeFileSync(
      join(dir, "hostile.json"),
      result("2026-11-20T03:00:00.000Z", [
        { code: "XA01", name: HYPERLINK, email: "xa01@hatinh.gov.vn" },
        { code: "XA02", name: "@SUM(1+1)", email: "" },
      ]),
    );
    await run(join(dir, "hostile.json"), Date.parse("2026-11-20T03:05:00Z"));

    const lines = readFileSync(join(dir, "thu-nhac", SUMMARY_FILE), "utf8").split("\r\n");
    expect(lines[1]).toBe(
      `XA01,"'=HYPERLINK(""http://x"",""bấm"")",xa01@hatinh.gov.vn,KH: CHƯA NỘP,XA01.eml,"đã viết, chưa gửi"`,
    );
    expect(lines[2]?.startsWith("XA02,'@SUM(1+1),")).toBe(true);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+84 239", "'+84 239"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["Sở Nội vụ", "Sở Nội vụ"],
    ["a, b", '"a, b"'],
  ])("neutralises %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("sends one message to every address of the unit (Graph's toRecipients lists them all)", async () => {
    writeFileSync(
      join(dir, "two.json"),
      result("2026-11-20T03:00:00.000Z", [{ code: "XA01", name: "UBND xã A", email: "a@x.vn; b@y.vn" }]),
    );
    const sent: unknown[] = [];
    await runRemind({
      from: join(dir, "two.json"),
      out: join(dir, "thu-nhac"),
      language: "vi",
      templatesAt: "x",
      mailer: {
        sender: "snv@hatinh.gov.vn",
        send: async (message) => void sent.push(toSendMailBody(message)),
      },
      perMinute: 600,
      now: () => Date.parse("2026-11-20T03:05:00Z"),
    });

    expect(sent).toMatchObject([
      {
        message: {
          toRecipients: [
            { emailAddress: { address: "a@x.vn", name: "UBND xã A" } },
            { emailAddress: { address: "b@y.vn", name: "UBND xã A" } },
          ],
        },
      },
    ]);
  });
});
