import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, PathToKnownBadResult } from '../../../main/api';
import { i18n } from '../../../renderer/i18n/i18n';
import { knownBadSentence, knownBadSteps } from '../../../renderer/explore/known-bad-path';

const node = (id: string, kind: GraphNode['kind'], label: string, blacklisted = false): GraphNode => ({ id, kind, key: label, label, properties: {}, riskScore: null, blacklisted, degree: 1 });
const edge = (source: string, target: string, kind: GraphEdge['kind']): GraphEdge => ({ id: `${source}>${target}`, source, target, type: kind === 'transfer' ? 'TRANSFERRED_TO' : 'USES_DEVICE', kind, properties: {} });

function found(nodes: GraphNode[], edges: GraphEdge[]): PathToKnownBadResult {
  return { status: 'found', maxHops: 4, length: edges.length, knownBadId: nodes.at(-1)!.id, path: { nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) }, nodes, edges };
}

const start = node('account:U1', 'account', 'U0000001');
const device = node('device:7', 'device', 'D-88a1…');
const bad = node('account:U9', 'account', 'U0000009', true);
const middle = node('account:U5', 'account', 'U0000005');

describe('the path to the nearest known-bad account in words', () => {
  it('says a shared device as one step: "2 hops: shares device D… with U… (blacklisted)"', () => {
    const result = found([start, device, bad], [edge(start.id, device.id, 'identifier'), edge(bad.id, device.id, 'identifier')]);
    expect(knownBadSteps(result).map((step) => step.code)).toEqual(['shares']);
    expect(knownBadSentence(i18n.getFixedT('en'), result)).toBe('2 hops: shares device D-88a1… with U0000009 (blacklisted)');
    expect(knownBadSentence(i18n.getFixedT('zh-CN'), result)).toBe('2 跳：与 U0000009（黑名单） 共用设备 D-88a1…');
  });

  it('reads money by its direction and chains the steps: received from one account, who shares a device with the known-bad one', () => {
    const result = found([start, middle, device, bad], [edge(middle.id, start.id, 'transfer'), edge(middle.id, device.id, 'identifier'), edge(bad.id, device.id, 'identifier')]);
    expect(knownBadSentence(i18n.getFixedT('en'), result)).toBe('3 hops: received money from U0000005, who shares device D-88a1… with U0000009 (blacklisted)');
    expect(knownBadSentence(i18n.getFixedT('zh-CN'), result)).toBe('3 跳：收到 U0000005 的转账，后者与 U0000009（黑名单） 共用设备 D-88a1…');
  });

  it('names a direct account link by its relationship type, and reads money through event nodes as money sent', () => {
    const referred: GraphEdge = { id: 'referral', source: start.id, target: middle.id, type: 'REFERRED', kind: 'identifier', properties: {} };
    const paid: GraphEdge = { id: 'paid', source: middle.id, target: bad.id, type: 'Transaction', kind: 'transfer', properties: {} };
    const result = found([start, middle, bad], [referred, paid]);
    expect(knownBadSentence(i18n.getFixedT('en'), result)).toBe('2 hops: is linked to U0000005 by REFERRED, who sent money to U0000009 (blacklisted)');
    expect(knownBadSentence(i18n.getFixedT('zh-CN'), result)).toBe('2 跳：通过 REFERRED 与 U0000005 相关联，后者向 U0000009（黑名单） 转账');
  });
});
