import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { ComposedReminder } from "../../core/index";
import { runCli as thidua } from "../cli/run-cli";
import { consolidateSampleProvince } from "../support/consolidated-sample";
import { LEDGER_FILE, runRemind, SUMMARY_FILE, type ReminderMailer } from "../../scripts/commands/remind";

interface UnitJson {
  code: string;
  name: string;
  email: string;
  kind: string;
  status: string;
  file: string | null;
}
interface FileJson {
  file: string;
  problems: { sheet: string | null; cell: string | null; severity: string }[];
}

describe("thidua remind over a consolidated sample province", () => {
  let dir: string;
  let resultPath: string;
  let units: UnitJson[];
  let files: FileJson[];

  beforeAll(async () => {
    const sample = await consolidateSampleProvince(8, "thidua-remind-");
    dir = sample.dir;
    resultPath = sample.resultPath;
    ({ units, files } = JSON.parse(sample.json) as { units: UnitJson[]; files: FileJson[] });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one Vietnamese .eml per unit that is missing, late or invalid, to its registry address", async () => {
    const out = join(dir, "thu-nhac");
    const run = await thidua(["remind", "--from", resultPath, "--out", out]);
    expect(run.code).toBe(0);

    const affected = new Map<string, UnitJson[]>();
    for (const unit of units.filter((entry) => ["missing", "late", "invalid"].includes(entry.status))) {
      affected.set(unit.code, [...(affected.get(unit.code) ?? []), unit]);
    }
    expect(affected.size).toBeGreaterThan(3);
    const emls = readdirSync(out).filter((name) => name.endsWith(".eml"));
    expect(emls.sort()).toEqual([...affected.keys()].map((code) => `${code}.eml`).sort());
    expect(run.stdout).toContain(`${affected.size} thư nhắc`);
    expect(run.stdout).toContain("chưa gửi thư nào");

    let locatedChecked = 0;
    for (const [code, statuses] of affected) {
      const mail = await simpleParser(readFileSync(join(out, `${code}.eml`)));
      const first = statuses[0]!;
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([
        { address: first.email, name: first.name },
      ]);
      expect(mail.subject).toContain(first.name);
      const text = mail.text ?? "";
      expect(text).toContain(`Kính gửi: ${first.name} (mã đơn vị ${code}).`);
      for (const status of statuses) {
        expect(text).toContain(`(${status.kind}): `);
        if (status.status === "invalid") {
          const located = files
            .find((file) => file.file === status.file)!
            .problems.find((p) => p.cell !== null);
          if (located) {
            expect(text).toContain(`Trang "${located.sheet}", ô ${located.cell}`);
            locatedChecked += 1;
          }
        }
      }
    }
    expect(locatedChecked).toBeGreaterThan(0);
    const summary = readFileSync(join(out, SUMMARY_FILE), "utf8");
    expect(summary.startsWith("\uFEFFMã đơn vị,")).toBe(true);
    expect(summary.trim().split("\r\n")).toHaveLength(1 + affected.size);
  }, 60_000);

  it("refuses a file that is not a consolidation result, naming it, with exit 2", async () => {
    const bogus = join(dir, "bogus.json");
    writeFileSync(bogus, JSON.stringify({ asOf: "yesterday" }));
    const run = await thidua(["remind", "--from", bogus, "--out", join(dir, "x")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("không phải kết quả của");
    expect(run.stderr).toContain("asOf");
    writeFileSync(bogus, "[]");
    const english = await thidua(["remind", "--from", bogus, "--out", join(dir, "x"), "--lang", "en"]);
    expect(english.stderr).toBe(
      `thidua: ${bogus} is not the output of "thidua consolidate --json" (key (root) missing or of the wrong type)\n`,
    );
    const missing = await thidua(["remind", "--from", join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("không tìm thấy tệp");
  });

  it("sends through a mailer at a bounded rate, records each send, and sends nothing twice", async () => {
    const out = join(dir, "gui");
    const sent: ComposedReminder[] = [];
    const mailer: ReminderMailer = {
      sender: "snv@hatinh.gov.vn",
      send: async (message) => {
        sent.push(message);
      },
    };
    let clock = Date.parse("2026-11-20T03:00:00Z");
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => {
      waits.push(ms);
      clock += ms;
    };
    const common = {
      from: resultPath,
      out,
      language: "vi" as const,
      templatesAt: "x",
      mailer,
      perMinute: 30,
      sleep,
    };

    const first = await runRemind({ ...common, now: () => clock });
    const count = first.plan.reminders.length;
    expect(sent).toHaveLength(count);
    expect(first.written.every((entry) => entry.state === "sent")).toBe(true);
    // 30 a minute: two seconds between sends, none before the first.
    expect(waits).toEqual(Array.from({ length: count - 1 }, () => 2000));
    const ledger = JSON.parse(readFileSync(join(out, LEDGER_FILE), "utf8")) as {
      sent: Record<string, unknown>;
    };
    expect(Object.keys(ledger.sent)).toHaveLength(count);

    const again = await runRemind({ ...common, now: () => clock });
    expect(sent).toHaveLength(count);
    expect(again.written.every((entry) => entry.state === "already_sent")).toBe(true);
  }, 60_000);

  it("keeps going when one send fails, and retries only that one on the next run", async () => {
    const out = join(dir, "gui-loi");
    const attempts: string[] = [];
    let failFor: string | null = null;
    const mailer: ReminderMailer = {
      sender: "snv@hatinh.gov.vn",
      send: async (message) => {
        const to = message.to.map((entry) => entry.address).join("; ");
        attempts.push(to);
        if (failFor === null) failFor = to;
        if (to === failFor && attempts.filter((a) => a === failFor).length === 1)
          throw new Error("503 Service Unavailable");
      },
    };
    const common = {
      from: resultPath,
      out,
      language: "vi" as const,
      templatesAt: "x",
      mailer,
      perMinute: 600,
    };
    const sleep = async (): Promise<void> => undefined;
    const first = await runRemind({ ...common, now: Date.now, sleep });
    expect(first.written.filter((entry) => entry.state === "failed")).toHaveLength(1);
    const second = await runRemind({ ...common, now: Date.now, sleep });
    expect(
      second.written.filter((entry) => entry.state === "sent").map((e) => e.reminder.unit.email),
    ).toEqual([failFor]);
  }, 60_000);
});
