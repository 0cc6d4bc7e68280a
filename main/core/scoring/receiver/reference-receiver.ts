import { appendFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScoringDecision } from '../../../api';
import { verifyPush, type PushRequest, type PushVerifierOptions } from './verify-push';

export interface AcceptedDecision {
  decision: ScoringDecision;
  /** The acknowledgement RingScope stores: it anchors the audit head the push carried. */
  acknowledgement: { decisionId: string; status: 'applied'; appliedAt: string; auditHead: ScoringDecision['auditHead'] };
  /** Repeats of the same Idempotency-Key answered from the first result. */
  duplicates: number;
}

export interface ReceiverAnswer {
  status: number;
  body: unknown;
  outcome: 'applied' | 'duplicate' | 'refused';
}

/**
 * The reference scoring receiver: verifies a push (HMAC, signatures, certificates, four-eyes),
 * applies each Idempotency-Key once and records what it accepted (optionally as JSON lines in a
 * file). `handle` is the whole logic; `listen` puts it on a loopback HTTP port.
 */
export class ReferenceReceiver {
  readonly accepted = new Map<string, AcceptedDecision>();

  constructor(private readonly options: PushVerifierOptions & { recordFile?: string }) {}

  async handle(request: PushRequest): Promise<ReceiverAnswer> {
    const verdict = verifyPush(request, this.options);
    if (!verdict.ok) return { status: verdict.status, body: { message: verdict.reason, reason: verdict.reason, problems: verdict.problems }, outcome: 'refused' };
    const { decision } = verdict;
    const existing = this.accepted.get(decision.decisionId);
    if (existing) {
      existing.duplicates++;
      return { status: 200, body: existing.acknowledgement, outcome: 'duplicate' };
    }
    const acknowledgement = { decisionId: decision.decisionId, status: 'applied' as const, appliedAt: new Date((this.options.now ?? Date.now)()).toISOString(), auditHead: decision.auditHead };
    this.accepted.set(decision.decisionId, { decision, acknowledgement, duplicates: 0 });
    if (this.options.recordFile) await appendFile(this.options.recordFile, `${JSON.stringify({ decision, acknowledgement })}\n`, { mode: 0o600 });
    return { status: 201, body: acknowledgement, outcome: 'applied' };
  }

  /** Serves POST /v1/decisions on 127.0.0.1 (port 0: a free one); resolves to the push URL. */
  async listen(port: number): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const reply = (status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
        if (request.method !== 'POST' || request.url !== '/v1/decisions') return reply(404, { reason: 'not_found' });
        const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
        this.handle({ headers, body: Buffer.concat(chunks).toString('utf8') }).then(
          (answer) => reply(answer.status, answer.body),
          () => reply(500, { reason: 'record_failed' }),
        );
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/decisions`;
    return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
}
