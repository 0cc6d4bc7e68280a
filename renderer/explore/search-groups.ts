/**
 * How full-text search results are listed under the exact matches: one section per kind, without
 * the nodes the exact search already listed, with how many matched in all so a cut list says so.
 */
import type { NodeKind, SearchHit, TextSearchGroup } from '../../main/api';

export interface SearchSection {
  kind: NodeKind;
  hits: SearchHit[];
  /** How many matched in all (at least this many when `totalIsLowerBound`). */
  total: number;
  totalIsLowerBound: boolean;
  /** How many the server listed; fewer than `total` means the list was cut: "showing 20 of N — refine". */
  listed: number;
  cut: boolean;
}

/** Accounts and merchants (found by id or name) before the identifiers, which mostly match as parts of addresses and e-mails. */
const FIRST_KINDS: readonly NodeKind[] = ['account', 'merchant'];
const rank = (kind: NodeKind) => (FIRST_KINDS.includes(kind) ? FIRST_KINDS.indexOf(kind) : FIRST_KINDS.length);

export function searchSections(exactHits: readonly SearchHit[], groups: readonly TextSearchGroup[]): SearchSection[] {
  const listedAbove = new Set(exactHits.map((hit) => hit.node.id));
  const ordered = [...groups].sort((a, b) => rank(a.kind) - rank(b.kind));
  return ordered.flatMap((group) => {
    const hits = group.hits.filter((hit) => !listedAbove.has(hit.node.id));
    if (hits.length === 0 && group.total <= group.hits.length) return [];
    return [{ kind: group.kind, hits, total: group.total, totalIsLowerBound: group.totalIsLowerBound, listed: group.hits.length, cut: group.totalIsLowerBound || group.total > group.hits.length }];
  });
}

/** Everything the search found: exact hits and every full-text match counted. */
export const searchMatchCount = (exactHits: readonly SearchHit[], sections: readonly SearchSection[]) =>
  exactHits.length + sections.reduce((sum, section) => sum + section.hits.length + (section.total - section.listed), 0);
