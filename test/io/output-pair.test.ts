import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dataPart, withInterruptCleanup, writeOutputPair } from "../../scripts/io/output-pair";

/** The consolidated workbook and its report are written as a pair (issue 8, case 17). */

describe("writing the output pair", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "thidua-pair-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("replaces both, leaving no temporary file", async () => {
    writeFileSync(join(dir, "tong-hop.xlsx"), "old workbook");
    writeFileSync(join(dir, "bao-cao.html"), "old report");

    await writeOutputPair(
      dataPart(join(dir, "tong-hop.xlsx"), () => "new workbook"),
      dataPart(join(dir, "bao-cao.html"), () => "new report"),
    );

    expect(readdirSync(dir).sort()).toEqual(["bao-cao.html", "tong-hop.xlsx"]);
    expect(readFileSync(join(dir, "tong-hop.xlsx"), "utf8")).toBe("new workbook");
    expect(readFileSync(join(dir, "bao-cao.html"), "utf8")).toBe("new report");
  });

  it("replaces neither when one part fails to be written", async () => {
    writeFileSync(join(dir, "tong-hop.xlsx"), "old workbook");
    writeFileSync(join(dir, "bao-cao.html"), "old report");
    const failing = {
      path: join(dir, "tong-hop.xlsx"),
      write: async (file: string) => {
        await writeFile(file, "half a workbook");
        throw new Error("disk full");
      },
    };

    await expect(
      writeOutputPair(
        failing,
        dataPart(join(dir, "bao-cao.html"), () => "new report"),
      ),
    ).rejects.toThrow("disk full");

    expect(readdirSync(dir).sort()).toEqual(["bao-cao.html", "tong-hop.xlsx"]);
    expect(readFileSync(join(dir, "tong-hop.xlsx"), "utf8")).toBe("old workbook");
    expect(readFileSync(join(dir, "bao-cao.html"), "utf8")).toBe("old report");
  });

  it("never leaves a new report beside an old workbook when the workbook cannot be put in place", async () => {
    // The workbook's place is taken by a folder: its rename fails after the report's succeeded.
    mkdirSync(join(dir, "tong-hop.xlsx"));
    writeFileSync(join(dir, "tong-hop.xlsx", "x"), "");

    await expect(
      writeOutputPair(
        dataPart(join(dir, "tong-hop.xlsx"), () => "new workbook"),
        dataPart(join(dir, "bao-cao.html"), () => "new report"),
      ),
    ).rejects.toThrow();

    expect(existsSync(join(dir, "bao-cao.html"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
  });

  it("removes the temporary files when SIGTERM arrives during the write", async () => {
    const exit = jest.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    let signalled: (() => void) | null = null;
    const written = new Promise<void>((resolve) => {
      signalled = resolve;
    });
    try {
      const work = withInterruptCleanup(() =>
        writeOutputPair(
          {
            path: join(dir, "tong-hop.xlsx"),
            write: async (file) => {
              await writeFile(file, "half");
              signalled?.();
              await new Promise(() => undefined);
            },
          },
          null,
        ),
      );
      void work;
      await written;
      expect(readdirSync(dir)).toHaveLength(1);

      process.emit("SIGTERM", "SIGTERM");

      expect(readdirSync(dir)).toEqual([]);
      expect(exit).toHaveBeenCalledWith(143);
    } finally {
      exit.mockRestore();
    }
  });
});
