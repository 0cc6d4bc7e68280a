/**
 * Ring reasons as they cross the contract and are stored in cases: a code and its parameters, never a
 * sentence, so the renderer (and the evidence PDF) words them in the investigator's language and a
 * stored case reads correctly in either language.
 */
import { z } from 'zod';

/**
 * One code per kind of evidence. Parameters (counts are whole numbers, durations milliseconds, names are
 * account / merchant ids, identifier kinds are identifier-kind codes such as `device`):
 * - shared_identifiers: accounts (how many share), kinds (identifier kinds), counts (identifiers of kinds[i] shared)
 * - opening_burst: opened (accounts opened together), accounts (cluster size), windowMs
 * - money_cycle: accounts (in the cycle), route (account ids, the first repeated at the end), durationMs, moreCycles
 * - blacklisted_members: members (already blacklisted)
 * - fan_in: senders, hub (the receiving account), durationMs, sharingSenders (senders sharing an
 *   identifier with the cluster), passingOn (senders passing on money received just before)
 * - merchant_burst: accounts, merchant, amounts (up to four distinct round amounts, ascending), durationMs
 */
export const RING_REASON_CODES = ['shared_identifiers', 'opening_burst', 'money_cycle', 'blacklisted_members', 'fan_in', 'merchant_burst'] as const;
export const RingReasonCode = z.enum(RING_REASON_CODES);
export type RingReasonCode = z.infer<typeof RingReasonCode>;

const ParamScalar = z.union([z.string().max(200), z.number()]);
export const ReasonParamValue = z.union([ParamScalar, z.array(ParamScalar).max(200)]);
export type ReasonParamValue = z.infer<typeof ReasonParamValue>;

export const RingReasonParams = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'must be a parameter name'), ReasonParamValue);
export type RingReasonParams = z.infer<typeof RingReasonParams>;

export const RingReasonMessage = z.strictObject({ code: RingReasonCode, params: RingReasonParams });
export type RingReasonMessage = z.infer<typeof RingReasonMessage>;

/**
 * A reason as a case stores it: a message, or the English sentence cases saved before reasons became
 * codes. The legacy sentence is kept as it was (not rewritten) because a submitted case's snapshot is
 * signed over its exact content; formatters show it verbatim.
 */
export const StoredRingReason = z.union([RingReasonMessage, z.string().max(500)]);
export type StoredRingReason = z.infer<typeof StoredRingReason>;

/** A number parameter of a reason (0 when missing: a stored reason is shown, not rejected). */
export function reasonNumber(params: RingReasonParams, name: string): number {
  const value = params[name];
  return typeof value === 'number' ? value : 0;
}

/** A text parameter of a reason. */
export function reasonString(params: RingReasonParams, name: string): string {
  const value = params[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A list parameter of a reason. */
export function reasonList(params: RingReasonParams, name: string): (string | number)[] {
  const value = params[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

export type ReasonDurationUnit = 'minute' | 'hour' | 'day';

/** The unit an investigator would use for a reason's time span: minutes under an hour, hours up to two days, then days (rounded up). */
export function readableDuration(ms: number): { value: number; unit: ReasonDurationUnit } {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.ceil(minutes / 60);
  if (hours <= 48) return { value: hours, unit: 'hour' };
  return { value: Math.ceil(hours / 24), unit: 'day' };
}
