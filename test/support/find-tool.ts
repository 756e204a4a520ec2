import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";
import TOOLS from "./tools.json";

/** Programs from outside npm that some tests and benches run (no jest here: benches import it too). */
export type Tool = keyof typeof TOOLS;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The program's path: the environment variable if set, else the first match on PATH; null when missing. */
export function findTool(tool: Tool): string | null {
  const { command, env } = TOOLS[tool];
  const wanted = process.env[env] ?? command;
  if (isAbsolute(wanted)) return isExecutable(wanted) ? wanted : null;
  const names = process.platform === "win32" ? [`${wanted}.exe`, `${wanted}.cmd`, wanted] : [wanted];
  for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean))
    for (const name of names) if (isExecutable(join(dir, name))) return join(dir, name);
  return null;
}
