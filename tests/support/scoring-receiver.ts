/**
 * The scoring service for fault tests and e2e: the reference receiver
 * (main/core/scoring/receiver, which verifies HMAC, signatures, certificates and four-eyes and
 * applies each Idempotency-Key once) behind a real node:http server on 127.0.0.1 that records
 * every request and fails on demand.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ReferenceReceiver } from '../../main/core/scoring/receiver/reference-receiver';
import { hasValidHmac } from '../../main/core/scoring/receiver/verify-push';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  idempotencyKey: string | null;
  signatureValid: boolean;
  /** Why the reference receiver refused it (e.g. four_eyes_violated), else null. */
  refusal: string | null;
  /** What the receiver did with it. */
  outcome: 'applied' | 'duplicate' | 'failed' | 'rejected' | 'unauthorized' | 'dropped' | 'not_found' | 'invalid';
  status: number | null;
}

export interface AppliedDecision {
  decision: Record<string, unknown>;
  result: { decisionId: string; status: 'applied'; appliedAt: string; auditHead: { seq: number; hash: string } };
  /** Requests with this key that were answered from the first result. */
  duplicates: number;
}

type Fault =
  | { kind: 'status'; status: number; message: string }
  | { kind: 'slow'; delayMs: number; applyFirst: boolean }
  | { kind: 'drop' };

export class ScoringReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** Applied decisions by Idempotency-Key. */
  readonly applied = new Map<string, AppliedDecision>();
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();
  private server: http.Server;
  private port = 0;

  private readonly reference: ReferenceReceiver;

  private constructor(private readonly options: { secret: string; teamPublicKey: string }) {
    this.reference = new ReferenceReceiver(options);
    this.server = this.createServer();
  }

  /** Starts listening on a random free port of 127.0.0.1, trusting certificates of this team key. */
  static async start(options: { secret: string; teamPublicKey: string }): Promise<ScoringReceiver> {
    const receiver = new ScoringReceiver(options);
    await receiver.listen(0);
    return receiver;
  }

  /** The push endpoint, as RingScope's configuration names it. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/v1/decisions`;
  }

  /** The next `count` requests get this HTTP status (500 by default) and are not applied. */
  failNext(count: number, status = 500, message = 'Scoring service unavailable'): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'status', status, message });
  }

  /** The next `count` requests are answered after `delayMs`; with applyFirst the decision is applied before the wait (answer lost to a client timeout). */
  slowNext(count: number, delayMs: number, { applyFirst = false } = {}): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'slow', delayMs, applyFirst });
  }

  /** The next `count` requests have their connection closed without an answer. */
  dropNext(count: number): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'drop' });
  }

  /** Stops listening and cuts open connections: the service is down. */
  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Listens again on the same port after down(). */
  async up(): Promise<void> {
    this.server = this.createServer();
    await this.listen(this.port);
  }

  /** How many times each key was applied: the idempotency promise is that every value is 1. */
  timesApplied(key: string): number {
    return this.requests.filter((request) => request.idempotencyKey === key && request.outcome === 'applied').length;
  }

  async close(): Promise<void> {
    if (this.server.listening) await this.down();
  }

  private createServer(): http.Server {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => void this.handle(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(request: http.IncomingMessage, body: string, response: http.ServerResponse): Promise<void> {
    const key = header(request.headers, 'idempotency-key');
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
    const record: ReceivedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      idempotencyKey: key,
      signatureValid: hasValidHmac({ headers, body }, this.options.secret),
      refusal: null,
      outcome: 'invalid',
      status: null,
    };
    this.requests.push(record);
    const answer = (status: number, payload: unknown, outcome: ReceivedRequest['outcome']) => {
      record.status = status;
      record.outcome = outcome;
      if (response.destroyed) return;
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
    };

    if (request.method !== 'POST' || request.url !== '/v1/decisions') return answer(404, { message: 'Not found' }, 'not_found');
    const fault = this.faults.shift();
    if (fault?.kind === 'drop') {
      record.outcome = 'dropped';
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') return answer(fault.status, { message: fault.message }, fault.status >= 500 || fault.status === 429 || fault.status === 408 ? 'failed' : 'rejected');

    const apply = async () => {
      const result = await this.reference.handle({ headers, body });
      const refusal = result.outcome === 'refused' ? (result.body as { reason: string }).reason : null;
      record.refusal = refusal;
      const outcome: ReceivedRequest['outcome'] = result.outcome === 'refused' ? (result.status === 401 ? 'unauthorized' : 'invalid') : result.outcome;
      if (result.outcome !== 'refused' && key) {
        const accepted = this.reference.accepted.get(key)!;
        this.applied.set(key, { decision: accepted.decision as unknown as Record<string, unknown>, result: accepted.acknowledgement, duplicates: accepted.duplicates });
      }
      return { status: result.status, payload: result.body, outcome };
    };
    if (fault?.kind === 'slow') {
      const early = fault.applyFirst ? await apply() : null;
      if (early) record.outcome = early.outcome;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      const outcome = early ?? (await apply());
      return answer(outcome.status, outcome.payload, outcome.outcome);
    }
    const outcome = await apply();
    answer(outcome.status, outcome.payload, outcome.outcome);
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
