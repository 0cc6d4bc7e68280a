/**
 * The path dialog's choices as plain data: the mapped link kinds to offer (with the words to show
 * them), the answer read back as a notice, and the request made of them.
 */
import type { TFunction } from 'i18next';
import { MAX_PATH_HOPS, type PathLinkType, type PathsInput, type PathsResult } from '../../main/api';

/**
 * What a link kind is called in the dialog: the identifier or money kind; a team's direct account
 * link or event-node link by its own name (relationship type, event label) with what it is.
 */
export function linkTypeLabel(t: TFunction, linkType: PathLinkType): string {
  if (linkType.mappedAs === 'account-link') return t('pathSearch.linkKinds.accountLink', { type: linkType.type });
  if (linkType.mappedAs === 'event-link') return t('pathSearch.linkKinds.eventLink', { label: linkType.type });
  return linkType.identifierKind ? t(`kinds.${linkType.identifierKind}`) : t(`edgeKinds.${linkType.kind}`);
}

export interface PathChoices {
  linkTypes: readonly string[];
  /** As typed; checked by `maxHopsError`. */
  maxHops: string;
  all: boolean;
  limit: number;
}

export const DEFAULT_PATH_HOPS = 6;
export const DEFAULT_PATH_CAP = 25;

/** Why the typed maximum length cannot be sent, or null. */
export function maxHopsError(t: TFunction, maxHops: string): string | null {
  const hops = Number(maxHops);
  return /^\d+$/.test(maxHops.trim()) && hops >= 1 && hops <= MAX_PATH_HOPS ? null : t('pathSearch.find.maxHopsRange', { max: MAX_PATH_HOPS });
}

export function pathsRequest(fromId: string, toId: string, choices: PathChoices): Omit<PathsInput, 'taskId'> {
  return { fromId, toId, linkTypes: [...choices.linkTypes], maxHops: Number(choices.maxHops), all: choices.all, limit: choices.limit };
}

/** What the investigator reads after a search: the path(s) added, or that none is that short. */
export function pathOutcome(t: TFunction, result: PathsResult, ends: { from: string; to: string }): { severity: 'success' | 'info'; text: string } {
  if (result.status === 'no_path_within_hops') return { severity: 'info', text: t('pathSearch.find.noPath', { count: result.maxHops, ...ends }) };
  const added = t('pathSearch.find.found', { count: result.paths.length, hops: result.length, ...ends });
  return { severity: 'success', text: result.truncated ? `${added} ${t('pathSearch.find.truncated', { count: result.paths.length })}` : added };
}
