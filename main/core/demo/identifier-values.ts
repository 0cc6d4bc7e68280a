/**
 * Realistic-looking raw values for the demo's identifiers and merchants. Each value is derived from
 * the identifier's sequence number within its kind through a bijection (see scrambleBits), so values
 * of one kind are unique by construction; the PRNG only picks cosmetic parts (domain, bank, carrier).
 */
import { mix32, scrambleBits, type Mulberry32 } from './prng';

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** App-generated device id, e.g. `dev-9f3a12bc7d01`. */
export function deviceIdValue(sequence: number, salt: number, rng: Mulberry32): string {
  return `dev-${hex(mix32(sequence ^ salt), 8)}${hex(rng.below(0x10000), 4)}`;
}

/** Mobile prefixes after the country code; the 8-digit subscriber part is what makes a number unique. */
const MOBILE_PREFIXES = ['49151', '49152', '49157', '49160', '49170', '49171', '49176', '49179', '43664', '43676', '316', '3367', '447', '4179'];

/** E.164 mobile number, e.g. `+4915112345678` (mostly German, some neighbours). */
export function phoneValue(sequence: number, rng: Mulberry32): string {
  const prefix = rng.next() < 0.7 ? MOBILE_PREFIXES[rng.below(8)] : rng.pick(MOBILE_PREFIXES);
  return `+${prefix}${String(scrambleBits(sequence, 26)).padStart(8, '0')}`;
}

/** Public unicast /8 networks only: never private (10/8, 172.16/12, 192.168/16), loopback or multicast. */
const PUBLIC_FIRST_OCTETS = [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 84, 85, 87, 88, 89, 91, 93, 94, 95, 109, 141, 145, 176, 178, 185, 188, 193, 194, 212, 217];

/** IPv4 address, unique per sequence number (29 bits: 32 public /8s × 2^24 hosts). */
export function ipValue(sequence: number, salt: number): string {
  const v = scrambleBits((sequence ^ salt) & 0x1fffffff, 29);
  return `${PUBLIC_FIRST_OCTETS[v >>> 24]}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

const CARD_BINS = ['453201', '455673', '492910', '416598', '522222', '530125', '545454', '558820'];

/** 16-digit card number with a valid Luhn check digit, e.g. `4532015551234567`. */
export function cardNumberValue(sequence: number, rng: Mulberry32): string {
  const body = `${rng.pick(CARD_BINS)}${String(scrambleBits(sequence, 29)).padStart(9, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** The digit that makes `digits` + it pass the Luhn check. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const STREETS = [
  'Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Birkenweg', 'Lindenstraße',
  'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Schillerstraße', 'Goethestraße', 'Wiesenweg', 'Jahnstraße', 'Am Sportplatz',
  'Mühlenweg', 'Rosenstraße', 'Eichenweg', 'Friedhofstraße', 'Blumenstraße', 'Feldstraße', 'Poststraße', 'Parkstraße',
  'Ahornweg', 'Beethovenstraße', 'Industriestraße', 'Mozartstraße', 'Lessingstraße', 'Kastanienallee', 'Uferweg', 'Tulpenweg',
  'Marktplatz', 'Sonnenstraße', 'Talstraße', 'Buchenweg', 'Kiefernweg', 'Heideweg', 'Mittelweg', 'Brunnenstraße',
];
const CITIES: readonly (readonly [string, number])[] = [
  ['Berlin', 10115], ['Hamburg', 20095], ['München', 80331], ['Köln', 50667], ['Frankfurt am Main', 60311],
  ['Stuttgart', 70173], ['Düsseldorf', 40210], ['Leipzig', 4103], ['Dortmund', 44135], ['Essen', 45127],
  ['Bremen', 28195], ['Dresden', 1067], ['Hannover', 30159], ['Nürnberg', 90402], ['Duisburg', 47051],
  ['Bochum', 44787], ['Wuppertal', 42103], ['Bielefeld', 33602], ['Bonn', 53111], ['Münster', 48143],
];
const HOUSE_NUMBERS = 120;
const ADDRESS_COMBINATIONS = STREETS.length * HOUSE_NUMBERS * CITIES.length;

/** Postal address, e.g. `Lindenstraße 12, 10115 Berlin`; beyond the street × number × city space a flat number is added. */
export function addressValue(sequence: number): string {
  // 7919 is coprime with the combination count (2^8·3·5^3), so this walks every combination once per flat.
  const combination = ((sequence % ADDRESS_COMBINATIONS) * 7919) % ADDRESS_COMBINATIONS;
  const flat = Math.floor(sequence / ADDRESS_COMBINATIONS);
  const street = combination % STREETS.length;
  const houseNumber = (Math.floor(combination / STREETS.length) % HOUSE_NUMBERS) + 1;
  const [city, basePostcode] = CITIES[Math.floor(combination / (STREETS.length * HOUSE_NUMBERS))];
  const postcode = String(basePostcode + ((street * 7) % 90)).padStart(5, '0');
  return `${STREETS[street]} ${houseNumber}${flat > 0 ? `, Apt ${flat}` : ''}, ${postcode} ${city}`;
}

const FIRST_NAMES = [
  'anna', 'lukas', 'lea', 'finn', 'mia', 'jonas', 'emma', 'leon', 'hannah', 'paul', 'sophie', 'felix', 'marie', 'max', 'lena',
  'elias', 'laura', 'noah', 'julia', 'ben', 'sarah', 'tim', 'lisa', 'jan', 'nina', 'tom', 'clara', 'david', 'eva', 'moritz',
  'ida', 'niklas', 'greta', 'emil', 'frieda', 'karl', 'paula', 'oskar', 'lina', 'anton', 'maja', 'jakob', 'ella', 'henri',
  'nora', 'theo', 'amelie', 'samuel',
];
const LAST_NAMES = [
  'mueller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'schulz', 'hoffmann', 'koch', 'richter',
  'klein', 'wolf', 'schroeder', 'neumann', 'schwarz', 'braun', 'zimmermann', 'krueger', 'hartmann', 'lange', 'werner',
  'krause', 'lehmann', 'koehler', 'maier', 'herrmann', 'walter', 'koenig', 'huber', 'kaiser', 'fuchs', 'peters', 'lang',
  'scholz', 'moeller', 'weiss', 'jung', 'hahn', 'vogel', 'friedrich', 'keller', 'guenther', 'frank', 'berger', 'winkler',
  'roth', 'beck', 'lorenz',
];
const NAME_COMBINATIONS = FIRST_NAMES.length * LAST_NAMES.length;
const MAIL_DOMAINS = ['gmail.com', 'web.de', 'gmx.de', 'outlook.com', 'yahoo.de', 't-online.de', 'icloud.com', 'posteo.de'];
/** Free mailers popular for throwaway sign-ups: synthetic identities use these. */
export const BURNER_MAIL_DOMAINS = ['proton.me', 'mail.com', 'tutanota.com', 'gmx.net'];

/** E-mail address, e.g. `anna.schmidt12@web.de`; unique because (name combination, number) is. */
export function emailValue(sequence: number, rng: Mulberry32, domains: readonly string[] = MAIL_DOMAINS): string {
  // 7919 is coprime with 48·50 = 2^5·3·5^2.
  const combination = ((sequence % NAME_COMBINATIONS) * 7919) % NAME_COMBINATIONS;
  const number = Math.floor(sequence / NAME_COMBINATIONS);
  const first = FIRST_NAMES[combination % FIRST_NAMES.length];
  const last = LAST_NAMES[Math.floor(combination / FIRST_NAMES.length)];
  return `${first}.${last}${number > 0 ? number : ''}@${rng.pick(domains)}`;
}

const MERCHANT_WORDS = ['Nord', 'Sonnen', 'Blau', 'Stadt', 'Alpen', 'Rhein', 'Hanse', 'Linden', 'Kiez', 'Elb', 'Spree', 'Isar', 'Main', 'Weser', 'Berg', 'Fluss'];
const MERCHANT_TYPES: readonly (readonly [string, string])[] = [
  ['Markt', 'groceries'], ['Bäckerei', 'groceries'], ['Apotheke', 'pharmacy'], ['Tankstelle', 'fuel'], ['Elektronik', 'electronics'],
  ['Mode', 'fashion'], ['Reisen', 'travel'], ['Café', 'restaurants'], ['Pizzeria', 'restaurants'], ['Buchhandlung', 'books'],
  ['Gutscheine', 'gift-cards'], ['Krypto-Börse', 'crypto-exchange'], ['Juwelier', 'jewellery'], ['Wettbüro', 'gambling'],
  ['Telekom-Shop', 'telecom'], ['Möbelhaus', 'furniture'],
];
/** Categories where stolen or laundered money is cashed out: cash-out rings target these merchants. */
export const CASH_OUT_CATEGORIES = new Set(['electronics', 'gift-cards', 'crypto-exchange', 'jewellery', 'gambling']);

/** Merchant name and category, e.g. `Rhein Elektronik` / `electronics`; the index keeps names distinct. */
export function merchantValues(index: number, rng: Mulberry32): { merchantId: string; name: string; category: string } {
  const [type, category] = rng.pick(MERCHANT_TYPES);
  const word = MERCHANT_WORDS[index % MERCHANT_WORDS.length];
  const branch = Math.floor(index / MERCHANT_WORDS.length);
  return { merchantId: `M${String(index).padStart(5, '0')}`, name: `${word} ${type}${branch > 0 ? ` ${branch + 1}` : ''}`, category };
}
