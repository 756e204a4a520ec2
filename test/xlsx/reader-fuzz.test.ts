import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROBLEM_CODES } from "../../core/problems";
import { createRandom, type Random } from "../../scripts/sample/random";
import { inspectWorkbookBytes } from "../../xlsx-read/index";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { inflateWithZlib } from "../../scripts/xlsx/node-inflate";
import { openZipParts } from "../../xlsx-read/index";
import { buildZip } from "../fixtures/zip";
import { itFullLayer } from "../support/tools";

/**
 * Damaged submissions, generated: a committed template with one of its XML parts cut, spliced or
 * sprinkled with markup, and whole files with bytes flipped or cut short. Whatever the damage,
 * reading settles with a snapshot or one located problem; it never throws, so a consolidation
 * always goes on to the next file.
 */

const TEMPLATE = join(__dirname, "../../templates/BC_bao-cao-nam.xlsx");
const CASES = 400;
const MARKUP = [
  "<",
  ">",
  "</c>",
  '<c r="A1">',
  "&",
  "&#xFFFFFF;",
  '"',
  "<![CDATA[",
  "<!DOCTYPE x>",
  "<?x",
  "<v>",
  "</row>",
  "\u0000",
  "<x:y:z>",
];

async function readParts(bytes: Buffer): Promise<{ name: string; text: string }[]> {
  const inspection = await inspectWorkbookBytes(bytes);
  if (!inspection.ok) throw new Error("the template itself should be readable");
  const parts = openZipParts(bytes, inspection.locations, inflateWithZlib);
  return [...inspection.locations.keys()].map((name) => ({ name, text: parts.text(name) ?? "" }));
}

function damageText(text: string, random: Random): string {
  const at = random.int(0, text.length);
  switch (random.int(0, 3)) {
    case 0:
      return text.slice(0, at); // cut short
    case 1:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + random.int(1, 200))); // a piece missing
    case 2:
      return text.slice(0, at) + random.pick(MARKUP) + text.slice(at); // stray markup
    default:
      return text.slice(0, at) + text.slice(random.int(0, text.length)); // spliced onto another place
  }
}

function damageBytes(bytes: Buffer, random: Random): Buffer {
  const copy = Buffer.from(bytes);
  if (random.chance(0.3)) return copy.subarray(0, random.int(0, copy.length));
  for (let flips = random.int(1, 8); flips > 0; flips -= 1)
    copy[random.int(0, copy.length - 1)] = random.int(0, 255);
  return copy;
}

describe("reading damaged workbooks", () => {
  const codes = new Set<string>(PROBLEM_CODES);

  itFullLayer(
    `settles ${CASES} damaged XML parts with a snapshot or one file problem, never an exception`,
    async () => {
      const parts = await readParts(readFileSync(TEMPLATE));
      const random = createRandom(20261126);
      const seen = new Map<string, number>();
      for (let index = 0; index < CASES; index += 1) {
        const victim = random.pick(
          parts.filter((part) => part.name.endsWith(".xml") || part.name.endsWith(".rels")),
        );
        const damaged = parts.map((part) => ({
          name: part.name,
          data: Buffer.from(part === victim ? damageText(part.text, random) : part.text),
        }));
        const reading = await readWorkbookSnapshot(buildZip(damaged));
        const outcome = reading.ok ? "ok" : reading.problem.code;
        if (!reading.ok)
          expect({ index, code: codes.has(reading.problem.code), sheet: reading.problem.sheet }).toEqual({
            index,
            code: true,
            sheet: null,
          });
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      }
      // The damage is real: most cases are refused, naming the part in their reason.
      expect(seen.get("FILE_UNREADABLE") ?? 0).toBeGreaterThan(CASES / 3);
    },
  );

  // It proves only that nothing throws and that a refusal uses a known code, not which problem a
  // given damage gives.
  it(`does not throw on ${CASES} files with flipped bytes or cut short`, async () => {
    const bytes = readFileSync(TEMPLATE);
    const random = createRandom(7);
    for (let index = 0; index < CASES; index += 1) {
      const reading = await readWorkbookSnapshot(damageBytes(bytes, random));
      if (!reading.ok)
        expect({ index, known: codes.has(reading.problem.code) }).toEqual({ index, known: true });
    }
  });
});
