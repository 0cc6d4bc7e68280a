/**
 * The path to the nearest known-bad account read as steps an investigator says aloud: "shares
 * device D… with U…", "sent money to U…", "paid the same merchant M… as U…". Pure, so the wording
 * rules are tested without a screen.
 */
import type { TFunction } from 'i18next';
import type { GraphEdge, GraphNode, PathToKnownBadResult } from '../../main/api';

export type PathStepCode = 'shares' | 'sameMerchant' | 'sentTo' | 'receivedFrom' | 'paid' | 'paidBy' | 'linked';

export interface KnownBadStep {
  code: PathStepCode;
  /** The node the step arrives at. */
  to: GraphNode;
  /** The identifier or merchant the step passes through, for `shares` and `sameMerchant`. */
  via: GraphNode | null;
  /** The relationship type of a `linked` step (a team's direct account link: REFERRED, CALLED). */
  linkType: string | null;
}

const passesThrough = (node: GraphNode) => node.kind !== 'account';

/** The steps of a found path, in order; an identifier or merchant between two accounts is one step. */
export function knownBadSteps(result: PathToKnownBadResult): KnownBadStep[] {
  if (!result.path) return [];
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  const edges = new Map<string, GraphEdge>(result.edges.map((edge) => [edge.id, edge]));
  const { nodeIds, edgeIds } = result.path;
  const steps: KnownBadStep[] = [];
  for (let i = 0; i < edgeIds.length; ) {
    const next = nodes.get(nodeIds[i + 1])!;
    if (passesThrough(next) && i + 2 < nodeIds.length) {
      steps.push({ code: next.kind === 'merchant' ? 'sameMerchant' : 'shares', via: next, to: nodes.get(nodeIds[i + 2])!, linkType: null });
      i += 2;
      continue;
    }
    const edge = edges.get(edgeIds[i])!;
    const outgoing = edge.source === nodeIds[i];
    const code: PathStepCode = edge.kind === 'transfer' ? (outgoing ? 'sentTo' : 'receivedFrom') : edge.kind === 'payment' ? (outgoing ? 'paid' : 'paidBy') : 'linked';
    steps.push({ code, via: null, to: next, linkType: code === 'linked' ? edge.type : null });
    i += 1;
  }
  return steps;
}

/** "2 hops: shares device D… with U… (blacklisted)" in the reader's language. */
export function knownBadSentence(t: TFunction, result: PathToKnownBadResult): string {
  const found = knownBadSteps(result);
  const steps = found.map((step, index) =>
    t(`pathSearch.knownBad.steps.${step.code}`, {
      // The last step arrives at the known-bad account: say so.
      to: index === found.length - 1 ? `${step.to.label}${t('pathSearch.knownBad.known')}` : step.to.label,
      via: step.via?.label ?? '',
      linkType: step.linkType ?? '',
      kind: step.via && step.via.kind !== 'merchant' ? (step.via.identifierType?.displayName ?? t(`pathSearch.knownBad.identifier.${step.via.kind}`)) : '',
    }),
  );
  return t('pathSearch.knownBad.sentence', { count: result.length ?? 0, steps: steps.join(t('pathSearch.knownBad.then')) });
}
