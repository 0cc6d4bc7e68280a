import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, DetectionMode, ProgressEvent, RingKind, RingsDetectResult, RingsListResult } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

/** Rows per page of the flagged-cluster table. */
export const RINGS_PAGE_SIZE = 25;

export interface RingFilters {
  kinds: RingKind[];
  minScore: number;
}

export interface DetectionSettings {
  supernodeCutoff: number;
  minScore: number;
  mode: 'auto' | DetectionMode;
  /** Upstream results: communities to load, members read per community, and their ranking. */
  upstream: { communities: number; maxMembers: number; rankBy: 'score' | 'size' };
}

const DEFAULT_SETTINGS: DetectionSettings = { supernodeCutoff: 20, minScore: 0.5, mode: 'auto', upstream: { communities: 200, maxMembers: 500, rankBy: 'score' } };

/** The detect call in flight and its latest progress event. */
export interface DetectionTask {
  taskId: string;
  progress: ProgressEvent | null;
}

/**
 * The Rings screen's state: detection settings, the running detection (progress, cancel), and the
 * filtered, paged list of flagged clusters of the latest detection, re-read whenever a filter changes.
 */
export function useRingDetection() {
  const api = useApi();
  const [settings, setSettings] = useState<DetectionSettings>(DEFAULT_SETTINGS);
  const [filters, setFilters] = useState<RingFilters>({ kinds: [], minScore: 0 });
  const [page, setPage] = useState(0);
  const [task, setTask] = useState<DetectionTask | null>(null);
  const [list, setList] = useState<RingsListResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const taskRef = useRef<DetectionTask | null>(null);
  // Bumped after each detection so the list is read again even when the filters did not change.
  const [generation, setGeneration] = useState(0);

  useEffect(
    () => api.events.onProgress((event) => setTask((current) => (current?.taskId === event.taskId ? { ...current, progress: event } : current))),
    [api],
  );

  useEffect(() => {
    let stale = false;
    api.rings
      .list({ kinds: filters.kinds.length ? filters.kinds : undefined, minScore: filters.minScore || undefined, limit: RINGS_PAGE_SIZE, offset: page * RINGS_PAGE_SIZE })
      .then(
        (result) => {
          if (stale) return;
          setList(result.detection ? result : null);
          const previous = result.detection;
          // A detection that ran before the screen opened (another window, an earlier visit) shows its settings.
          if (previous && generation === 0) setSettings((current) => ({ ...current, supernodeCutoff: previous.supernodeCutoff, minScore: previous.minScore }));
        },
        (failure: unknown) => {
          if (stale) return;
          setList(null);
          setError(toApiError(failure));
        },
      );
    return () => {
      stale = true;
    };
  }, [api, filters, page, generation]);

  const run = useCallback(async () => {
    if (taskRef.current) return;
    const started: DetectionTask = { taskId: `rings-${crypto.randomUUID()}`, progress: null };
    taskRef.current = started;
    setTask(started);
    setError(null);
    try {
      const { upstream } = settings;
      const upstreamParams = settings.mode === 'upstream' ? { upstreamCommunities: upstream.communities, upstreamMaxMembers: upstream.maxMembers, upstreamRankBy: upstream.rankBy } : {};
      await api.rings.detect({ taskId: started.taskId, supernodeCutoff: settings.supernodeCutoff, minScore: settings.minScore, mode: settings.mode, ...upstreamParams });
      setPage(0);
      setGeneration((value) => value + 1);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      taskRef.current = null;
      setTask(null);
    }
  }, [api, settings]);

  const cancel = useCallback(() => {
    const running = taskRef.current;
    // detect itself then fails with 'cancelled', which is what the user sees.
    if (running) api.tasks.cancel({ taskId: running.taskId }).catch(() => undefined);
  }, [api]);

  const updateFilters = useCallback((next: RingFilters) => {
    setFilters(next);
    setPage(0);
  }, []);

  const detection: RingsDetectResult | null = list?.detection ?? null;
  return { settings, setSettings, filters, setFilters: updateFilters, page, setPage, task, list, detection, error, dismissError: () => setError(null), run, cancel };
}
