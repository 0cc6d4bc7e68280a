import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ExpandResult, IDENTIFIER_KINDS, NodeDetails, SearchResult, type IdentifierKind } from '../../../main/api';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const signal = () => new AbortController().signal;

describe('EmbeddedGraphSource', () => {
  let dataset: DemoDataset;
  let source: EmbeddedGraphSource;
  /** First identifier of a kind that at least `minAccounts` accounts use. */
  let identifierOf: (kind: IdentifierKind, minAccounts?: number) => { index: number; value: string };

  beforeAll(() => {
    dataset = generateDemoDataset({ seed: 42, accounts: 20_000 });
    source = EmbeddedGraphSource.fromDataset(dataset);
    const useCount = new Int32Array(dataset.identifiers.count);
    for (const identifier of dataset.identifierLinks.identifier) useCount[identifier]++;
    identifierOf = (kind, minAccounts = 1) => {
      const index = dataset.identifiers.kind.findIndex((k, j) => IDENTIFIER_KINDS[k] === kind && useCount[j] >= minAccounts);
      return { index, value: dataset.identifiers.value[index] };
    };
  });

  it('describes itself as the embedded demo graph with its account count', () => {
    expect(source.info()).toEqual({ kind: 'embedded', name: 'demo', accountCount: 20_000 });
  });

  it('finds an account by its exact userId, in any letter case', async () => {
    const [hit] = await source.search('u0000123', 20, signal());
    expect(hit.node).toMatchObject({ id: 'account:U0000123', kind: 'account', label: 'U0000123' });
    expect(hit.matchedOn).toBe('userId');
    expect(source.accountIndexOfNodeId(hit.node.id)).toBe(123);
    expect(source.accountNodeId(123)).toBe(hit.node.id);
  });

  it('finds accounts by userId prefix, up to the limit', async () => {
    const hits = await source.search('U00012', 5, signal());
    expect(hits.map((hit) => hit.node.key)).toEqual(['U0001200', 'U0001201', 'U0001202', 'U0001203', 'U0001204']);
  });

  it('finds a phone number typed with spaces or with a 00 prefix, and the accounts using it', async () => {
    const phone = identifierOf('phone', 2);
    const digits = phone.value.slice(1);
    const spaced = `+${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 9)} ${digits.slice(9)}`;
    for (const query of [spaced, `00${digits}`]) {
      const hits = await source.search(query, 20, signal());
      expect(hits[0].node.id).toBe(`phone:${phone.index}`);
      expect(hits.every((hit) => hit.matchedOn === 'phoneNumber')).toBe(true);
      expect(hits.filter((hit) => hit.node.kind === 'account').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds a card number typed in groups of four', async () => {
    const card = identifierOf('card');
    const hits = await source.search(card.value.replace(/(\d{4})(?=\d)/g, '$1 '), 20, signal());
    expect(hits[0]).toMatchObject({ node: { id: `card:${card.index}`, kind: 'card' }, matchedOn: 'cardNumber' });
  });

  it('finds device ids and e-mail addresses regardless of case', async () => {
    for (const kind of ['device', 'email'] as const) {
      const identifier = identifierOf(kind);
      const hits = await source.search(identifier.value.toUpperCase(), 20, signal());
      expect(hits[0].node.id).toBe(`${kind}:${identifier.index}`);
    }
  });

  it('matches nothing, and does not throw, for injection-looking or odd text', async () => {
    for (const query of ["' OR 1=1 //", '"}) DETACH DELETE n //', 'MATCH (n) RETURN n', '%%%', '\u0000', 'U', 'account:U0000001', '   ']) {
      expect(await source.search(query, 20, signal())).toEqual([]);
    }
  });

  it('returns search results that satisfy the contract', async () => {
    const hits = await source.search(identifierOf('phone', 2).value, 20, signal());
    expect(() => SearchResult.parse({ hits })).not.toThrow();
  });

  it('pages through a hub consistently: totals, next offsets, no duplicates', async () => {
    const ip = identifierOf('ip', 300);
    const nodeId = `ip:${ip.index}`;
    const seen = new Set<string>();
    let offset: number | null = 0;
    let total = -1;
    let pages = 0;
    while (offset !== null) {
      const page = ExpandResult.parse(await source.expand(nodeId, { limit: 100, offset, signal: signal() }));
      expect(page.centerId).toBe(nodeId);
      if (total < 0) total = page.totalNeighbours;
      expect(page.totalNeighbours).toBe(total);
      expect(page.nodes.length).toBeLessThanOrEqual(100);
      for (const node of page.nodes) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
      }
      expect(page.edges.every((edge) => edge.target === nodeId && page.nodes.some((node) => node.id === edge.source))).toBe(true);
      offset = page.nextOffset;
      pages++;
    }
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(pages).toBe(Math.ceil(total / 100));
  });

  it('expands an account to its identifiers, counterparties and merchants with aggregated money edges', async () => {
    const cycle = dataset.plantedRings.find((ring) => ring.kind === 'laundering-cycle')!;
    const nodeId = source.accountNodeId(cycle.members[0]);
    const result = await source.expand(nodeId, { limit: 1000, offset: 0, signal: signal() });
    const details = NodeDetails.parse(await source.nodeDetails(nodeId));
    expect(result.totalNeighbours).toBe(details.node.degree);
    expect(result.nextOffset).toBeNull();
    expect(new Set(result.nodes.map((node) => node.kind))).toContain('device');
    const next = source.accountNodeId(cycle.members[1]);
    const transfer = result.edges.find((edge) => edge.type === 'TRANSFERRED_TO' && edge.target === next)!;
    expect(transfer).toMatchObject({ kind: 'transfer', source: nodeId, id: `${nodeId}-TRANSFERRED_TO->${next}` });
    expect(transfer.properties.count).toBeGreaterThanOrEqual(1);
    expect(transfer.properties.totalAmount).toBeGreaterThan(0);
    expect(new Set(result.edges.map((edge) => edge.id)).size).toBe(result.edges.length);
    expect(details.neighbourCounts.find((count) => count.type === 'TRANSFERRED_TO')?.count).toBeGreaterThanOrEqual(2);
  });

  it('answers not_found for an unknown or malformed node id', async () => {
    for (const nodeId of ['account:U9999999', 'phone:999999999', 'phone:0', 'merchant:M99999', 'nonsense', 'account:u0000001']) {
      const error = await source.expand(nodeId, { limit: 10, offset: 0, signal: signal() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('not_found');
      expect((error as ApiError).message).toContain(nodeId);
    }
  });

  it('stops with cancelled when the request was aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await source.expand('account:U0000001', { limit: 10, offset: 0, signal: controller.signal }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('cancelled');
  });

  it('shows no phone or card number beyond its last digits anywhere in the DTOs', async () => {
    const phone = identifierOf('phone', 2);
    const card = identifierOf('card');
    const cardHolder = dataset.identifierLinks.account[dataset.identifierLinks.identifier.indexOf(card.index)];
    const payloads = [
      await source.search(phone.value, 20, signal()),
      await source.expand(`phone:${phone.index}`, { limit: 50, offset: 0, signal: signal() }),
      await source.expand(source.accountNodeId(cardHolder), { limit: 1000, offset: 0, signal: signal() }),
      await source.nodeDetails(`card:${card.index}`),
    ];
    const json = JSON.stringify(payloads);
    expect(json).not.toContain(phone.value.slice(1, 10));
    expect(json).not.toContain(card.value.slice(0, 12));
    expect(json).toContain(card.value.slice(-4));
    expect(json).toContain('••• ••• ');
  });
});
