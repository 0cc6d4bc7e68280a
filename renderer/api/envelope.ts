import { API_ERROR_CODES, ApiError, apiMethodPaths, isKnownReason, type Api, type ApiEnvelope, type ProgressEvent } from '../../main/api';

/** Turns a shell's envelope into the value, or throws the ApiError it carries. Shared by both bridges. */
export function unwrapEnvelope<T>(body: unknown): T {
  if (!isEnvelope(body)) throw new ApiError('internal', 'RingScope sent an answer the app does not understand', { reason: 'answer_not_understood' });
  if (body.ok) return body.value as T;
  // A shell newer than this page may send a reason it has no words for: it still gets its code's general text.
  const { code, reason } = body.error;
  throw ApiError.fromBody(isKnownReason(code, reason) ? body.error : { ...body.error, reason: code === 'cancelled' ? 'cancelled' : 'internal_error' });
}

function isEnvelope(body: unknown): body is ApiEnvelope<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error as { code?: unknown; message?: unknown } | null;
  return typeof error?.message === 'string' && (API_ERROR_CODES as readonly unknown[]).includes(error.code);
}

/** How a bridge performs one call: resolves to the unwrapped value or rejects with an ApiError. */
export type CallMethod = (area: string, name: string, input: unknown) => Promise<unknown>;

/**
 * Builds the typed Api object from the contract's method list, so a method added to main/api
 * reaches the renderer without touching either bridge.
 */
export function buildApi(call: CallMethod, onProgress: (listener: (event: ProgressEvent) => void) => () => void): Api {
  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { area, name } of apiMethodPaths) {
    areas[area] ??= {};
    areas[area][name] = (input) => call(area, name, input ?? {});
  }
  return { ...areas, events: { onProgress } } as unknown as Api;
}
