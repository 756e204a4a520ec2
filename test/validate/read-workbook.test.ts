import type { SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { writeKh } from "../fixtures/make-fixtures";
import { buildZip } from "../fixtures/zip";

/**
 * The reader against workbook XML as other programs write it (Excel, LibreOffice, web apps):
 * each cell shape exceljs can meet, turned into one plain snapshot value.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal but complete workbook package around one or two sheets' XML. */
function buildWorkbook(options: {
  sheets: readonly { name: string; state?: string; xml: string; relationshipId?: string }[];
  date1904?: string;
  sharedStrings?: string;
  workbookExtension?: string;
  backslashes?: boolean;
}): Buffer {
  const { sheets } = options;
  const workbookPr =
    options.date1904 === undefined ? "<workbookPr/>" : `<workbookPr date1904="${options.date1904}"/>`;
  return buildZip([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
          sheets
            .map(
              (_, index) =>
                `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join("") +
          `</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${workbookPr}<sheets>` +
          sheets
            .map(
              (sheet, index) =>
                `<sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="${sheet.relationshipId ?? `rId${index + 1}`}"/>`,
            )
            .join("") +
          `</sheets>${options.workbookExtension ?? ""}</workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          sheets
            .map(
              (_, index) =>
                `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
            )
            .join("") +
          `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` +
          (options.sharedStrings === undefined
            ? ""
            : `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="/xl/strings.xml"/>`) +
          `</Relationships>`,
      ),
    },
    ...(options.sharedStrings === undefined
      ? []
      : [
          {
            name: "xl/strings.xml",
            data: Buffer.from(
              `<?xml version="1.0" encoding="UTF-8"?>\r\n<sst xmlns="${MAIN}">${options.sharedStrings}</sst>`,
            ),
          },
        ]),
    {
      name: "xl/styles.xml",
      // Style 1: a custom date format as LibreOffice writes it (upper case); 2: built-in 0%; 3: built-in date (14).
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>` +
          `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
          `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
    },
    ...sheets.map((sheet, index) => ({
      name: `xl${options.backslashes ? "\\" : "/"}worksheets${options.backslashes ? "\\" : "/"}sheet${index + 1}.xml`,
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${sheet.xml}</worksheet>`,
      ),
    })),
  ]);
}

function sheetXml(cells: string, merges: readonly string[] = []): string {
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`
    : "";
  return `<sheetData>${cells}</sheetData>${mergeXml}`;
}

async function read(bytes: Buffer): Promise<WorkbookSnapshot> {
  const reading = await readWorkbookSnapshot(bytes);
  if (!reading.ok) throw new Error(`not read: ${reading.problem.code}`);
  return reading.snapshot;
}

async function readFirstSheet(cells: string, date1904?: string): Promise<SheetSnapshot["cells"]> {
  const snapshot = await read(
    buildWorkbook({
      sheets: [{ name: "Sheet1", xml: sheetXml(`<row r="1">${cells}</row>`) }],
      ...(date1904 === undefined ? {} : { date1904 }),
    }),
  );
  return snapshot.sheets[0]?.cells ?? {};
}

describe("each cell shape becomes one plain value", () => {
  it.each([
    ["a shared string is text", `<c r="A1" t="str"><v>Sở Nội vụ</v></c>`, { t: "s", v: "Sở Nội vụ" }],
    [
      "an inline string is text",
      `<c r="A1" t="inlineStr"><is><t>Sở Nội vụ</t></is></c>`,
      { t: "s", v: "Sở Nội vụ" },
    ],
    [
      "inline rich text is its text, runs joined",
      `<c r="A1" t="inlineStr"><is><r><t>Sở </t></r><r><rPr><b/></rPr><t>Nội vụ</t></r></is></c>`,
      { t: "s", v: "Sở Nội vụ" },
    ],
    ["a boolean is a boolean", `<c r="A1" t="b"><v>1</v></c>`, { t: "b", v: true }],
    ["an error value is an error", `<c r="A1" t="e"><v>#N/A</v></c>`, { t: "e", v: "#N/A" }],
    ["a number is a number", `<c r="A1"><v>1234.5</v></c>`, { t: "n", v: 1234.5 }],
    [
      "a number in a % format is a fraction marked percent",
      `<c r="A1" s="2"><v>0.85</v></c>`,
      { t: "n", v: 0.85, percent: true },
    ],
    [
      "a number in a custom DD/MM/YYYY format is a date",
      `<c r="A1" s="1"><v>46157</v></c>`,
      { t: "d", v: "2026-05-15" },
    ],
    [
      "a number in the built-in date format 14 is a date",
      `<c r="A1" s="3"><v>46157</v></c>`,
      { t: "d", v: "2026-05-15" },
    ],
    [
      "a date with a time keeps the time",
      `<c r="A1" s="1"><v>46157.75</v></c>`,
      { t: "d", v: "2026-05-15T18:00:00" },
    ],
    [
      "a formula's cached number is the value",
      `<c r="A1"><f>1+1</f><v>2</v></c>`,
      { t: "n", v: 2, formula: true },
    ],
    [
      "a formula's cached text is the value",
      `<c r="A1" t="str"><f>"Sở "&amp;"Nội vụ"</f><v>Sở Nội vụ</v></c>`,
      { t: "s", v: "Sở Nội vụ", formula: true },
    ],
    [
      "a formula's cached date is the value",
      `<c r="A1" s="1"><f>DATE(2026,5,15)</f><v>46157</v></c>`,
      { t: "d", v: "2026-05-15", formula: true },
    ],
    [
      "a formula's cached error is an error",
      `<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
      { t: "e", v: "#DIV/0!", formula: true },
    ],
    [
      "a formula's cached boolean is a boolean",
      `<c r="A1" t="b"><f>1=1</f><v>1</v></c>`,
      { t: "b", v: true, formula: true },
    ],
    [
      "a formula without a cached value has no result",
      `<c r="A1"><f>SUM(B1:B9)</f></c>`,
      { t: "z", formula: true },
    ],
    [
      "a formula whose cached result is the empty string gave text, not no result",
      `<c r="A1" t="str"><f>IF(1,"","x")</f><v></v></c>`,
      { t: "s", v: "", formula: true },
    ],
    [
      "entities and character references are decoded",
      `<c r="A1" t="inlineStr"><is><t>A &amp; B&#10;&#x1EA1;&lt;</t></is></c>`,
      { t: "s", v: "A & B\nạ<" },
    ],
    [
      "Excel's _xHHHH_ escapes are decoded",
      `<c r="A1" t="inlineStr"><is><t>dòng 1_x000D_</t></is></c>`,
      { t: "s", v: "dòng 1\r" },
    ],
    [
      "a phonetic guide is not part of the text",
      `<c r="A1" t="inlineStr"><is><r><t>Sở</t></r><rPh sb="0" eb="1"><t>so</t></rPh></is></c>`,
      { t: "s", v: "Sở" },
    ],
    [
      "a prefixed element name reads as its local name",
      `<x:c r="A1" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c>`,
      { t: "s", v: "x" },
    ],
    [
      "a CDATA section is text",
      `<c r="A1" t="inlineStr"><is><t><![CDATA[<b>&</b>]]></t></is></c>`,
      { t: "s", v: "<b>&</b>" },
    ],
    [
      "an ISO date cell is a date",
      `<c r="A1" t="d"><v>2026-05-15T00:00:00</v></c>`,
      { t: "d", v: "2026-05-15" },
    ],
  ])("%s", async (_label, xml, expected) => {
    expect((await readFirstSheet(xml)).A1).toEqual(expected);
  });

  it("a shared formula's followers carry their own cached results", async () => {
    const cells = await readFirstSheet(
      `<c r="A1"><f t="shared" ref="A1:C1" si="0">ROW()*2</f><v>2</v></c><c r="B1"><f t="shared" si="0"/><v>4</v></c><c r="C1"><f t="shared" si="0"/></c>`,
    );

    expect(cells).toEqual({
      A1: { t: "n", v: 2, formula: true },
      B1: { t: "n", v: 4, formula: true },
      C1: { t: "z", formula: true },
    });
  });

  it("leaves out empty cells: styled and unstyled, with no value", async () => {
    expect(
      await readFirstSheet(`<c r="A1" s="1"/><c r="B1"/><c r="C1" t="inlineStr"><is><t>x</t></is></c>`),
    ).toEqual({ C1: { t: "s", v: "x" } });
  });
});

describe("the 1904 date system", () => {
  const cell = `<c r="A1" s="1"><v>44695</v></c>`;

  it.each([
    ["absent (1900 system)", undefined, "2022-05-14", false],
    ['"1", as Excel writes it', "1", "2026-05-15", true],
    ['"true", as LibreOffice writes it', "true", "2026-05-15", true],
    ['"0"', "0", "2022-05-14", false],
    ['"false"', "false", "2022-05-14", false],
  ])("date1904 %s", async (_label, attribute, expected, is1904) => {
    const snapshot = await read(
      buildWorkbook({
        sheets: [{ name: "Sheet1", xml: sheetXml(`<row r="1">${cell}</row>`) }],
        ...(attribute === undefined ? {} : { date1904: attribute }),
      }),
    );

    expect(snapshot.date1904).toBe(is1904);
    expect(snapshot.sheets[0]?.cells.A1).toEqual({ t: "d", v: expected });
  });
});

describe("what other writers put around the values", () => {
  it("keeps the 1904 system when Excel 2013+ adds an <x15:workbookPr> extension without date1904", async () => {
    const extension = `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`;
    const snapshot = await read(
      buildWorkbook({
        date1904: "1",
        workbookExtension: extension,
        sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" s="3"><v>43831</v></c></row>`) }],
      }),
    );

    expect(snapshot.date1904).toBe(true);
    expect(snapshot.sheets[0]?.cells.A1).toEqual({ t: "d", v: "2024-01-02" });
  });

  it("reads a package whose part names use backslashes, as some Windows tools write them", async () => {
    const snapshot = await read(
      buildWorkbook({
        backslashes: true,
        sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>7</v></c></row>`) }],
      }),
    );

    expect(snapshot.sheets[0]?.cells).toEqual({ A1: { t: "n", v: 7 } });
  });

  it("FILE_UNREADABLE when a sheet points to no relationship (Excel refuses it too), never an empty workbook", async () => {
    const reading = await readWorkbookSnapshot(
      buildWorkbook({ sheets: [{ name: "Thông tin", relationshipId: "rId99", xml: sheetXml("") }] }),
    );

    expect(reading).toMatchObject({
      ok: false,
      problem: { code: "FILE_UNREADABLE", params: { reason: expect.stringContaining("rId99") as unknown } },
    });
  });

  it.each([
    [
      "a time alone stands on day zero",
      `<c r="A1" t="d"><v>13:45:30</v></c>`,
      { t: "d", v: "1899-12-30T13:45:30" },
    ],
    [
      "a date cell that is no date keeps its text, for the rules to judge",
      `<c r="A1" t="d"><v>giữa tháng 5</v></c>`,
      { t: "s", v: "giữa tháng 5" },
    ],
    [
      "a time shows the nearest second (10:30:59.6 is 10:31:00)",
      `<c r="A1" s="1"><v>${46157 + (10 * 3600 + 30 * 60 + 59.6) / 86400}</v></c>`,
      { t: "d", v: "2026-05-15T10:31:00" },
    ],
  ])("ISO and serial dates: %s", async (_label, xml, expected) => {
    expect((await readFirstSheet(xml)).A1).toEqual(expected);
  });
});

describe("shared strings and positions", () => {
  it("reads shared strings from the part the relationships name: plain, rich, phonetic left out, line ends normalised", async () => {
    const snapshot = await read(
      buildWorkbook({
        sharedStrings: `<si><t>Kế hoạch</t></si><si><r><t xml:space="preserve">Sở </t></r><r><rPr><b/></rPr><t>KH&amp;CN</t></r><rPh><t>x</t></rPh></si><si><t>a\r\nb</t></si><si><t/></si>`,
        sheets: [
          {
            name: "Sheet1",
            xml: sheetXml(
              `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>9</v></c></row>`,
            ),
          },
        ],
      }),
    );

    expect(snapshot.sheets[0]?.cells).toEqual({
      A2: { t: "s", v: "Kế hoạch" },
      B2: { t: "s", v: "Sở KH&CN" },
      C2: { t: "s", v: "a\nb" },
    });
  });

  it("places rows and cells without an r attribute after the previous ones", async () => {
    const cells = (
      await read(
        buildWorkbook({
          sheets: [
            {
              name: "S",
              xml: sheetXml(
                `<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`,
              ),
            },
          ],
        }),
      )
    ).sheets[0]?.cells;

    expect(cells).toEqual({ B3: { t: "n", v: 1 }, C3: { t: "n", v: 2 }, A4: { t: "n", v: 3 } });
  });

  it("keeps only the top-left value of a merge, as Excel shows it", async () => {
    const rows =
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>4</v></c><c r="E1"><v>5</v></c><c r="F1"><v>6</v></c></row>` +
      `<row r="2"><c r="A2"><v>7</v></c><c r="C2"><v>8</v></c><c r="F2"><v>9</v></c></row><row r="9"><c r="A9"><v>10</v></c></row>`;
    const cells = (
      await read(
        buildWorkbook({ sheets: [{ name: "S", xml: sheetXml(rows, ["A1:B2", "E1:F2", "A3:A1048576"]) }] }),
      )
    ).sheets[0]?.cells;

    expect(cells).toEqual({
      A1: { t: "n", v: 1 },
      D1: { t: "n", v: 4 },
      E1: { t: "n", v: 5 },
      C2: { t: "n", v: 8 },
    });
  });

  it("FILE_UNREADABLE when a part holds other than its declared size", async () => {
    const bytes = buildZip([
      {
        name: "xl/workbook.xml",
        data: Buffer.from(`<workbook><sheets/></workbook>`),
        declaredUncompressedSize: 5,
      },
    ]);

    expect(await readWorkbookSnapshot(bytes)).toMatchObject({
      ok: false,
      problem: {
        code: "FILE_UNREADABLE",
        params: { reason: expect.stringContaining("xl/workbook.xml") as unknown },
      },
    });
  });
});

describe("sheets", () => {
  it("keeps each sheet's name, state and merged ranges", async () => {
    const snapshot = await read(
      buildWorkbook({
        sheets: [
          {
            name: "Thông tin",
            xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`, [
              "A1:C1",
              "B4:B5",
            ]),
          },
          { name: "DanhMuc", state: "hidden", xml: sheetXml("") },
          { name: "_thidua", state: "veryHidden", xml: sheetXml("") },
        ],
      }),
    );

    expect(snapshot.sheets.map(({ name, state, merges }) => ({ name, state, merges }))).toEqual([
      { name: "Thông tin", state: "visible", merges: ["A1:C1", "B4:B5"] },
      { name: "DanhMuc", state: "hidden", merges: [] },
      { name: "_thidua", state: "veryHidden", merges: [] },
    ]);
  });
});

describe("limits", () => {
  it.each([
    [
      "an unterminated tag",
      `<sheetData><row r="1"><c r="A1"`,
      /xl\/worksheets\/sheet1\.xml: unterminated start tag/,
    ],
    [
      "a document type declaration (entity expansion)",
      `<!DOCTYPE x [<!ENTITY a "aaaa">]><sheetData/>`,
      /document type declarations are not allowed/,
    ],
    ["an attribute without quotes", `<sheetData><row r=1/></sheetData>`, /expected a quoted attribute value/],
  ])("FILE_UNREADABLE naming the part for %s", async (_label, xml, reason) => {
    const reading = await readWorkbookSnapshot(buildWorkbook({ sheets: [{ name: "Sheet1", xml }] }));

    expect(reading).toMatchObject({
      ok: false,
      problem: { code: "FILE_UNREADABLE", params: { reason: expect.stringMatching(reason) as unknown } },
    });
  });

  it("FILE_ZIP_BOMB under a lower limit on the declared size", async () => {
    const bytes = await writeKh();
    const reading = await readWorkbookSnapshot(bytes, {
      limits: { maxUncompressedBytes: 10_000, maxEntries: 2000 },
    });

    expect(reading).toMatchObject({
      ok: false,
      problem: { code: "FILE_ZIP_BOMB", params: { limitBytes: 10_000 } },
    });
  });

  it("never changes the bytes it reads", async () => {
    const bytes = await writeKh();
    const copy = Buffer.from(bytes);
    await readWorkbookSnapshot(bytes);

    expect(bytes.equals(copy)).toBe(true);
  });
});
