import { unzipSync, zipSync, type Zippable } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yauzl from "yauzl";
import { inflateWithFflate } from "../../addin/standalone/fflate-inflate";
import { inflateWithZlib } from "../../scripts/xlsx/node-inflate";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { inspectWorkbookBytes, readWorkbookBytes, type ZipEntryLocation } from "../../xlsx-read/index";
import { writeKh } from "../fixtures/make-fixtures";
import { buildZip } from "../fixtures/zip";

/**
 * The platform-neutral reader (xlsx-read/): its zip directory against yauzl (an independent
 * reader), its two inflates against each other, the workbook found through _rels/.rels, and
 * parts in UTF-16.
 */

const TEMPLATES = join(__dirname, "..", "..", "templates");
const TEMPLATE_FILES = [
  "KH_ke-hoach-trien-khai.xlsx",
  "BC_bao-cao-nam.xlsx",
  "DN-KT_de-nghi-khen-thuong.xlsx",
  "DS-DV_danh-sach-don-vi.xlsx",
];

function listWithYauzl(bytes: Uint8Array): Promise<Map<string, Omit<ZipEntryLocation, never>>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, ZipEntryLocation>();
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.set(entry.fileName, {
          localHeaderOffset: entry.relativeOffsetOfLocalHeader,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          compressionMethod: entry.compressionMethod,
        });
        zip.readEntry();
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** Rewrites a workbook's package: parts renamed, replaced or re-encoded. */
function repackage(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files as Zippable);
}

function text(bytes: Uint8Array | undefined): string {
  if (bytes === undefined) throw new Error("part missing");
  return new TextDecoder().decode(bytes);
}

function utf16(textValue: string, order: "le" | "be"): Uint8Array {
  const bytes = new Uint8Array(2 + textValue.length * 2);
  bytes.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < textValue.length; i += 1) {
    const code = textValue.charCodeAt(i);
    const [high, low] = [code >> 8, code & 0xff];
    bytes[2 + 2 * i] = order === "le" ? low : high;
    bytes[3 + 2 * i] = order === "le" ? high : low;
  }
  return bytes;
}

describe("xlsx-read lists a zip's directory as yauzl does", () => {
  it.each(TEMPLATE_FILES)("%s: same names, offsets, sizes and methods", async (file) => {
    const bytes = readFileSync(join(TEMPLATES, file));

    const inspection = await inspectWorkbookBytes(bytes);
    if (!inspection.ok) throw new Error(`${file} refused: ${inspection.code}`);

    expect(new Map(inspection.locations)).toEqual(await listWithYauzl(bytes));
  });
});

describe("xlsx-read inflates with node:zlib or fflate to the same snapshot", () => {
  it.each(TEMPLATE_FILES)("%s", async (file) => {
    const bytes = readFileSync(join(TEMPLATES, file));

    const withZlib = await readWorkbookBytes(bytes, { inflate: inflateWithZlib });
    const withFflate = await readWorkbookBytes(bytes, { inflate: inflateWithFflate });

    expect(withZlib.ok).toBe(true);
    expect(withFflate).toEqual(withZlib);
  });

  it("fflate refuses an entry holding more than its declared size, as zlib does", async () => {
    const kh = await writeKh();
    const honest = unzipSync(kh);
    const sheet = honest["xl/worksheets/sheet1.xml"]!;
    const lying = buildZip(
      Object.entries(honest).map(([name, data]) => ({
        name,
        data: Buffer.from(data),
        ...(name === "xl/worksheets/sheet1.xml" ? { declaredUncompressedSize: sheet.byteLength - 10 } : {}),
      })),
    );

    const withZlib = await readWorkbookBytes(lying, { inflate: inflateWithZlib });
    const withFflate = await readWorkbookBytes(lying, { inflate: inflateWithFflate });

    expect(withZlib).toMatchObject({ ok: false, problem: { code: "FILE_UNREADABLE" } });
    expect(withFflate).toMatchObject({
      ok: false,
      problem: {
        code: "FILE_UNREADABLE",
        params: {
          reason: `xl/worksheets/sheet1.xml: holds ${sheet.byteLength - 9} bytes, ${sheet.byteLength - 10} declared`,
        },
      },
    });
  });
});

describe("xlsx-read finds the workbook through _rels/.rels", () => {
  it("reads a workbook part named xl/book.xml the same as xl/workbook.xml", async () => {
    const kh = await writeKh();
    const renamed = repackage(kh, (files) => {
      files["xl/book.xml"] = files["xl/workbook.xml"]!;
      files["xl/_rels/book.xml.rels"] = files["xl/_rels/workbook.xml.rels"]!;
      delete files["xl/workbook.xml"];
      delete files["xl/_rels/workbook.xml.rels"];
      files["_rels/.rels"] = new TextEncoder().encode(
        text(files["_rels/.rels"]).replace(/Target="\/?xl\/workbook\.xml"/, 'Target="xl/book.xml"'),
      );
      files["[Content_Types].xml"] = new TextEncoder().encode(
        text(files["[Content_Types].xml"]).replace("/xl/workbook.xml", "/xl/book.xml"),
      );
    });

    const original = await readWorkbookSnapshot(kh);
    const reading = await readWorkbookSnapshot(renamed);

    expect(original.ok).toBe(true);
    expect(reading).toEqual(original);
  });

  it("refuses a package whose main document is xl/workbook.bin (xlsb) as not a workbook", async () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const zip = buildZip([
      {
        name: "_rels/.rels",
        data: Buffer.from(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
        ),
      },
      { name: "xl/workbook.bin", data: Buffer.from([1, 2, 3]) },
    ]);

    expect(await readWorkbookSnapshot(zip)).toMatchObject({
      ok: false,
      problem: { code: "FILE_NOT_WORKBOOK", params: { detected: "xlsb" } },
    });
  });
});

describe("xlsx-read decodes parts after their byte-order mark", () => {
  it.each(["le", "be"] as const)("UTF-16%s shared strings and sheet read as UTF-8 ones do", async (order) => {
    const kh = await writeKh();
    const reencoded = repackage(kh, (files) => {
      for (const name of ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]) {
        const xml = text(files[name]).replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16"?>');
        files[name] = utf16(xml, order);
      }
    });

    const original = await readWorkbookSnapshot(kh);
    const reading = await readWorkbookSnapshot(reencoded);

    expect(original.ok).toBe(true);
    expect(reading).toEqual(original);
  });

  it("a UTF-8 byte-order mark before the XML declaration", async () => {
    const kh = await writeKh();
    const withBom = repackage(kh, (files) => {
      files["xl/workbook.xml"] = new Uint8Array([0xef, 0xbb, 0xbf, ...files["xl/workbook.xml"]!]);
    });

    expect(await readWorkbookSnapshot(withBom)).toEqual(await readWorkbookSnapshot(kh));
  });
});

describe("xlsx-read matches the workbook part named by _rels/.rels ignoring case", () => {
  it("reads a workbook whose _rels/.rels writes xl/Workbook.xml", async () => {
    const kh = await writeKh();
    const recased = repackage(kh, (files) => {
      files["_rels/.rels"] = new TextEncoder().encode(
        text(files["_rels/.rels"]).replace(/Target="\/?xl\/workbook\.xml"/, 'Target="xl/Workbook.xml"'),
      );
    });

    const reading = await readWorkbookSnapshot(recased);

    expect(reading).toEqual(await readWorkbookSnapshot(kh));
  });
});
