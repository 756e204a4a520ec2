import { main } from "../../scripts/cli";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `thidua ARGS` in this process, through the CLI's main() with its output captured: the same
 * parsing, commands and exit codes as the bin, without a process start per case. `cwd` is the
 * folder relative paths (and a default thidua.config.json) are read from; `stderrIsTTY` makes stderr
 * a terminal (the progress bar is drawn into the captured stderr).
 */
export async function runCli(
  args: readonly string[],
  options: { cwd?: string; stderrIsTTY?: boolean } = {},
): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const previous = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args, {
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
      stderrIsTTY: options.stderrIsTTY ?? false,
    });
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.chdir(previous);
  }
}
