import type { TFunction } from 'i18next';
import type { ApiError } from '../../main/api';

const FILE_FAILURE_CAUSES = ['disk_full', 'not_writable', 'path_blocked', 'locked', 'other'] as const;

/** What went wrong, in the investigator's language, from the error's reason and parameters (never its developer message). */
export function errorText(t: TFunction, error: ApiError): string {
  const params: Record<string, string | number> = { ...error.params };
  const cause = FILE_FAILURE_CAUSES.find((known) => known === params.cause);
  if (params.cause !== undefined) params.cause = t(`errors.cause.${cause ?? 'other'}`);
  return t(`errors.reason.${error.reason}`, params);
}
