import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceFile } from '../../main/api';

/** A saved canvas holding these nodes at these positions (hidden where asked), as Explore writes it. */
export function workspaceOf(nodes: readonly { id: string; x: number; y: number; hidden?: boolean }[], edges: readonly string[] = []): WorkspaceFile {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: '2026-03-02T09:00:00.000Z',
    source: { kind: 'embedded', name: 'Demo graph' },
    nodes: nodes.map(({ id, x, y, hidden = false }) => ({ id, position: { x, y }, pinned: false, hidden, groupId: null, page: null })),
    edges: [...edges],
    groups: [],
    highlighted: [],
    filters: { nodeKinds: [], edgeKinds: [], riskBands: [], blacklist: 'any', mode: 'grey' },
    styleRules: [],
    ringScores: {},
  };
}
