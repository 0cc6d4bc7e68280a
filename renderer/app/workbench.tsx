import { useQueryClient } from '@tanstack/react-query';
import type { RingClusterDetail, WorkspaceFile } from '../../main/api';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/**
 * A request to show a set of nodes in Explore, e.g. a flagged cluster from Rings or a case's members.
 * `requestId` changes with every request, so Explore reacts even when the same cluster is opened twice.
 */
export interface ExploreRequest {
  requestId: number;
  /** Nodes to load and draw (accounts, identifiers). */
  nodeIds: string[];
  /** Nodes to highlight among them (e.g. the cluster's members). */
  highlightIds: string[];
  /** What the user opened, shown above the graph (e.g. "Ring R0012 · score 0.91"). */
  title: string;
  /** Lines shown under the title, e.g. the ring's reasons. */
  notes?: string[];
  /** The opened ring's score: its members are coloured by the higher of their own risk and this. */
  ringScore?: number;
  /** The flagged cluster opened, so Explore lists its money flows and reasons with their time windows. */
  ring?: { clusterId: string; reasons: RingClusterDetail['reasons'] };
  /** The case this comes from: "Save view to case…" offers it first. */
  caseId?: string;
  /** A saved canvas (a case's view) to draw as it was saved, instead of laying out `nodeIds`. */
  workspace?: WorkspaceFile;
}

/** A request to open one case on the Cases screen; `requestId` changes with every request. */
export interface CaseRequest {
  requestId: number;
  caseId: string;
}

interface Workbench {
  activeScreen: string;
  goTo(screenId: string): void;
  exploreRequest: ExploreRequest | null;
  /** Switches to Explore and asks it to draw these nodes. */
  openInExplore(request: Omit<ExploreRequest, 'requestId'>): void;
  caseRequest: CaseRequest | null;
  /** Switches to Cases and opens this case. */
  openCase(caseId: string): void;
  /** Goes up by one each time the active graph source changes (Connect screen), so screens can reload. */
  sourceRevision: number;
  /** The graph source changed: every cached answer is stale (cases and audit live in a connected Neo4j too). */
  sourceChanged(): void;
}

const WorkbenchContext = createContext<Workbench | null>(null);

/** Cross-screen navigation: which screen is shown, and what another screen asked Explore to draw. */
export function WorkbenchProvider({ initialScreen, children }: { initialScreen: string; children: ReactNode }) {
  const [activeScreen, setActiveScreen] = useState(initialScreen);
  const [exploreRequest, setExploreRequest] = useState<ExploreRequest | null>(null);
  const [caseRequest, setCaseRequest] = useState<CaseRequest | null>(null);
  const [sourceRevision, setSourceRevision] = useState(0);
  const queryClient = useQueryClient();
  const sourceChanged = useCallback(() => {
    setSourceRevision((revision) => revision + 1);
    void queryClient.invalidateQueries();
  }, [queryClient]);
  const nextRequestId = useRef(1);
  const openInExplore = useCallback((request: Omit<ExploreRequest, 'requestId'>) => {
    setExploreRequest({ ...request, requestId: nextRequestId.current++ });
    setActiveScreen('explore');
  }, []);
  const openCase = useCallback((caseId: string) => {
    setCaseRequest({ caseId, requestId: nextRequestId.current++ });
    setActiveScreen('cases');
  }, []);
  const value = useMemo(
    () => ({ activeScreen, goTo: setActiveScreen, exploreRequest, openInExplore, caseRequest, openCase, sourceRevision, sourceChanged }),
    [activeScreen, exploreRequest, openInExplore, caseRequest, openCase, sourceRevision, sourceChanged],
  );
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>;
}

/** The active source's revision (0 outside a WorkbenchProvider, e.g. a component rendered alone in a test). */
export function useSourceRevision(): number {
  return useContext(WorkbenchContext)?.sourceRevision ?? 0;
}

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench must be used inside <WorkbenchProvider>');
  return workbench;
}
