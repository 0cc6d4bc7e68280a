import { beforeAll, describe, expect, it } from 'vitest';
import { RingMoneyFlows, type RingClusterDetail, type RingsListResult } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { DEFAULT_DEMO_OPTIONS } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService } from '../../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

describe('rings.moneyFlows: every cycle and fan-in of a flagged cluster, in order', () => {
  let call: <T>(name: string, input: unknown) => Promise<T>;
  let clusters: RingsListResult['clusters'];

  beforeAll(async () => {
    const source = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset(DEFAULT_DEMO_OPTIONS)));
    const dispatcher = new ApiDispatcher(createRingHandlers(new RingService({ source })) as ApiHandlers, { validateOutput: true });
    call = async <T>(name: string, input: unknown): Promise<T> => {
      const envelope = await dispatcher.call('rings', name, input, { user: 'ana' });
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as T;
    };
    await call('detect', {});
    clusters = (await call<RingsListResult>('list', { limit: 500 })).clusters;
  }, 120_000);

  it('lists a laundering ring\'s cycles as chains of transfers that return to the first account, in time order', async () => {
    const ring = clusters.find((cluster) => cluster.reasons.some((reason) => reason.kind === 'money-cycle'))!;
    const detail = await call<RingClusterDetail>('get', { clusterId: ring.clusterId });
    const flows = RingMoneyFlows.parse(await call('moneyFlows', { clusterId: ring.clusterId }));
    expect(flows.cycles.length).toBeGreaterThan(0);
    for (const cycle of flows.cycles) {
      expect(cycle.accountIds.every((id) => detail.memberIds.includes(id))).toBe(true);
      cycle.steps.forEach((step, i) => expect(step.target).toBe(cycle.steps[(i + 1) % cycle.steps.length].source));
      expect(cycle.steps.map((step) => step.at)).toEqual([...cycle.steps.map((step) => step.at)].sort());
      expect(cycle.steps.every((step) => step.amount !== null && step.amount > 0)).toBe(true);
    }
    const durations = flows.cycles.map((cycle) => Date.parse(cycle.endedAt) - Date.parse(cycle.startedAt));
    expect(durations).toEqual([...durations].sort((a, b) => a - b));
  });

  it('lists a mule ring\'s fan-in: transfers from cluster members into one member, oldest first', async () => {
    const ring = clusters.find((cluster) => cluster.reasons.some((reason) => reason.kind === 'fan-in'))!;
    const detail = await call<RingClusterDetail>('get', { clusterId: ring.clusterId });
    const { fanIns } = await call<RingMoneyFlows>('moneyFlows', { clusterId: ring.clusterId });
    const biggest = [...fanIns].sort((a, b) => b.senderIds.length - a.senderIds.length)[0];
    expect(biggest.senderIds.length).toBeGreaterThanOrEqual(3);
    expect(biggest.steps.every((step) => step.target === biggest.receiverId && detail.memberIds.includes(step.source))).toBe(true);
    expect(biggest.steps.map((step) => step.at)).toEqual([...biggest.steps.map((step) => step.at)].sort());
  });

  it('says which cluster it does not know', async () => {
    await expect(call('moneyFlows', { clusterId: 'no-such-cluster' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
