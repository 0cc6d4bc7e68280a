import { ApiError, type PathLinkType } from '../../api';
import { DEFAULT_PROJECTION_OPTIONS } from '../analytics/projection';
import type { ApiHandlers } from '../api-handlers';
import type { GraphSource } from '../sources/graph-source';

/** Movements listed in one link's details (a supplier paid daily for years is still readable). */
const LINK_DETAILS_LIMIT = 5_000;

/**
 * What the path to the nearest known-bad account may follow: shared identifiers, transfers, direct
 * account links and money through event nodes, not card payments (a merchant is paid by thousands:
 * "paid the same café" explains no risk), and no hub identifier such as an office IP (the cutoff
 * ring detection uses).
 */
export function knownBadSearch(linkTypes: readonly PathLinkType[]): { linkTypes: string[]; hubCutoff: number } {
  return { linkTypes: linkTypes.filter((linkType) => linkType.kind !== 'payment').map((linkType) => linkType.type), hubCutoff: DEFAULT_PROJECTION_OPTIONS.supernodeCutoff };
}

type MoneyGraphMethods = 'paths' | 'pathLinkTypes' | 'pathToKnownBad' | 'textSearch' | 'transactions' | 'linkDetails' | 'followMoney';

/**
 * The graph methods of issue #10: paths, full-text search, transactions among a selection, link
 * details, follow the money. `beforeRead` lets reads catch up with approvals made elsewhere, as the other graph methods do.
 */
export function createMoneyGraphHandlers(source: GraphSource, beforeRead: () => Promise<void>): Pick<ApiHandlers['graph'], MoneyGraphMethods> {
  return {
      transactions: async ({ nodeIds, window, limit }, { signal }) => {
        await beforeRead();
        return source.moneyLinks(nodeIds, { window: window ?? null, limit, signal });
      },
      linkDetails: async ({ source: from, target, type }, { signal }) => {
        await beforeRead();
        const drawn = await source.subgraph([from, target], { includeSharedIdentifiers: false, signal });
        const edge = drawn.edges.find((candidate) => candidate.source === from && candidate.target === target && candidate.type === type);
        if (!edge) throw new ApiError('not_found', `No ${type} link from ${from} to ${target}`, { reason: 'link_missing', params: { source: from, target, type } });
        if (edge.kind === 'identifier') return { edge, links: [], truncated: false };
        const { links, truncated } = await source.moneyLinks([from, target], { window: null, limit: LINK_DETAILS_LIMIT, signal });
        return { edge, links: links.filter((link) => link.source === from && link.target === target && link.type === type), truncated };
      },
      followMoney: async ({ nodeId, direction, maxHops, window, limit }, { signal }) => {
        await beforeRead();
        return source.followMoney(nodeId, { direction, maxHops, window: window ?? null, limit, signal });
      },
      textSearch: async ({ query, limitPerKind }, { signal }) => {
        await beforeRead();
        return source.textSearch(query, { limitPerKind, signal });
      },
      paths: async ({ fromId, toId, linkTypes, maxHops, all, limit }, { signal }) => {
        if (fromId === toId) throw new ApiError('invalid_input', 'A path needs two different nodes', { reason: 'input_invalid', fields: [{ path: 'toId', message: 'must differ from fromId' }] });
        await beforeRead();
        return source.paths({ fromId, toId, linkTypes: [...new Set(linkTypes)], maxHops, limit: all ? limit : 1, signal });
      },
      pathLinkTypes: async () => ({ linkTypes: source.pathLinkTypes() }),
      pathToKnownBad: async ({ nodeId, maxHops }, { signal }) => {
        await beforeRead();
        return source.pathToKnownBad(nodeId, { ...knownBadSearch(source.pathLinkTypes()), maxHops, signal });
      },
  };
}
