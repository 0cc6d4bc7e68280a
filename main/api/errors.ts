/**
 * The one error shape that crosses the Api boundary (IPC or HTTP). Shells turn every failure into
 * an ApiError envelope so the renderer shows a clean message, never a stack trace or driver internals.
 */
export const API_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unavailable',
  'auth_failed',
  'cancelled',
  'conflict',
  'forbidden',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** For invalid_input: the offending fields, as dotted paths ("query", "limit"). */
  fields?: { path: string; message: string }[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields?: ApiErrorBody['fields'];

  constructor(code: ApiErrorCode, message: string, fields?: ApiErrorBody['fields']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields);
  }
}

/** What a shell sends back for every call: the renderer-side bridges unwrap it. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
