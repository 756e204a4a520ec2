import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../../scripts/errors";
import { writeFileAtomic } from "../../scripts/io/atomic-write";
import { makeOutputFolder } from "../../scripts/io/output-folder";

/** Where outputs go: folders made as needed, impossible places refused in one line, never a hang. */

const root = mkdtempSync(join(tmpdir(), "thidua-out-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("makeOutputFolder", () => {
  it("creates every missing level, and accepts a folder that exists", async () => {
    const folder = join(root, "a", "b", "c");
    await makeOutputFolder(folder);
    await makeOutputFolder(folder);

    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it("refuses a file standing where a folder should be", async () => {
    writeFileSync(join(root, "file"), "x");

    await expect(makeOutputFolder(join(root, "file", "sub"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });
});

describe("writeFileAtomic", () => {
  it("writes the whole file and leaves no temporary file behind", async () => {
    await writeFileAtomic(join(root, "x", "report.html"), "<p>xin chào</p>");

    expect(readFileSync(join(root, "x", "report.html"), "utf8")).toBe("<p>xin chào</p>");
    expect(readdirSync(join(root, "x"))).toEqual(["report.html"]);
  });

  // Node 20's recursive mkdir never settles there; this test would time out rather than fail.
  it.each([["/proc/thidua-nowhere/deeper/out.html"], ["/proc/1/thidua/out.html"]])(
    "is a usage error, promptly, under a pseudo-filesystem: %s",
    async (path) => {
      await expect(writeFileAtomic(path, "x")).rejects.toBeInstanceOf(UsageError);
    },
    5_000,
  );
});
