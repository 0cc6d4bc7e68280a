/**
 * Times as team graphs store them, read value by value: a Neo4j date-time (an ISO string after bolt
 * mapping, or epoch milliseconds when the query converted it), epoch seconds or milliseconds, ISO
 * text. Anything else, or nothing, is unknown: NaN in RingDetectionInput's time columns, which every
 * reader skips (Number.isFinite), never 0 and never evidence.
 */

/** Epoch numbers below this are seconds: 1e11 s is the year 5138, 1e11 ms is March 1973. */
const SECONDS_BELOW = 1e11;
/** An ISO date-time without a zone (a Neo4j LocalDateTime): read as UTC, the same on every desktop. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const EPOCH_TEXT = /^-?\d+(\.\d+)?$/;

export function epochMillisOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.abs(value) < SECONDS_BELOW ? value * 1000 : value) : Number.NaN;
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
  const text = value.trim();
  if (EPOCH_TEXT.test(text)) return epochMillisOf(Number(text));
  return Date.parse(LOCAL_DATE_TIME.test(text) ? `${text}Z` : text);
}
