/**
 * Ring reasons for the evidence PDF, in the exporter's language. The renderer words reasons with
 * i18next (renderer/i18n/ring-reason.ts, same sentences); the core has no i18next, so the two
 * languages are written out here.
 */
import { readableDuration, reasonList, reasonNumber, reasonString, type StoredRingReason, type UiLocale } from '../../api';

const LOCALE = 'en-US';

/** English nouns of the identifier kinds, singular and plural; a team's own kind is its display name ("SSN", "SSNs"). */
const IDENTIFIER_NOUNS: Record<string, [string, string]> = {
  device: ['device', 'devices'],
  phone: ['phone', 'phones'],
  ip: ['IP', 'IPs'],
  card: ['card', 'cards'],
  address: ['address', 'addresses'],
  email: ['email', 'emails'],
};

/** One reason as a sentence in `locale`; a legacy stored sentence is shown as it was saved. */
export function ringReasonText(reason: StoredRingReason, locale: UiLocale = 'en'): string {
  if (typeof reason === 'string') return reason;
  if (locale === 'zh-CN') return chineseReasonText(reason);
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
        const [singular, plural] = IDENTIFIER_NOUNS[String(kind)] ?? [String(kind), `${String(kind)}s`];
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

const ZH_LOCALE = 'zh-CN';
const ZH_IDENTIFIER_NOUNS: Record<string, string> = { device: '设备', phone: '手机号', ip: 'IP', card: '银行卡', address: '地址', email: '邮箱' };

function chineseReasonText(reason: Exclude<StoredRingReason, string>): string {
  const { params } = reason;
  const number = (name: string) => reasonNumber(params, name).toLocaleString(ZH_LOCALE);
  const duration = (name: string) => {
    const { value, unit } = readableDuration(reasonNumber(params, name));
    return new Intl.NumberFormat(ZH_LOCALE, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
  switch (reason.code) {
    case 'shared_identifiers': {
      const counts = reasonList(params, 'counts');
      const identifiers = reasonList(params, 'kinds').map((kind, i) => `${Number(counts[i] ?? 0).toLocaleString(ZH_LOCALE)} 个${ZH_IDENTIFIER_NOUNS[String(kind)] ?? ` ${String(kind)}`}`);
      return `${number('accounts')} 个账户共用 ${identifiers.join('、')}`;
    }
    case 'opening_burst':
      return `${number('accounts')} 个账户中有 ${number('opened')} 个在 ${duration('windowMs')}内开户`;
    case 'money_cycle': {
      const more = reasonNumber(params, 'moreCycles') > 0 ? `，另有 ${number('moreCycles')} 个循环` : '';
      return `资金在 ${number('accounts')} 个账户间循环流转（${reasonList(params, 'route').join('→')}），历时 ${duration('durationMs')}${more}`;
    }
    case 'blacklisted_members':
      return `${number('members')} 名成员已在黑名单中`;
    case 'fan_in': {
      const details = [
        reasonNumber(params, 'sharingSenders') > 0 ? `，其中 ${number('sharingSenders')} 个与团伙共用标识` : '',
        reasonNumber(params, 'passingOn') > 0 ? `，${number('passingOn')} 个收款后随即转出` : '',
      ].join('');
      return `${number('senders')} 个账户在 ${duration('durationMs')}内向同一账户（${reasonString(params, 'hub')}）汇款${details}`;
    }
    case 'merchant_burst': {
      const amounts = reasonList(params, 'amounts').map((amount) => (typeof amount === 'number' ? amount.toLocaleString(ZH_LOCALE) : amount));
      return `${number('accounts')} 个账户在 ${duration('durationMs')}内向商户 ${reasonString(params, 'merchant')} 支付整额款项（${amounts.join('、')}）`;
    }
  }
}
