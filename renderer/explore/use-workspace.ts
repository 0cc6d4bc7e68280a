import { useCallback, useState } from 'react';
import { csvText, type SourceInfo, type Subgraph } from '../../main/api';
import { useApi } from '../api/api-context';
import { saveExport } from '../api/file-save';
import type { CanvasModel } from '../graph/canvas-model';
import { parseWorkspaceFile, toWorkspaceFile, workspaceModel, WORKSPACE_EXTENSION, type WorkspaceFile } from '../graph/workspace-file';

/** A workspace saved from this browser profile, kept so it can be reopened from the Open menu. */
export interface RecentWorkspace {
  name: string;
  savedAt: string;
  text: string;
}

const RECENT_STORAGE_KEY = 'ringscope.recentWorkspaces';
const RECENT_LIMIT = 5;
/** Larger workspaces are still saved as files, but not kept in local storage (a few MB per origin). */
const RECENT_MAX_CHARS = 1_000_000;
/** graph.subgraph takes at most this many ids per call. */
const FETCH_CHUNK = 2_000;

function readRecent(): RecentWorkspace[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(RECENT_STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as RecentWorkspace[]).filter((item) => typeof item?.text === 'string' && typeof item.name === 'string') : [];
  } catch {
    return [];
  }
}

/** A file name safe on every desktop, with the local date: `ringscope-2026-11-30-0512`. */
export function timestampedName(prefix: string, now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** The loaded workspace: its model, and the saved nodes the connected source no longer has. */
export interface OpenedWorkspace {
  model: CanvasModel;
  missingNodeIds: string[];
  file: WorkspaceFile;
}

/** Saving and opening `.ringscope` workspace files, and the recent list. */
export function useWorkspace() {
  const api = useApi();
  const [recent, setRecent] = useState<RecentWorkspace[]>(readRecent);

  /** Saves the canvas as a workspace file (save dialog or download); nothing is kept when the dialog is cancelled. */
  const save = useCallback(async (model: CanvasModel, source: SourceInfo | null) => {
    const now = new Date();
    const text = `${JSON.stringify(toWorkspaceFile(model, source, now), null, 2)}\n`;
    const name = `${timestampedName('ringscope')}${WORKSPACE_EXTENSION}`;
    if (!(await saveExport(new Blob([text], { type: 'application/json' }), name, 'workspace'))) return;
    if (text.length <= RECENT_MAX_CHARS) {
      const next = [{ name, savedAt: now.toISOString(), text }, ...readRecent()].slice(0, RECENT_LIMIT);
      localStorage.setItem(RECENT_STORAGE_KEY, JSON.stringify(next));
      setRecent(next);
    }
  }, []);

  /** Fetches a workspace's nodes from the connected source (a file's, or a view a case keeps). */
  const loadFile = useCallback(
    async (file: WorkspaceFile): Promise<OpenedWorkspace> => {
      const ids = file.nodes.map((node) => node.id);
      const fetched: Subgraph = { nodes: [], edges: [] };
      for (let start = 0; start < ids.length; start += FETCH_CHUNK) {
        const part = await api.graph.subgraph({ nodeIds: ids.slice(start, start + FETCH_CHUNK), includeSharedIdentifiers: false });
        fetched.nodes.push(...part.nodes);
        fetched.edges.push(...part.edges);
      }
      return { ...workspaceModel(file, fetched), file };
    },
    [api],
  );

  /** Parses a workspace file's text and fetches its nodes. */
  const load = useCallback((text: string) => loadFile(parseWorkspaceFile(text)), [loadFile]);

  return { recent, save, load, loadFile };
}

/** The selected nodes and the links among them as one CSV (formula-like cells defused). */
export function selectionCsv(selection: Subgraph): string {
  const header = ['element', 'id', 'kind', 'label', 'riskScore', 'blacklisted', 'source', 'target', 'type'];
  return csvText([
    header,
    ...selection.nodes.map((node) => ['node', node.id, node.kind, node.label, node.riskScore, node.blacklisted, null, null, null]),
    ...selection.edges.map((edge) => ['link', edge.id, edge.kind, null, null, null, edge.source, edge.target, edge.type]),
  ]);
}
