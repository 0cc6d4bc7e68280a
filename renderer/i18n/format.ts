import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const NONE = '—';

/** Numbers, amounts, times as the UI language writes them; every screen formats through these (Intl). */
export interface Formatters {
  /** A count or measure with grouping: 12,345 / 12,345. */
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** A score in [0, 1], always with two decimals. */
  score(value: number | null | undefined): string;
  /** A fraction in [0, 1] as a percentage: 0.42 → 42%. */
  percent(fraction: number): string;
  /** A money amount, in yuan unless the currency says otherwise: ¥1,234.50. */
  amount(value: number, currency?: string): string;
  /** A timestamp to the minute: 2026年11月30日 14:05 / Nov 30, 2026, 2:05 PM. */
  dateTime(iso: string | null | undefined): string;
  /** How long ago or ahead a timestamp is: 3 分钟前 / 3 minutes ago. */
  relativeTime(iso: string | null | undefined, now?: number): string;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const cache = new Map<string, Formatters>();

/** The formatters of one locale (cached: Intl objects are costly to build). */
export function formattersFor(locale: string): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    if (!numberFormats.has(digits)) numberFormats.set(digits, new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
    return numberFormats.get(digits)!;
  };
  const scoreFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const formatters: Formatters = {
    number: (value, maximumFractionDigits = 0) => (value === null || value === undefined ? NONE : numberFormat(maximumFractionDigits).format(value)),
    score: (value) => (value === null || value === undefined ? NONE : scoreFormat.format(value)),
    percent: (fraction) => percentFormat.format(fraction),
    amount: (value, currency = 'CNY') => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value),
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : NONE),
    relativeTime: (iso, now = Date.now()) => {
      if (!iso) return NONE;
      const seconds = (new Date(iso).getTime() - now) / 1000;
      const [unit, size] = RELATIVE_UNITS.find(([, unitSeconds]) => Math.abs(seconds) >= unitSeconds) ?? RELATIVE_UNITS[RELATIVE_UNITS.length - 1];
      return relativeFormat.format(Math.round(seconds / size), unit);
    },
  };
  cache.set(locale, formatters);
  return formatters;
}

/** The formatters of the current UI language; components re-render with new ones when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => formattersFor(locale), [locale]);
}
