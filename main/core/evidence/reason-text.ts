/**
 * Ring reasons in English for the evidence PDF. The renderer words reasons with i18next
 * (renderer/i18n/ring-reason.ts, same sentences); the PDF is English until the localisation lands,
 * when its locale will come from the export call and this becomes the PDF's per-locale wording.
 */
import { readableDuration, reasonList, reasonNumber, reasonString, type StoredRingReason } from '../../api';

const LOCALE = 'en-US';

/** English nouns of the identifier kinds, singular and plural; a mapped kind without one is named as it is. */
const IDENTIFIER_NOUNS: Record<string, [string, string]> = {
  device: ['device', 'devices'],
  phone: ['phone', 'phones'],
  ip: ['IP', 'IPs'],
  card: ['card', 'cards'],
  address: ['address', 'addresses'],
  email: ['email', 'emails'],
};

/** One reason as an English sentence; a legacy stored sentence is shown as it was saved. */
export function ringReasonText(reason: StoredRingReason): string {
  if (typeof reason === 'string') return reason;
  const { params } = reason;
  const number = (name: string) => reasonNumber(params, name);
  const count = (name: string, singular: string, plural: string) => `${number(name).toLocaleString(LOCALE)} ${number(name) === 1 ? singular : plural}`;
  const duration = (name: string) => {
    const { value, unit } = readableDuration(number(name));
    return new Intl.NumberFormat(LOCALE, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
  const list = (items: string[]) => new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' }).format(items);
  switch (reason.code) {
    case 'shared_identifiers': {
      const counts = reasonList(params, 'counts');
      const identifiers = reasonList(params, 'kinds').map((kind, i) => {
        const n = Number(counts[i] ?? 0);
        const [singular, plural] = IDENTIFIER_NOUNS[String(kind)] ?? [String(kind), String(kind)];
        return `${n.toLocaleString(LOCALE)} ${n === 1 ? singular : plural}`;
      });
      return `${count('accounts', 'account shares', 'accounts share')} ${list(identifiers)}`;
    }
    case 'opening_burst':
      return `${number('opened').toLocaleString(LOCALE)} of ${count('accounts', 'account', 'accounts')} opened within ${duration('windowMs')}`;
    case 'money_cycle': {
      const more = number('moreCycles') > 0 ? `, and ${count('moreCycles', 'more cycle', 'more cycles')}` : '';
      return `money moved in a cycle through ${count('accounts', 'account', 'accounts')} (${reasonList(params, 'route').join('→')}) within ${duration('durationMs')}${more}`;
    }
    case 'blacklisted_members':
      return `${count('members', 'member', 'members')} already blacklisted`;
    case 'fan_in': {
      const details = [
        number('sharingSenders') > 0 ? `, ${number('sharingSenders').toLocaleString(LOCALE)} sharing identifiers with the cluster` : '',
        number('passingOn') > 0 ? `, ${number('passingOn').toLocaleString(LOCALE)} passing on money received just before` : '',
      ].join('');
      return `${count('senders', 'account pays', 'accounts pay')} into one account (${reasonString(params, 'hub')}) within ${duration('durationMs')}${details}`;
    }
    case 'merchant_burst': {
      const amounts = reasonList(params, 'amounts').map((amount) => (typeof amount === 'number' ? amount.toLocaleString(LOCALE) : amount));
      return `${count('accounts', 'account', 'accounts')} paid merchant ${reasonString(params, 'merchant')} round amounts (${amounts.join(', ')}) within ${duration('durationMs')}`;
    }
  }
}
