import { createHmac } from 'node:crypto';

/**
 * The X-RingScope-Signature header value: HMAC-SHA256 over "<timestamp>.<body>" with the shared
 * secret, as resources/scoring-api.openapi.yaml specifies. Signing the timestamp with the body lets
 * the receiver refuse replays of an old request.
 */
export function scoringSignature(secret: string, unixSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}
