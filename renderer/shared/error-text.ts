import type { TFunction } from 'i18next';
import { CASE_ACTION_RULES, CASE_STATUSES, type ApiError, type CaseAction } from '../../main/api';

const FILE_FAILURE_CAUSES = ['disk_full', 'not_writable', 'path_blocked', 'locked'] as const;
const RECORD_KINDS = ['case', 'delivery'] as const;
const ALTERED_PARTS = ['signature', 'members', 'snapshot'] as const;
const CASE_ACTIONS = Object.keys(CASE_ACTION_RULES) as CaseAction[];
/** What would work on a graph too large for in-process detection, as the core names it (ring-service). */
const GRAPH_TOO_LARGE_ADVICE = ['gds', 'upstream', 'gds_or_upstream', 'none'] as const;

/** `value` as one of `codes`, or undefined when this build does not know it. */
const codeIn = <C extends string>(codes: readonly C[], value: string | number): C | undefined => codes.find((code) => code === value);

/**
 * Parameters the core sends as codes, never as words, and how each is worded. A code this build
 * does not know is worded as "other" where the group has one, else shown as sent.
 */
const CODE_WORDS: Record<string, (t: TFunction, value: string | number) => string | number> = {
  cause: (t, value) => t(`errors.cause.${codeIn(FILE_FAILURE_CAUSES, value) ?? 'other'}`),
  kind: (t, value) => t(`errors.recordKind.${codeIn(RECORD_KINDS, value) ?? 'other'}`),
  part: (t, value) => t(`errors.alteredPart.${codeIn(ALTERED_PARTS, value) ?? 'other'}`),
  status: (t, value) => {
    const status = codeIn(CASE_STATUSES, value);
    return status ? t(`cases.status.${status}`) : value;
  },
  action: (t, value) => {
    const action = codeIn(CASE_ACTIONS, value);
    return action ? t(`errors.caseAction.${action}`) : value;
  },
  advice: (t, value) => {
    const advice = codeIn(GRAPH_TOO_LARGE_ADVICE, value);
    return advice ? t(`errors.advice.${advice}`) : value;
  },
};

/** What went wrong, in the investigator's language, from the error's reason and parameters (never its developer message). */
export function errorText(t: TFunction, error: ApiError): string {
  const params: Record<string, string | number> = { ...error.params };
  for (const [name, word] of Object.entries(CODE_WORDS)) if (params[name] !== undefined) params[name] = word(t, params[name]);
  return t(`errors.reason.${error.reason}`, params);
}
