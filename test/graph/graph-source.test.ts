import { GraphSource } from "../../scripts/graph/graph-source";
import { GraphTestServer, TEST_DRIVE_ID } from "./graph-test-server";
import {
  comparable,
  connectTo,
  consolidateSource,
  serveSampleProvince,
  type ServedProvince,
  stopServedProvince,
  type SampleProvince,
} from "./helpers";

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

afterEach(() => {
  server.maxPageSize = 1000;
  server.loopingFolders.clear();
  server.faults.length = 0;
});

function sourceById(options: { concurrency?: number } = {}): GraphSource {
  return new GraphSource({
    connection: connectTo(server),
    address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: folderId },
    ...options,
  });
}

describe("the OneDrive source through the real Graph SDK", () => {
  it("lists a scan beside the workbooks as not a spreadsheet, without downloading it, and skips Thumbs.db", async () => {
    const folder = server.ensureFolder("ThiDua/scans");
    const at = { created: "2026-11-10T02:00:00Z", modified: "2026-11-10T02:00:00Z", by: "Cán bộ A" };
    server.putFile("ThiDua/scans/KH_SNV_ban-ky.pdf", new TextEncoder().encode("%PDF-1.7\n"), at);
    server.putFile("ThiDua/scans/Thumbs.db", new Uint8Array(16), at);
    server.resetCounts();
    const result = await consolidateSource(
      province,
      new GraphSource({
        connection: connectTo(server),
        address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: folder },
      }),
    );
    expect(result.files.map((file) => [file.file, file.outcome])).toEqual([
      ["KH_SNV_ban-ky.pdf", "not_a_spreadsheet"],
    ]);
    expect(result.receivedTimes).toBe("upload_time");
    expect(server.count("download")).toBe(0);
  });

  it("consolidates a folder by drive and item id exactly as the same files in a local folder", async () => {
    server.resetCounts();
    const result = await consolidateSource(province, sourceById());
    expect(comparable(result)).toEqual(localJson);
    expect(result.files.length).toBeGreaterThan(15);
    // Pre-authenticated download URLs never get the token.
    expect(server.authorizationOnDownloads).toBe(0);
    expect(server.count("download")).toBe(result.files.length);
    // Listing by id with $select and $top; sub-folders (KH, BC, DN-KT) descended.
    const listings = server.requests.filter((request) => request.url.includes("/children"));
    expect(listings.length).toBe(4);
    for (const request of listings) {
      expect(request.url).toMatch(/\/drives\/[^/]+\/items\/[^/]+\/children\?/);
      expect(decodeURIComponent(request.url)).toContain("$select=id,name,size");
      expect(decodeURIComponent(request.url)).toContain("$top=1000");
      expect(request.authorization).toMatch(/^Bearer test-token-/);
    }
  });

  it("takes the received time from lastModifiedDateTime (never fileSystemInfo) and carries the uploader and ids", async () => {
    const result = await consolidateSource(province, sourceById());
    const file = result.files.find((candidate) => candidate.file.startsWith("KH/"));
    const stored = server.findByPath(`ThiDua/2026/${file?.file ?? ""}`);
    expect(file?.receivedAt).toBe(Date.parse(stored?.lastModifiedDateTime ?? ""));
    expect(file?.origin).toEqual({
      url: expect.stringMatching(/^https:\/\/contoso\.sharepoint\.com\//),
      driveId: TEST_DRIVE_ID,
      itemId: stored?.id,
      uploadedBy: expect.stringContaining(stored?.lastModifiedBy ?? "?"),
    });
    expect(result.source).toContain(`drive ${TEST_DRIVE_ID}, item ${folderId}`);
  });

  it("reads onedrive:/path and a sharing link to the same result", async () => {
    const byPath = new GraphSource({
      connection: connectTo(server),
      address: { kind: "onedrive-path", path: "/ThiDua/2026" },
    });
    expect(comparable(await consolidateSource(province, byPath))).toEqual(localJson);
    const link = "https://contoso.sharepoint.com/:f:/s/snv/EqThiDua2026?e=abc";
    server.share(link, folderId);
    server.resetCounts();
    const bySharing = new GraphSource({
      connection: connectTo(server),
      address: { kind: "sharing-link", url: link },
    });
    expect(comparable(await consolidateSource(province, bySharing))).toEqual(localJson);
    expect(server.requests[0]?.url).toMatch(
      /^\/v1\.0\/shares\/u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29t[\w-]+\/driveItem/,
    );
  });

  it("follows @odata.nextLink when the service pages children in small pages", async () => {
    server.maxPageSize = 2;
    server.resetCounts();
    const result = await consolidateSource(province, sourceById({ concurrency: 3 }));
    expect(comparable(result)).toEqual(localJson);
    expect(
      server.requests.filter((request) => decodeURIComponent(request.url).includes("$skiptoken=")).length,
    ).toBeGreaterThan(5);
  });

  it("keeps at most --concurrency downloads in flight, and uses them", async () => {
    server.latencyMs = 30;
    server.resetCounts();
    try {
      expect(comparable(await consolidateSource(province, sourceById({ concurrency: 3 })))).toEqual(
        localJson,
      );
    } finally {
      server.latencyMs = 0;
    }
    expect(server.maxDownloadsInFlight).toBe(3);
  });

  it("stops on a repeated page link once every child is read, and says so", async () => {
    server.loopingFolders.set(server.findByPath("ThiDua/2026/KH")?.id ?? "", "after-all");
    const source = sourceById();
    expect(comparable(await consolidateSource(province, source))).toEqual(localJson);
    expect(source.log.map((line) => line.vi).join("\n")).toMatch(/cùng một liên kết trang/);
    expect(source.log.map((line) => line.en).join("\n")).toMatch(/the same page link/);
  });

  it("fails, rather than consolidate a short listing, when a page link repeats before every child is read", async () => {
    server.maxPageSize = 2;
    server.loopingFolders.set(server.findByPath("ThiDua/2026/KH")?.id ?? "", "midway");
    await expect(consolidateSource(province, sourceById())).rejects.toMatchObject({
      name: "GraphRequestError",
      message: expect.stringMatching(/repeated a page link after 2 of \d+ items/),
    });
  });

  it("says which folder is missing or forbidden, as a usage error", async () => {
    const missing = new GraphSource({
      connection: connectTo(server),
      address: { kind: "onedrive-path", path: "/Không/Có" },
    });
    await expect(consolidateSource(province, missing)).rejects.toMatchObject({ name: "UsageError" });
  });
});
