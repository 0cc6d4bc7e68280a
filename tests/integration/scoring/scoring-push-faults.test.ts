/**
 * Fault tests of the scoring push against a real HTTP server on 127.0.0.1 (tests/support/scoring-receiver.ts):
 * whatever fails on the way, every approved decision arrives and each Idempotency-Key is applied once.
 * Real timers with short delays (backoff base 20 ms, request timeout 300 ms) keep each test to seconds.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterMembers, OutboxEntry } from '../../../main/api';
import { verifyAuditChain } from '../../../main/core/audit/audit-chain';
import { BlacklistOverlay } from '../../../main/core/cases/blacklist-overlay';
import { CaseService } from '../../../main/core/cases/case-service';
import { ScoringOutbox } from '../../../main/core/scoring/scoring-outbox';
import { FileInvestigationStore } from '../../../main/core/store/file-investigation-store';
import { FileKeyVault } from '../../../main/core/trust/key-vault';
import { TeamTrust } from '../../../main/core/trust/team-trust';
import { ScoringReceiver } from '../../support/scoring-receiver';
import { createTestTeam, type TestTeam } from '../../support/test-team';

const SECRET = 'loopback-secret-for-tests';
const TIMEOUT_MS = 300;

let dataDir: string;
let receiver: ScoringReceiver;
let team: TestTeam;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-push-'));
  const setupStore = new FileInvestigationStore({ dataDir });
  team = await createTestTeam(setupStore, dataDir, ['lee']);
  await setupStore.close();
  receiver = await ScoringReceiver.start({ secret: SECRET, teamPublicKey: team.teamKey.publicKey });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await receiver.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** One RingScope over the shared data directory: its store, case service and outbox worker. */
function ringScope(options: { secret?: string; fetch?: typeof fetch } = {}) {
  const store = new FileInvestigationStore({ dataDir });
  const outbox = new ScoringOutbox({
    store,
    endpoint: { url: receiver.url, secret: options.secret ?? SECRET, timeoutMs: TIMEOUT_MS },
    backoff: { baseDelayMs: 20, maxDelayMs: 200 },
    fetch: options.fetch,
    random: () => 0.5,
    pollIntervalMs: 50,
  });
  const trust = new TeamTrust({
    teamPublicKey: team.teamKey.publicKey,
    vault: new FileKeyVault(path.join(dataDir, 'keys')),
    auditTrail: { list: () => store.listAudit(), record: (draft) => store.commit({ audit: [draft] }) },
  });
  const snapshotOf = async () => ({ nodes: [], edges: [] });
  const cases = new CaseService({ store, writeBack: new BlacklistOverlay(), trust, snapshotOf, onDecisionQueued: () => outbox.kick() });
  cleanups.push(async () => {
    await outbox.stop();
    await store.close();
  });
  return { store, outbox, cases };
}

/** Ana tags and submits a ring of `size` accounts, Lee approves it; returns the decision id. */
async function approveRing(cases: CaseService, ring: number, size = 3): Promise<string> {
  const cluster: ClusterMembers = {
    origin: 'ring',
    ringId: `ring-${ring}`,
    ringKind: 'cash-out',
    score: 0.8,
    reasons: ['pays one merchant in round amounts'],
    accounts: Array.from({ length: size }, (_, i) => ({ nodeId: `account:U${ring}${i}`, userId: `U${ring}${i}` })),
    identifierNodeIds: [],
  };
  const created = await cases.create({ title: `Ring ${ring}`, description: '', assignee: null, cluster }, 'ana');
  const tagged = await cases.tag({ caseId: created.id, version: created.version, reasonCode: 'cash_out', confidence: 0.9, note: '' }, 'ana');
  const submitted = await cases.submit(tagged.id, tagged.version, 'ana');
  const approved = await cases.approve(submitted.id, 'confirmed', 'lee');
  return approved.reviews.at(-1)!.decisionId!;
}

/** Polls until `check` holds, for at most `timeoutMs`: the loop is bounded, never open-ended. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  for (const giveUpAt = Date.now() + timeoutMs; Date.now() < giveUpAt; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

const allIn = (store: FileInvestigationStore, states: OutboxEntry['state'][]) => async () =>
  (await store.listOutbox()).every((entry) => states.includes(entry.state));

/** Each decision arrived, was applied exactly once, and every request carried a valid signature. */
function expectAppliedOnce(decisionIds: string[]): void {
  for (const id of decisionIds) expect(receiver.timesApplied(id), id).toBe(1);
  expect([...receiver.applied.keys()].sort()).toEqual([...decisionIds].sort());
  expect(receiver.requests.filter((request) => request.outcome !== 'dropped').every((request) => request.signatureValid)).toBe(true);
}

describe('scoring push against a loopback scoring service', () => {
  it('delivers every decision once the service comes back from being down', async () => {
    const { store, outbox, cases } = ringScope();
    await receiver.down();
    outbox.start();
    const ids = [await approveRing(cases, 1), await approveRing(cases, 2), await approveRing(cases, 3)];
    await eventually(async () => (await store.listOutbox()).every((entry) => entry.state === 'retrying' && entry.attempts >= 2));
    expect((await store.listOutbox())[0].lastError).toBe('Could not reach the scoring service: ECONNREFUSED');

    await receiver.up();
    await eventually(allIn(store, ['delivered']));
    expectAppliedOnce(ids);
    expect(receiver.applied.get(ids[0])?.decision).toMatchObject({ decisionId: ids[0], decision: 'blacklist', accounts: ['U10', 'U11', 'U12'], approvedBy: 'lee' });
    const trail = await store.listAudit();
    expect(trail.filter((event) => event.action === 'push.delivered')).toHaveLength(3);
    expect(trail.filter((event) => event.action === 'push.failed').length).toBeGreaterThanOrEqual(6);
    expect(verifyAuditChain(trail).valid).toBe(true);
  });

  it('retries through a run of 500s and connections dropped without an answer', async () => {
    const { store, outbox, cases } = ringScope();
    receiver.failNext(4, 500);
    receiver.dropNext(2);
    outbox.start();
    const ids = [await approveRing(cases, 1), await approveRing(cases, 2)];
    await eventually(allIn(store, ['delivered']));
    expectAppliedOnce(ids);
    expect(receiver.requests.filter((request) => request.outcome === 'failed')).toHaveLength(4);
    expect(receiver.requests.filter((request) => request.outcome === 'dropped')).toHaveLength(2);
  });

  it('applies a decision once when the answer was lost to a timeout and the request was sent again', async () => {
    const { store, outbox, cases } = ringScope();
    receiver.slowNext(2, TIMEOUT_MS * 3, { applyFirst: true });
    outbox.start();
    const id = await approveRing(cases, 1);
    await eventually(allIn(store, ['delivered']));
    expectAppliedOnce([id]);
    expect(receiver.applied.get(id)?.duplicates).toBeGreaterThanOrEqual(1);
    const history = (await store.listAudit()).filter((event) => event.action === 'push.failed');
    expect(history[0].details.error).toBe('No answer from the scoring service within 0.3 s');
  });

  it('sends a delivery again after RingScope restarted mid-delivery, and it is applied once', async () => {
    // The first RingScope sends the request, then "dies" before it sees the answer.
    let reachedService = false;
    const dyingFetch: typeof fetch = async (url, init) => {
      await fetch(url, init);
      reachedService = true;
      return new Promise<Response>(() => undefined);
    };
    const first = ringScope({ fetch: dyingFetch });
    const id = await approveRing(first.cases, 1);
    void first.outbox.deliverDue();
    await eventually(async () => reachedService);
    expect((await first.store.listOutbox())[0].state).toBe('delivering');

    const restarted = ringScope();
    expect(await restarted.outbox.recoverInterrupted()).toBe(1);
    restarted.outbox.start();
    await eventually(allIn(restarted.store, ['delivered']));
    expectAppliedOnce([id]);
    expect(receiver.applied.get(id)?.duplicates).toBe(1);
  });

  it('delivers a decision whose request never left before the restart', async () => {
    const first = ringScope({ fetch: () => new Promise<Response>(() => undefined) });
    const id = await approveRing(first.cases, 1);
    void first.outbox.deliverDue();
    await eventually(async () => (await first.store.listOutbox())[0].state === 'delivering');

    const restarted = ringScope();
    await restarted.outbox.recoverInterrupted();
    restarted.outbox.start();
    await eventually(allIn(restarted.store, ['delivered']));
    expectAppliedOnce([id]);
    expect(receiver.applied.get(id)?.duplicates).toBe(0);
  });

  it('shows a 4xx as rejected with the service’s message and does not retry it', async () => {
    const { store, outbox, cases } = ringScope();
    receiver.failNext(1, 422, 'Account U12 is unknown to scoring');
    outbox.start();
    const id = await approveRing(cases, 1);
    await eventually(allIn(store, ['rejected']));
    await new Promise((resolve) => setTimeout(resolve, 300)); // many backoff periods: nothing more may be sent
    expect(receiver.requests.filter((request) => request.idempotencyKey === id)).toHaveLength(1);
    expect((await outbox.list())[0]).toMatchObject({ state: 'rejected', lastStatus: 422, lastError: 'HTTP 422: Account U12 is unknown to scoring' });
    expect(receiver.timesApplied(id)).toBe(0);
  });

  it('is refused by the receiver when the queued decision was altered after approval: the accounts no longer match the signed submission', async () => {
    const { store, outbox, cases } = ringScope();
    await approveRing(cases, 1);
    const [entry] = await store.listOutbox();
    const altered = { ...entry, decision: { ...entry.decision, accounts: [...entry.decision.accounts, 'U0019999'] } };
    await store.commit({ outbox: [{ doc: altered, expectedVersion: entry.version }] });
    outbox.start();
    await eventually(allIn(store, ['rejected']));
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ signatureValid: true, status: 422, refusal: 'members_changed_since_submission' });
    expect(receiver.applied.size).toBe(0);
  });

  it('is refused (401, not retried) when RingScope signs with the wrong secret', async () => {
    const { store, outbox, cases } = ringScope({ secret: 'not-the-shared-secret' });
    outbox.start();
    await approveRing(cases, 1);
    await eventually(allIn(store, ['rejected']));
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ signatureValid: false, status: 401 });
    expect((await store.listOutbox())[0].lastError).toBe('HTTP 401: hmac_invalid');
  });

  it('applies each decision once when two RingScopes share the data directory and both deliver', async () => {
    const analyst = ringScope();
    const lead = ringScope();
    receiver.failNext(3, 503);
    analyst.outbox.start();
    lead.outbox.start();
    const ids: string[] = [];
    for (let ring = 1; ring <= 6; ring++) ids.push(await approveRing((ring % 2 ? analyst : lead).cases, ring));
    await eventually(allIn(analyst.store, ['delivered']));
    expectAppliedOnce(ids);
    expect(verifyAuditChain(await lead.store.listAudit()).valid).toBe(true);
  });
});
