import { useState } from 'react';
import { DEFAULT_NEIGHBOUR_PAGE_SIZE, NEIGHBOUR_PAGE_SIZES, type NeighbourPageSize } from '../graph/elements';

const STORAGE_KEY = 'ringscope.explore.pageSize';

/** Neighbours per expand, as the investigator last chose it (remembered in this browser profile). */
export function usePageSize(): [NeighbourPageSize, (size: NeighbourPageSize) => void] {
  const [pageSize, setPageSize] = useState<NeighbourPageSize>(() => {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return (NEIGHBOUR_PAGE_SIZES as readonly number[]).includes(stored) ? (stored as NeighbourPageSize) : DEFAULT_NEIGHBOUR_PAGE_SIZE;
  });
  const choose = (size: NeighbourPageSize) => {
    localStorage.setItem(STORAGE_KEY, String(size));
    setPageSize(size);
  };
  return [pageSize, choose];
}
