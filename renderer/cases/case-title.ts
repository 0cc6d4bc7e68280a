import type { TFunction } from 'i18next';
import type { Case } from '../../main/api';

/**
 * A case's title in the reader's language: the investigator's own title, or for an untitled case one
 * made from its origin (the ring's id and kind, or its first account), so it reads right in any language.
 */
export function caseTitle(item: Pick<Case, 'title' | 'cluster'>, t: TFunction): string {
  if (item.title) return item.title;
  const { ringId, ringKind, accounts } = item.cluster;
  if (ringId) return t('cases.generatedTitle.ring', { ringId, kind: ringKind ? t(`rings.ringKinds.${ringKind}`) : '—' });
  if (accounts.length === 0) return t('cases.generatedTitle.empty');
  return t('cases.generatedTitle.accounts', { userId: accounts[0].userId, count: accounts.length - 1 });
}
