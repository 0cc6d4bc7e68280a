/**
 * M1/item 5: the audit chain is anchored. Each event a person causes is signed with their key, the
 * chain head travels with every push, and the reference receiver's acknowledgement of it is kept:
 * cutting the tail off the trail or rewriting it wholesale no longer verifies.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Case, OutboxEntry } from '../../../main/api';
import { hashAuditEvent } from '../../../main/core/audit/audit-chain';
import { openInvestigation, type Investigation } from '../../../main/core/cases/investigation';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { ReferenceReceiver } from '../../../main/core/scoring/receiver/reference-receiver';
import { loadDemoTeamKey } from '../../../main/core/trust/demo-team';
import { publicKeyOf } from '../../../main/core/trust/signing';

const SECRET = 'anchor-test-secret-0123456789';
let dataDir: string;
let investigation: Investigation;
let receiver: { url: string; close(): Promise<void> };
let reference: ReferenceReceiver;

interface LogRecord {
  cases?: Case[];
  outbox?: OutboxEntry[];
  audit?: AuditEvent[];
}
const logFile = () => path.join(dataDir, 'investigation.jsonl');
const readLog = async () => (await fs.readFile(logFile(), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as LogRecord);
const writeLog = (records: LogRecord[]) => fs.writeFile(logFile(), records.map((record) => JSON.stringify(record)).join('\n') + '\n');

/** Re-links and re-hashes every event after `events` changed, as an insider rewriting the whole chain would. */
function relink(events: AuditEvent[]): AuditEvent[] {
  let previousHash = events[0].prevHash;
  return events.map((event, index) => {
    const { hash: _old, ...unsealed } = { ...event, seq: index + 1, prevHash: previousHash };
    previousHash = hashAuditEvent(unsealed);
    return { ...unsealed, hash: previousHash };
  });
}

/** Puts a rewritten trail back into the log: each record keeps its cases and deliveries, the events go first. */
async function replaceTrail(change: (events: AuditEvent[]) => AuditEvent[]): Promise<void> {
  const records = await readLog();
  const events = change(records.flatMap((record) => record.audit ?? []));
  await writeLog([{ audit: events }, ...records.map((record) => ({ ...record, audit: [] }))]);
}

async function reopen(): Promise<Investigation> {
  await investigation.close();
  investigation = await openInvestigation(resolveInvestigationConfig({}, { dataDir }));
  return investigation;
}

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-anchors-'));
  reference = new ReferenceReceiver({ secret: SECRET, teamPublicKey: publicKeyOf(await loadDemoTeamKey(dataDir)) });
  receiver = await reference.listen(0);
  const env = { RINGSCOPE_SCORING_URL: receiver.url, RINGSCOPE_SCORING_SECRET: SECRET, RINGSCOPE_SCORING_RETRY_BASE_MS: '20' };
  investigation = await openInvestigation(resolveInvestigationConfig(env, { dataDir }));
  const cluster = { origin: 'selection' as const, ringId: null, ringKind: null, score: null, reasons: [], accounts: [{ nodeId: 'account:U0000042', userId: 'U0000042' }], identifierNodeIds: [] };
  const created = await investigation.cases.create({ title: 'Mule', description: '', assignee: null, cluster }, 'demo-analyst');
  const tagged = await investigation.cases.tag({ caseId: created.id, version: created.version, reasonCode: 'money_laundering', confidence: 0.7, note: '' }, 'demo-analyst');
  await investigation.cases.submit(tagged.id, tagged.version, 'demo-analyst');
  await investigation.cases.approve(created.id, 'ok', 'demo-lead');
  for (let waited = 0; !(await investigation.outbox.list({})).every((entry) => entry.acknowledgedHead); waited += 20) {
    if (waited > 5_000) throw new Error('the push was not acknowledged');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // One more event after the anchor: the trail goes on past the acknowledged head.
  await investigation.cases.addNote(created.id, 'called the bank', 'demo-analyst');
});
afterEach(async () => {
  await investigation.close();
  await receiver.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the anchored audit trail', () => {
  it('signs every event a person causes with their key, sends the head with the push and keeps the acknowledgement', async () => {
    const events = await investigation.audit.list({ limit: 1000, offset: 0 });
    const byPeople = events.events.filter((event) => !event.actor.startsWith('ringscope:') && event.action !== 'key.certified');
    expect(byPeople.length).toBeGreaterThan(5);
    expect(byPeople.every((event) => event.signature && event.actorKey)).toBe(true);
    const [entry] = await investigation.outbox.list({});
    expect(entry.acknowledgedHead).toEqual(entry.decision.auditHead);
    expect([...reference.accepted.values()][0].acknowledgement.auditHead).toEqual(entry.decision.auditHead);
    expect(await investigation.audit.verify()).toMatchObject({ valid: true, anchors: { checked: 1, lastSeq: entry.decision.auditHead.seq } });
  });

  it('detects the tail cut off back past the acknowledged head', async () => {
    const [entry] = await investigation.outbox.list({});
    await replaceTrail((events) => events.slice(0, entry.decision.auditHead.seq - 1));
    expect(await (await reopen()).audit.verify()).toMatchObject({
      valid: false,
      brokenAtSeq: entry.decision.auditHead.seq,
      problem: `Event #${entry.decision.auditHead.seq}, acknowledged by the scoring service, is missing: the trail was cut off after #${entry.decision.auditHead.seq - 1}`,
    });
  });

  it('detects the whole chain rewritten (an event dropped, the rest re-linked and re-hashed)', async () => {
    const [entry] = await investigation.outbox.list({});
    await replaceTrail((events) => relink(events.filter((event) => event.action !== 'case.tagged')));
    const verification = await (await reopen()).audit.verify();
    expect(verification).toMatchObject({ valid: false, problem: expect.stringMatching(/differs from the one the scoring service acknowledged: the trail was rewritten|is missing/) });
    expect(verification.brokenAtSeq).toBe(entry.decision.auditHead.seq);
  });

  it('detects an event whose details were changed and the chain re-hashed: the actor’s signature no longer matches', async () => {
    await replaceTrail((events) => relink(events.map((event) => (event.action === 'case.approved' ? { ...event, details: { ...event.details, comment: 'rubber-stamped' } } : event))));
    const verification = await (await reopen()).audit.verify();
    expect(verification).toMatchObject({ valid: false, problem: expect.stringMatching(/^Event #\d+ does not carry a valid signature of demo-lead$/) });
  });
});
