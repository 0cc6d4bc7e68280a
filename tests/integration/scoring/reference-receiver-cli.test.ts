/** `npm run scoring:receiver`: the reference receiver as the scoring team runs it, on a loopback port. */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoringSignature } from '../../../main/core/scoring/signature';
import { generateSigningKeyPair } from '../../../main/core/trust/signing';
import { signedScoringDecision } from '../../support/test-team';

const SECRET = 'reference-receiver-cli-secret';

describe('npm run scoring:receiver', () => {
  it('verifies pushes on 127.0.0.1, records what it accepts and refuses an unsigned one with a reason', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-receiver-'));
    const teamKey = generateSigningKeyPair();
    await fs.writeFile(path.join(dir, 'team-key.pub'), teamKey.publicKey);
    const recordFile = path.join(dir, 'accepted.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/core/scoring/receiver/cli.ts'], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, PORT: '0', RINGSCOPE_SCORING_SECRET: SECRET, RINGSCOPE_TEAM_KEY_FILE: path.join(dir, 'team-key.pub'), RECEIVER_RECORD_FILE: recordFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 30_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /on (http:\/\/127\.0\.0\.1:\d+\/v1\/decisions)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const decision = signedScoringDecision({ decisionId: '6f1c1e36-3a4b-4b8e-9d55-0f1f7a4a2c11', caseId: 'RS-1', accounts: ['U1', 'U2'] }, teamKey);
      const body = JSON.stringify(decision);
      const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': decision.decisionId, ...headers } });
      const unsigned = await post({});
      expect(unsigned.status).toBe(401);
      expect(await unsigned.json()).toMatchObject({ reason: 'hmac_invalid' });
      const timestamp = Math.floor(Date.now() / 1000);
      const accepted = await post({ 'X-RingScope-Timestamp': String(timestamp), 'X-RingScope-Signature': scoringSignature(SECRET, timestamp, body) });
      expect(accepted.status).toBe(201);
      expect(await accepted.json()).toMatchObject({ decisionId: decision.decisionId, status: 'applied', auditHead: decision.auditHead });
      const recorded = (await fs.readFile(recordFile, 'utf8')).trim().split('\n');
      expect(recorded).toHaveLength(1);
      expect(JSON.parse(recorded[0]).decision.decisionId).toBe(decision.decisionId);
    } finally {
      child.kill('SIGTERM');
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
