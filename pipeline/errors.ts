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
