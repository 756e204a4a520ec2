import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The add-in manifest, checked offline: `office-addin-manifest validate` posts the file to an
// online service these machines cannot reach, so xmllint validates it against Microsoft's
// published XSDs (../shared/schemas/office-addin-manifest/, see its README).

const repoRoot = path.resolve(__dirname, "..");
const manifestPath = path.join(repoRoot, "manifest.xml");
const assetsDir = path.join(repoRoot, "addin", "assets");
const sharedDir = path.resolve(process.env.THIDUA_SHARED_DIR ?? path.join(repoRoot, "..", "shared"));
const schemaPath = path.join(sharedDir, "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");

interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runXmllint(args: readonly string[]): CommandResult {
  const result = spawnSync("xmllint", args, { encoding: "utf8" });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error("xmllint is not installed: run `apt-get install libxml2-utils` (CI installs it).");
  }
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function validate(file: string): CommandResult {
  if (!existsSync(schemaPath)) {
    throw new Error(
      `Manifest schema not found at ${schemaPath}: set THIDUA_SHARED_DIR to the folder that holds schemas/office-addin-manifest/.`,
    );
  }
  return runXmllint(["--noout", "--schema", schemaPath, file]);
}

/** Every node matched by an XPath over manifest.xml, as xmllint serialises it. */
function selectNodes(xpath: string): string {
  const result = runXmllint(["--xpath", xpath, manifestPath]);
  if (result.stderr.includes("XPath set is empty")) return "";
  if (result.status !== 0) throw new Error(`xmllint --xpath ${xpath} failed: ${result.stderr}`);
  return result.stdout;
}

function decodeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function parseAttributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1] ?? "", decodeXml(m[2] ?? "")]));
}

/** Values of the attribute nodes selected by `xpath` (xmllint prints them as name="value"). */
function selectAttributeValues(xpath: string): string[] {
  return [...selectNodes(xpath).matchAll(/[\w:.-]+="([^"]*)"/g)].map((m) => decodeXml(m[1] ?? ""));
}

/** The attributes of each childless element selected by `xpath`. */
function selectEmptyElements(xpath: string): Array<Map<string, string>> {
  return [...selectNodes(xpath).matchAll(/<[\w:.-]+((?:\s+[\w:.-]+="[^"]*")*)\s*\/>/g)].map((m) =>
    parseAttributes(m[1] ?? ""),
  );
}

function byLocalName(...names: string[]): string {
  return names.map((n) => `local-name()='${n}'`).join(" or ");
}

function readPngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file under addin/assets/ that the dev server serves at https://localhost:3000/assets/NAME. */
function assetFileFor(url: string): string {
  return path.join(assetsDir, path.posix.basename(new URL(url).pathname));
}

describe("manifest.xml", () => {
  it("validates against the add-in manifest schema v1.1", () => {
    const result = validate(manifestPath);

    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 0,
      stderr: `${manifestPath} validates`,
    });
  });

  it("fails validation when an element is misspelt", () => {
    const manifest = readFileSync(manifestPath, "utf8");
    expect(manifest).toContain("<Permissions>");
    const dir = mkdtempSync(path.join(tmpdir(), "thidua-manifest-"));
    try {
      const misspelt = path.join(dir, "manifest.xml");
      writeFileSync(misspelt, manifest.replace(/(<\/?)Permissions>/g, "$1Permisions>"));

      const result = validate(misspelt);

      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("Permisions': This element is not expected");
      expect(result.stderr).toContain(`${misspelt} fails to validate`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads the task pane and every icon over https", () => {
    const urlElements = byLocalName("SourceLocation", "IconUrl", "HighResolutionIconUrl", "Image", "Url");
    const urls = selectAttributeValues(
      `//*[${urlElements}]/@DefaultValue | //*[${urlElements}]/*[local-name()='Override']/@Value`,
    );

    expect(urls.filter((u) => new URL(u).protocol !== "https:")).toEqual([]);
    expect(
      selectAttributeValues(
        "/*/*[local-name()='DefaultSettings']/*[local-name()='SourceLocation']/@DefaultValue",
      ),
    ).toEqual(["https://localhost:3000/taskpane.html"]);
    expect(new Set(urls)).toEqual(
      new Set([
        "https://localhost:3000/taskpane.html",
        "https://localhost:3000/assets/icon-16.png",
        "https://localhost:3000/assets/icon-32.png",
        "https://localhost:3000/assets/icon-64.png",
        "https://localhost:3000/assets/icon-80.png",
      ]),
    );
  });

  it("defines every resource that a resid refers to", () => {
    // The schema cannot check this: a dangling resid only shows as a missing ribbon button.
    const defined = new Set(selectAttributeValues("//*[local-name()='Resources']/*/*/@id"));
    const missing = selectAttributeValues("//@resid").filter((id) => !defined.has(id));

    expect(missing).toEqual([]);
  });

  it("names ribbon icons that exist in addin/assets at the sizes it declares", () => {
    const images = new Map(
      selectEmptyElements("//*[local-name()='Resources']/*[local-name()='Images']/*").map(
        (attributes) => [attributes.get("id"), attributes.get("DefaultValue")] as const,
      ),
    );
    const iconRefs = selectEmptyElements("//*[local-name()='Icon']/*");
    expect(iconRefs.length).toBeGreaterThan(0);

    const mismatches = iconRefs.flatMap((attributes) => {
      const size = Number(attributes.get("size"));
      const resid = attributes.get("resid");
      const url = images.get(resid);
      if (url === undefined) return [`${resid}: no image resource`];
      const { width, height } = readPngSize(assetFileFor(url));
      return width === size && height === size ? [] : [`${url}: ${width}x${height}, declared ${size}`];
    });

    expect(mismatches).toEqual([]);
  });

  it("names add-in icons of the sizes the manifest reference requires for a task pane", () => {
    const sizeOf = (element: string) =>
      selectAttributeValues(`/*/*[local-name()='${element}']/@DefaultValue`).map((url) =>
        readPngSize(assetFileFor(url)),
      );

    expect(sizeOf("IconUrl")).toEqual([{ width: 32, height: 32 }]);
    expect(sizeOf("HighResolutionIconUrl")).toEqual([{ width: 64, height: 64 }]);
  });

  it("ships the icons that addin/assets/make-icons.js generates", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "thidua-icons-"));
    try {
      const run = spawnSync(process.execPath, [path.join(assetsDir, "make-icons.js"), dir], {
        encoding: "utf8",
      });
      expect(run.status).toBe(0);

      for (const name of ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]) {
        expect({
          name,
          same: readFileSync(path.join(dir, name)).equals(readFileSync(path.join(assetsDir, name))),
        }).toEqual({
          name,
          same: true,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
