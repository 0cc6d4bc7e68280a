import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDENTIFIER_KINDS, TextSearchResult, type NodeKind } from '../../../main/api';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { ensureSearchIndexes } from '../../../main/core/sources/neo4j/seed';
import type { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { connectSeededSources, type SeededSources } from '../../support/seeded-sources';

const server = inject('neo4j');
const options = (limitPerKind = 20) => ({ limitPerKind, signal: new AbortController().signal });

let dataset: DemoDataset;
let embedded: EmbeddedGraphSource;
let sources: SeededSources;
let neo4j: Neo4jGraphSource;

const group = (result: TextSearchResult, kind: NodeKind) => result.groups.find((candidate) => candidate.kind === kind);
const valuesOf = (kind: string) => dataset.identifiers.value.filter((_, j) => IDENTIFIER_KINDS[dataset.identifiers.kind[j]] === kind);

beforeAll(async () => {
  sources = await connectSeededSources(server);
  ({ dataset, embedded, neo4j } = sources);
  // What seed:neo4j creates; a database seeded before search indexes existed gets them here.
  await ensureSearchIndexes(neo4j.client);
});

afterAll(async () => {
  await sources?.close();
});

describe('full-text search on the real Neo4j', () => {
  it('finds a merchant by a word of its name through the full-text index, like the embedded graph', async () => {
    const name = dataset.merchants.name[3];
    const word = name.split(' ').find((part) => part.length >= 4)!.toLowerCase();
    const result = TextSearchResult.parse(await neo4j.textSearch(word, options()));
    expect(result.method).toBe('fulltext');
    expect(group(result, 'merchant')!.hits.map((hit) => hit.node.label)).toContain(name);
    expect(group(result, 'merchant')!.total).toBe(group(await embedded.textSearch(word, options()), 'merchant')!.total);
  });

  it('counts every address in a city ("showing 20 of N") and shows them masked', async () => {
    const inCity = valuesOf('address').filter((value) => value.endsWith(' Berlin')).length;
    const addresses = group(await neo4j.textSearch('berlin', options()), 'address')!;
    expect(inCity).toBeGreaterThan(20);
    expect(addresses).toMatchObject({ total: inCity, totalIsLowerBound: false });
    expect(addresses.hits).toHaveLength(20);
    expect(addresses.hits.every((hit) => !hit.node.label.includes('Berlin') || hit.node.label.includes('•'))).toBe(true);
  });

  it('finds e-mail addresses by domain, cards by their last four digits and phones in national format, as the embedded graph counts them', async () => {
    const email = valuesOf('email')[0];
    const card = valuesOf('card')[0];
    const phone = valuesOf('phone').find((value) => value.startsWith('+49'))!;
    const queries: [string, NodeKind][] = [
      [email.slice(email.indexOf('@') + 1), 'email'],
      [card.slice(-4), 'card'],
      [`0${phone.slice(3, 6)} ${phone.slice(6)}`, 'phone'],
      [`+${phone.slice(1, 3)} ${phone.slice(3)}`, 'phone'],
    ];
    for (const [query, kind] of queries) {
      const fromNeo4j = group(await neo4j.textSearch(query, options(50)), kind)!;
      const fromEmbedded = group(await embedded.textSearch(query, options(50)), kind)!;
      expect(fromNeo4j.total, query).toBe(fromEmbedded.total);
      expect(fromNeo4j.hits.map((hit) => hit.node.label).sort(), query).toEqual(fromEmbedded.hits.map((hit) => hit.node.label).sort());
    }
  });

  it('falls back to prefix search where no full-text index exists (device ids, account ids)', async () => {
    const device = valuesOf('device')[0].slice(0, 7);
    const devices = group(await neo4j.textSearch(device, options()), 'device')!;
    expect(devices.total).toBe(group(await embedded.textSearch(device, options()), 'device')!.total);
    const accounts = group(await neo4j.textSearch('u00012', options(5)), 'account')!;
    expect(accounts).toMatchObject({ total: 100, totalIsLowerBound: false });
    expect(accounts.hits.map((hit) => hit.node.key)).toEqual(['U0001200', 'U0001201', 'U0001202', 'U0001203', 'U0001204']);
  });
});
