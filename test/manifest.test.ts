import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  checkManifest,
  descendants,
  parseManifest,
  type ManifestElement,
} from "../scripts/manifest/check-manifest";

// The add-in manifest, checked offline against the XSDs kept in addin/manifest-schemas/ with
// libxml2 compiled to WebAssembly (xmllint-wasm): no Debian package, nothing read outside the project.

const repoRoot = path.resolve(__dirname, "..");
const manifestPath = path.join(repoRoot, "manifest.xml");
const assetsDir = path.join(repoRoot, "addin", "assets");
const manifest = parseManifest(readFileSync(manifestPath, "utf8"));

function elementsNamed(root: ManifestElement, ...names: string[]): ManifestElement[] {
  return descendants(root).filter((element) => names.includes(element.name));
}

function childrenNamed(element: ManifestElement, name: string): ManifestElement[] {
  return element.children.filter((child) => child.name === name);
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
  it("validates against the add-in manifest schema v1.1, every resid resolving", async () => {
    expect(await checkManifest(manifestPath)).toEqual({ schemaErrors: [], danglingResids: [] });
  });

  it("fails validation when an element is misspelt", async () => {
    const manifest = readFileSync(manifestPath, "utf8");
    expect(manifest).toContain("<Permissions>");
    const dir = mkdtempSync(path.join(tmpdir(), "thidua-manifest-"));
    try {
      const misspelt = path.join(dir, "manifest.xml");
      writeFileSync(misspelt, manifest.replace(/(<\/?)Permissions>/g, "$1Permisions>"));

      const result = await checkManifest(misspelt);

      expect(result.schemaErrors.join("\n")).toContain("Permisions': This element is not expected");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads the task pane and every icon over https", () => {
    const urlElements = elementsNamed(
      manifest,
      "SourceLocation",
      "IconUrl",
      "HighResolutionIconUrl",
      "Image",
      "Url",
    );
    const urls = urlElements.flatMap((element) => [
      ...(element.attributes.DefaultValue === undefined ? [] : [element.attributes.DefaultValue]),
      ...childrenNamed(element, "Override").map((override) => override.attributes.Value ?? ""),
    ]);

    expect(urls.filter((u) => new URL(u).protocol !== "https:")).toEqual([]);
    expect(
      childrenNamed(manifest, "DefaultSettings")
        .flatMap((settings) => childrenNamed(settings, "SourceLocation"))
        .map((element) => element.attributes.DefaultValue),
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
    const defined = new Set(
      elementsNamed(manifest, "Resources").flatMap((resources) =>
        resources.children.flatMap((group) => group.children.map((resource) => resource.attributes.id)),
      ),
    );
    const resids = descendants(manifest).flatMap((element) =>
      element.attributes.resid === undefined ? [] : [element.attributes.resid],
    );

    expect(resids.length).toBeGreaterThan(5);
    expect(resids.filter((id) => !defined.has(id))).toEqual([]);
  });

  it("names ribbon icons that exist in addin/assets at the sizes it declares", () => {
    const images = new Map(
      elementsNamed(manifest, "Resources")
        .flatMap((resources) => childrenNamed(resources, "Images"))
        .flatMap((group) => group.children)
        .map((image) => [image.attributes.id, image.attributes.DefaultValue] as const),
    );
    const iconRefs = elementsNamed(manifest, "Icon")
      .flatMap((icon) => icon.children)
      .map((image) => new Map(Object.entries(image.attributes)));
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
      childrenNamed(manifest, element).map((node) =>
        readPngSize(assetFileFor(node.attributes.DefaultValue ?? "")),
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

describe("the manifest check", () => {
  it("names a resid that no resource defines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "thidua-manifest-"));
    try {
      const dangling = path.join(dir, "manifest.xml");
      writeFileSync(
        dangling,
        readFileSync(manifestPath, "utf8").replace(
          'resid="thidua.CheckButton.Label"',
          'resid="thidua.Nowhere"',
        ),
      );

      expect(await checkManifest(dangling)).toEqual({ schemaErrors: [], danglingResids: ["thidua.Nowhere"] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
