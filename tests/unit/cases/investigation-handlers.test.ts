import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, OutboxEntry } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { createInvestigationHandlers } from '../../../main/core/cases/handlers';
import { openInvestigation, type Investigation } from '../../../main/core/cases/investigation';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { clusterFactsOf } from '../../support/cluster-facts';

let dataDir: string;
let investigation: Investigation;
let dispatcher: ApiDispatcher;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-handlers-'));
  // No scoring URL or team key: the demo team key certifies demo-lead. No scoring URL: approved decisions wait in the outbox, which is what this test looks at.
  investigation = await openInvestigation(resolveInvestigationConfig({}, { dataDir }));
  dispatcher = new ApiDispatcher(createInvestigationHandlers(investigation, clusterFactsOf()) as ApiHandlers, { validateOutput: true });
});
afterEach(async () => {
  await investigation.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function call<T>(area: string, name: string, input: unknown, user: string): Promise<T> {
  const envelope = await dispatcher.call(area, name, input, { user });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}

describe('investigation Api areas through the dispatcher', () => {
  it('runs tag → submit → four-eyes approval → queued push with contract-valid results', async () => {
    const cluster = { origin: 'selection', accounts: [{ nodeId: 'account:U0000042', userId: 'U0000042' }], identifierNodeIds: ['device:D9'] };
    const created = await call<Case>('cases', 'create', { title: 'Selected mule accounts', cluster }, 'demo-analyst');
    const tagged = await call<Case>('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'money_laundering', confidence: 0.6 }, 'demo-analyst');
    await call<Case>('cases', 'submit', { caseId: tagged.id, version: tagged.version }, 'demo-analyst');

    const queue = await call<{ cases: Case[] }>('review', 'queue', {}, 'demo-lead');
    expect(queue.cases.map((c) => c.id)).toEqual([created.id]);
    await expect(call('review', 'approve', { caseId: created.id }, 'demo-analyst')).rejects.toMatchObject({ code: 'forbidden' });
    const approved = await call<Case>('review', 'approve', { caseId: created.id, comment: 'looks right' }, 'demo-lead');
    expect(approved.status).toBe('approved');

    const outbox = await call<{ entries: OutboxEntry[]; endpoint: string | null }>('outbox', 'list', {}, 'demo-lead');
    expect(outbox).toMatchObject({ endpoint: null, entries: [{ state: 'pending', decision: { accounts: ['U0000042'], reasonCode: 'money_laundering', approvedBy: 'demo-lead' } }] });
    // 6 keyring events (the three demo keys registered and certified) before the case's 5.
    expect(await call('audit', 'verify', {}, 'demo-lead')).toMatchObject({ valid: true, count: 11 });
    const page = await call<{ events: { action: string }[]; total: number }>('audit', 'list', { caseId: created.id, limit: 2 }, 'demo-lead');
    expect(page).toMatchObject({ total: 5, events: [{ action: 'push.queued' }, { action: 'case.approved' }] });
  });

  it('rejects a rejection without a comment, naming the field', async () => {
    const envelope = await dispatcher.call('review', 'reject', { caseId: 'RS-1', comment: ' ' }, { user: 'lee' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'comment' }] } });
  });
});

describe('resolveInvestigationConfig', () => {
  it('reads the team key file, the scoring endpoint and the write-back label from the environment', () => {
    const config = resolveInvestigationConfig({
      RINGSCOPE_TEAM_KEY_FILE: '/etc/ringscope/team-key.pem',
      RINGSCOPE_LEAD_ROLE: 'fraud_lead',
      RINGSCOPE_SCORING_URL: 'https://scoring.internal/v1/decisions',
      RINGSCOPE_SCORING_SECRET: 'a-long-enough-secret',
      RINGSCOPE_WRITE_BACK_LABEL: 'Blacklisted',
      RINGSCOPE_DATA_DIR: '/var/lib/ringscope',
    });
    expect(config).toMatchObject({
      dataDir: '/var/lib/ringscope',
      teamKeyFile: '/etc/ringscope/team-key.pem',
      leadRole: 'fraud_lead',
      scoring: { endpoint: { url: 'https://scoring.internal/v1/decisions', timeoutMs: 10_000 }, backoff: { baseDelayMs: 1_000, maxDelayMs: 300_000 } },
      writeBack: { mode: 'label', label: 'Blacklisted' },
    });
  });

  it('refuses a plain http:// scoring URL on another host, where decisions would cross the network unencrypted', () => {
    const secret = { RINGSCOPE_SCORING_SECRET: 'a-long-enough-secret' };
    expect(() => resolveInvestigationConfig({ ...secret, RINGSCOPE_SCORING_URL: 'http://scoring.internal/v1/decisions' })).toThrow(/RINGSCOPE_SCORING_URL: must use https:\/\/ unless the service runs on this computer/);
    for (const url of ['http://127.0.0.1:8080/decisions', 'http://localhost:8080/decisions', 'http://[::1]:8080/decisions', 'https://scoring.internal/v1/decisions']) {
      expect(resolveInvestigationConfig({ ...secret, RINGSCOPE_SCORING_URL: url }).scoring.endpoint?.url).toBe(url);
    }
  });

  it('names a bad variable without ever repeating the secret', () => {
    const secret = 'short-secret';
    const attempt = () => resolveInvestigationConfig({ RINGSCOPE_SCORING_URL: 'ftp://x', RINGSCOPE_SCORING_SECRET: secret });
    expect(attempt).toThrow(/RINGSCOPE_SCORING_URL: must be an http\(s\) URL; RINGSCOPE_SCORING_SECRET: must be at least 16 characters/);
    expect(attempt).not.toThrow(new RegExp(secret));
  });

  it('refuses a scoring URL without a secret to sign with', () => {
    expect(() => resolveInvestigationConfig({ RINGSCOPE_SCORING_URL: 'http://127.0.0.1:9/v1/decisions' })).toThrow(/RINGSCOPE_SCORING_SECRET is required/);
  });
});
