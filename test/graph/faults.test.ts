import { GraphSource } from "../../scripts/graph/graph-source";
import { type FaultKind, type Fault, GraphTestServer, TEST_DRIVE_ID } from "./graph-test-server";
import {
  comparable,
  connectTo,
  consolidateSource,
  CountingCredential,
  serveSampleProvince,
  type ServedProvince,
  stopServedProvince,
  type SampleProvince,
} from "./helpers";

/**
 * Point 5 of issue 10: every fault kind, injected into the real SDK's traffic. Each run completes
 * and equals the same files consolidated from a local folder (nothing lost, nothing twice), or,
 * when the fault persists, fails with a GraphRequestError instead of a partial consolidation.
 */

let served: ServedProvince;
let server: GraphTestServer;
let province: SampleProvince;
let folderId: string;
let localJson: unknown;

beforeAll(async () => {
  served = await serveSampleProvince(8);
  ({ province, server, folderId, localJson } = served);
}, 120_000);

afterAll(async () => {
  await stopServedProvince(served);
});

beforeEach(() => {
  server.faults.length = 0;
  server.resetCounts();
});

function source(credential = new CountingCredential()): GraphSource {
  return new GraphSource({
    connection: connectTo(server, { credential }),
    address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: folderId },
  });
}

const inHttpDate = (seconds: number): string => new Date(Date.now() + seconds * 1000).toUTCString();

const recovered: readonly [string, Fault["on"], FaultKind, number][] = [
  ["429 on listing with Retry-After in seconds", "api", { kind: "status", status: 429, retryAfter: "1" }, 2],
  [
    "429 on listing with Retry-After as an HTTP date",
    "api",
    { kind: "status", status: 429, retryAfter: inHttpDate(1) },
    1,
  ],
  ["503 on listing, no Retry-After (jittered back-off)", "api", { kind: "status", status: 503 }, 3],
  ["504 on listing", "api", { kind: "status", status: 504 }, 2],
  ["500 on listing", "api", { kind: "status", status: 500 }, 2],
  ["502 on listing", "api", { kind: "status", status: 502 }, 2],
  ["503 on listing with Retry-After", "api", { kind: "status", status: 503, retryAfter: "1" }, 2],
  ["429 on downloads", "download", { kind: "status", status: 429, retryAfter: "1" }, 3],
  ["503 on downloads", "download", { kind: "status", status: 503 }, 3],
  ["connection reset on listing", "api", { kind: "reset" }, 2],
  ["connection reset on downloads", "download", { kind: "reset" }, 4],
  ["downloads cut short after the headers", "download", { kind: "truncate" }, 4],
  ["expired download URLs", "download", { kind: "expired-download-url" }, 3],
];

describe("faults that pass: the run completes with the local folder's result", () => {
  it.each(recovered)(
    "%s",
    async (_name, on, fault, times) => {
      server.inject(on, fault, times);
      const result = await consolidateSource(province, source());
      expect(comparable(result)).toEqual(localJson);
      // Every injected fault was met (so the retry really happened).
      expect(server.faults.every((injected) => injected.times === 0)).toBe(true);
      // Each API call carried exactly one issued token, each pre-authenticated URL none.
      expect(server.badAuthorizations()).toEqual([]);
    },
    60_000,
  );

  it("an expired token is renewed once and the run goes on", async () => {
    const credential = new CountingCredential();
    // The second Graph call finds its token expired.
    let calls = 0;
    server.inject((request) => request.kind === "api" && (calls += 1) === 2, { kind: "expired-token" }, 1);
    const result = await consolidateSource(province, source(credential));
    expect(comparable(result)).toEqual(localJson);
    expect(credential.issued).toBe(2);
    expect(
      server.requests.filter((request) => request.authorization === "Bearer test-token-1").length,
    ).toBeGreaterThan(0);
    expect(server.requests.some((request) => request.authorization === "Bearer test-token-2")).toBe(true);
    expect(server.badAuthorizations()).toEqual([]);
  });

  it("a file deleted between listing and download is listed as FILE_GONE, the rest as in the local folder", async () => {
    const victim = server.findByPath("ThiDua/2026/KH");
    const target = server.filesUnder(victim?.id ?? "")[0];
    server.inject(
      (request) => request.kind === "download" && request.url.startsWith(`/download/${target?.item.id}`),
      { kind: "gone" },
      1,
    );
    try {
      const goneSource = source();
      const result = await consolidateSource(province, goneSource);
      expect(goneSource.log.map((line) => line.vi).join("\n")).toContain(
        `KH/${target?.path} bị xóa sau khi liệt kê`,
      );
      expect(goneSource.log.map((line) => line.en).join("\n")).toContain(
        `KH/${target?.path} was deleted after listing`,
      );
      const gone = result.files.find((file) => file.file === `KH/${target?.path}`);
      // Its name says whose it is and what: the unit sent something, so it is "invalid" (send again), not missing.
      expect(gone?.outcome).toBe("invalid");
      expect(gone?.attribution).toBe("file_name");
      expect(gone?.problems.map((problem) => problem.code)).toContain("FILE_GONE");
      const local = localJson as { files: { file: string }[] };
      expect(result.files.map((file) => file.file)).toEqual(local.files.map((file) => file.file));
    } finally {
      // Put it back for the other tests.
      if (target) {
        target.item.deleted = false;
      }
    }
  });
});

describe("faults that persist: the run fails with a clear error, never a partial consolidation", () => {
  it.each([
    ["503 on every Graph call", "api", { kind: "status", status: 503 }],
    ["every download reset", "download", { kind: "reset" }],
    ["429 on every download", "download", { kind: "status", status: 429, retryAfter: "0" }],
  ] as const)(
    "%s",
    async (_name, on, fault) => {
      server.inject(on, fault as FaultKind, Infinity);
      await expect(consolidateSource(province, source())).rejects.toMatchObject({
        name: "GraphRequestError",
      });
    },
    60_000,
  );

  it("a token the service keeps refusing", async () => {
    server.inject("api", { kind: "expired-token" }, Infinity);
    await expect(consolidateSource(province, source())).rejects.toMatchObject({
      name: "GraphRequestError",
      status: 401,
      code: "InvalidAuthenticationToken",
    });
  });
});
