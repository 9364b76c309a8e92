// What a command may touch of the outside world, passed in so that commands can be run in tests without a process.
export interface CliIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour on stdout: a TTY and no NO_COLOR. */
  color: boolean;
  /** Progress on stderr: a TTY, and not --quiet. */
  isTTY: boolean;
  version: string;
}
