import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KH_SPEC } from "../../core/spec/index";

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");

function thidua(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("thidua describe", () => {
  it("lists every KH field with the sheet and cell the spec (and so the generator) uses", () => {
    const { code, stdout } = thidua("describe", "KH", "--json");
    expect(code).toBe(0);
    const description = JSON.parse(stdout) as {
      kind: string;
      fields: { key: string; sheet: string; cell: string; type: string; required: boolean }[];
    };
    expect(description.kind).toBe("KH");
    expect(description.fields.map((field) => [field.key, field.sheet, field.cell])).toEqual(
      KH_SPEC.fields.map((field) => [field.key, field.sheet, field.cell]),
    );
    expect(description.fields.find((field) => field.key === "unitType")).toMatchObject({
      type: "enum",
      required: true,
      allowedValues: [{ code: "CQ" }, { code: "MT" }, { code: "DN" }],
    });
  });

  it("describes all kinds as an array when no kind is given", () => {
    const kinds = (JSON.parse(thidua("describe", "--json").stdout) as { kind: string }[]).map(
      (entry) => entry.kind,
    );
    expect(kinds).toEqual(["KH", "BC", "DN-KT", "DS-DV"]);
  });
});

describe("bad use of the CLI: one line on stderr, exit code 2, no stack trace", () => {
  const notAFolder = join(mkdtempSync(join(tmpdir(), "thidua-cli-")), "file");
  writeFileSync(notAFolder, "x");

  it.each([
    ["an unknown command", ["bogus"]],
    ["an unknown option", ["describe", "--frobnicate"]],
    ["a missing argument", ["validate"]],
    ["an unknown kind", ["describe", "XX"]],
    ["an unknown language", ["describe", "KH", "--lang", "fr"]],
    ["an unwritable output folder", ["templates", "--out", join(notAFolder, "sub")]],
    ["a missing required option", ["sample", "--units", "5"]],
    ["a bad number", ["sample", "--units", "many", "--out", "/tmp/x"]],
    [
      "a nominating percentage over 100",
      ["sample", "--units", "5", "--out", "/tmp/x", "--nominating", "150"],
    ],
    [
      "a missing registry",
      ["consolidate", "--source", ".", "--registry", "/nonexistent.xlsx", "--out", "/tmp/x.xlsx"],
    ],
    [
      "a bad as-of",
      [
        "consolidate",
        "--source",
        ".",
        "--registry",
        "r.xlsx",
        "--out",
        "/tmp/x.xlsx",
        "--as-of",
        "yesterday",
      ],
    ],
  ])("%s", (_label, args) => {
    const { code, stderr } = thidua(...args);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^thidua: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
