/**
 * How typed text matches searchable values, shared by the sources' full-text search: word-start
 * matching for names, cities, streets and e-mail domains (what a Lucene full-text index with a
 * trailing wildcard finds), the last four digits of a card, and a phone number typed in national
 * ("0151 1234 5678") or international ("+49 151 …", "0049 151 …") format.
 */

/** Texts shorter than this find too much to be useful. */
export const MIN_TEXT_QUERY_LENGTH = 2;
/** Matches counted per kind before the count says "more than". */
export const TEXT_SEARCH_COUNT_CAP = 10_000;

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * True when `query` starts at the beginning of `value` or right after a non-alphanumeric character:
 * "berlin" finds "Lindenstraße 12, 10115 Berlin", "web.de" finds "anna.k@web.de".
 */
export function matchesWordStart(value: string, query: string): boolean {
  const text = normalise(value);
  const wanted = normalise(query);
  if (wanted.length < MIN_TEXT_QUERY_LENGTH) return false;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1])) return true;
  }
  return false;
}

/** The four digits of "1234" or "•••• 1234" typed to find a card by what the screen shows; else null. */
export function cardLastFour(query: string): string | null {
  const match = /^(?:[•*x\s-]*)(\d{4})$/i.exec(query.trim());
  return match ? match[1] : null;
}

/**
 * What a typed phone number must match: `exact` an international number in E.164 form ("+49 151…",
 * "0049 151…"), or `suffix` the national significant number of a national format ("0151 1234 5678"
 * → stored numbers ending in 15112345678, whatever their country code). Null when it is no phone.
 */
export function phoneQuery(query: string): { exact: string } | { suffix: string } | null {
  const compact = query.trim().replace(/[\s\-().\/]/g, '');
  if (/^(\+|00)\d{7,15}$/.test(compact)) return { exact: `+${compact.replace(/^(\+|00)/, '')}` };
  if (/^0\d{6,14}$/.test(compact)) return { suffix: compact.slice(1) };
  return null;
}

/**
 * The typed text as a Lucene query for a Neo4j full-text index: each word escaped and required,
 * the last one also as a prefix, so "frankfurt main" and "frankf" both find "Frankfurt am Main".
 */
export function luceneQuery(query: string): string | null {
  // Split on spaces only: the index's analyzer keeps "web.de" one token, and so must the query.
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0 || normalise(query).length < MIN_TEXT_QUERY_LENGTH) return null;
  const escaped = words.map((word) => word.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '\\$&'));
  const last = escaped.length - 1;
  return escaped.map((word, i) => (i === last ? `+(${word} OR ${word}*)` : `+${word}`)).join(' ');
}
