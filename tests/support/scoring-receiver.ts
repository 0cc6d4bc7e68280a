/**
 * A stand-in for the scoring service on 127.0.0.1 (a real node:http server on a random port), for
 * fault tests and e2e. It implements resources/scoring-api.openapi.yaml on its own — it does not
 * reuse RingScope's signing code — records every request, applies each Idempotency-Key once
 * (a repeat answers 200 with the first result and counts as a duplicate) and fails on demand.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  idempotencyKey: string | null;
  signatureValid: boolean;
  /** What the receiver did with it. */
  outcome: 'applied' | 'duplicate' | 'failed' | 'rejected' | 'unauthorized' | 'dropped' | 'not_found' | 'invalid';
  status: number | null;
}

export interface AppliedDecision {
  decision: Record<string, unknown>;
  result: { decisionId: string; status: 'applied'; appliedAt: string };
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

  private constructor(private readonly secret: string) {
    this.server = this.createServer();
  }

  /** Starts listening on a random free port of 127.0.0.1. */
  static async start(options: { secret: string }): Promise<ScoringReceiver> {
    const receiver = new ScoringReceiver(options.secret);
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
    const record: ReceivedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      idempotencyKey: key,
      signatureValid: this.signatureIsValid(request.headers, body),
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
    if (!record.signatureValid) return answer(401, { message: 'Invalid signature' }, 'unauthorized');

    let decision: Record<string, unknown>;
    try {
      decision = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return answer(400, { message: 'Body is not JSON' }, 'invalid');
    }
    if (!key || key !== decision.decisionId) return answer(422, { message: 'Idempotency-Key must equal decisionId' }, 'invalid');

    const apply = (): { status: number; outcome: 'applied' | 'duplicate'; result: AppliedDecision['result'] } => {
      const existing = this.applied.get(key);
      if (existing) {
        existing.duplicates++;
        return { status: 200, outcome: 'duplicate', result: existing.result };
      }
      const result = { decisionId: key, status: 'applied' as const, appliedAt: new Date().toISOString() };
      this.applied.set(key, { decision, result, duplicates: 0 });
      return { status: 201, outcome: 'applied', result };
    };
    if (fault?.kind === 'slow') {
      const early = fault.applyFirst ? apply() : null;
      if (early) record.outcome = early.outcome;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      const outcome = early ?? apply();
      return answer(outcome.status, outcome.result, outcome.outcome);
    }
    const outcome = apply();
    answer(outcome.status, outcome.result, outcome.outcome);
  }

  private signatureIsValid(headers: IncomingHttpHeaders, body: string): boolean {
    const timestamp = header(headers, 'x-ringscope-timestamp');
    const signature = header(headers, 'x-ringscope-signature');
    if (!timestamp || !/^\d+$/.test(timestamp) || !signature) return false;
    const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex')}`);
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
