// Failures of the program itself (not findings about the data): typed, coded, turned into exit 2 at the CLI edge.

/** Every operational failure the tool can report, with the message a user sees. */
export const ErrorCodes = {
  USAGE: 'usage error',
  MISSING_FOLDER: 'folder not found',
  MISSING_FILE: 'file not found',
  UNREADABLE: 'cannot read',
  UNWRITABLE: 'cannot write',
  TEMPLATE: 'template error',
  UNSUPPORTED_FORMAT: 'unsupported format',
  LIMIT: 'input too large',
  INTERNAL: 'internal error',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class ReviewError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReviewError';
    this.code = code;
    this.path = options.path;
  }
}

export function isReviewError(error: unknown): error is ReviewError {
  return error instanceof ReviewError;
}

// Control characters (a newline or an ESC in a file name or a message) shown as Unicode's control pictures, as cell
// text is, so a name can neither break a report line nor drive the reader's terminal.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text with its control characters replaced by visible symbols (U+2400–U+2421; U+FFFD for the rest). */
export function controlPictures(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}
