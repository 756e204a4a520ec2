import { createHash, randomBytes } from "node:crypto";
import { uploadFiles } from "../../scripts/graph/upload";
import { GraphTestServer, TEST_DRIVE_ID } from "./graph-test-server";
import { connectTo } from "./helpers";

let server: GraphTestServer;

beforeAll(async () => {
  server = await new GraphTestServer().start();
  server.ensureFolder("ThiDua/TongHop");
});

afterAll(() => server.close());

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe("uploading the outputs", () => {
  it("puts a small file with one PUT and replaces it on the next run (a new version, same item)", async () => {
    const first = new Uint8Array(randomBytes(5000));
    const [put] = await uploadFiles(connectTo(server), { kind: "onedrive-path", path: "/ThiDua/TongHop" }, [
      { name: "tong-hop.xlsx", bytes: first },
    ]);
    expect(put?.via).toBe("put");
    expect(server.sha256Of("ThiDua/TongHop/tong-hop.xlsx")).toBe(sha256(first));
    const second = new Uint8Array(randomBytes(6000));
    const [again] = await uploadFiles(connectTo(server), { kind: "onedrive-path", path: "/ThiDua/TongHop" }, [
      { name: "tong-hop.xlsx", bytes: second },
    ]);
    expect(again?.itemId).toBe(put?.itemId);
    expect(server.findByPath("ThiDua/TongHop/tong-hop.xlsx")?.version).toBe(2);
    expect(server.sha256Of("ThiDua/TongHop/tong-hop.xlsx")).toBe(sha256(second));
  });

  it("sends a large file through an upload session in 320 KiB-multiple chunks, without the token, retrying a failed chunk", async () => {
    const folderId = server.findByPath("ThiDua/TongHop")?.id ?? "";
    const bytes = new Uint8Array(randomBytes(1_000_000));
    server.uploadChunks.length = 0;
    server.inject((request) => request.kind === "upload", { kind: "status", status: 503 }, 1);
    const before = server.authorizationOnDownloads;
    const [uploaded] = await uploadFiles(
      connectTo(server),
      { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: folderId },
      [{ name: "bao-cao.html", bytes }],
      { simpleMaxBytes: 100_000, chunkBytes: 400_000 },
    );
    expect(uploaded?.via).toBe("session");
    // 400,000 rounds down to one 320 KiB unit: three full chunks and the rest.
    expect(server.uploadChunks).toEqual([327_680, 327_680, 327_680, 1_000_000 - 3 * 327_680]);
    expect(server.sha256Of("ThiDua/TongHop/bao-cao.html")).toBe(sha256(bytes));
    expect(server.authorizationOnDownloads).toBe(before);
    expect(server.faults.every((fault) => fault.times === 0)).toBe(true);
  });

  it("resumes from nextExpectedRanges when a fragment was stored but its answer lost (a blind re-send gets 416)", async () => {
    const bytes = new Uint8Array(randomBytes(1_000_000));
    server.uploadChunks.length = 0;
    server.resetCounts();
    let fragments = 0;
    server.inject(
      (request) => request.kind === "upload" && request.method === "PUT" && (fragments += 1) === 2,
      { kind: "reset-after-effect" },
      1,
    );
    const [uploaded] = await uploadFiles(
      connectTo(server),
      { kind: "onedrive-path", path: "/ThiDua/TongHop" },
      [{ name: "resumed.html", bytes }],
      { simpleMaxBytes: 100_000, chunkBytes: 400_000 },
    );
    expect(uploaded?.via).toBe("session");
    expect(server.sha256Of("ThiDua/TongHop/resumed.html")).toBe(sha256(bytes));
    // Every fragment stored once: the one whose answer was lost is not sent again.
    expect(server.uploadChunks).toEqual([327_680, 327_680, 327_680, 1_000_000 - 3 * 327_680]);
    expect(server.requests.some((request) => request.kind === "upload" && request.method === "GET")).toBe(
      true,
    );
    expect(server.badAuthorizations()).toEqual([]);
  });

  it("starts a new session when the upload URL answers 404 (the session expired)", async () => {
    const bytes = new Uint8Array(randomBytes(700_000));
    let fragments = 0;
    server.inject(
      (request) => request.kind === "upload" && request.method === "PUT" && (fragments += 1) === 2,
      { kind: "status", status: 404 },
      1,
    );
    server.resetCounts();
    await uploadFiles(
      connectTo(server),
      { kind: "onedrive-path", path: "/ThiDua/TongHop" },
      [{ name: "restarted.html", bytes }],
      { simpleMaxBytes: 100_000, chunkBytes: 400_000 },
    );
    expect(server.sha256Of("ThiDua/TongHop/restarted.html")).toBe(sha256(bytes));
    expect(server.requests.filter((request) => request.url.includes("createUploadSession"))).toHaveLength(2);
  });

  it("refuses to upload into a file", async () => {
    server.putFile("ThiDua/TongHop/not-a-folder.xlsx", new Uint8Array(10), {
      modified: "2026-11-20T00:00:00Z",
    });
    await expect(
      uploadFiles(connectTo(server), { kind: "onedrive-path", path: "/ThiDua/TongHop/not-a-folder.xlsx" }, [
        { name: "x.xlsx", bytes: new Uint8Array(1) },
      ]),
    ).rejects.toMatchObject({ name: "UsageError" });
  });
});
