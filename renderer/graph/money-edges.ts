/**
 * How a money edge reads on the canvas. Sources fold parallel transfers (or payments) of one type
 * and direction between two nodes into one edge carrying count, totalAmount, firstAt and lastAt
 * (see aggregateMoneyLinks); the canvas draws that one edge with its width following the total and
 * a label with the count and total, and the details panel lists the transfers behind it.
 */
import type { TFunction } from 'i18next';
import type { GraphEdge } from '../../main/api';
import type { Formatters } from '../i18n/format';

/** What a folded money edge stands for; null fields are unknown. */
export interface MoneyEdgeSummary {
  count: number;
  totalAmount: number | null;
  /** ISO code when the source stores one. */
  currency: string | null;
  firstAt: string | null;
  lastAt: string | null;
}

/** The folded totals of a transfer or payment edge; null for identifier links. */
export function moneyEdgeSummary(edge: GraphEdge): MoneyEdgeSummary | null {
  if (edge.kind === 'identifier') return null;
  const { count, totalAmount, currency, firstAt, lastAt } = edge.properties;
  return {
    count: typeof count === 'number' && count > 0 ? count : 1,
    totalAmount: typeof totalAmount === 'number' ? totalAmount : null,
    currency: typeof currency === 'string' ? currency : null,
    firstAt: typeof firstAt === 'string' ? firstAt : null,
    lastAt: typeof lastAt === 'string' ? lastAt : null,
  };
}

export const MIN_MONEY_EDGE_WIDTH = 1.5;
export const MAX_MONEY_EDGE_WIDTH = 10;

/**
 * Line width for a total amount: logarithmic, so ¥100 and ¥1,000,000 are both visible and each
 * tenfold adds the same width; an unknown total draws thinnest.
 */
export function moneyEdgeWidth(totalAmount: number | null): number {
  if (totalAmount === null || totalAmount <= 0) return MIN_MONEY_EDGE_WIDTH;
  const width = MIN_MONEY_EDGE_WIDTH + 1.2 * Math.log10(1 + totalAmount / 100);
  return Math.round(Math.min(MAX_MONEY_EDGE_WIDTH, width) * 10) / 10;
}

/** The edge's label in the investigator's language (the view gets it from the screen). */
export type MoneyEdgeLabel = (summary: MoneyEdgeSummary) => string;

/** An amount with two decimals and its currency code when the graph stores one (never an assumed currency). */
export function formatMoney(format: Formatters, value: number | null, currency: string | null, unknown: string): string {
  if (value === null) return unknown;
  const amount = format.number(value, 2);
  return currency && currency !== 'mixed' ? `${amount} ${currency}` : amount;
}

/** A folded money edge's label on the canvas: "5× 12,300.00" (count and total). */
export function moneyEdgeLabel(summary: MoneyEdgeSummary, t: TFunction, format: Formatters): string {
  return t('links.edgeLabel', { count: summary.count, total: formatMoney(format, summary.totalAmount, summary.currency, t('money.unknown')) });
}
