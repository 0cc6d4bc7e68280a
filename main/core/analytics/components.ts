import type { SharedIdentifierProjection } from './projection';

/** Disjoint sets over 0..size-1 with path halving and union by size: near-constant time per operation. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
    this.size = new Int32Array(count).fill(1);
  }

  find(element: number): number {
    const parent = this.parent;
    let x = element;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA] < this.size[rootB]) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] += this.size[rootB];
  }
}

/** Accounts grouped by component: component c's accounts are accounts[offsets[c] .. offsets[c+1]). */
export interface Components {
  /** Component of each account. */
  componentOf: Int32Array;
  offsets: Int32Array;
  accounts: Int32Array;
  count: number;
}

/**
 * Connected components of the projection plus extra evidence links (money-flow groups): union-find
 * straight over identifier member lists, so no account pair is ever built.
 */
export function connectedComponents(projection: SharedIdentifierProjection, evidenceGroups: ArrayLike<number>[] = []): Components {
  const { accountCount, identifierCount, memberOffsets, members, identifierWeight } = projection;
  const sets = new UnionFind(accountCount);
  for (let j = 0; j < identifierCount; j++) {
    if (identifierWeight[j] === 0) continue;
    const first = members[memberOffsets[j]];
    for (let k = memberOffsets[j] + 1; k < memberOffsets[j + 1]; k++) sets.union(first, members[k]);
  }
  for (const group of evidenceGroups) {
    for (let k = 1; k < group.length; k++) sets.union(group[0], group[k]);
  }
  return groupBy(accountCount, (account) => sets.find(account));
}

/** Numbers groups densely in order of first appearance and lists each group's members (ascending). */
export function groupBy(count: number, keyOf: (element: number) => number): Components {
  const componentOf = new Int32Array(count);
  const idOfKey = new Int32Array(count).fill(-1);
  let groups = 0;
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (idOfKey[key] < 0) {
      idOfKey[key] = groups++;
      sizes.push(0);
    }
    componentOf[i] = idOfKey[key];
    sizes[componentOf[i]]++;
  }
  const offsets = new Int32Array(groups + 1);
  for (let c = 0; c < groups; c++) offsets[c + 1] = offsets[c] + sizes[c];
  const cursor = offsets.slice(0, groups);
  const accounts = new Int32Array(count);
  for (let i = 0; i < count; i++) accounts[cursor[componentOf[i]]++] = i;
  return { componentOf, offsets, accounts, count: groups };
}
