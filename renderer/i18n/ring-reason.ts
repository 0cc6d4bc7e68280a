import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { IDENTIFIER_KINDS, readableDuration, reasonList, reasonNumber, reasonString, type StoredRingReason } from '../../main/api';

const isIdentifierKind = (kind: string): kind is (typeof IDENTIFIER_KINDS)[number] => (IDENTIFIER_KINDS as readonly string[]).includes(kind);

/**
 * One ring reason (a code with parameters from the core, or a sentence a case stored before reasons
 * became codes, shown as saved) as a sentence in the current language.
 */
export function formatRingReason(reason: StoredRingReason, t: TFunction, language: string): string {
  if (typeof reason === 'string') return reason;
  const { params } = reason;
  const number = (name: string) => reasonNumber(params, name);
  const duration = (name: string) => {
    const { value, unit } = readableDuration(number(name));
    return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
  switch (reason.code) {
    case 'shared_identifiers': {
      const counts = reasonList(params, 'counts');
      const identifiers = reasonList(params, 'kinds').map((kind, i) => {
        const count = Number(counts[i] ?? 0);
        const name = String(kind);
        return isIdentifierKind(name) ? t(`ringReason.identifiers.${name}`, { count }) : t('ringReason.identifiers.named', { count, kind: name });
      });
      const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(identifiers);
      return t('ringReason.shared_identifiers', { count: number('accounts'), identifiers: list });
    }
    case 'opening_burst':
      return t('ringReason.opening_burst', { count: number('accounts'), opened: number('opened'), window: duration('windowMs') });
    case 'money_cycle': {
      const more = number('moreCycles') > 0 ? t('ringReason.moreCycles', { count: number('moreCycles') }) : '';
      return t('ringReason.money_cycle', { count: number('accounts'), route: reasonList(params, 'route').join('→'), duration: duration('durationMs'), more });
    }
    case 'blacklisted_members':
      return t('ringReason.blacklisted_members', { count: number('members') });
    case 'fan_in': {
      const details = [
        number('sharingSenders') > 0 ? t('ringReason.fanInSharing', { count: number('sharingSenders') }) : '',
        number('passingOn') > 0 ? t('ringReason.fanInPassingOn', { count: number('passingOn') }) : '',
      ].join('');
      return t('ringReason.fan_in', { count: number('senders'), hub: reasonString(params, 'hub'), duration: duration('durationMs'), details });
    }
    case 'merchant_burst': {
      const amountFormat = new Intl.NumberFormat(language);
      const amounts = reasonList(params, 'amounts').map((amount) => (typeof amount === 'number' ? amountFormat.format(amount) : amount));
      return t('ringReason.merchant_burst', {
        count: number('accounts'),
        merchant: reasonString(params, 'merchant'),
        amounts: new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format(amounts),
        duration: duration('durationMs'),
      });
    }
  }
}

/** formatRingReason in the language the UI shows now (re-renders when it changes). */
export function useRingReasonText(): (reason: StoredRingReason) => string {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  return useCallback((reason: StoredRingReason) => formatRingReason(reason, t, language), [t, language]);
}
