import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { scanXml, type XmlAttributes } from "../../xlsx-read/index";

/**
 * The add-in manifest, checked offline: `office-addin-manifest validate` posts the file to an
 * online service. libxml2 compiled to WebAssembly (xmllint-wasm) validates it against the XSDs kept
 * in addin/manifest-schemas/, so no Debian package is needed; then every `resid` must name a
 * resource, which no schema can say (a dangling one only shows as a missing ribbon button).
 */

/** addin/manifest-schemas/, found from scripts/manifest/ and from its build in dist/scripts/manifest/. */
export const MANIFEST_SCHEMAS_DIR =
  [path.resolve(__dirname, "..", ".."), path.resolve(__dirname, "..", "..", "..")]
    .map((root) => path.join(root, "addin", "manifest-schemas"))
    .find((dir) => existsSync(dir)) ?? path.resolve("addin", "manifest-schemas");
const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** One element of the manifest: local name, attributes (local names), children in order. */
export interface ManifestElement {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly children: ManifestElement[];
}

export interface ManifestCheck {
  /** Schema errors as libxml2 words them, with the line; empty when the manifest validates. */
  readonly schemaErrors: readonly string[];
  /** resid values that name no resource under <Resources>. */
  readonly danglingResids: readonly string[];
}

/** The manifest as a tree of elements (a self-closing element is opened and closed at once). */
export function parseManifest(xml: string): ManifestElement {
  const root: ManifestElement = { name: "", attributes: {}, children: [] };
  const stack: ManifestElement[] = [root];
  scanXml(xml, {
    open(name, attributes) {
      const element: ManifestElement = { name, attributes, children: [] };
      stack[stack.length - 1]!.children.push(element);
      stack.push(element);
    },
    close() {
      stack.pop();
    },
    text() {},
    wantsText: () => false,
  });
  const top = root.children[0];
  if (top === undefined) throw new Error("the manifest has no root element");
  return top;
}

/** Every element under `element` (itself included), depth first. */
export function descendants(element: ManifestElement): ManifestElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** resid values that no `<Resources>` entry defines. */
export function findDanglingResids(root: ManifestElement): string[] {
  const all = descendants(root);
  const defined = new Set(
    all
      .filter((element) => element.name === "Resources")
      .flatMap((resources) => resources.children.flatMap((group) => group.children))
      .map((resource) => resource.attributes.id)
      .filter((id): id is string => id !== undefined),
  );
  return all
    .map((element) => element.attributes.resid)
    .filter((resid): resid is string => resid !== undefined && !defined.has(resid));
}

export async function checkManifest(
  manifestPath: string,
  schemasDir: string = MANIFEST_SCHEMAS_DIR,
): Promise<ManifestCheck> {
  const xml = await readFile(manifestPath, "utf8");
  const schemaFiles = (await readdir(schemasDir)).filter((name) => name.endsWith(".xsd"));
  const preload = await Promise.all(
    schemaFiles
      .filter((name) => name !== ENTRY_SCHEMA)
      .map(async (name) => ({
        fileName: name,
        contents: await readFile(path.join(schemasDir, name), "utf8"),
      })),
  );
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifestPath), contents: xml }],
    schema: [
      { fileName: ENTRY_SCHEMA, contents: await readFile(path.join(schemasDir, ENTRY_SCHEMA), "utf8") },
    ],
    preload,
  });
  const schemaErrors = result.valid ? [] : result.errors.map((error) => error.rawMessage.trim());
  let danglingResids: string[] = [];
  if (result.valid) danglingResids = findDanglingResids(parseManifest(xml));
  return { schemaErrors, danglingResids };
}

async function main(): Promise<void> {
  const manifestPath = path.resolve(process.argv[2] ?? "manifest.xml");
  const check = await checkManifest(manifestPath);
  for (const error of check.schemaErrors) process.stderr.write(`${error}\n`);
  for (const resid of check.danglingResids)
    process.stderr.write(`${manifestPath}: resid "${resid}" names no resource under <Resources>\n`);
  if (check.schemaErrors.length > 0 || check.danglingResids.length > 0) {
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${manifestPath} validates; every resid resolves\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
