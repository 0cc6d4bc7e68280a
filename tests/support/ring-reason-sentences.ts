import type { StoredRingReason } from '../../main/api';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const route = ['U1', 'U2', 'U3', 'U1'];

/**
 * Every ring reason code (plurals, durations, optional parts) and the English sentence the investigator
 * reads; the renderer's and the PDF's formatters must both say exactly this.
 */
export const RING_REASON_SENTENCES: [what: string, reason: StoredRingReason, sentence: string][] = [
  ['shared identifiers, plural kinds', { code: 'shared_identifiers', params: { accounts: 6, kinds: ['device', 'phone'], counts: [2, 3] } }, '6 accounts share 2 devices and 3 phones'],
  [
    'shared identifiers, singular kinds and a large count',
    { code: 'shared_identifiers', params: { accounts: 1234, kinds: ['card', 'ip', 'email'], counts: [1, 1, 4] } },
    '1,234 accounts share 1 card, 1 IP, and 4 emails',
  ],
  ['shared addresses', { code: 'shared_identifiers', params: { accounts: 3, kinds: ['address'], counts: [2] } }, '3 accounts share 2 addresses'],
  ['a mapped kind named as the mapping calls it', { code: 'shared_identifiers', params: { accounts: 7, kinds: ['SSN'], counts: [2] } }, '7 accounts share 2 SSNs'],
  ['one identifier of a mapped kind', { code: 'shared_identifiers', params: { accounts: 3, kinds: ['Wallet'], counts: [1] } }, '3 accounts share 1 Wallet'],
  ['an opening burst within hours', { code: 'opening_burst', params: { opened: 4, accounts: 6, windowMs: 48 * HOUR } }, '4 of 6 accounts opened within 48 hours'],
  ['an opening burst within days', { code: 'opening_burst', params: { opened: 3, accounts: 5, windowMs: 72 * HOUR } }, '3 of 5 accounts opened within 3 days'],
  [
    'a money cycle',
    { code: 'money_cycle', params: { accounts: 3, route, durationMs: 2 * HOUR, moreCycles: 0 } },
    'money moved in a cycle through 3 accounts (U1→U2→U3→U1) within 2 hours',
  ],
  [
    'a money cycle and one more',
    { code: 'money_cycle', params: { accounts: 3, route, durationMs: 45 * MINUTE, moreCycles: 1 } },
    'money moved in a cycle through 3 accounts (U1→U2→U3→U1) within 45 minutes, and 1 more cycle',
  ],
  [
    'a money cycle within a minute and two more',
    { code: 'money_cycle', params: { accounts: 3, route, durationMs: 1, moreCycles: 2 } },
    'money moved in a cycle through 3 accounts (U1→U2→U3→U1) within 1 minute, and 2 more cycles',
  ],
  ['one blacklisted member', { code: 'blacklisted_members', params: { members: 1 } }, '1 member already blacklisted'],
  ['blacklisted members', { code: 'blacklisted_members', params: { members: 2 } }, '2 members already blacklisted'],
  [
    'a fan-in of mules sharing identifiers',
    { code: 'fan_in', params: { senders: 3, hub: 'U0000000', durationMs: 2 * HOUR, sharingSenders: 3, passingOn: 3 } },
    '3 accounts pay into one account (U0000000) within 2 hours, 3 sharing identifiers with the cluster, 3 passing on money received just before',
  ],
  ['a plain fan-in', { code: 'fan_in', params: { senders: 4, hub: 'U9', durationMs: 30 * HOUR, sharingSenders: 0, passingOn: 0 } }, '4 accounts pay into one account (U9) within 30 hours'],
  [
    'a merchant burst',
    { code: 'merchant_burst', params: { accounts: 4, merchant: 'M00017', amounts: [250, 500, 1000], durationMs: 3 * HOUR } },
    '4 accounts paid merchant M00017 round amounts (250, 500, 1,000) within 3 hours',
  ],
  ['a sentence a case stored before reasons became codes', '6 accounts share 2 devices', '6 accounts share 2 devices'],
];
