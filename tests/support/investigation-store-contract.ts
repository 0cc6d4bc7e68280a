/**
 * The behaviour every InvestigationStore must have, as a reusable suite: the file store runs it in
 * tests/unit/cases, the Neo4j store (RingScope's :RSCase/:RSOutbox/:RSAuditEvent labels) can run
 * the same suite in tests/integration against a real server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signedScoringDecision } from './test-team';
import { ApiError, type Case, type OutboxEntry } from '../../main/api';
import { verifyAuditChain } from '../../main/core/audit/audit-chain';
import type { InvestigationStore } from '../../main/core/store/investigation-store';

export interface StoreFixture {
  /** A store over fresh, empty storage. */
  store: InvestigationStore;
  /** A second, independent store over the same storage (another process or desktop). */
  openAnother(): Promise<InvestigationStore>;
  /** Removes the storage. */
  cleanup(): Promise<void>;
}

const at = '2026-03-01T10:00:00.000Z';

/** A minimal valid case for store tests. */
export function sampleCase(id: string, overrides: Partial<Case> = {}): Case {
  return {
    id,
    version: 0,
    title: `Case ${id}`,
    description: '',
    assignee: null,
    status: 'open',
    cluster: { origin: 'selection', ringId: null, ringKind: null, score: null, reasons: [], accounts: [{ nodeId: 'account:U0000001', userId: 'U0000001' }], identifierNodeIds: [] },
    tag: null,
    taggedBy: ['ana'],
    submittedBy: null,
    submittedAt: null,
    notes: [],
    reviews: [],
    snapshot: null,
    signatures: [],
    views: [],
    chosenViewId: null,
    createdBy: 'ana',
    createdAt: at,
    updatedBy: 'ana',
    updatedAt: at,
    ...overrides,
  };
}

function sampleOutboxEntry(id: string): OutboxEntry {
  return {
    id,
    version: 0,
    caseId: 'C1',
    decision: signedScoringDecision({ decisionId: id, caseId: 'C1', accounts: ['U0000001'], approvedAt: at }),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    leaseExpiresAt: null,
    lastError: null,
    lastStatus: null,
    deliveredAt: null,
    acknowledgedHead: null,
    createdAt: at,
    updatedBy: 'lee',
    updatedAt: at,
  };
}

/** Registers the contract tests for one InvestigationStore implementation. */
export function describeInvestigationStoreContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`InvestigationStore contract: ${name}`, () => {
    const opened: StoreFixture[] = [];
    const fixture = async () => {
      const made = await makeFixture();
      opened.push(made);
      return made;
    };
    afterEach(async () => {
      for (const made of opened.splice(0)) {
        await made.store.close();
        await made.cleanup();
      }
    });

    it('stores a new case at version 1 and bumps the version on every change', async () => {
      const { store } = await fixture();
      const { cases: [created] } = await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
      expect(created.version).toBe(1);
      await store.commit({ cases: [{ doc: { ...created, title: 'Renamed' }, expectedVersion: 1 }] });
      expect(await store.getCase('C1')).toMatchObject({ title: 'Renamed', version: 2 });
      expect(await store.getCase('nope')).toBeNull();
    });

    it('refuses a change based on a stale version and names who changed the case and when', async () => {
      const { store } = await fixture();
      await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
      await store.commit({ cases: [{ doc: sampleCase('C1', { title: 'By Lee', updatedBy: 'lee', updatedAt: '2026-03-01T11:00:00.000Z' }), expectedVersion: 1 }] });
      const stale = store.commit({ cases: [{ doc: sampleCase('C1', { title: 'By Ana' }), expectedVersion: 1 }] });
      await expect(stale).rejects.toMatchObject({ code: 'conflict', message: 'This case was changed by lee at 2026-03-01T11:00:00.000Z; reload it' });
      expect(await store.getCase('C1')).toMatchObject({ title: 'By Lee', version: 2 });
    });

    it('reads a case stored before cases kept named views as one with none', async () => {
      const { store } = await fixture();
      const { views: _views, chosenViewId: _chosen, ...older } = sampleCase('C1');
      await store.commit({ cases: [{ doc: older as Case, expectedVersion: 0 }] });
      expect(await store.getCase('C1')).toMatchObject({ views: [], chosenViewId: null });
      expect((await store.listCases()).map((item) => [item.views, item.chosenViewId])).toEqual([[[], null]]);
    });

    it('refuses to create a case whose id already exists', async () => {
      const { store } = await fixture();
      await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
      await expect(store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] })).rejects.toBeInstanceOf(ApiError);
    });

    it('applies nothing of a commit when one of its writes is stale', async () => {
      const { store } = await fixture();
      await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }], audit: [{ actor: 'ana', action: 'case.created', caseId: 'C1' }] });
      const mixed = store.commit({
        cases: [{ doc: sampleCase('C2'), expectedVersion: 0 }, { doc: sampleCase('C1'), expectedVersion: 7 }],
        outbox: [{ doc: sampleOutboxEntry('d1'), expectedVersion: 0 }],
        audit: [{ actor: 'ana', action: 'case.created', caseId: 'C2' }],
      });
      await expect(mixed).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.getCase('C2')).toBeNull();
      expect(await store.listOutbox()).toEqual([]);
      expect(await store.listAudit()).toHaveLength(1);
    });

    it('versions outbox entries like cases', async () => {
      const { store } = await fixture();
      const { outbox: [queued] } = await store.commit({ outbox: [{ doc: sampleOutboxEntry('d1'), expectedVersion: 0 }] });
      await store.commit({ outbox: [{ doc: { ...queued, state: 'delivering' }, expectedVersion: queued.version }] });
      await expect(store.commit({ outbox: [{ doc: { ...queued, state: 'delivering' }, expectedVersion: queued.version }] })).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.listOutbox()).toMatchObject([{ id: 'd1', state: 'delivering', version: 2 }]);
    });

    it('chains audit events across commits in the order they were given', async () => {
      const { store } = await fixture();
      await store.commit({ audit: [{ actor: 'ana', action: 'case.created', caseId: 'C1', details: { title: 'x' } }, { actor: 'ana', action: 'case.tagged', caseId: 'C1' }] });
      await store.commit({ audit: [{ actor: 'lee', action: 'case.approved', caseId: 'C1' }] });
      const trail = await store.listAudit();
      expect(trail.map((event) => [event.seq, event.action])).toEqual([[1, 'case.created'], [2, 'case.tagged'], [3, 'case.approved']]);
      expect(verifyAuditChain(trail)).toMatchObject({ valid: true, count: 3 });
    });

    it('keeps everything for a new store instance over the same storage (a restart)', async () => {
      const { store, openAnother } = await fixture();
      await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }], outbox: [{ doc: sampleOutboxEntry('d1'), expectedVersion: 0 }], audit: [{ actor: 'ana', action: 'case.created', caseId: 'C1' }] });
      await store.close();
      const restarted = await openAnother();
      try {
        expect(await restarted.getCase('C1')).toMatchObject({ id: 'C1', version: 1 });
        expect(await restarted.listOutbox()).toMatchObject([{ id: 'd1' }]);
        expect(verifyAuditChain(await restarted.listAudit())).toMatchObject({ valid: true, count: 1 });
      } finally {
        await restarted.close();
      }
    });

    it('loses no write when two store instances commit concurrently (2 × 50), and the chain stays valid', async () => {
      const { store, openAnother } = await fixture();
      const other = await openAnother();
      try {
        const writes = (writer: InvestigationStore, who: string) =>
          Array.from({ length: 50 }, (_, i) =>
            writer.commit({ cases: [{ doc: sampleCase(`${who}-${i}`, { updatedBy: who }), expectedVersion: 0 }], audit: [{ actor: who, action: 'case.created', caseId: `${who}-${i}` }] }),
          );
        await Promise.all([...writes(store, 'ana'), ...writes(other, 'lee')]);
        for (const reader of [store, other]) {
          expect((await reader.listCases()).length).toBe(100);
          const trail = await reader.listAudit();
          expect(new Set(trail.map((event) => event.caseId)).size).toBe(100);
          expect(verifyAuditChain(trail)).toMatchObject({ valid: true, count: 100 });
        }
      } finally {
        await other.close();
      }
    });

    it('lets exactly one of two instances win a race to change the same case version', async () => {
      const { store, openAnother } = await fixture();
      const other = await openAnother();
      try {
        await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
        const outcomes = await Promise.allSettled([
          store.commit({ cases: [{ doc: sampleCase('C1', { title: 'Ana was here', updatedBy: 'ana' }), expectedVersion: 1 }] }),
          other.commit({ cases: [{ doc: sampleCase('C1', { title: 'Lee was here', updatedBy: 'lee' }), expectedVersion: 1 }] }),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const [loser] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(loser.reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^This case was changed by (ana|lee) at .*; reload it$/) });
        expect((await other.getCase('C1'))?.version).toBe(2);
      } finally {
        await other.close();
      }
    });
  });
}
