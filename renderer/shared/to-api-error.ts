import { ApiError } from '../../main/api';

/** Any failure as an ApiError, so screens handle one error shape (bridges already throw ApiErrors). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error), { reason: 'internal_error' });
}
