import { beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, TextSearchResult } from '../../../main/api';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { cardLastFour, luceneQuery, matchesWordStart, phoneQuery } from '../../../main/core/sources/text-search';

const signal = () => new AbortController().signal;

describe('text matching for search', () => {
  it('matches a word start anywhere in a value, in any case, but not inside a word', () => {
    expect(matchesWordStart('Lindenstraße 12, 10115 Berlin', 'berlin')).toBe(true);
    expect(matchesWordStart('anna.k@web.de', 'web.de')).toBe(true);
    expect(matchesWordStart('Lindenstraße 12, 10115 Berlin', 'erlin')).toBe(false);
    expect(matchesWordStart('Berlin', 'b')).toBe(false);
  });

  it('reads the last four digits of a card as shown on screen', () => {
    expect(cardLastFour('4567')).toBe('4567');
    expect(cardLastFour('•••• •••• •••• 4567')).toBe('4567');
    expect(cardLastFour('45678')).toBeNull();
  });

  it('reads a phone typed in international or national format', () => {
    expect(phoneQuery('+49 151 1234 5678')).toEqual({ exact: '+4915112345678' });
    expect(phoneQuery('0049 151 12345678')).toEqual({ exact: '+4915112345678' });
    expect(phoneQuery('0151 1234-5678')).toEqual({ suffix: '15112345678' });
    expect(phoneQuery('Berlin')).toBeNull();
  });

  it('escapes Lucene syntax and makes the last word a prefix', () => {
    expect(luceneQuery('Frankfurt am')).toBe('+frankfurt +(am OR am*)');
    expect(luceneQuery('a+b:c')).toBe('+(a\\+b\\:c OR a\\+b\\:c*)');
    expect(luceneQuery(' x ')).toBeNull();
  });
});

describe('EmbeddedGraphSource.textSearch', () => {
  let dataset: DemoDataset;
  let source: EmbeddedGraphSource;
  beforeAll(() => {
    dataset = generateDemoDataset({ seed: 42, accounts: 20_000 });
    source = EmbeddedGraphSource.fromDataset(dataset);
  });
  const valuesOf = (kind: string) => dataset.identifiers.value.filter((_, j) => IDENTIFIER_KINDS[dataset.identifiers.kind[j]] === kind);

  it('finds a merchant by a word of its name, grouped as merchants', async () => {
    const name = dataset.merchants.name[3];
    const word = name.split(' ').find((part) => part.length >= 4)!;
    const result = TextSearchResult.parse(await source.textSearch(word.toLowerCase(), { limitPerKind: 20, signal: signal() }));
    const merchants = result.groups.find((group) => group.kind === 'merchant')!;
    const expected = dataset.merchants.name.filter((candidate) => matchesWordStart(candidate, word) || matchesWordStart(dataset.merchants.category[dataset.merchants.name.indexOf(candidate)], word)).length;
    expect(merchants.total).toBeGreaterThanOrEqual(expected);
    expect(merchants.hits.some((hit) => hit.node.label === name)).toBe(true);
  });

  it('counts every address in a city while listing only the first 20, masked', async () => {
    const inCity = valuesOf('address').filter((value) => value.endsWith(' Berlin'));
    const result = await source.textSearch('Berlin', { limitPerKind: 20, signal: signal() });
    const addresses = result.groups.find((group) => group.kind === 'address')!;
    expect(addresses.total).toBe(inCity.length);
    expect(inCity.length).toBeGreaterThan(20);
    expect(addresses.hits).toHaveLength(20);
    expect(addresses.totalIsLowerBound).toBe(false);
    expect(addresses.hits.every((hit) => !inCity.includes(hit.node.label))).toBe(true);
  });

  it('finds cards by the last four digits shown on screen and phones typed in national format', async () => {
    const card = valuesOf('card')[0];
    const cards = (await source.textSearch(`•••• ${card.slice(-4)}`, { limitPerKind: 50, signal: signal() })).groups.find((group) => group.kind === 'card')!;
    expect(cards.total).toBe(valuesOf('card').filter((value) => value.endsWith(card.slice(-4))).length);
    expect(cards.hits.map((hit) => hit.node.label)).toContain(`•••• •••• •••• ${card.slice(-4)}`);

    const phone = valuesOf('phone').find((value) => value.startsWith('+49'))!;
    const national = `0${phone.slice(3, 6)} ${phone.slice(6)}`;
    const phones = (await source.textSearch(national, { limitPerKind: 5, signal: signal() })).groups.find((group) => group.kind === 'phone')!;
    expect(phones.total).toBe(1);
  });

  it('finds e-mail addresses by their domain', async () => {
    const email = valuesOf('email')[0];
    const domain = email.slice(email.indexOf('@') + 1);
    const result = await source.textSearch(domain, { limitPerKind: 5, signal: signal() });
    const emails = result.groups.find((group) => group.kind === 'email')!;
    expect(emails.total).toBe(valuesOf('email').filter((value) => value.endsWith(`@${domain}`) || matchesWordStart(value, domain)).length);
  });
});
