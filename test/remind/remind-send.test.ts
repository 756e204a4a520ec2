import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { composeReminder, consolidationReportSchema, planReminders } from "../../core/index";
import { formatRemindSummary, LEDGER_FILE, runRemind } from "../../scripts/commands/remind";
import { createGraphReminderMailer } from "../../scripts/mail/graph-mailer";
import { consolidateSampleProvince } from "../support/consolidated-sample";
import { GraphTestServer } from "../graph/graph-test-server";
import { connectTo } from "../graph/helpers";
import { itFullLayer } from "../support/tools";

/** `thidua remind --send` against the HTTPS test server, through the real Graph SDK. */

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");
const SENDER = "snv@hatinh.gov.vn";

interface SentMail {
  sender: string;
  body: {
    message: {
      subject: string;
      body: { contentType: string; content: string };
      toRecipients: { emailAddress: { address: string; name: string } }[];
    };
    saveToSentItems: boolean;
  };
}

let server: GraphTestServer;
let dir: string;
let resultPath: string;

beforeAll(async () => {
  server = await new GraphTestServer().start();
  server.acceptToken("test-token-not-a-secret");
  ({ dir, resultPath } = await consolidateSampleProvince(12, "thidua-remind-send-"));
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  server.sentMail.length = 0;
  server.faults.length = 0;
  server.resetCounts();
});

describe("remind --send through Microsoft Graph", () => {
  it("posts one sendMail per reminder with the composed message, through a 429, and nothing twice", async () => {
    const plan = planReminders(consolidationReportSchema.parse(JSON.parse(readFileSync(resultPath, "utf8"))));
    expect(plan.reminders.length).toBeGreaterThan(2);
    const out = join(dir, "gui");
    server.inject(
      (request) => request.method === "POST" && request.url.includes("/sendMail"),
      { kind: "status", status: 429, retryAfter: "1" },
      1,
    );
    const common = {
      from: resultPath,
      out,
      language: "vi" as const,
      templatesAt: "https://onedrive.example/bieu-mau",
      mailer: createGraphReminderMailer(connectTo(server), SENDER),
      perMinute: 600,
      now: Date.now,
    };

    const first = await runRemind(common);
    expect(first.written.map((entry) => entry.state)).toEqual(plan.reminders.map(() => "sent"));
    const sent = server.sentMail as SentMail[];
    expect(sent).toHaveLength(plan.reminders.length);
    plan.reminders.forEach((reminder, index) => {
      const expected = composeReminder(reminder, { language: "vi", templatesAt: common.templatesAt });
      expect(sent[index]).toEqual({
        sender: SENDER,
        body: {
          message: {
            subject: expected.subject,
            body: { contentType: "Text", content: expected.body },
            toRecipients: [{ emailAddress: { address: reminder.unit.email, name: reminder.unit.name } }],
          },
          saveToSentItems: true,
        },
      });
    });

    const again = await runRemind(common);
    expect(again.written.every((entry) => entry.state === "already_sent")).toBe(true);
    expect(server.sentMail).toHaveLength(plan.reminders.length);
    const ledger = JSON.parse(readFileSync(join(out, LEDGER_FILE), "utf8")) as { sent: object };
    expect(Object.keys(ledger.sent)).toHaveLength(plan.reminders.length);
  }, 60_000);

  it("records a send that keeps failing as failed, and sends it on the next run", async () => {
    const out = join(dir, "gui-loi");
    server.inject(
      (request) => request.method === "POST" && request.url.includes("/sendMail"),
      { kind: "status", status: 503 },
      Infinity,
    );
    const common = {
      from: resultPath,
      out,
      language: "vi" as const,
      templatesAt: "x",
      mailer: createGraphReminderMailer(
        connectTo(server, { retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 10 } }),
        SENDER,
      ),
      perMinute: 600,
      now: Date.now,
    };
    const failing = await runRemind(common);
    expect(failing.written.every((entry) => entry.state === "failed")).toBe(true);
    expect(server.sentMail).toHaveLength(0);
    server.faults.length = 0;
    const retried = await runRemind(common);
    expect(retried.written.every((entry) => entry.state === "sent")).toBe(true);
    expect(server.sentMail).toHaveLength(retried.written.length);
  }, 60_000);

  it("never posts a sendMail again after a 504 (the letter may be on its way): unknown in the ledger and the summary", async () => {
    const out = join(dir, "gui-504");
    // The gateway times out after the service took the letter: sendMail is asynchronous (202).
    server.inject(
      (request) => request.method === "POST" && request.url.includes("/sendMail"),
      { kind: "status", status: 504 },
      1,
    );
    const common = {
      from: resultPath,
      out,
      language: "en" as const,
      templatesAt: "x",
      mailer: createGraphReminderMailer(connectTo(server), SENDER),
      perMinute: 600,
      now: Date.now,
    };
    const first = await runRemind(common);
    const [unknown, ...rest] = first.written;
    expect(unknown?.state).toBe("unknown");
    expect(rest.every((entry) => entry.state === "sent")).toBe(true);
    // Each reminder reached the service once: the 504'd one was carried out and not posted again.
    expect(server.sentMail).toHaveLength(first.written.length);
    expect(server.requests.filter((request) => request.url.includes("/sendMail"))).toHaveLength(
      first.written.length,
    );
    const ledger = JSON.parse(readFileSync(join(out, LEDGER_FILE), "utf8")) as {
      sent: Record<string, { outcome?: string }>;
    };
    expect(Object.values(ledger.sent).filter((entry) => entry.outcome === "unknown")).toHaveLength(1);
    expect(formatRemindSummary(first, out, "en")).toContain("1 may have been sent");
    const again = await runRemind(common);
    expect(again.written[0]?.state).toBe("unknown");
    expect(server.sentMail).toHaveLength(first.written.length);
  }, 60_000);

  // The compiled CLI reads the token and endpoint from the environment, as on an officer's machine.
  itFullLayer(
    "thidua remind --send --sender: sends through the CLI, exit 0, then sends nothing new",
    async () => {
      writeFileSync(join(dir, "ca.pem"), server.ca);
      const env = {
        ...process.env,
        THIDUA_GRAPH_ACCESS_TOKEN: "test-token-not-a-secret",
        THIDUA_GRAPH_ENDPOINT: server.endpoint,
        NODE_EXTRA_CA_CERTS: join(dir, "ca.pem"),
      };
      const args = [
        "remind",
        "--from",
        resultPath,
        "--out",
        join(dir, "gui-cli"),
        "--send",
        "--sender",
        SENDER,
        "--per-minute",
        "600",
      ];
      const run = (): Promise<{ code: number; stdout: string }> =>
        new Promise((resolve) =>
          execFile(process.execPath, [CLI, ...args], { env }, (error, stdout) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
          ),
        );
      const first = await run();
      expect(first.code).toBe(0);
      const count = server.sentMail.length;
      expect(count).toBeGreaterThan(2);
      expect(first.stdout).toContain(`đã gửi ${count},`);
      const second = await run();
      expect(second.code).toBe(0);
      expect(server.sentMail).toHaveLength(count);
      expect(second.stdout).toContain(`đã gửi 0, đã gửi từ lần trước ${count}`);
    },
    60_000,
  );
});
