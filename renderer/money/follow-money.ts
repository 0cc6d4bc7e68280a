import type { FollowMoneyResult } from '../../main/api';
import { addSubgraph, type CanvasCommand } from '../graph/canvas-model';
import { moneyEdges } from './time-filter';

/** Adds what following the money found, as one undo step: new nodes around the node followed (the expand placement), existing ones stay. */
export function followMoneyCommand(found: Pick<FollowMoneyResult, 'nodes' | 'links'>, fromId: string): CanvasCommand {
  const add = addSubgraph({ nodes: found.nodes, edges: moneyEdges(found.links) }, { anchorId: fromId });
  return { label: 'follow', apply: (model) => add.apply(model) };
}
