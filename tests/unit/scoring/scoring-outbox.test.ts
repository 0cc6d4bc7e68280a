import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedScoringDecision } from '../../support/test-team';
import type { ScoringDecision } from '../../../main/api';
import { retryDelayMs } from '../../../main/core/scoring/retry-policy';
import { newOutboxEntry, ScoringOutbox } from '../../../main/core/scoring/scoring-outbox';
import { FileInvestigationStore } from '../../../main/core/store/file-investigation-store';

const SECRET = 'test-secret-0123456789';
const backoff = { baseDelayMs: 1_000, maxDelayMs: 300_000 };

let dataDir: string;
let store: FileInvestigationStore;
let clock: number;
let sent: { url: string; headers: Record<string, string>; body: string }[];
/** What the fake scoring service answers next; the last one repeats. */
let answers: (() => Response)[];

const fakeFetch: typeof fetch = async (url, init) => {
  sent.push({ url: String(url), headers: init?.headers as Record<string, string>, body: String(init?.body) });
  const answer = answers.length > 1 ? answers.shift()! : answers[0];
  return answer();
};

const decisions = new Map<string, ScoringDecision>();
/** The same signed decision each time for an id, so a test can compare what was sent with it. */
function decision(id: string): ScoringDecision {
  if (!decisions.has(id)) {
    decisions.set(id, signedScoringDecision({ decisionId: id, caseId: 'RS-1', decision: 'blacklist', accounts: ['U0000011'], ringKind: 'cash-out', reasonCode: 'cash_out', confidence: 0.75 }));
  }
  return decisions.get(id)!;
}

function outbox(random = () => 0.5, endpoint: { url: string; secret: string; timeoutMs: number } | null = { url: 'http://scoring.test/v1/decisions', secret: SECRET, timeoutMs: 1_000 }) {
  return new ScoringOutbox({ store, endpoint, backoff, fetch: fakeFetch, now: () => clock, random });
}

async function queue(id: string) {
  await store.commit({ outbox: [{ doc: newOutboxEntry(decision(id), new Date(clock).toISOString(), 'lee'), expectedVersion: 0 }] });
}
const entry = async (id: string) => (await store.listOutbox()).find((item) => item.id === id)!;
const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-outbox-'));
  store = new FileInvestigationStore({ dataDir, now: () => clock });
  clock = Date.parse('2026-03-02T10:00:00.000Z');
  sent = [];
  answers = [json(201, { status: 'applied' })];
});
afterEach(async () => {
  await store.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('ScoringOutbox', () => {
  it('signs each request over its timestamp and body and keys it by the decision id', async () => {
    await queue('6f1c1e36-3a4b-4b8e-9d55-0f1f7a4a2c11');
    await outbox().deliverDue();
    const [request] = sent;
    expect(request.headers['Idempotency-Key']).toBe('6f1c1e36-3a4b-4b8e-9d55-0f1f7a4a2c11');
    expect(request.headers['X-RingScope-Timestamp']).toBe(String(clock / 1000));
    const expected = createHmac('sha256', SECRET).update(`${clock / 1000}.${request.body}`).digest('hex');
    expect(request.headers['X-RingScope-Signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(request.body)).toEqual(decision('6f1c1e36-3a4b-4b8e-9d55-0f1f7a4a2c11'));
    expect(await entry('6f1c1e36-3a4b-4b8e-9d55-0f1f7a4a2c11')).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 201 });
  });

  it('shows a 4xx as rejected with the server’s message and does not send it again', async () => {
    const id = '2b0c6f8e-0a51-4d6e-8f0e-3c2c6e0f9a10';
    await queue(id);
    answers = [json(422, { message: 'Unknown account U0000011' })];
    const worker = outbox();
    await worker.deliverDue();
    clock += 3_600_000;
    await worker.deliverDue();
    expect(sent).toHaveLength(1);
    expect(await entry(id)).toMatchObject({ state: 'rejected', lastError: 'HTTP 422: Unknown account U0000011', nextAttemptAt: null });
    const trail = await store.listAudit();
    expect(trail.at(-1)).toMatchObject({ action: 'push.rejected', caseId: 'RS-1' });
  });

  it('retries a 500 after a backoff that doubles per attempt up to the cap', async () => {
    const id = '9e7a1f4c-5b2d-4c3e-8a6f-1d2e3f4a5b6c';
    await queue(id);
    answers = [json(503, { message: 'maintenance' })];
    const worker = outbox(() => 0.999);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      await worker.deliverDue();
      const after = await entry(id);
      expect(after).toMatchObject({ state: 'retrying', attempts: attempt, lastError: 'HTTP 503: maintenance' });
      const wait = Date.parse(after.nextAttemptAt!) - clock;
      waits.push(Math.round(wait / 1000));
      await worker.deliverDue(); // not due yet: nothing is sent
      expect(sent).toHaveLength(attempt);
      clock += wait;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
  });

  it('retries now on request, starting the backoff afresh', async () => {
    const id = '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a';
    await queue(id);
    answers = [json(500, { message: 'down' }), json(500, { message: 'down' }), json(201, {})];
    const worker = outbox(() => 0.999);
    await worker.deliverDue();
    clock += 1_000;
    await worker.deliverDue();
    expect((await entry(id)).attempts).toBe(2);
    const retried = await worker.retryNow(id, 'ana');
    expect(retried).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: new Date(clock).toISOString() });
    await worker.deliverDue();
    expect(await entry(id)).toMatchObject({ state: 'delivered', attempts: 1 });
    await expect(worker.retryNow(id, 'ana')).rejects.toMatchObject({ code: 'conflict', message: 'This decision was already delivered' });
  });

  it('treats an unreachable service like a 500 and says so', async () => {
    const id = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
    await queue(id);
    answers = [() => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }); }];
    await outbox().deliverDue();
    expect(await entry(id)).toMatchObject({ state: 'retrying', lastError: 'Could not reach the scoring service: ECONNREFUSED', lastStatus: null });
  });

  it('takes over a delivery whose worker died, once its lease has run out', async () => {
    const id = '7c6b5a49-3827-4165-9e4d-3c2b1a0f9e8d';
    await queue(id);
    const queued = await entry(id);
    await store.commit({ outbox: [{ doc: { ...queued, state: 'delivering', attempts: 1, leaseExpiresAt: new Date(clock + 7_000).toISOString() }, expectedVersion: queued.version }] });
    const worker = outbox();
    await worker.deliverDue();
    expect(sent).toHaveLength(0);
    clock += 7_000;
    await worker.deliverDue();
    expect(await entry(id)).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('keeps decisions pending while no scoring service is configured', async () => {
    const id = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
    await queue(id);
    expect(await outbox(Math.random, null).deliverDue()).toBe(0);
    expect(await entry(id)).toMatchObject({ state: 'pending', attempts: 0 });
  });
});

describe('retryDelayMs', () => {
  it('waits a random time below the exponential ceiling (full jitter)', () => {
    expect(retryDelayMs(1, backoff, () => 0)).toBe(0);
    expect(retryDelayMs(3, backoff, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(30, backoff, () => 0.9999)).toBeLessThan(300_000);
  });
});
