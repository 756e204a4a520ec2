import { randomBytes } from "node:crypto";
import { Agent } from "undici";
import { formatSendMessage, computeReportDeadline, sendTarget, type SendTarget } from "../../core/index";
import {
  lastReceipt,
  parseSubmissionFolder,
  rememberReceipt,
  sendFile,
  sendSetupProblem,
  type SendOutcome,
  type SendTransport,
} from "../../addin/pane/send";
import { checkSnapshot } from "../../addin/pane/check";
import { holdsCheckedDocument } from "../../addin/pane/saved-file";
import { readChosenBytes } from "../../addin/standalone/read-file";
import { FIXTURE_CONFIG } from "../fixtures/config";
import { GraphTestServer, TEST_DRIVE_ID } from "../graph/graph-test-server";
import { corpusBytes } from "../fixtures/corpus-bytes";

const TOKEN = "pane-token";
const TARGET = sendTarget("KH", "SNV") as SendTarget;
const DEADLINE = computeReportDeadline(2026);
let server: GraphTestServer;
let folderId: string;

beforeAll(async () => {
  server = await new GraphTestServer().start();
  server.acceptToken(TOKEN);
});
afterAll(() => server.close());
beforeEach(() => {
  server.faults.length = 0;
  server.resetCounts();
});

/** The pane's transport against the test server: a fake clock whose waits are recorded, not slept. */
function transport(changes: Partial<SendTransport> = {}): SendTransport & { waits: number[] } {
  const dispatcher = new Agent({ connect: { ca: server.ca } });
  const waits: number[] = [];
  let clock = 0;
  return {
    endpoint: server.endpoint,
    token: () => Promise.resolve(TOKEN),
    fetch: ((input: string, init?: RequestInit) =>
      fetch(input, { ...init, dispatcher } as RequestInit)) as typeof fetch,
    wait: (ms) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    now: () => clock,
    waits,
    ...changes,
  };
}

function freshFolder(name: string): string {
  folderId = server.ensureFolder(`SNV/${name}`);
  return `onedrive:${TEST_DRIVE_ID}/${folderId}`;
}

/** The pane's transport, with `bytes` landing at `path` (by someone else) before the session's first fragment. */
function landingDuringSession(path: string, bytes: Uint8Array): SendTransport {
  const pane = transport();
  const real = pane.fetch as typeof fetch;
  const racing = ((input: string, init?: RequestInit) => {
    if (init?.method === "PUT" && input.includes("/upload/") && !server.findByPath(path))
      server.putFile(path, bytes, { modified: "2026-05-01T00:00:00Z", by: "x" });
    return real(input, init);
  }) as typeof fetch;
  return { ...pane, fetch: racing };
}

function sent(outcome: SendOutcome) {
  if (outcome.status !== "sent") throw new Error(JSON.stringify(outcome));
  return outcome;
}

function bytesAt(path: string): Buffer | undefined {
  const item = server.findByPath(path);
  return item ? Buffer.from(item.bytes) : undefined;
}

describe("sending from the pane (fetch, strict Graph test server)", () => {
  it("creates KH/ when missing and puts exactly the sent bytes at KH/KH_<code>.xlsx, one bearer per API call", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop1"));
    const bytes = new Uint8Array(randomBytes(5000));
    const outcome = sent(
      await sendFile(transport(), folder, TARGET, bytes, { replace: false, deadline: DEADLINE }),
    );

    expect(bytesAt("SNV/Nop1/KH/KH_SNV.xlsx")?.equals(bytes)).toBe(true);
    const item = server.findByPath("SNV/Nop1/KH/KH_SNV.xlsx");
    expect(outcome.receipt).toEqual({
      fileName: "KH_SNV.xlsx",
      folder: "KH",
      size: 5000,
      receivedAt: Date.parse(item?.lastModifiedDateTime ?? ""),
      verdict: { verdict: "late", deadline: DEADLINE, because: "received" },
    });
    expect(server.badAuthorizations()).toEqual([]);
    expect(server.count("api")).toBeGreaterThan(0);
  });

  it("asks before replacing the unit's earlier file, and replaces it (a new version) once confirmed", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop2"));
    const first = new Uint8Array(randomBytes(3000));
    const second = new Uint8Array(randomBytes(4000));
    sent(await sendFile(transport(), folder, TARGET, first, { replace: false, deadline: null }));

    const asked = await sendFile(transport(), folder, TARGET, second, { replace: false, deadline: null });
    expect(asked).toEqual({
      status: "exists",
      message: { code: "SEND_CONFIRM_REPLACE", path: "KH/KH_SNV.xlsx" },
    });
    expect(bytesAt("SNV/Nop2/KH/KH_SNV.xlsx")?.equals(first)).toBe(true);
    expect(
      formatSendMessage(asked.status === "exists" ? asked.message : { code: "SEND_OFFLINE" }, "vi"),
    ).toMatch(/OneDrive vẫn giữ phiên bản cũ/);

    sent(await sendFile(transport(), folder, TARGET, second, { replace: true, deadline: null }));
    expect(bytesAt("SNV/Nop2/KH/KH_SNV.xlsx")?.equals(second)).toBe(true);
    expect(server.findByPath("SNV/Nop2/KH/KH_SNV.xlsx")?.version).toBe(2);
  });

  it("never replaces a file that appeared after the check unasked (conflictBehavior fail, 409)", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop8"));
    const pane = transport();
    const real = pane.fetch as typeof fetch;
    const other = new Uint8Array(randomBytes(100));
    const racing = ((input: string, init?: RequestInit) => {
      // Another officer of the unit sends between our look and our PUT.
      if (init?.method === "PUT")
        server.putFile("SNV/Nop8/KH/KH_SNV.xlsx", other, { modified: "2026-05-01T00:00:00Z", by: "x" });
      return real(input, init);
    }) as typeof fetch;
    const outcome = await sendFile(
      { ...pane, fetch: racing },
      folder,
      TARGET,
      new Uint8Array(randomBytes(300)),
      {
        replace: false,
        deadline: null,
      },
    );
    expect(outcome.status).toBe("exists");
    expect(bytesAt("SNV/Nop8/KH/KH_SNV.xlsx")?.equals(other)).toBe(true);
  });

  it("survives a 429, waiting the Retry-After the server asked for", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop3"));
    server.inject("api", { kind: "status", status: 429, retryAfter: "7" });
    const pane = transport();
    const bytes = new Uint8Array(randomBytes(2000));
    sent(await sendFile(pane, folder, TARGET, bytes, { replace: false, deadline: null }));
    expect(pane.waits).toEqual([7000]);
    expect(bytesAt("SNV/Nop3/KH/KH_SNV.xlsx")?.equals(bytes)).toBe(true);
  });

  it("says 403 and 404 in words an officer can act on, in both languages", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop4"));
    server.inject("api", { kind: "status", status: 403 });
    const denied = await sendFile(transport(), folder, TARGET, new Uint8Array(10), {
      replace: false,
      deadline: null,
    });
    expect(denied).toEqual({ status: "failed", message: { code: "SEND_FORBIDDEN" } });
    expect(formatSendMessage({ code: "SEND_FORBIDDEN" }, "vi")).toMatch(
      /không có quyền ghi vào thư mục nhận/,
    );

    server.deleteItem(folderId);
    const gone = await sendFile(transport(), folder, TARGET, new Uint8Array(10), {
      replace: false,
      deadline: null,
    });
    expect(gone).toEqual({ status: "failed", message: { code: "SEND_FOLDER_NOT_FOUND" } });
    expect(formatSendMessage({ code: "SEND_FOLDER_NOT_FOUND" }, "en")).toMatch(/moved or deleted/);
  });

  it("sends a large file through an upload session, surviving a reset, with no token on the upload URL", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop5"));
    const bytes = new Uint8Array(randomBytes(1_500_000));
    server.inject("upload", { kind: "reset" });
    const outcome = sent(
      await sendFile(transport(), folder, TARGET, bytes, {
        replace: false,
        deadline: null,
        simpleMaxBytes: 100_000,
        chunkBytes: 327_680,
      }),
    );
    expect(outcome.receipt.size).toBe(1_500_000);
    expect(bytesAt("SNV/Nop5/KH/KH_SNV.xlsx")?.equals(bytes)).toBe(true);
    expect(server.count("upload")).toBeGreaterThan(4);
    expect(server.badAuthorizations()).toEqual([]);
  });

  it("is not 'sent' when the server's item is not these bytes", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop6"));
    const pane = transport();
    const real = pane.fetch as typeof fetch;
    const lying = (async (input: string, init?: RequestInit) => {
      const response = await real(input, init);
      if (init?.method !== "PUT") return response;
      const item = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...item, size: 1 }), { status: response.status });
    }) as typeof fetch;
    const outcome = await sendFile(
      { ...pane, fetch: lying },
      folder,
      TARGET,
      new Uint8Array(randomBytes(900)),
      {
        replace: false,
        deadline: null,
      },
    );
    expect(outcome).toEqual({ status: "failed", message: { code: "SEND_NOT_CONFIRMED" } });
  });

  it("reports signed out without a token, and offline when the server cannot be reached", async () => {
    const folder = parseSubmissionFolder(freshFolder("Nop7"));
    const signedOut = await sendFile(
      transport({ token: () => Promise.resolve(null) }),
      folder,
      TARGET,
      new Uint8Array(5),
      {
        replace: false,
        deadline: null,
      },
    );
    expect(signedOut).toEqual({ status: "failed", message: { code: "SEND_SIGNED_OUT" } });
    const offline = await sendFile(
      transport({
        endpoint: "https://127.0.0.1:1/v1.0",
        policy: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
      }),
      folder,
      TARGET,
      new Uint8Array(5),
      { replace: false, deadline: null },
    );
    expect(offline).toEqual({ status: "failed", message: { code: "SEND_OFFLINE" } });
  });
});

/** A large send through an upload session in two fragments (320 KiB, then the rest). */
const SESSION = { simpleMaxBytes: 100_000, chunkBytes: 327_680 } as const;

/** What the upload URL was asked, in order ("PUT", "GET"): what the pane did with the session. */
function uploadMethods(): string[] {
  return server.requests.filter((request) => request.kind === "upload").map((request) => request.method);
}

describe("answers lost, and files already there (issue 16 review)", () => {
  it("is not 'sent' when a session ends (404) and the folder holds the officer's previous version of the same size, without a hash", async () => {
    const folder = parseSubmissionFolder(freshFolder("Lost1"));
    const previous = new Uint8Array(randomBytes(400_000));
    server.putFile("SNV/Lost1/KH/KH_SNV.xlsx", previous, { modified: "2026-05-01T00:00:00Z", by: "x" });
    const pane = transport();
    const real = pane.fetch as typeof fetch;
    const ending = (async (input: string, init?: RequestInit) => {
      // The session expires before the first fragment arrives (DOCS.upload: 404, the session is gone).
      if (init?.method === "PUT" && input.includes("/upload/")) server.dropUploadSessions();
      const response = await real(input, init);
      if ((init?.method ?? "GET") !== "GET" || !input.endsWith("KH_SNV.xlsx") || !response.ok)
        return response;
      // Graph may leave out file.hashes (driveItem's hashes facet: "may not be available"): size only.
      const item = (await response.json()) as { file?: Record<string, unknown> };
      return new Response(JSON.stringify({ ...item, file: { ...item.file, hashes: {} } }), { status: 200 });
    }) as typeof fetch;
    const outcome = await sendFile(
      { ...pane, fetch: ending },
      folder,
      TARGET,
      new Uint8Array(randomBytes(400_000)),
      {
        replace: true,
        deadline: null,
        ...SESSION,
      },
    );
    expect(outcome).toEqual({ status: "failed", message: { code: "SEND_NOT_CONFIRMED" } });
    expect(bytesAt("SNV/Lost1/KH/KH_SNV.xlsx")?.equals(previous)).toBe(true);
  });

  it.each(["Graph's JSON error", "a plain-text body"])(
    "after the last fragment's answer is lost, the session's 404 (%s) sends the pane to the folder, not back to byte 0",
    async (body) => {
      const name = body.startsWith("Graph") ? "Lost2" : "Lost3";
      const folder = parseSubmissionFolder(freshFolder(name));
      const bytes = new Uint8Array(randomBytes(400_000));
      let puts = 0;
      // The last fragment is stored (the file completes, the session ends), then the connection drops.
      server.inject((request) => request.kind === "upload" && request.method === "PUT" && ++puts === 2, {
        kind: "reset-after-effect",
      });
      const pane = transport();
      const real = pane.fetch as typeof fetch;
      const plain = (async (input: string, init?: RequestInit) => {
        const response = await real(input, init);
        if (body.startsWith("Graph") || !input.includes("/upload/") || response.status !== 404)
          return response;
        // The upload host is not Graph's API: its 404 need not be JSON.
        return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
      }) as typeof fetch;
      const outcome = sent(
        await sendFile({ ...pane, fetch: plain }, folder, TARGET, bytes, {
          replace: false,
          deadline: null,
          ...SESSION,
        }),
      );
      expect(outcome.receipt.size).toBe(400_000);
      expect(bytesAt(`SNV/${name}/KH/KH_SNV.xlsx`)?.equals(bytes)).toBe(true);
      // The status GET answered 404: nothing more is sent to the dead URL.
      expect(uploadMethods()).toEqual(["PUT", "PUT", "GET"]);
    },
  );

  it("tells a full drive before any byte goes up: fileSize at the session's creation answers 507", async () => {
    const folder = parseSubmissionFolder(freshFolder("Full1"));
    server.quotaBytes = server.usedBytes() + 100_000;
    try {
      const outcome = await sendFile(transport(), folder, TARGET, new Uint8Array(randomBytes(400_000)), {
        replace: false,
        deadline: null,
        ...SESSION,
      });
      expect(outcome).toEqual({ status: "failed", message: { code: "SEND_STORAGE_FULL", size: 400_000 } });
      expect(server.count("upload")).toBe(0);
    } finally {
      server.quotaBytes = Infinity;
    }
  });

  it("a click after one whose answer was lost is 'sent' at the stored time: no question, no new version", async () => {
    const folder = parseSubmissionFolder(freshFolder("Again1"));
    const bytes = new Uint8Array(randomBytes(3000));
    server.inject((request) => request.kind === "api" && request.method === "PUT", {
      kind: "reset-after-effect",
    });
    const first = await sendFile(
      transport({ policy: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } }),
      folder,
      TARGET,
      bytes,
      { replace: false, deadline: DEADLINE },
    );
    expect(first).toEqual({ status: "failed", message: { code: "SEND_OFFLINE" } });
    const stored = server.findByPath("SNV/Again1/KH/KH_SNV.xlsx");
    const storedAt = stored?.lastModifiedDateTime ?? "";

    const again = sent(
      await sendFile(transport(), folder, TARGET, bytes, { replace: false, deadline: DEADLINE }),
    );
    expect(again.receipt).toEqual({
      fileName: "KH_SNV.xlsx",
      folder: "KH",
      size: 3000,
      receivedAt: Date.parse(storedAt),
      verdict: { verdict: "late", deadline: DEADLINE, because: "received" },
    });
    expect(again.itemId).toBe(stored?.id);
    expect(server.findByPath("SNV/Again1/KH/KH_SNV.xlsx")?.version).toBe(1);
    // A different file under the name is still a question for the officer.
    const other = await sendFile(transport(), folder, TARGET, new Uint8Array(randomBytes(3000)), {
      replace: false,
      deadline: null,
    });
    expect(other.status).toBe("exists");
  });

  it("a file created by someone else during the session is not overwritten: 409 at the last fragment, the pane asks", async () => {
    const folder = parseSubmissionFolder(freshFolder("Race1"));
    const other = new Uint8Array(randomBytes(100));
    // Another officer's file lands after the session was created, before its last fragment.
    const outcome = await sendFile(
      landingDuringSession("SNV/Race1/KH/KH_SNV.xlsx", other),
      folder,
      TARGET,
      new Uint8Array(randomBytes(400_000)),
      {
        replace: false,
        deadline: null,
        ...SESSION,
      },
    );
    expect(outcome).toEqual({
      status: "exists",
      message: { code: "SEND_CONFIRM_REPLACE", path: "KH/KH_SNV.xlsx" },
    });
    expect(bytesAt("SNV/Race1/KH/KH_SNV.xlsx")?.equals(other)).toBe(true);
  });

  it("a 409 at the last fragment over a file that is these bytes is 'sent' (ours by size and hash)", async () => {
    const folder = parseSubmissionFolder(freshFolder("Race2"));
    const bytes = new Uint8Array(randomBytes(400_000));
    // The same bytes land meanwhile (the officer's other click, through another window).
    const outcome = sent(
      await sendFile(landingDuringSession("SNV/Race2/KH/KH_SNV.xlsx", bytes), folder, TARGET, bytes, {
        replace: false,
        deadline: null,
        ...SESSION,
      }),
    );
    expect(outcome.receipt.receivedAt).toBe(Date.parse("2026-05-01T00:00:00Z"));
    expect(server.findByPath("SNV/Race2/KH/KH_SNV.xlsx")?.version).toBe(1);
  });
});

describe("before sending, and after", () => {
  it("says what the province must set up instead of failing", () => {
    expect(sendSetupProblem(undefined)).toEqual({ code: "SEND_NOT_CONFIGURED" });
    const msal = {
      folder: "onedrive:d/i",
      clientId: null,
      tenant: null,
      graphEndpoint: "https://g",
      tokenProvider: "msal" as const,
    };
    expect(sendSetupProblem(msal)).toEqual({ code: "SEND_SIGN_IN_NOT_CONFIGURED" });
    expect(formatSendMessage({ code: "SEND_SIGN_IN_NOT_CONFIGURED" }, "vi")).toMatch(/submission\.clientId/);
    expect(sendSetupProblem({ ...msal, tokenProvider: "page-global" })).toBeNull();
  });

  it("remembers the last receipt per unit and kind", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    } as Storage;
    const receipt = {
      fileName: "KH_SNV.xlsx",
      folder: "KH",
      size: 1,
      receivedAt: 5,
      verdict: { verdict: "no-deadline" as const },
    };
    rememberReceipt(storage, TARGET, receipt);
    expect(lastReceipt(storage, TARGET)).toEqual(receipt);
    expect(lastReceipt(storage, sendTarget("BC", "SNV") as SendTarget)).toBeNull();
  });
});

describe("a SharePoint library that rewrites Office files on upload (other size and hash than sent)", () => {
  async function checkedOf(bytes: Uint8Array) {
    const reading = await readChosenBytes(bytes);
    if (!reading.ok) throw new Error("the corpus file does not read");
    return checkSnapshot(reading.snapshot, FIXTURE_CONFIG).validation;
  }

  beforeEach(() => {
    server.enrichOfficeUploads = true;
  });
  afterEach(() => {
    server.enrichOfficeUploads = false;
  });

  it("reads the stored file back: 'sent' when it holds the checked document, said on the receipt", async () => {
    const bytes = await corpusBytes("kh-valid.xlsx");
    const checked = await checkedOf(bytes);
    const folder = parseSubmissionFolder(freshFolder("Sp1"));

    const outcome = sent(
      await sendFile(transport(), folder, TARGET, bytes, {
        replace: false,
        deadline: DEADLINE,
        holdsCheckedDocument: (stored) => holdsCheckedDocument(stored, checked, FIXTURE_CONFIG),
      }),
    );

    const stored = bytesAt("SNV/Sp1/KH/KH_SNV.xlsx");
    expect(stored?.equals(Buffer.from(bytes))).toBe(false);
    expect(outcome.receipt).toMatchObject({ size: bytes.byteLength, rewrittenByService: true });
    expect(formatSendMessage({ code: "SEND_RECEIPT", receipt: outcome.receipt }, "vi")).toContain(
      "SharePoint đã ghi thêm thuộc tính của nó vào tệp",
    );
    // Read back through the pre-authenticated URL: no Authorization header on it.
    expect(server.authorizationOnDownloads).toBe(0);
    expect(server.badAuthorizations()).toEqual([]);
  });

  it("is never 'sent' without reading back, nor when the stored file holds another document", async () => {
    const bytes = await corpusBytes("kh-valid.xlsx");
    const other = await checkedOf(await corpusBytes("kh-criterion-uncovered.xlsx"));

    const blind = await sendFile(transport(), parseSubmissionFolder(freshFolder("Sp2")), TARGET, bytes, {
      replace: false,
      deadline: DEADLINE,
    });
    const wrong = await sendFile(transport(), parseSubmissionFolder(freshFolder("Sp3")), TARGET, bytes, {
      replace: false,
      deadline: DEADLINE,
      holdsCheckedDocument: (stored) => holdsCheckedDocument(stored, other, FIXTURE_CONFIG),
    });

    expect(blind).toEqual({ status: "failed", message: { code: "SEND_NOT_CONFIRMED" } });
    expect(wrong).toEqual({ status: "failed", message: { code: "SEND_NOT_CONFIRMED" } });
  });
});
