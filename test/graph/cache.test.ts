import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GraphSource } from "../../scripts/graph/graph-source";
import { GraphTestServer, type StoredItem, TEST_DRIVE_ID } from "./graph-test-server";
import {
  comparable,
  connectTo,
  consolidateSource,
  serveSampleProvince,
  type ServedProvince,
  stopServedProvince,
  type SampleProvince,
} from "./helpers";

/** Incremental runs: the cache keyed by item id and cTag, the drive's delta with a stored deltaLink. */

let served: ServedProvince;
let server: GraphTestServer;
let province: SampleProvince;
let folderId: string;
let localJson: unknown;
let cacheFolder: string;

beforeAll(async () => {
  served = await serveSampleProvince(8);
  ({ province, server, folderId, localJson } = served);
  cacheFolder = mkdtempSync(join(tmpdir(), "thidua-cache-"));
}, 120_000);

afterAll(async () => {
  await stopServedProvince(served);
  rmSync(cacheFolder, { recursive: true, force: true });
});

function cachedSource(): GraphSource {
  return new GraphSource({
    connection: connectTo(server),
    address: { kind: "onedrive-item", driveId: TEST_DRIVE_ID, itemId: folderId },
    cacheFolder,
  });
}

// The tests run in order: each starts from the cache the previous one left.
describe("incremental runs", () => {
  let fileCount = 0;

  it("a first run downloads every file and stores a delta link", async () => {
    server.resetCounts();
    const result = await consolidateSource(province, cachedSource());
    expect(comparable(result)).toEqual(localJson);
    fileCount = result.files.length;
    expect(server.count("download")).toBe(fileCount);
    expect(
      server.requests.some(
        (request) => request.url.includes("/root/delta?") && request.url.includes("token=latest"),
      ),
    ).toBe(true);
  });

  it("a re-run with nothing changed makes at most 3 requests and downloads nothing", async () => {
    server.resetCounts();
    const result = await consolidateSource(province, cachedSource());
    expect(comparable(result)).toEqual(localJson);
    expect(server.count()).toBeLessThanOrEqual(3);
    expect(server.count("download")).toBe(0);
    // The stored link keeps the $select it was asked with.
    const delta = server.requests.find((request) => request.url.includes("/root/delta"));
    expect(decodeURIComponent(delta?.url ?? "")).toMatch(/\$select=id,name,size.*&token=\d+$/);
  });

  it("10 files stored again with the same bytes (new eTag, no cTag in Business delta) are not downloaded again", async () => {
    const files = server.filesUnder(folderId).slice(0, 10);
    for (const { path, item } of files)
      server.putFile(`ThiDua/2026/${path}`, item.bytes.slice(), { modified: item.lastModifiedDateTime });
    server.resetCounts();
    const result = await consolidateSource(province, cachedSource());
    expect(comparable(result)).toEqual(localJson);
    expect(server.count("download")).toBe(0);
  });

  it("a file whose bytes changed is downloaded, and only it", async () => {
    const [{ path, item }] = server.filesUnder(folderId) as [{ path: string; item: StoredItem }];
    const original = item.bytes.slice();
    const changed = new Uint8Array([...original, 0]);
    server.putFile(`ThiDua/2026/${path}`, changed, { modified: item.lastModifiedDateTime });
    server.resetCounts();
    await consolidateSource(province, cachedSource());
    expect(
      server.requests
        .filter((request) => request.kind === "download")
        .map((request) => request.url.split("?")[0]),
    ).toEqual([`/download/${item.id}`]);
    server.putFile(`ThiDua/2026/${path}`, original, { modified: item.lastModifiedDateTime });
    expect(comparable(await consolidateSource(province, cachedSource()))).toEqual(localJson);
  });

  it("a deleted file drops out, with a line in the log", async () => {
    const [victim] = server.filesUnder(folderId);
    if (!victim) throw new Error("no file");
    server.deleteItem(victim.item.id);
    server.resetCounts();
    const source = cachedSource();
    const result = await consolidateSource(province, source);
    expect(result.files.map((file) => file.file)).not.toContain(victim.path);
    expect(result.files.length).toBe(fileCount - 1);
    expect(source.log.map((line) => line.vi).join("\n")).toContain(victim.path);
    expect(server.count("download")).toBe(0);
    victim.item.deleted = false;
    server.putFile(`ThiDua/2026/${victim.path}`, victim.item.bytes, {
      modified: victim.item.lastModifiedDateTime,
    });
  });

  it("a delta link the service no longer honours (410) makes a full listing, downloading only what changed", async () => {
    // Bring the cache up to date with the restored file, then expire every token.
    await consolidateSource(province, cachedSource());
    server.expireDeltaTokens();
    server.resetCounts();
    const source = cachedSource();
    const result = await consolidateSource(province, source);
    expect(comparable(result)).toEqual(localJson);
    expect(source.log.map((line) => line.vi).join("\n")).toMatch(/410/);
    expect(server.requests.some((request) => request.url.includes("/children"))).toBe(true);
    expect(server.count("download")).toBe(0);
  });
});
