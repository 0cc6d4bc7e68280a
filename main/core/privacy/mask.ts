/**
 * PII masking for everything that leaves the core: node labels, keys, properties, exports.
 * Investigators need enough to recognise a value ("the +49 number ending 78", "the Visa ending 4242")
 * and to tell two values apart on screen, never enough to reuse it.
 *
 * Not masked, on purpose:
 * - device ids: random app-installation identifiers that identify no person outside this product,
 *   and investigators compare them character by character across cases.
 * IPs are partly masked: an IP address is personal data under GDPR, but its network part is what an
 * investigator reads (which carrier, which office range, is it the same /24), so the host octet of an
 * IPv4 address and everything after the /48 of an IPv6 address are hidden.
 */
import type { IdentifierKind, IdentifierMapping } from '../../api';

const DOT = '•';
const HIDDEN = DOT.repeat(3);

/** ITU-T E.164 country codes that are two digits long; 1 and 7 are one digit, every other code three. */
const TWO_DIGIT_COUNTRY_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53',
  '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94',
  '95', '98',
]);

/** Masks a raw identifier value for display: what is kept depends on the kind (see the file comment). */
export function maskIdentifier(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case 'phone':
      return maskPhoneNumber(value);
    case 'card':
      return maskCardNumber(value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(value);
    case 'ip':
      return maskIpAddress(value);
    case 'device':
      return value;
  }
}

/**
 * Masks a value of a mapped identifier entry: by its built-in kind's rule, for a kind of the team's own
 * (SSN, wallet) everything but the last two characters; an entry the team marked `show` is shown as stored.
 */
export function maskMappedIdentifier(entry: Pick<IdentifierMapping, 'kind' | 'masking'>, value: string): string {
  if (entry.masking === 'show') return value;
  if (entry.kind) return maskIdentifier(entry.kind, value);
  const kept = value.trim().length > 6 ? value.trim().slice(-2) : '';
  return `${HIDDEN}${kept}`;
}

/** `+4915112345678` → `+49 ••• ••• 78`: country code and last two digits. */
export function maskPhoneNumber(value: string): string {
  const trimmed = value.trim();
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/\D/g, '').slice(trimmed.startsWith('00') ? 2 : 0);
  const lastDigits = digits.slice(-2);
  if (!international || digits.length < 6) return `${HIDDEN} ${HIDDEN} ${lastDigits}`;
  const countryCodeLength = digits[0] === '1' || digits[0] === '7' ? 1 : TWO_DIGIT_COUNTRY_CODES.has(digits.slice(0, 2)) ? 2 : 3;
  return `+${digits.slice(0, countryCodeLength)} ${HIDDEN} ${HIDDEN} ${lastDigits}`;
}

/** `4532015551234242` → `•••• •••• •••• 4242`: the last four digits, as printed on receipts. */
export function maskCardNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${DOT.repeat(4)} ${DOT.repeat(4)} ${DOT.repeat(4)} ${digits.slice(-4)}`;
}

/** `john.doe@example.com` → `j•••@example.com`: first character and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return HIDDEN;
  return `${value[0]}${HIDDEN}${value.slice(at)}`;
}

/** `Lindenstraße 12, 10115 Berlin` → `•••, 10115 Berlin`: postcode and city only, never the street. */
export function maskAddress(value: string): string {
  const postcodeAndCity = /(?:^|,)\s*(\d{4,5}\s+[^,\d]+?)\s*$/.exec(value);
  return postcodeAndCity ? `${HIDDEN}, ${postcodeAndCity[1]}` : HIDDEN;
}

/** `81.2.69.160` → `81.2.69.•••`; IPv6 keeps its first three groups (the /48 routing prefix). */
export function maskIpAddress(value: string): string {
  const trimmed = value.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(trimmed)) return `${trimmed.slice(0, trimmed.lastIndexOf('.'))}.${HIDDEN}`;
  if (trimmed.includes(':')) return `${trimmed.split(':').slice(0, 3).join(':')}:${HIDDEN}`;
  return HIDDEN;
}
