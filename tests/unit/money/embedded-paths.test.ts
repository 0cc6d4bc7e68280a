import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, IDENTIFIER_KINDS, PathsResult } from '../../../main/api';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const signal = () => new AbortController().signal;

describe('EmbeddedGraphSource.paths', () => {
  let dataset: DemoDataset;
  let source: EmbeddedGraphSource;
  /** Two accounts sharing a device, and the device. */
  let sharedDevice: { a: string; b: string; device: string };

  beforeAll(() => {
    dataset = generateDemoDataset({ seed: 42, accounts: 20_000 });
    source = EmbeddedGraphSource.fromDataset(dataset);
    const { identifierLinks, identifiers } = dataset;
    const firstUser = new Map<number, number>();
    for (let l = 0; l < identifierLinks.count; l++) {
      const j = identifierLinks.identifier[l];
      if (IDENTIFIER_KINDS[identifiers.kind[j]] !== 'device') continue;
      const first = firstUser.get(j);
      if (first === undefined) firstUser.set(j, identifierLinks.account[l]);
      else if (first !== identifierLinks.account[l] && !sharedDevice) {
        sharedDevice = { a: source.accountNodeId(first), b: source.accountNodeId(identifierLinks.account[l]), device: source.identifierNodeId(j) };
      }
    }
  });

  it('connects two accounts through the device they share, with the nodes and edges to draw', async () => {
    const result = PathsResult.parse(await source.paths({ fromId: sharedDevice.a, toId: sharedDevice.b, linkTypes: ['USES_DEVICE'], maxHops: 6, limit: 1, signal: signal() }));
    expect(result).toMatchObject({ status: 'found', length: 2, paths: [{ nodeIds: [sharedDevice.a, sharedDevice.device, sharedDevice.b] }] });
    expect(result.nodes.map((node) => node.id).sort()).toEqual([sharedDevice.a, sharedDevice.b, sharedDevice.device].sort());
    expect(result.edges.map((edge) => edge.id)).toEqual(result.paths[0].edgeIds);
    expect(result.edges.every((edge) => edge.type === 'USES_DEVICE')).toBe(true);
    // The same edge ids as expanding the account gives, so the canvas does not draw a duplicate.
    const expanded = await source.expand(sharedDevice.a, { limit: 1000, offset: 0, signal: signal() });
    expect(expanded.edges.map((edge) => edge.id)).toContain(result.paths[0].edgeIds[0]);
  });

  it('says "no path within N hops" as an answer when the path is longer than allowed', async () => {
    const result = await source.paths({ fromId: sharedDevice.a, toId: sharedDevice.b, linkTypes: ['USES_DEVICE'], maxHops: 1, limit: 1, signal: signal() });
    expect(result).toEqual({ status: 'no_path_within_hops', maxHops: 1, length: null, paths: [], truncated: false, nodes: [], edges: [] });
  });

  it('follows only the chosen link kinds: money paths walk transfers in either direction', async () => {
    const t = 0;
    const from = source.accountNodeId(dataset.transfers.to[t]);
    const to = source.accountNodeId(dataset.transfers.from[t]);
    const result = await source.paths({ fromId: from, toId: to, linkTypes: ['TRANSFERRED_TO'], maxHops: 3, limit: 1, signal: signal() });
    expect(result.length).toBe(1);
    expect(result.edges[0]).toMatchObject({ type: 'TRANSFERRED_TO', kind: 'transfer', source: to, target: from });
    expect(result.edges[0].properties.count).toBeGreaterThanOrEqual(1);
  });

  it('rejects a link type the graph does not have, naming it, and an unknown node', async () => {
    const bad = source.paths({ fromId: sharedDevice.a, toId: sharedDevice.b, linkTypes: ['USES_DEVICE', 'KNOWS'], maxHops: 6, limit: 1, signal: signal() });
    await expect(bad).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'linkTypes', message: 'unknown: KNOWS' }] });
    await expect(source.paths({ fromId: 'account:U9999999', toId: sharedDevice.b, linkTypes: ['USES_DEVICE'], maxHops: 6, limit: 1, signal: signal() })).rejects.toBeInstanceOf(ApiError);
  });
});
