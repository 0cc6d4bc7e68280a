import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../main/api';
import { AuditLog } from '../../../main/core/audit/audit-log';
import { canonicalJson, GENESIS_HASH, sealAuditEvent, verifyAuditChain } from '../../../main/core/audit/audit-chain';
import type { InvestigationStore } from '../../../main/core/store/investigation-store';

/** A trail of five events as the store would seal them. */
function trail(): AuditEvent[] {
  const events: AuditEvent[] = [];
  const acts = [['ana', 'case.created'], ['ana', 'case.tagged'], ['ana', 'case.submitted'], ['lee', 'case.approved'], ['ringscope:scoring-outbox', 'push.delivered']];
  acts.forEach(([actor, action], i) => events.push(sealAuditEvent({ actor, action, caseId: 'C1', details: { step: i, nested: { b: 1, a: [1, 2] } } }, events.at(-1) ?? null, `2026-03-02T09:00:0${i}.000Z`)));
  return events;
}

describe('audit hash chain', () => {
  it('accepts an untouched trail and reports its head hash', () => {
    const events = trail();
    expect(verifyAuditChain(events)).toEqual({ valid: true, count: 5, headHash: events[4].hash, brokenAtSeq: null, problem: null, anchors: { checked: 0, lastSeq: null } });
    expect(events[0].prevHash).toBe(GENESIS_HASH);
    expect(events[3].prevHash).toBe(events[2].hash);
  });

  it('detects an edited event and names its seq', () => {
    const events = trail();
    events[2] = { ...events[2], actor: 'lee' };
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSeq: 3, problem: 'Event #3 was changed after it was recorded' });
  });

  it('detects an edit even when the editor recomputed that event’s own hash', () => {
    const events = trail();
    events[1] = sealAuditEvent({ actor: events[1].actor, action: events[1].action, caseId: 'C1', details: { step: 1, approvedAmount: 0 } }, events[0], events[1].at);
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSeq: 3 });
  });

  it('detects a deleted event', () => {
    const events = trail();
    events.splice(1, 1);
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSeq: 3, problem: expect.stringContaining('Expected event #2') });
  });

  it('detects two events swapped', () => {
    const events = trail();
    [events[3], events[4]] = [events[4], events[3]];
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSeq: 5 });
  });

  it('detects an event inserted into the middle', () => {
    const events = trail();
    const inserted = sealAuditEvent({ actor: 'mallory', action: 'case.approved', caseId: 'C1' }, events[1], '2026-03-02T09:00:01.500Z');
    events.splice(2, 0, inserted);
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSeq: 3, problem: expect.stringContaining('Expected event #4 but found #3') });
  });

  it('hashes the same content the same way whatever order its keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

describe('AuditLog', () => {
  const storeWith = (events: AuditEvent[]): InvestigationStore =>
    ({ listAudit: async () => events, listOutbox: async () => [] }) as unknown as InvestigationStore;

  it('lists newest first and filters by case, actor and action prefix', async () => {
    const log = new AuditLog(storeWith(trail()));
    const page = await log.list({ caseId: 'C1', action: 'case.', limit: 2, offset: 0 });
    expect(page.total).toBe(4);
    expect(page.events.map((event) => event.action)).toEqual(['case.approved', 'case.submitted']);
    expect((await log.list({ actor: 'LEE', limit: 10, offset: 0 })).events.map((e) => e.seq)).toEqual([4]);
    expect((await log.list({ since: '2026-03-02T09:00:03Z', limit: 10, offset: 0 })).total).toBe(2);
  });

  it('verifies the stored trail', async () => {
    const events = trail();
    events[0] = { ...events[0], details: { step: 'changed' } };
    expect(await new AuditLog(storeWith(events)).verify()).toMatchObject({ valid: false, brokenAtSeq: 1 });
  });
});
