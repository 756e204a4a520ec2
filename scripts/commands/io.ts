/** Where a command writes: the process's streams, or a test's buffers. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** A progress bar is drawn only on a terminal. */
  readonly stderrIsTTY: boolean;
}

/** A command's exit code when it has done its work: 0, or 1 when what it judged has an error. */
export type CommandExit = 0 | 1;
