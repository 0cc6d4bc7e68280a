/**
 * Detection on a team graph mapped its own way, against the real Neo4j. Real team graphs often have no creation time: with none mapped, ring detection on the real Neo4j
 * must not invent an opening burst (the bug: NaN creation times read as "N of N accounts opened
 * within 48 h" for every cluster, and every cluster was flagged).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RingClusterDetail, RingsDetectResult, RingsListResult } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { createConnectionHandlers } from '../../../main/core/connections/handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService } from '../../../main/core/rings/ring-service';
import { DEMO_SCHEMA_MAPPING } from '../../../main/core/schema/schema-mapping';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const server = inject('neo4j');
const caller = { user: 'ana' };
let dataDir: string;
let active: ActiveGraphSource;
let dispatcher: ApiDispatcher;

async function call<T>(area: string, name: string, input: unknown): Promise<T> {
  const envelope = await dispatcher.call(area, name, input, caller);
  if (!envelope.ok) throw new Error(`${area}.${name}: ${envelope.error.message}`);
  return envelope.value as T;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-no-created-'));
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
  const connections = new ConnectionService({ dataDir, secrets: null, active });
  dispatcher = new ApiDispatcher({ ...createConnectionHandlers(connections), ...createRingHandlers(new RingService({ source: active })) } as ApiHandlers, {
    validateOutput: true,
  });
  const schemaMapping = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, createdAtProperty: null } };
  await call('connections', 'connect', { settings: { name: 'No creation times', uri: server.uri, user: server.user, database: null, schemaMapping }, password: server.password });
});

afterAll(async () => {
  await active?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('ring detection with no creation time mapped', () => {
  it('never gives an opening-burst reason and does not flag every cluster', async () => {
    const summary = await call<RingsDetectResult>('rings', 'detect', { taskId: 'no-created-at', mode: 'in-process' });
    const list = await call<RingsListResult>('rings', 'list', { limit: 500 });
    const clusters = await Promise.all(list.clusters.map((cluster) => call<RingClusterDetail>('rings', 'get', { clusterId: cluster.clusterId })));
    const reasonKinds = new Set(clusters.flatMap((cluster) => cluster.reasons.map((reason) => reason.kind)));
    expect(clusters.length).toBeGreaterThan(0);
    expect(reasonKinds).not.toContain('account-age-burst');
    expect(summary.flaggedCount).toBeLessThan(summary.clusterCount);
    // The run summary says what the mapping lacks and detection therefore did not use.
    expect(summary.notMapped).toEqual(['creation-time', 'known-good']);
  });
});

describe('a graph larger than the in-process limit', () => {
  it('is refused with the advice to use GDS or upstream results, not cut off silently', async () => {
    const envelope = await dispatcher.call('rings', 'detect', { taskId: 'over-limit', mode: 'in-process', maxAccounts: 1_000 }, caller);
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`The graph has ${server.accounts} accounts, more than the 1000`), fields: [{ path: 'maxAccounts' }] },
    });
    expect(envelope.ok ? '' : envelope.error.message).toContain('GDS');
    // What would work here, as a code the UI words: this server has GDS; no upstream community is mapped.
    expect(envelope.ok ? null : envelope.error.params).toEqual({ accounts: server.accounts, maxAccounts: 1_000, advice: 'gds' });
  });
});
