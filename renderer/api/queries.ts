/**
 * The renderer's one data-fetching layer: TanStack Query caches every answer of the Api under a key
 * below, and a change invalidates exactly the answers it makes stale. A refetch replaces the one in
 * flight and a change's own answer cancels it, so an older answer never overwrites a newer one.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Case } from '../../main/api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The core's answers are definitive (a refusal stays a refusal): show them at once, no retries.
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Keys by area: invalidating a prefix (['cases']) marks every answer below it stale. */
export const queryKeys = {
  health: ['system', 'health'],
  caseLists: ['cases', 'list'],
  caseList: (filter: unknown) => ['cases', 'list', filter],
  case: (caseId: string) => ['cases', 'detail', caseId],
  reviewQueue: ['cases', 'review-queue'],
  audit: ['audit'],
  auditEvents: (filter: unknown) => ['audit', 'events', filter],
  outbox: ['outbox'],
  connections: ['connections'],
  graphNodes: ['graph', 'nodes'],
  accountNodes: (nodeIds: readonly string[]) => ['graph', 'nodes', nodeIds],
} as const satisfies Record<string, QueryKey | ((...args: never[]) => QueryKey)>;

/** Besides the case itself, what a change of a case writes to. */
const CASE_EFFECTS: readonly QueryKey[] = [queryKeys.audit, queryKeys.graphNodes, queryKeys.outbox];

/**
 * After a case changed (edited, tagged, submitted, decided, revoked): shows the changed case as the
 * core answered it, discarding any older fetch of it still in flight, and marks stale what the
 * change touches — case lists and the review queue, the audit trail, the accounts' graph marks
 * (approval blacklists them) and the scoring outbox (approval queues a delivery).
 */
export async function caseChanged(client: QueryClient, changed: Case): Promise<void> {
  const key = queryKeys.case(changed.id);
  await client.cancelQueries({ queryKey: key, exact: true });
  client.setQueryData(key, changed);
  await invalidateAll(client, [queryKeys.caseLists, queryKeys.reviewQueue, ...CASE_EFFECTS]);
}

/** A case was changed by someone else (a list shows a newer version): the case and what its change touches are fetched again. */
export async function caseChangedElsewhere(client: QueryClient, caseId: string): Promise<void> {
  await invalidateAll(client, [queryKeys.case(caseId), ...CASE_EFFECTS]);
}

async function invalidateAll(client: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
