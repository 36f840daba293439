import { ERROR_CODES, type ErrorCode } from './errorCodes';

/** A failure the client caused or must know about: becomes `{code, message, details}`. */
export class ApiFailure extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
}
