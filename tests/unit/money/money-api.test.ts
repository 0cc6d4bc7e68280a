import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateMoneyLinks, type FollowMoneyResult, type LinkDetails, type PathLinkTypesResult, type PathsResult, type PathToKnownBadResult, type TransactionsResult } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createMoneyGraphHandlers } from '../../../main/core/money/handlers';
import { knownBadSearch } from '../../../main/core/money/handlers';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

describe('money and paths Api on the embedded demo graph (through the dispatcher, outputs checked against the contract)', () => {
  let dataset: DemoDataset;
  let source: EmbeddedGraphSource;
  let call: <T>(name: string, input: unknown) => Promise<T>;
  /** A pair of accounts with several transfers from one to the other. */
  let pair: { from: string; to: string; count: number };

  beforeAll(() => {
    dataset = generateDemoDataset({ seed: 42, accounts: 20_000 });
    source = EmbeddedGraphSource.fromDataset(dataset);
    const dispatcher = new ApiDispatcher({ graph: createMoneyGraphHandlers(source, async () => undefined) } as unknown as ApiHandlers, { validateOutput: true });
    call = async <T>(name: string, input: unknown): Promise<T> => {
      const envelope = await dispatcher.call('graph', name, input, { user: 'ana' });
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as T;
    };
    const counts = new Map<string, number>();
    const { transfers } = dataset;
    for (let t = 0; t < transfers.count; t++) counts.set(`${transfers.from[t]} ${transfers.to[t]}`, (counts.get(`${transfers.from[t]} ${transfers.to[t]}`) ?? 0) + 1);
    const [key, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const [from, to] = key.split(' ').map(Number);
    pair = { from: source.accountNodeId(from), to: source.accountNodeId(to), count };
  });

  it('lists every transfer between two selected accounts, oldest first, and folds them like the canvas edge', async () => {
    expect(pair.count).toBeGreaterThan(1);
    const { links, truncated } = await call<TransactionsResult>('transactions', { nodeIds: [pair.from, pair.to] });
    const forward = links.filter((link) => link.source === pair.from && link.target === pair.to);
    expect(forward).toHaveLength(pair.count);
    expect(truncated).toBe(false);
    expect(links.map((link) => link.at)).toEqual([...links.map((link) => link.at)].sort());
    const expanded = await source.expand(pair.from, { limit: 1000, offset: 0, signal: new AbortController().signal });
    const drawn = expanded.edges.find((edge) => edge.id === `${pair.from}-TRANSFERRED_TO->${pair.to}`)!;
    const [folded] = aggregateMoneyLinks(forward);
    expect({ count: folded.count, totalAmount: folded.totalAmount, firstAt: folded.firstAt, lastAt: folded.lastAt }).toEqual(drawn.properties);
  });

  it('filters the transactions to a time window and caps them, saying so', async () => {
    const { links: all } = await call<TransactionsResult>('transactions', { nodeIds: [pair.from, pair.to] });
    const window = { from: all[1].at, to: all[all.length - 1].at };
    const { links } = await call<TransactionsResult>('transactions', { nodeIds: [pair.from, pair.to], window });
    expect(links.map((link) => link.id)).toEqual(all.slice(1, -1).filter((link) => link.at! >= window.from! && link.at! < window.to!).map((link) => link.id));
    const capped = await call<TransactionsResult>('transactions', { nodeIds: [pair.from, pair.to], limit: 1 });
    expect(capped).toMatchObject({ truncated: true, links: [all[0]] });
  });

  it('reads one link: the folded edge and every movement it stands for', async () => {
    const details = await call<LinkDetails>('linkDetails', { source: pair.from, target: pair.to, type: 'TRANSFERRED_TO' });
    expect(details.edge).toMatchObject({ kind: 'transfer', properties: { count: pair.count } });
    expect(details.links).toHaveLength(pair.count);
    expect(details.links.every((link) => link.amount !== null && link.currency === null)).toBe(true);
    await expect(call('linkDetails', { source: pair.to, target: pair.from, type: 'PAID' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('validates inputs strictly: unknown fields, a window ending before it starts, the same node twice for a path', async () => {
    await expect(call('transactions', { nodeIds: [pair.from], extra: true })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('transactions', { nodeIds: [pair.from], window: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'window.to' }],
    });
    await expect(call('paths', { fromId: pair.from, toId: pair.from, linkTypes: ['TRANSFERRED_TO'] })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'toId' }] });
    await expect(call('paths', { fromId: pair.from, toId: pair.to, linkTypes: [], maxHops: 11 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('follows the money forward hop by hop: every link leaves a node reached before it, inside the window', async () => {
    const { links, nodes, truncated } = await call<FollowMoneyResult>('followMoney', { nodeId: pair.from, direction: 'forward', maxHops: 3 });
    expect(truncated).toBe(false);
    const reached = new Set([pair.from]);
    for (const link of links) {
      expect(reached.has(link.source)).toBe(true);
      reached.add(link.target);
    }
    expect(links.filter((link) => link.source === pair.from && link.target === pair.to)).toHaveLength(pair.count);
    expect(new Set(nodes.map((node) => node.id))).toEqual(reached);

    const cutoff = links[Math.floor(links.length / 2)].at!;
    const early = await call<FollowMoneyResult>('followMoney', { nodeId: pair.from, direction: 'forward', maxHops: 3, window: { to: cutoff } });
    expect(early.links.length).toBeGreaterThan(0);
    expect(early.links.every((link) => link.at! < cutoff)).toBe(true);
    const capped = await call<FollowMoneyResult>('followMoney', { nodeId: pair.from, direction: 'forward', maxHops: 3, limit: 1 });
    expect(capped).toMatchObject({ truncated: true, links: [expect.objectContaining({ source: pair.from })] });
  });

  it('follows the money backward: where the money reaching an account came from', async () => {
    const { links } = await call<FollowMoneyResult>('followMoney', { nodeId: pair.to, direction: 'backward', maxHops: 1 });
    expect(links.length).toBeGreaterThanOrEqual(pair.count);
    expect(links.every((link) => link.target === pair.to)).toBe(true);
    expect(links.filter((link) => link.source === pair.from)).toHaveLength(pair.count);
  });

  it('finds a path through the Api with defaults filled in', async () => {
    const result = await call<PathsResult>('paths', { fromId: pair.from, toId: pair.to, linkTypes: ['TRANSFERRED_TO'] });
    expect(result).toMatchObject({ status: 'found', maxHops: 6, length: 1, truncated: false });
  });

  it('lists the link types a path may follow: every identifier relationship of the demo schema and both money links', async () => {
    const { linkTypes } = await call<PathLinkTypesResult>('pathLinkTypes', {});
    expect(linkTypes.map((linkType) => linkType.type)).toEqual(['USES_DEVICE', 'HAS_PHONE', 'USES_IP', 'HAS_CARD', 'LIVES_AT', 'HAS_EMAIL', 'TRANSFERRED_TO', 'PAID']);
    expect(linkTypes.find((linkType) => linkType.type === 'HAS_PHONE')).toEqual({ type: 'HAS_PHONE', kind: 'identifier', identifierKind: 'phone', mappedAs: 'identifier' });
    // Every type offered is one graph.paths accepts.
    await expect(call<PathsResult>('paths', { fromId: pair.from, toId: pair.to, linkTypes: linkTypes.map((linkType) => linkType.type) })).resolves.toMatchObject({ status: 'found' });
  });

  it('explains an account by its path to the nearest other known-bad account, with a hop limit and strict input', async () => {
    // An account two hops from a blacklisted one.
    const signal = new AbortController().signal;
    let nodeId = '';
    for (let index = 0; !nodeId; index++) {
      if (dataset.accounts.blacklisted[index] === 1) continue;
      if ((await source.pathToKnownBad(source.accountNodeId(index), { ...knownBadSearch(source.pathLinkTypes()), maxHops: 2, signal })).length === 2) nodeId = source.accountNodeId(index);
    }
    const result = await call<PathToKnownBadResult>('pathToKnownBad', { nodeId });
    expect(result).toMatchObject({ status: 'found', maxHops: 4, length: 2 });
    expect(result.path!.nodeIds[0]).toBe(nodeId);
    // Shared identifiers and transfers only: a merchant paid by thousands explains nothing.
    expect(result.edges.length).toBe(2);
    expect(result.edges.every((edge) => edge.kind !== 'payment')).toBe(true);
    expect(result.nodes.find((node) => node.id === result.knownBadId)?.blacklisted).toBe(true);
    expect(await call<PathToKnownBadResult>('pathToKnownBad', { nodeId, maxHops: 1 })).toMatchObject({ status: 'no_path_within_hops', maxHops: 1, path: null });
    await expect(call('pathToKnownBad', { nodeId, maxHops: 11 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('pathToKnownBad', { nodeId, linkTypes: ['X'] })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
