import type { TFunction } from 'i18next';
import type { ApiError } from '../../main/api';

const FILE_FAILURE_CAUSES = ['disk_full', 'not_writable', 'path_blocked', 'locked', 'other'] as const;
/** What would work on a graph too large for in-process detection, as the core names it (ring-service). */
const GRAPH_TOO_LARGE_ADVICE = ['gds', 'upstream', 'gds_or_upstream', 'none'] as const;

/** What went wrong, in the investigator's language, from the error's reason and parameters (never its developer message). */
export function errorText(t: TFunction, error: ApiError): string {
  const params: Record<string, string | number> = { ...error.params };
  const cause = FILE_FAILURE_CAUSES.find((known) => known === params.cause);
  if (params.cause !== undefined) params.cause = t(`errors.cause.${cause ?? 'other'}`);
  const advice = GRAPH_TOO_LARGE_ADVICE.find((known) => known === params.advice);
  if (advice) params.advice = t(`errors.advice.${advice}`);
  return t(`errors.reason.${error.reason}`, params);
}
