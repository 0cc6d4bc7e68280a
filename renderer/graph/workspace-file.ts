/**
 * The `.ringscope` workspace file: the canvas model saved by reference (node and link ids with
 * positions, pins, hidden marks, groups, filters, highlight) plus the graph source it came from.
 * Version 2 adds collapsed groups, the styling rules and the opened rings' scores; version 1 files still open.
 * Node data is not saved: opening a workspace fetches the nodes again from the connected source,
 * so what is shown is current, and nodes the source no longer has are named.
 */
import { WORKSPACE_FILE_BY_VERSION, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceFile, type SourceInfo, type Subgraph } from '../../main/api';
import { emptyCanvas, type CanvasModel, type CanvasNode } from './canvas-model';

// The format is part of the contract (main/api/workspace.ts): a case keeps named views in it too.
export { WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceFile };
export const WORKSPACE_EXTENSION = '.ringscope';

export function toWorkspaceFile(model: CanvasModel, source: SourceInfo | null, savedAt: Date): WorkspaceFile {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: savedAt.toISOString(),
    source: source ? { kind: source.kind, name: source.name } : null,
    nodes: Object.values(model.nodes).map(({ node, position, pinned, hidden, groupId, page }) => ({ id: node.id, position: { ...position }, pinned, hidden, groupId, page: page && { ...page } })),
    edges: Object.keys(model.edges),
    groups: Object.values(model.groups).map((group) => ({ ...group })),
    highlighted: [...model.highlighted],
    filters: { ...model.filters, nodeKinds: [...model.filters.nodeKinds], edgeKinds: [...model.filters.edgeKinds], riskBands: [...model.filters.riskBands] },
    styleRules: structuredClone([...model.styleRules]),
    ringScores: Object.fromEntries(Object.entries(model.ringScores).filter(([id]) => model.nodes[id])),
  };
}

/** Reads a workspace file's text; throws with the first problem found when it is not one. */
export function parseWorkspaceFile(text: string): WorkspaceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WorkspaceFileError('notJson');
  }
  const format = (json as { format?: unknown; version?: unknown } | null)?.format;
  if (format !== WORKSPACE_FORMAT) throw new WorkspaceFileError('notWorkspace');
  const schema = WORKSPACE_FILE_BY_VERSION[(json as { version?: unknown }).version as number];
  if (!schema) throw new WorkspaceFileError('unsupportedVersion');
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new WorkspaceFileError('invalid', parsed.error.issues[0]?.path.join('.'));
}

/** Why a file could not be opened: a code the screen turns into words (`canvas.workspace.errors.<code>`). */
export class WorkspaceFileError extends Error {
  constructor(
    readonly code: 'notJson' | 'notWorkspace' | 'unsupportedVersion' | 'invalid',
    readonly at?: string,
  ) {
    super(code);
  }
}

/**
 * The saved canvas rebuilt from the source's current data (`fetched`: the saved nodes and the links
 * among them). Nodes the source lacks are left out and listed; links to them go too.
 */
export function workspaceModel(file: WorkspaceFile, fetched: Subgraph): { model: CanvasModel; missingNodeIds: string[] } {
  const byId = new Map(fetched.nodes.map((node) => [node.id, node]));
  const nodes: Record<string, CanvasNode> = {};
  const missingNodeIds: string[] = [];
  for (const saved of file.nodes) {
    const node = byId.get(saved.id);
    if (!node) {
      missingNodeIds.push(saved.id);
      continue;
    }
    nodes[saved.id] = { node, position: saved.position, pinned: saved.pinned, hidden: saved.hidden, groupId: saved.groupId, page: saved.page };
  }
  const wanted = new Set(file.edges);
  const edges = Object.fromEntries(fetched.edges.filter((edge) => wanted.has(edge.id) && nodes[edge.source] && nodes[edge.target]).map((edge) => [edge.id, edge]));
  const usedGroups = new Set(Object.values(nodes).map((node) => node.groupId));
  const groups = Object.fromEntries(file.groups.filter((group) => usedGroups.has(group.id)).map((group) => [group.id, group]));
  for (const node of Object.values(nodes)) if (node.groupId && !groups[node.groupId]) nodes[node.node.id] = { ...node, groupId: null };
  return {
    model: {
      ...emptyCanvas(),
      nodes,
      edges,
      groups,
      highlighted: file.highlighted.filter((id) => nodes[id] || edges[id]),
      filters: file.filters,
      styleRules: file.styleRules,
      ringScores: Object.fromEntries(Object.entries(file.ringScores).filter(([id]) => nodes[id])),
    },
    missingNodeIds,
  };
}
