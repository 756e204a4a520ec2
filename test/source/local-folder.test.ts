import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalFolderSource } from "../../scripts/source/local-folder";

/** The local folder source lists every file it finds (issue 8, cases 9 and 10). */

describe("the local folder source", () => {
  const root = mkdtempSync(join(tmpdir(), "thidua-source-"));
  beforeAll(() => {
    for (const folder of ["KH", "BC/cum-3", "BC/cum-4"]) mkdirSync(join(root, folder), { recursive: true });
    for (const file of [
      "KH/KH_SNV.xlsx",
      "KH/KH_SNV.pdf",
      "KH/KH_STC.xlsb",
      "KH/~$KH_SNV.xlsx",
      "KH/Thumbs.db",
      "KH/desktop.ini",
      "KH/.DS_Store",
      "BC/cum-3/BC_XA001.xlsx",
      "BC/cum-4/BC_XA002.xlsx",
      "BC/bien-ban.docx",
      "BC/ho-so.zip",
    ])
      writeFileSync(join(root, file), "x");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("hands over spreadsheets (.xlsb too) and lists every other file; OS and lock files are skipped", async () => {
    const source = createLocalFolderSource(root);

    const entries = await source.list();

    expect(entries.map((entry) => entry.path)).toEqual([
      "BC/cum-3/BC_XA001.xlsx",
      "BC/cum-4/BC_XA002.xlsx",
      "KH/KH_SNV.xlsx",
      "KH/KH_STC.xlsb",
    ]);
    expect(source.listed?.().otherFiles.map((file) => file.path)).toEqual([
      "BC/bien-ban.docx",
      "BC/ho-so.zip",
      "KH/KH_SNV.pdf",
    ]);
    expect(source.receivedTimes).toBe("modification_time");
  });

  it("lists a sub-folder it cannot read (which one, why) and reads the rest", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, scandir"), { code: "EACCES" });
    const source = createLocalFolderSource(root, {
      readFolder: (folder) => (folder.endsWith("cum-3") ? Promise.reject(denied) : readdir(folder)),
    });

    const entries = await source.list();

    expect(entries.map((entry) => entry.path)).toEqual([
      "BC/cum-4/BC_XA002.xlsx",
      "KH/KH_SNV.xlsx",
      "KH/KH_STC.xlsb",
    ]);
    expect(source.listed?.().problems).toEqual([{ path: "BC/cum-3", reason: "EACCES" }]);
  });
});
