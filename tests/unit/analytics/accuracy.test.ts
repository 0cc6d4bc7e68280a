import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ringInputFromDataset } from '../../../main/core/analytics/input';
import { runRingPipeline } from '../../../main/core/analytics/pipeline';
import { ringAccuracy } from '../../bench/accuracy';

describe('ring detection on the demo graph', () => {
  it('finds the planted rings of a 20k-account graph with member F1 of at least 0.9', () => {
    const dataset = generateDemoDataset({ seed: 20261125, accounts: 20_000 });
    const result = runRingPipeline(ringInputFromDataset(dataset));
    const accuracy = ringAccuracy(dataset.accounts.count, dataset.plantedRings, result.clusters);
    expect(accuracy.memberF1).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.ringRecall).toBeGreaterThanOrEqual(0.9);
  });
});
