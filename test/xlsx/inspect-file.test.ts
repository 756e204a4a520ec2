import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildZip, type ZipPart } from "../fixtures/zip";
import { inflateWithZlib } from "../../scripts/xlsx/node-inflate";
import { DEFAULT_INSPECT_LIMITS, inspectWorkbookBytes } from "../../xlsx-read/index";
import { itFullLayer } from "../support/tools";

const BAD_FIXTURES = join(__dirname, "..", "fixtures", "bad");
const MiB = 1024 * 1024;

let workbookBytes: Buffer;
let bombBytes: Buffer;

beforeAll(async () => {
  workbookBytes = await writeSmallWorkbook();
  // An honest bomb: 60 MiB of zeros deflates to ~60 KB and the directory tells the truth.
  bombBytes = buildZip([
    ...minimalWorkbookParts(),
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * MiB) },
  ]);
});

afterEach(() => jest.restoreAllMocks());

describe("inspectWorkbookBytes accepts", () => {
  it("a workbook written by exceljs", async () => {
    const result = await inspectWorkbookBytes(workbookBytes);

    expect(result).toMatchObject({
      ok: true,
      entries: expect.any(Number),
      uncompressedBytes: expect.any(Number),
    });
    if (!result.ok) throw new Error("unreachable");
    expect(result.locations.get("xl/workbook.xml")).toMatchObject({
      compressionMethod: 8,
      localHeaderOffset: expect.any(Number),
    });
    expect(result.locations.size).toBe(result.entries);
    expect(result.entries).toBeGreaterThanOrEqual(8);
    expect(result.uncompressedBytes).toBeGreaterThan(workbookBytes.byteLength);
  });

  it("a view into a larger buffer (byteOffset is honoured)", async () => {
    const backing = Buffer.concat([
      Buffer.from("junk before the file"),
      workbookBytes,
      Buffer.from("junk after"),
    ]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 20, workbookBytes.byteLength);

    expect(await inspectWorkbookBytes(view)).toMatchObject({ ok: true });
  });

  it("part names with a leading slash, which exceljs strips", async () => {
    const zip = buildZip(minimalWorkbookParts().map((part) => ({ ...part, name: `/${part.name}` })));

    expect(await inspectWorkbookBytes(zip)).toMatchObject({ ok: true, entries: 3 });
  });
});

describe("inspectWorkbookBytes rejects", () => {
  it("FILE_EMPTY: a zero-byte file", async () => {
    expect(await inspectWorkbookBytes(new Uint8Array(0))).toEqual({
      ok: false,
      code: "FILE_EMPTY",
      params: {},
    });
  });

  describe("FILE_NOT_ZIP", () => {
    it.each([
      [
        "pdf",
        "a PDF",
        Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
      ],
      ["pdf", "a PDF behind a few junk bytes", Buffer.from("\r\n%PDF-1.4\n1 0 obj\n", "latin1")],
      [
        "text",
        "a UTF-8 CSV renamed .xlsx",
        Buffer.from("\uFEFFĐơn vị,Chỉ tiêu,Giá trị\r\nSở KH&CN,Số sáng kiến,12\r\n", "utf8"),
      ],
      [
        "text",
        "Excel's 'Unicode Text' (UTF-16LE with BOM)",
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from("Đơn vị\tGiá trị\r\nSở KH&CN\t12\r\n", "utf16le"),
        ]),
      ],
      [
        "text",
        "a SpreadsheetML 2003 XML file",
        Buffer.from(
          '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table></Table></Worksheet></Workbook>',
        ),
      ],
      ["text", "a file that only starts with 'PK'", Buffer.from("PKI certificate list\n")],
      [
        "html",
        "an Excel 'web page' saved as .xls",
        Buffer.from(
          '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head><meta charset="utf-8"></head><body><table><tr><td>1</td></tr></table></body></html>',
        ),
      ],
      [
        "html",
        "a bare HTML table exported by a web app",
        Buffer.from("\n<table border=1><tr><th>Đơn vị</th></tr></table>"),
      ],
      ["unknown", "random bytes", pseudoRandomBytes(4096)],
      ["unknown", "a run of zero bytes (an unfinished download or sync placeholder)", Buffer.alloc(2048)],
      [
        "unknown",
        "a PNG image",
        Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          pseudoRandomBytes(200),
        ]),
      ],
    ])("detected %s: %s", async (detected, _label, bytes) => {
      expect(await inspectWorkbookBytes(bytes)).toEqual({
        ok: false,
        code: "FILE_NOT_ZIP",
        params: { detected },
      });
    });
  });

  describe("FILE_LEGACY_XLS", () => {
    it("a real .xls written by LibreOffice (fixtures/bad/legacy.xls)", async () => {
      const bytes = readFileSync(join(BAD_FIXTURES, "legacy.xls"));

      expect(await inspectWorkbookBytes(bytes)).toEqual({ ok: false, code: "FILE_LEGACY_XLS", params: {} });
    });

    it("a synthetic OLE container holding a Workbook stream", async () => {
      expect(await inspectWorkbookBytes(buildSyntheticOle(["Workbook"]))).toMatchObject({
        code: "FILE_LEGACY_XLS",
      });
    });

    it("an OLE container whose cell data merely mentions EncryptedPackage off the directory grid", async () => {
      const bytes = buildSyntheticOle(["Workbook"]);
      const text = Buffer.from("EncryptedPackage", "utf16le");
      const padded = Buffer.concat([bytes, Buffer.alloc(40), text, Buffer.alloc(512)]);

      expect(await inspectWorkbookBytes(padded)).toMatchObject({ code: "FILE_LEGACY_XLS" });
    });
  });

  describe("FILE_ENCRYPTED", () => {
    it("a real password-protected xlsx written by LibreOffice (fixtures/bad/encrypted.xlsx)", async () => {
      const bytes = readFileSync(join(BAD_FIXTURES, "encrypted.xlsx"));

      expect(await inspectWorkbookBytes(bytes)).toEqual({ ok: false, code: "FILE_ENCRYPTED", params: {} });
    });

    it.each([[["EncryptionInfo", "EncryptedPackage"]], [["EncryptedPackage"]], [["EncryptionInfo"]]])(
      "a synthetic OLE container holding %j",
      async (streams) => {
        expect(await inspectWorkbookBytes(buildSyntheticOle(streams))).toMatchObject({
          code: "FILE_ENCRYPTED",
        });
      },
    );

    it("a workbook zipped again with a zip password (entries flagged encrypted)", async () => {
      // Only the flag in the directory matters: nothing is inflated, so the data need not be real ZipCrypto.
      const zip = buildZip(minimalWorkbookParts().map((part) => ({ ...part, flags: 0x0001 })));

      expect(await inspectWorkbookBytes(zip)).toEqual({ ok: false, code: "FILE_ENCRYPTED", params: {} });
    });
  });

  describe("FILE_TRUNCATED", () => {
    it("the first 60% of a real workbook", async () => {
      const cut = workbookBytes.subarray(0, Math.floor(workbookBytes.byteLength * 0.6));

      expect(await inspectWorkbookBytes(cut)).toEqual({ ok: false, code: "FILE_TRUNCATED", params: {} });
    });

    it("a bare local-file signature", async () => {
      expect(await inspectWorkbookBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toMatchObject({
        code: "FILE_TRUNCATED",
      });
    });

    it("a central directory whose first record is garbage", async () => {
      const zip = Buffer.from(workbookBytes);
      const directoryOffset = zip.readUInt32LE(zip.byteLength - 22 + 16);
      zip.fill(0xee, directoryOffset, directoryOffset + 4);

      expect(await inspectWorkbookBytes(zip)).toMatchObject({ code: "FILE_TRUNCATED" });
    });

    it("a directory that survived while an entry's data runs past the end of the file", async () => {
      const parts = minimalWorkbookParts();
      const zip = buildZip([
        ...parts,
        {
          name: "xl/worksheets/sheet1.xml",
          data: Buffer.from("<worksheet/>"),
          declaredCompressedSize: 1 * MiB,
        },
      ]);

      expect(await inspectWorkbookBytes(zip)).toMatchObject({ code: "FILE_TRUNCATED" });
    });

    it("never hangs or throws, wherever the file is cut or the directory is corrupted", async () => {
      const inputs: Uint8Array[] = [];
      for (let end = 1; end < workbookBytes.byteLength; end += 61)
        inputs.push(workbookBytes.subarray(0, end));
      const directoryOffset = workbookBytes.readUInt32LE(workbookBytes.byteLength - 22 + 16);
      for (let at = directoryOffset; at < workbookBytes.byteLength; at += 7) {
        const corrupted = Buffer.from(workbookBytes);
        corrupted[at] = (corrupted[at] ?? 0) ^ 0xff;
        inputs.push(corrupted);
      }

      const results = await Promise.all(inputs.map((bytes) => inspectWorkbookBytes(bytes)));

      expect(results).toHaveLength(inputs.length);
      expect(results.filter((r) => !r.ok && r.code === "FILE_TRUNCATED").length).toBeGreaterThan(0);
    });
  });

  describe("FILE_ZIP_BOMB", () => {
    it("60 MiB of zeros deflated to a small file, without inflating anything", async () => {
      // Inflating is injected: a spy sees every entry the check would open.
      const inflate = jest.fn(inflateWithZlib);

      const result = await inspectWorkbookBytes(bombBytes, DEFAULT_INSPECT_LIMITS, inflate);

      expect(result).toEqual({
        ok: false,
        code: "FILE_ZIP_BOMB",
        params: {
          declaredBytes: expect.any(Number),
          limitBytes: 50 * MiB,
          declaredMegabytes: expect.any(Number),
          limitMegabytes: 50,
        },
      });
      if (result.ok) throw new Error("unreachable");
      expect(result.params["declaredBytes"]).toBeGreaterThan(60 * MiB);
      expect(bombBytes.byteLength).toBeLessThan(100 * 1024);
      expect(inflate).not.toHaveBeenCalled();
    });

    itFullLayer("not for a large picture, which the reader never inflates", async () => {
      const zip = buildZip([
        ...minimalWorkbookParts(),
        { name: "xl/media/image1.jpeg", data: Buffer.alloc(60 * MiB), store: true },
      ]);

      expect(await inspectWorkbookBytes(zip)).toMatchObject({ ok: true });
    });

    it("a directory that declares a 4 GiB entry over a few bytes of data", async () => {
      const parts = minimalWorkbookParts();
      const zip = buildZip([
        ...parts,
        { name: "xl/sharedStrings.xml", data: Buffer.from("<sst/>"), declaredUncompressedSize: 0xfffffff0 },
      ]);
      const honestBytes = parts.reduce((sum, part) => sum + (part.data?.byteLength ?? 0), 0);

      expect(await inspectWorkbookBytes(zip)).toMatchObject({
        code: "FILE_ZIP_BOMB",
        params: { declaredBytes: 0xfffffff0 + honestBytes },
      });
    });

    it("more entries than the limit", async () => {
      const extra = Array.from({ length: DEFAULT_INSPECT_LIMITS.maxEntries }, (_, i) => ({
        name: `xl/media/image${i}.png`,
        data: Buffer.alloc(0),
        store: true,
      }));
      const zip = buildZip([...minimalWorkbookParts(), ...extra]);

      expect(await inspectWorkbookBytes(zip)).toEqual({
        ok: false,
        code: "FILE_ZIP_BOMB",
        params: { entries: DEFAULT_INSPECT_LIMITS.maxEntries + 3, limitEntries: 2000 },
      });
    });

    it("an end record declaring 65,535 entries, decided before reading any of them", async () => {
      // An end-of-central-directory record alone, pointing at a directory that does not exist.
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(0xffff, 8);
      eocd.writeUInt16LE(0xffff, 10);
      const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), eocd]);

      expect(await inspectWorkbookBytes(bytes)).toMatchObject({
        code: "FILE_ZIP_BOMB",
        params: { entries: 0xffff },
      });
    });

    it("a normal workbook when the caller's limits are tighter", async () => {
      const result = await inspectWorkbookBytes(workbookBytes, {
        maxUncompressedBytes: 1000,
        maxEntries: 2000,
      });

      expect(result).toMatchObject({ code: "FILE_ZIP_BOMB", params: { limitBytes: 1000 } });
    });
  });

  describe("FILE_NOT_WORKBOOK", () => {
    it.each([
      [
        "docx",
        "a Word document",
        [{ name: "[Content_Types].xml" }, { name: "_rels/.rels" }, { name: "word/document.xml" }],
      ],
      [
        "pptx",
        "a PowerPoint deck",
        [{ name: "[Content_Types].xml" }, { name: "_rels/.rels" }, { name: "ppt/presentation.xml" }],
      ],
      ["zip", "an ordinary zip", [{ name: "bao-cao/readme.txt" }, { name: "bao-cao/so-lieu.csv" }]],
      ["xlsb", "an Excel binary workbook", [{ name: "[Content_Types].xml" }, { name: "xl/workbook.bin" }]],
      [
        "ods",
        "a LibreOffice spreadsheet",
        [
          { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
          { name: "content.xml" },
          { name: "META-INF/manifest.xml" },
        ],
      ],
      [
        "odt",
        "a LibreOffice text document",
        [
          { name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true },
          { name: "content.xml" },
        ],
      ],
    ])(
      "detected %s: %s",
      async (detected, _label, entries: readonly { name: string; data?: string; store?: boolean }[]) => {
        const zip = buildZip(
          entries.map(({ name, data, store }) => ({
            name,
            data: Buffer.from(data ?? `<x name="${name}"/>`),
            store: store === true,
          })),
        );

        expect(await inspectWorkbookBytes(zip)).toEqual({
          ok: false,
          code: "FILE_NOT_WORKBOOK",
          params: { detected },
        });
      },
    );

    it("an empty zip archive", async () => {
      expect(await inspectWorkbookBytes(buildZip([]))).toEqual({
        ok: false,
        code: "FILE_NOT_WORKBOOK",
        params: { detected: "zip" },
      });
    });
  });
});

async function writeSmallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bao cao");
  sheet.addRow(["Đơn vị", "Chỉ tiêu", "Giá trị"]);
  for (let i = 1; i <= 50; i += 1) sheet.addRow([`Đơn vị ${i}`, "Số sáng kiến", i]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function minimalWorkbookParts(): ZipPart[] {
  return [
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "_rels/.rels", data: Buffer.from("<Relationships/>") },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
  ];
}

/**
 * A synthetic CFB container, not a file any program wrote: the 512-byte header with the magic,
 * then one 512-byte directory sector with the root entry and the given streams. It has what the
 * inspector looks at and nothing more; the real fixtures cover real files.
 */
function buildSyntheticOle(streamNames: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector

  const directory = Buffer.alloc(512);
  const entries: Array<[string, number]> = [
    ["Root Entry", 5],
    ...streamNames.map((name): [string, number] => [name, 2]),
  ];
  entries.forEach(([name, type], index) => {
    const at = index * 128;
    const encoded = Buffer.from(name, "utf16le");
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.byteLength + 2, at + 64);
    directory.writeUInt8(type, at + 66);
  });
  return Buffer.concat([header, directory]);
}

/** Deterministic noise, so a failure reproduces. */
function pseudoRandomBytes(length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i += 1)
    blocks.push(createHash("sha256").update(`thidua-${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}
