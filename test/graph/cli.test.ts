import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GraphTestServer, TEST_DRIVE_ID } from "./graph-test-server";
import { makeSampleProvince, type SampleProvince, uploadFolder } from "./helpers";

/**
 * `thidua consolidate --source onedrive:…` through the compiled CLI, as an officer runs it: the
 * token from THIDUA_GRAPH_ACCESS_TOKEN, the endpoint from THIDUA_GRAPH_ENDPOINT, the test
 * certificate trusted through NODE_EXTRA_CA_CERTS. (Needs `npm run build`.)
 */

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");
const TOKEN = "eyJ0eXAiOiJKV1QiLCJub25jZSI6InNlY3JldC10ZXN0LXRva2VuIn0.c2VjcmV0";

let server: GraphTestServer;
let province: SampleProvince;
let folderId: string;
let work: string;

function thidua(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TZ: "UTC", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  province = await makeSampleProvince(6);
  server = await new GraphTestServer().start();
  server.acceptToken(TOKEN);
  folderId = uploadFolder(server, province.submissionsDir, "ThiDua/2026");
  work = mkdtempSync(join(tmpdir(), "thidua-graph-cli-"));
  writeFileSync(join(work, "ca.pem"), server.ca);
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(province.folder, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const graphEnv = (): Record<string, string> => ({
  THIDUA_GRAPH_ACCESS_TOKEN: TOKEN,
  THIDUA_GRAPH_ENDPOINT: server.endpoint,
  NODE_EXTRA_CA_CERTS: join(work, "ca.pem"),
});

function consolidateArgs(source: string, name: string): string[] {
  return [
    "consolidate",
    "--source",
    source,
    "--registry",
    province.registryPath,
    "--config",
    province.configPath,
    "--as-of",
    new Date(province.asOf).toISOString(),
    "--out",
    join(work, `${name}.xlsx`),
    "--report",
    join(work, `${name}.html`),
    "--json",
  ];
}

describe("thidua consolidate --source onedrive:…", () => {
  it("gives the local folder's JSON, shows uploaders, and writes the token nowhere", async () => {
    const local = await thidua(consolidateArgs(province.submissionsDir, "local"));
    expect(local.code).toBe(0);
    const remote = await thidua(
      [...consolidateArgs(`onedrive:${TEST_DRIVE_ID}/${folderId}`, "remote"), "--cache", join(work, "cache")],
      graphEnv(),
    );
    expect(remote.stderr).toBe("");
    expect(remote.code).toBe(0);
    const remoteJson = JSON.parse(remote.stdout) as {
      files: { origin?: { uploadedBy: string } }[];
      receivedTimes: string;
    };
    expect(remoteJson.files.every((file) => file.origin?.uploadedBy)).toBe(true);
    expect(remoteJson.receivedTimes).toBe("upload_time");
    const localJson = JSON.parse(local.stdout) as { receivedTimes: string };
    expect(localJson.receivedTimes).toBe("modification_time");
    const withoutOrigin = {
      ...remoteJson,
      receivedTimes: localJson.receivedTimes,
      files: remoteJson.files.map(({ origin: _origin, ...file }) => file),
    };
    expect(withoutOrigin).toEqual(localJson);
    const report = readFileSync(join(work, "remote.html"), "utf8");
    expect(report).toContain(`drive ${TEST_DRIVE_ID}, item ${folderId}`);
    for (const text of [remote.stdout, remote.stderr, report]) expect(text).not.toContain(TOKEN);
    expect(server.requests.some((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
  }, 120_000);

  it("ends with exit code 3 and a clear message, writing nothing, when OneDrive keeps failing", async () => {
    server.inject("download", { kind: "status", status: 503, retryAfter: "0" }, Infinity);
    try {
      const run = await thidua(
        [...consolidateArgs(`onedrive:${TEST_DRIVE_ID}/${folderId}`, "failed"), "--no-cache"],
        graphEnv(),
      );
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(
        /^thidua: lỗi OneDrive \(Microsoft Graph\) khi download of .+gave up after \d+ attempts \(503\).*chưa ghi tệp tổng hợp nào/,
      );
      expect(run.stdout).toBe("");
      expect(existsSync(join(work, "failed.xlsx"))).toBe(false);
      expect(existsSync(join(work, "failed.html"))).toBe(false);
    } finally {
      server.faults.length = 0;
    }
  }, 120_000);

  it("uploads the workbook and report with --upload onedrive:/path", async () => {
    server.ensureFolder("ThiDua/TongHop");
    const run = await thidua(
      [...consolidateArgs(province.submissionsDir, "uploaded"), "--upload", "onedrive:/ThiDua/TongHop"],
      graphEnv(),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/OneDrive: uploaded\.xlsx → /);
    const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
    expect(server.sha256Of("ThiDua/TongHop/uploaded.xlsx")).toBe(sha(join(work, "uploaded.xlsx")));
    expect(server.sha256Of("ThiDua/TongHop/uploaded.html")).toBe(sha(join(work, "uploaded.html")));
  }, 120_000);

  it("refuses an upload folder that does not exist before consolidating anything", async () => {
    const run = await thidua(
      [...consolidateArgs(province.submissionsDir, "nowhere"), "--upload", "onedrive:/Không/Có"],
      graphEnv(),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/không tìm thấy thư mục onedrive:\/Không\/Có/);
    expect(existsSync(join(work, "nowhere.xlsx"))).toBe(false);
  }, 120_000);

  it("refuses an upload folder it may not write, in English with --lang en, naming the permission to ask for", async () => {
    server.ensureFolder("ThiDua/Cam");
    // The account may read the folder but not write it: Graph answers 403 accessDenied
    // (https://learn.microsoft.com/en-us/graph/errors), here on resolving the upload folder.
    server.inject(
      (request) => request.url.includes("/ThiDua/Cam:"),
      { kind: "status", status: 403 },
      Infinity,
    );
    try {
      const run = await thidua(
        [
          ...consolidateArgs(province.submissionsDir, "denied"),
          "--upload",
          "onedrive:/ThiDua/Cam",
          "--lang",
          "en",
        ],
        graphEnv(),
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        "thidua: no permission on onedrive:/ThiDua/Cam (needs Files.ReadWrite.All or Sites.Selected (write))\n",
      );
      expect(existsSync(join(work, "denied.xlsx"))).toBe(false);
    } finally {
      server.faults.length = 0;
    }
  }, 120_000);

  it("refuses a malformed onedrive: source as a usage error", async () => {
    const run = await thidua(consolidateArgs("onedrive:nothing", "bad"), graphEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/onedrive:<drive-id>\/<item-id>/);
  });
});
