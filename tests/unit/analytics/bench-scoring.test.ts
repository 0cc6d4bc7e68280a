import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RingCluster } from '../../../main/core/analytics/pipeline';
import { ringAccuracy, rocAuc } from '../../bench/accuracy';
import { recordBenchResults } from '../../bench/results';

const cluster = (members: number[], flagged = true): RingCluster => ({ id: `C${members[0]}`, members, score: flagged ? 0.9 : 0.1, kind: 'shared-identity', reasons: [], flagged });
const ring = (ringId: string, members: number[]) => ({ ringId, kind: 'shared-identity' as const, members, description: '' });

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, and counts ties as half', () => {
    expect(rocAuc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(rocAuc([0.1], [0.5, 0.6])).toBe(0);
    expect(rocAuc([0.5, 0.5], [0.5, 0.5])).toBe(0.5);
    // Pairs (p, n): (3, 1) ✓, (3, 2) ✓, (2, 1) ✓, (2, 2) tie → 3.5 of 4.
    expect(rocAuc([3, 2], [1, 2])).toBe(0.875);
  });
});

describe('ringAccuracy', () => {
  it('scores members of flagged clusters against planted rings, and counts a ring found at Jaccard ≥ 0.8', () => {
    const planted = [ring('R1', [0, 1, 2, 3, 4]), ring('R2', [10, 11, 12, 13, 14])];
    // R1 matched exactly; R2 only 3 of 5 (Jaccard 0.6); one false member (20); an unflagged cluster ignored.
    const accuracy = ringAccuracy(30, planted, [cluster([0, 1, 2, 3, 4]), cluster([10, 11, 12]), cluster([20]), cluster([13, 14], false)]);
    expect(accuracy.memberPrecision).toBeCloseTo(8 / 9);
    expect(accuracy.memberRecall).toBeCloseTo(8 / 10);
    expect(accuracy.memberF1).toBeCloseTo((2 * (8 / 9) * 0.8) / (8 / 9 + 0.8));
    expect(accuracy.ringRecall).toBe(0.5);
  });
});

describe('recordBenchResults', () => {
  it('replaces a suite\'s figures in bench-results.json whole, keeping other suites', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'bench-results.json');
    writeFileSync(file, JSON.stringify({ load: { recordsPerSecond: 1000 }, rings: { seconds_1m: 9, memberF1_1m: 0.5 } }));
    recordBenchResults('rings', { seconds_1m: 2.5 }, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ load: { recordsPerSecond: 1000 }, rings: { seconds_1m: 2.5 } });
  });
});
