/**
 * The transactions table's logic as pure functions: sort, filter and CSV export of money links
 * (graph.transactions), so the component stays a view and the rules are unit-tested.
 */
import { csvText, type MoneyLink } from '../../main/api';

export const TRANSACTION_COLUMNS = ['at', 'source', 'target', 'kind', 'amount', 'currency'] as const;
export type TransactionColumn = (typeof TRANSACTION_COLUMNS)[number];
export interface TransactionSort {
  column: TransactionColumn;
  direction: 'asc' | 'desc';
}

/** Sorted copy; unknown values (no amount, no time) always go last, ties keep the given order. */
export function sortTransactions(links: readonly MoneyLink[], { column, direction }: TransactionSort): MoneyLink[] {
  const sign = direction === 'asc' ? 1 : -1;
  const valueOf = (link: MoneyLink): string | number | null => (column === 'at' ? (link.at === null ? null : Date.parse(link.at)) : link[column]);
  return [...links].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

/** Links whose account, merchant, type or amount contains the text (case-insensitive); all links for empty text. */
export function filterTransactions(links: readonly MoneyLink[], text: string): MoneyLink[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [...links];
  return links.filter((link) => [link.source, link.target, link.type, link.kind, link.amount === null ? '' : String(link.amount)].some((value) => value.toLowerCase().includes(wanted)));
}

/** The rows as CSV with a header row, defused against formula injection by the shared csvText. */
export function transactionsCsv(links: readonly MoneyLink[], header: Record<TransactionColumn, string>): string {
  return csvText([TRANSACTION_COLUMNS.map((column) => header[column]), ...links.map((link) => TRANSACTION_COLUMNS.map((column) => link[column]))]);
}
