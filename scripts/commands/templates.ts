import type { CommandExit, CommandIo } from "./io";
import { join } from "node:path";
import { WORKBOOK_SPECS, type WorkbookKind } from "../../core/index";
import { writeFileAtomic } from "../io/atomic-write";
import { writeTemplateBuffer } from "../xlsx/write-template";

export const DEFAULT_TEMPLATES_DIR = "templates";

/** Writes the blank templates (the three submissions and the registry) into a folder. */
export async function runTemplates(options: { out: string }): Promise<string[]> {
  const written: string[] = [];
  for (const kind of Object.keys(WORKBOOK_SPECS) as WorkbookKind[]) {
    const spec = WORKBOOK_SPECS[kind];
    const path = join(options.out, spec.fileName);
    await writeFileAtomic(path, await writeTemplateBuffer(spec));
    written.push(path);
  }
  return written;
}

/** `thidua templates`: writes them and prints one path a line. */
export async function templatesCommand(options: { out: string }, io: CommandIo): Promise<CommandExit> {
  for (const path of await runTemplates(options)) io.stdout.write(`${path}\n`);
  return 0;
}
