import type { ApiErrorCode } from '../api';

/** HTTP status for each ApiError code, so plain HTTP clients see a meaningful status too. */
export const HTTP_STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  auth_failed: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  cancelled: 409,
  unavailable: 503,
  internal: 500,
};
