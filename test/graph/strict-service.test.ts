import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import type { ConsolidatedFile, ConsolidationResult } from "../../core/index";
import ExcelJS from "exceljs";
import { writeConsolidatedWorkbook } from "../../scripts/consolidate/write-workbook";
import { GraphSource } from "../../scripts/graph/graph-source";
import type { StoredItem } from "./graph-test-server";
import { comparable, connectTo, consolidateSource, servedSource } from "./helpers";
import { useServedProvince } from "./served-province";

/**
 * Issue 18: what Microsoft Graph does that a kinder test server hid. Each case is a behaviour of
 * the strict test server (citing its page there) and what the source must make of it.
 */

const served = useServedProvince(8);
let cacheFolder: string;

beforeEach(() => {
  cacheFolder = mkdtempSync(join(tmpdir(), "thidua-strict-"));
  served.server.faults.length = 0;
  served.server.resetCounts();
});

afterEach(() => {
  rmSync(cacheFolder, { recursive: true, force: true });
  served.server.deltaPageSize = 200;
  served.server.omitDownloadUrls = false;
  served.server.throttleEvery = 0;
});

function source(options: { cache?: boolean; staffAccounts?: string[] } = {}): GraphSource {
  return servedSource(served, {
    ...(options.cache ? { cacheFolder } : {}),
    ...(options.staffAccounts ? { staffAccounts: options.staffAccounts } : {}),
  });
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const fileNamed = (result: ConsolidationResult, name: string): ConsolidatedFile | undefined =>
  result.files.find((file) => file.file === name);

/** A copy of one of the province's workbooks under another path (a new submission). */
function copyFile(from: string, to: string, at: string, by?: string): Uint8Array {
  const bytes = served.server.findByPath(`ThiDua/2026/${from}`)?.bytes;
  if (!bytes) throw new Error(`no ${from}`);
  served.server.putFile(`ThiDua/2026/${to}`, bytes, { modified: at, ...(by ? { by } : {}) });
  return bytes;
}

function anyFile(prefix: string): string {
  const found = served.server.filesUnder(served.folderId).find((file) => file.path.startsWith(prefix));
  if (!found) throw new Error(`no file under ${prefix}`);
  return found.path;
}

describe("delta on OneDrive for Business loses nothing", () => {
  it("counts a new file in a new folder whose ancestors come after it, in a later page (onedrive-api-docs#295)", async () => {
    await consolidateSource(served.province, source({ cache: true }));
    served.server.deltaPageSize = 1;
    const bc = anyFile("BC/");
    copyFile(bc, "BC/cum-3/BC_X.xlsx", "2026-11-20T03:00:00Z");
    try {
      const result = await consolidateSource(served.province, source({ cache: true }));
      expect(fileNamed(result, "BC/cum-3/BC_X.xlsx")).toBeDefined();
      // …and on the run after it, too.
      const again = await consolidateSource(served.province, source({ cache: true }));
      expect(fileNamed(again, "BC/cum-3/BC_X.xlsx")).toBeDefined();
    } finally {
      served.server.deleteItem(served.server.findByPath("ThiDua/2026/BC/cum-3")?.id ?? "");
      served.server.deleteItem(served.server.findByPath("ThiDua/2026/BC/cum-3/BC_X.xlsx")?.id ?? "");
    }
  });

  it("lists the files of a folder moved into the source folder (delta returns the folder alone)", async () => {
    const bytes = served.server.findByPath(`ThiDua/2026/${anyFile("KH/")}`)?.bytes as Uint8Array;
    served.server.putFile("Elsewhere/cum-9/KH_MOVED.xlsx", bytes, { modified: "2026-11-20T03:00:00Z" });
    await consolidateSource(served.province, source({ cache: true }));
    const moved = served.server.findByPath("Elsewhere/cum-9")?.id as string;
    served.server.moveItem(moved, served.server.findByPath("ThiDua/2026/KH")?.id as string);
    try {
      const result = await consolidateSource(served.province, source({ cache: true }));
      expect(fileNamed(result, "KH/cum-9/KH_MOVED.xlsx")).toBeDefined();
      // Moved out again: its files leave, each with a line.
      served.server.moveItem(moved, served.server.findByPath("Elsewhere")?.id as string);
      const out = source({ cache: true });
      const after = await consolidateSource(served.province, out);
      expect(fileNamed(after, "KH/cum-9/KH_MOVED.xlsx")).toBeUndefined();
      expect(out.log.map((line) => line.en).join("\n")).toContain(
        "KH/cum-9/KH_MOVED.xlsx was deleted or moved out",
      );
      expect(comparable(after)).toEqual(served.localJson);
    } finally {
      served.server.deleteItem(moved);
    }
  });

  it("does not download again a file whose metadata alone changed, and a quiet re-run makes at most 3 requests", async () => {
    await consolidateSource(served.province, source({ cache: true }));
    const path = anyFile("KH/");
    const item = served.server.findByPath(`ThiDua/2026/${path}`);
    served.server.editMetadata(
      item?.id as string,
      item?.lastModifiedBy as string,
      item?.lastModifiedDateTime as string,
    );
    served.server.resetCounts();
    expect(comparable(await consolidateSource(served.province, source({ cache: true })))).toEqual(
      served.localJson,
    );
    expect(served.server.count("download")).toBe(0);
    served.server.resetCounts();
    await consolidateSource(served.province, source({ cache: true }));
    expect(served.server.count()).toBeLessThanOrEqual(3);
  });
});

describe("the unit's submission, not the last touch", () => {
  const STAFF = "Trần Văn B <b@snv.hatinh.gov.vn>";
  const UNIT = "Nguyễn Thị A <a@ubnd-xa.hatinh.gov.vn>";

  /** A copy of a BC as the unit sent it on 20/11, whose columns staff edited on 28/11 (a version, same bytes). */
  function sentThenEditedByStaff(name: string): StoredItem {
    const bytes = served.server.findByPath(`ThiDua/2026/${anyFile("BC/")}`)?.bytes as Uint8Array;
    const item = served.server.putFile(`ThiDua/2026/BC/${name}`, bytes, {
      modified: "2026-11-20T03:00:00Z",
      by: UNIT,
    });
    served.server.editMetadata(item.id, STAFF, "2026-11-28T01:00:00Z");
    return item;
  }

  it("judges the newest version by someone not on staff: its time, its bytes, and says who edited later", async () => {
    const path = anyFile("KH/");
    const bytes = served.server.findByPath(`ThiDua/2026/${path}`)?.bytes as Uint8Array;
    const item = served.server.putFile("ThiDua/2026/KH/KH_STAFF.xlsx", bytes, {
      modified: "2026-11-20T03:00:00Z",
      by: UNIT,
    });
    // An officer opens it in Excel for the web a week later: AutoSave stores new bytes as them.
    served.server.putFile("ThiDua/2026/KH/KH_STAFF.xlsx", new Uint8Array([...bytes, 1, 2, 3]), {
      modified: "2026-11-27T08:00:00Z",
      by: STAFF,
    });
    try {
      for (const cache of [false, true, true]) {
        const result = await consolidateSource(
          served.province,
          source({ cache, staffAccounts: ["@snv.hatinh.gov.vn"] }),
        );
        const file = fileNamed(result, "KH/KH_STAFF.xlsx");
        expect(file?.receivedAt).toBe(Date.parse("2026-11-20T03:00:00Z"));
        expect(file?.sha256).toBe(sha256(bytes));
        expect(file?.origin).toMatchObject({
          uploadedBy: UNIT,
          editedLater: { by: STAFF, at: Date.parse("2026-11-27T08:00:00Z") },
        });
        expect(file?.problems.find((problem) => problem.code === "FILE_EDITED_LATER")?.params).toEqual({
          by: STAFF,
          at: "27/11/2026 15:00",
        });
      }
      // Nhật ký says it too, beside the uploader.
      const result = await consolidateSource(
        served.province,
        source({ staffAccounts: ["@snv.hatinh.gov.vn"] }),
      );
      const workbookPath = join(cacheFolder, "tong-hop.xlsx");
      await writeConsolidatedWorkbook(result, workbookPath);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(workbookPath);
      const logRows: string[] = [];
      workbook.getWorksheet("Nhật ký")?.eachRow((row) => logRows.push(JSON.stringify(row.values)));
      expect(logRows.find((row) => row.startsWith(`[null,"KH/KH_STAFF.xlsx"`))).toContain(
        `${STAFF}, 27/11/2026 15:00`,
      );
      // The cached run asked for no version list again.
      served.server.resetCounts();
      await consolidateSource(
        served.province,
        source({ cache: true, staffAccounts: ["b@snv.hatinh.gov.vn"] }),
      );
      expect(served.server.requests.filter((request) => request.url.includes("/versions"))).toEqual([]);
    } finally {
      served.server.deleteItem(item.id);
    }
  });

  it("a metadata edit by staff does not move the received time either", async () => {
    const item = sentThenEditedByStaff("BC_META.xlsx");
    try {
      const result = await consolidateSource(
        served.province,
        source({ staffAccounts: ["@snv.hatinh.gov.vn"] }),
      );
      expect(fileNamed(result, "BC/BC_META.xlsx")?.receivedAt).toBe(Date.parse("2026-11-20T03:00:00Z"));
    } finally {
      served.server.deleteItem(item.id);
    }
  });

  it("a file whose unit version left the history is judged on what there is and listed for review", async () => {
    const item = sentThenEditedByStaff("BC_TRIM.xlsx");
    served.server.trimVersions(item.id, 1);
    try {
      const result = await consolidateSource(
        served.province,
        source({ staffAccounts: ["@snv.hatinh.gov.vn"] }),
      );
      const file = fileNamed(result, "BC/BC_TRIM.xlsx");
      expect(file?.receivedAt).toBe(Date.parse("2026-11-28T01:00:00Z"));
      expect(file?.problems.map((problem) => problem.code)).toContain("FILE_UNIT_VERSION_MISSING");
    } finally {
      served.server.deleteItem(item.id);
    }
  });

  it("without staffAccounts, a file last modified by someone other than its uploader gets a warning naming both", async () => {
    const item = sentThenEditedByStaff("BC_OTHER.xlsx");
    try {
      const result = await consolidateSource(served.province, source());
      expect(
        fileNamed(result, "BC/BC_OTHER.xlsx")?.problems.find(
          (problem) => problem.code === "FILE_MODIFIED_BY_OTHER",
        )?.params,
      ).toEqual({ creator: UNIT, modifier: STAFF });
    } finally {
      served.server.deleteItem(item.id);
    }
  });
});

describe("what SharePoint and sharing do", () => {
  it("accepts bytes SharePoint altered (size and hash differ, eTag unchanged) with a warning, never exit 3", async () => {
    const path = anyFile("KH/");
    const item = served.server.findByPath(`ThiDua/2026/${path}`);
    // The same workbook with bytes appended past its end (as a property rewrite changes size and hash).
    served.server.alterServedBytes(item?.id as string, new Uint8Array([...(item?.bytes ?? []), 0, 0]));
    try {
      const result = await consolidateSource(served.province, source({ cache: true }));
      const file = fileNamed(result, path);
      expect(file?.problems.find((problem) => problem.code === "FILE_ALTERED_BY_SERVICE")?.params).toEqual({
        size: (item?.bytes.byteLength ?? 0) + 2,
        listedSize: item?.bytes.byteLength,
      });
      // Fetched once more, not six times.
      expect(
        served.server.requests.filter((request) => request.url.startsWith(`/download/${item?.id}`)),
      ).toHaveLength(2);
    } finally {
      served.server.alterServedBytes(item?.id as string, item?.bytes as Uint8Array);
    }
  });

  it("redeems an organisation sharing link the officer has not opened (Prefer: redeemSharingLink)", async () => {
    const link = "https://contoso.sharepoint.com/:f:/s/snv/EqNotOpenedYet?e=xyz";
    served.server.share(link, served.folderId, { redeemed: false });
    const bySharing = new GraphSource({
      connection: connectTo(served.server),
      address: { kind: "sharing-link", url: link },
    });
    try {
      expect(comparable(await consolidateSource(served.province, bySharing))).toEqual(served.localJson);
    } finally {
      served.server.share(link, served.folderId);
    }
  });

  it("follows a shortcut to a shared folder (remoteItem) named by onedrive:/path", async () => {
    served.server.addShortcut("Shortcuts/ThiDua 2026", served.folderId);
    const byPath = new GraphSource({
      connection: connectTo(served.server),
      address: { kind: "onedrive-path", path: "/Shortcuts/ThiDua 2026" },
    });
    expect(comparable(await consolidateSource(served.province, byPath))).toEqual(served.localJson);
  });

  it("refuses a 1drv.ms short link with a clear message", async () => {
    const short = new GraphSource({
      connection: connectTo(served.server),
      address: { kind: "sharing-link", url: "https://1drv.ms/f/s!AbCdEf" },
    });
    await expect(consolidateSource(served.province, short)).rejects.toMatchObject({
      name: "UsageError",
      message: expect.stringMatching(/1drv\.ms short link; open it in a browser/),
    });
  });

  it("falls back to /content (302, followed without the token) when the listing gives no download URL", async () => {
    served.server.omitDownloadUrls = true;
    expect(comparable(await consolidateSource(served.province, source()))).toEqual(served.localJson);
    expect(served.server.badAuthorizations()).toEqual([]);
    expect(served.server.requests.some((request) => /\/items\/[^/]+\/content$/.test(request.url))).toBe(true);
  });
});

describe("throttling and CORS", () => {
  it("a storm (every 5th request 429, Retry-After 1 s): the whole run pauses, completes with the local result, one token per request", async () => {
    served.server.throttleEvery = 5;
    const result = await consolidateSource(served.province, source());
    expect(comparable(result)).toEqual(served.localJson);
    expect(served.server.throttled).toBeGreaterThan(3);
    // A request that left before its sender read the 429 (the event loop busy validating) is not a
    // breach; a client that pauses one request alone sends dozens in each second of Retry-After.
    expect(served.server.requestsDuringPause).toBeLessThanOrEqual(served.server.throttled);
    expect(served.server.badAuthorizations()).toEqual([]);
  }, 120_000);

  it("answers a page's preflight and every answer as Graph does (the add-in calls it from a page)", async () => {
    const dispatcher = new Agent({ connect: { ca: served.server.ca } });
    const preflight = await fetch(`${served.server.endpoint}/me/drive/root`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://localhost:3000",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
      dispatcher,
    } as RequestInit);
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization");
    const refused = await fetch(`${served.server.endpoint}/me/drive/root`, { dispatcher } as RequestInit);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });

  it("refuses a doubled Authorization header and a token it never issued, and a token sent to a download URL", async () => {
    const dispatcher = new Agent({ connect: { ca: served.server.ca } });
    served.server.acceptToken("good");
    const call = (authorization: string, url = `${served.server.endpoint}/me/drive/root`) =>
      fetch(url, { headers: { Authorization: authorization }, dispatcher } as RequestInit).then(
        (response) => response.status,
      );
    expect(await call("Bearer good")).toBe(200);
    expect(await call("Bearer good, Bearer good")).toBe(401);
    expect(await call("Bearer forged")).toBe(401);
    const file = served.server.filesUnder(served.folderId)[0]?.item;
    expect(await call("Bearer good", `${served.server.origin}/download/${file?.id}?v=${file?.version}`)).toBe(
      401,
    );
  });
});
