/**
 * The reference verification of a RingScope push, for the scoring team: everything a receiver must
 * check before applying a decision, in the order resources/scoring-api.openapi.yaml lists it.
 */
import { timingSafeEqual } from 'node:crypto';
import { ScoringDecision } from '../../../api';
import { reviewProblems, type ReviewProblem } from '../../trust/decisions';
import { scoringSignature } from '../signature';

export interface PushRequest {
  /** Header values by lower-case name. */
  headers: Record<string, string | undefined>;
  body: string;
}

export interface PushVerifierOptions {
  /** The HMAC secret shared with RingScope. */
  secret: string;
  /** The team key's public half (base64 SPKI DER), configured out of band like RingScope's. */
  teamPublicKey: string;
  /** Requests signed longer ago than this are replays. */
  maxSkewSeconds?: number;
  now?: () => number;
}

export type PushVerdict =
  | { ok: true; decision: ScoringDecision }
  | { ok: false; status: 400 | 401 | 422; reason: 'hmac_invalid' | 'timestamp_out_of_range' | 'body_invalid' | 'idempotency_key_mismatch' | ReviewProblem; problems: string[] };

const DEFAULT_MAX_SKEW_SECONDS = 300;

/** Whether the transport signature (HMAC over "<timestamp>.<body>") is the shared secret's, compared in constant time. */
export function hasValidHmac(request: PushRequest, secret: string): boolean {
  const timestamp = request.headers['x-ringscope-timestamp'];
  const signature = request.headers['x-ringscope-signature'];
  return Boolean(timestamp && /^\d+$/.test(timestamp) && signature && hmacMatches(secret, timestamp, request.body, signature));
}

export function verifyPush(request: PushRequest, options: PushVerifierOptions): PushVerdict {
  if (!hasValidHmac(request, options.secret)) return refuse(401, 'hmac_invalid');
  const timestamp = request.headers['x-ringscope-timestamp'];
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS)) return refuse(401, 'timestamp_out_of_range');
  let parsed: ReturnType<typeof ScoringDecision.safeParse>;
  try {
    parsed = ScoringDecision.safeParse(JSON.parse(request.body));
  } catch {
    return refuse(400, 'body_invalid');
  }
  if (!parsed.success) return refuse(400, 'body_invalid', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const decision = parsed.data;
  if (request.headers['idempotency-key'] !== decision.decisionId) return refuse(422, 'idempotency_key_mismatch');
  const problems = reviewProblems({ ...decision, teamPublicKey: options.teamPublicKey, accounts: decision.accounts });
  const expectedAct = decision.decision === 'blacklist' ? ['approve'] : ['approve', 'revoke'];
  if (!expectedAct.includes(decision.approval.decision)) problems.push('approval_signature_invalid');
  if (decision.approval.actor !== decision.approvedBy) problems.push('approver_not_certified_lead');
  if (problems.length) return refuse(422, problems[0], problems);
  return { ok: true, decision };
}

function hmacMatches(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(scoringSignature(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(status: 400 | 401 | 422, reason: Exclude<PushVerdict, { ok: true }>['reason'], problems: string[] = [reason]): PushVerdict {
  return { ok: false, status, reason, problems };
}
