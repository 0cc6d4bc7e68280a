import { describe, expect, it } from 'vitest';
import { caseTitle } from '../../../renderer/cases/case-title';
import { formattersFor } from '../../../renderer/i18n/format';
import { i18n, initialLanguage } from '../../../renderer/i18n/i18n';

describe('UI language at start', () => {
  it('keeps the language the user picked before', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('follows the first preferred browser language RingScope speaks, any Chinese reading simplified Chinese', () => {
    expect(initialLanguage(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(initialLanguage(null, ['zh-TW'])).toBe('zh-CN');
    expect(initialLanguage(null, ['de-DE', 'en-GB', 'zh'])).toBe('en');
    expect(initialLanguage('fr', ['fr-FR'])).toBe('en');
  });
});

describe('formatters', () => {
  it('write numbers, amounts, dates and relative times as each language does', () => {
    const zh = formattersFor('zh-CN');
    const en = formattersFor('en');
    expect(zh.number(1234567)).toBe('1,234,567');
    expect(zh.amount(1234.5)).toBe('¥1,234.50');
    expect(en.amount(1234.5)).toBe('CN¥1,234.50');
    expect(zh.percent(0.42)).toBe('42%');
    expect(zh.score(0.5)).toBe('0.50');
    expect(en.score(null)).toBe('—');
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(zh.relativeTime('2026-11-30T11:57:00Z', now)).toBe('3分钟前');
    expect(en.relativeTime('2026-11-30T11:57:00Z', now)).toBe('3 minutes ago');
    expect(en.relativeTime('2026-11-29T12:00:00Z', now)).toBe('yesterday');
    expect(zh.dateTime('2026-11-30T04:05:00Z')).toMatch(/^2026年11月30日 \d{2}:05$/);
  });
});

describe('case titles', () => {
  const ringCase = { title: '', cluster: { origin: 'ring' as const, ringId: 'C0042', ringKind: 'cash-out' as const, score: 0.9, reasons: [], accounts: [], identifierNodeIds: [] } };
  const accountsCase = { title: '', cluster: { ...ringCase.cluster, origin: 'selection' as const, ringId: null, ringKind: null, accounts: [{ nodeId: 'account:U1', userId: 'U1' }, { nodeId: 'account:U2', userId: 'U2' }] } };

  it('title an untitled case from its origin in the reader’s language', () => {
    expect(caseTitle(ringCase, i18n.getFixedT('en'))).toBe('Ring C0042 · Cash-out');
    expect(caseTitle(ringCase, i18n.getFixedT('zh-CN'))).toBe('团伙 C0042 · 套现');
    expect(caseTitle(accountsCase, i18n.getFixedT('en'))).toBe('Account U1 and 1 more');
    expect(caseTitle(accountsCase, i18n.getFixedT('zh-CN'))).toBe('账户 U1 及另外 1 个');
    expect(caseTitle({ ...accountsCase, cluster: { ...accountsCase.cluster, accounts: accountsCase.cluster.accounts.slice(0, 1) } }, i18n.getFixedT('zh-CN'))).toBe('账户 U1');
  });

  it('keep the investigator’s own title', () => {
    expect(caseTitle({ ...ringCase, title: '双十一套现团伙' }, i18n.getFixedT('en'))).toBe('双十一套现团伙');
  });
});
