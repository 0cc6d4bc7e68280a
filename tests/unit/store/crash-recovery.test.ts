/**
 * Bounded crash test: a child process writing cases, reviews and outbox deliveries to the file store
 * is SIGKILLed at a random moment, ROUNDS times on one data directory. After each kill a restarted
 * store must show 0 corrupt lines, 0 lost acknowledged writes, 0 lockouts and a valid audit chain.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/core/audit/audit-chain';
import { FileInvestigationStore } from '../../../main/core/store/file-investigation-store';
import { loadDemoTeamKey } from '../../../main/core/trust/demo-team';
import { publicKeyOf } from '../../../main/core/trust/signing';
import { ScoringReceiver } from '../../support/scoring-receiver';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 24);
const childScript = fileURLToPath(new URL('../../support/store-crash-child.ts', import.meta.url));
const SECRET = 'crash-test-secret-0123456789';

let dataDir: string;
let receiver: ScoringReceiver;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-crash-'));
  // The children run the embedded demo's trust: its team key (made here first) certifies the demo lead who approves.
  receiver = await ScoringReceiver.start({ secret: SECRET, teamPublicKey: publicKeyOf(await loadDemoTeamKey(dataDir)) });
});
afterAll(async () => {
  await receiver?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Runs one child until it has acknowledged a few writes, then SIGKILLs it at a random moment; returns its acknowledgements. */
async function runAndKill(round: number): Promise<{ acknowledged: Map<string, number>; acks: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    env: {
      ...process.env,
      RINGSCOPE_DATA_DIR: dataDir,
      RINGSCOPE_SCORING_URL: receiver.url,
      RINGSCOPE_SCORING_SECRET: SECRET,
      RINGSCOPE_SCORING_RETRY_BASE_MS: '5',
      CRASH_ROUND: String(round),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged = new Map<string, number>();
  let stderr = '';
  let buffered = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let acks = 0;
  await new Promise<void>((resolve, reject) => {
    let killAfter = Infinity;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, caseId, version] = line.split(' ');
        // Only a complete line is an acknowledgement the child made before it died.
        if (word === 'READY') killAfter = 1 + Math.floor(Math.random() * 12);
        if (word !== 'ACK') continue;
        acks++;
        acknowledged.set(caseId, Math.max(acknowledged.get(caseId) ?? 0, Number(version)));
      }
      if (acks >= killAfter) {
        killAfter = Infinity;
        // A few milliseconds into the next write (or the outbox worker's delivery), not at a boundary.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
        resolve();
      }
    });
    child.once('exit', (code, signal) => (signal ? resolve() : reject(new Error(`child exited with ${code} before it was killed: ${stderr}`))));
  });
  await exited;
  return { acknowledged, acks };
}

interface RoundFigures {
  corruptLines: number;
  lostWrites: number;
  lockouts: number;
  chainValid: boolean;
}

async function checkAfterRestart(acknowledged: Map<string, number>, round: number): Promise<RoundFigures> {
  const store = new FileInvestigationStore({ dataDir });
  let lockouts = 0;
  try {
    // A restarted RingScope's first commit: it must get the lock the killed child may still hold on disk.
    await store.commit({ audit: [{ actor: 'crash-test', action: 'crash.restarted', caseId: null, details: { round } }] });
  } catch {
    lockouts = 1;
  }
  const text = await fs.readFile(path.join(dataDir, 'investigation.jsonl'), 'utf8');
  const lines = text.split('\n');
  const tail = lines.pop();
  let corruptLines = tail ? 1 : 0;
  for (const line of lines) {
    try {
      JSON.parse(line);
    } catch {
      corruptLines++;
    }
  }
  let lostWrites = 0;
  const queued = new Set((await store.listOutbox()).map((entry) => entry.caseId));
  for (const [caseId, version] of acknowledged) {
    const stored = await store.getCase(caseId);
    if (!stored || stored.version < version) lostWrites++;
    // An acknowledged approval must have its decision in the outbox (both are one commit).
    else if (stored.status === 'approved' && !queued.has(caseId)) lostWrites++;
  }
  const chainValid = verifyAuditChain(await store.listAudit()).valid;
  await store.close();
  return { corruptLines, lostWrites, lockouts, chainValid };
}

describe('file store under SIGKILL', () => {
  it(`loses nothing acknowledged, corrupts no line and never locks out over ${ROUNDS} killed writers`, { timeout: 300_000 }, async () => {
    const figures: RoundFigures[] = [];
    let acknowledgedWrites = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const { acknowledged, acks } = await runAndKill(round);
      acknowledgedWrites += acks;
      figures.push(await checkAfterRestart(acknowledged, round));
    }
    const store = new FileInvestigationStore({ dataDir });
    const outbox = await store.listOutbox();
    const totals = {
      rounds: figures.length,
      acknowledgedWrites,
      corruptLines: figures.reduce((sum, round) => sum + round.corruptLines, 0),
      lostWrites: figures.reduce((sum, round) => sum + round.lostWrites, 0),
      lockouts: figures.reduce((sum, round) => sum + round.lockouts, 0),
      invalidChains: figures.filter((round) => !round.chainValid).length,
      outboxEntries: outbox.length,
      delivered: outbox.filter((entry) => entry.state === 'delivered').length,
    };
    console.log(`crash test: ${JSON.stringify(totals)}`);
    expect(totals).toMatchObject({ rounds: ROUNDS, corruptLines: 0, lostWrites: 0, lockouts: 0, invalidChains: 0 });
    expect(totals.outboxEntries).toBeGreaterThan(0);
  });
});
