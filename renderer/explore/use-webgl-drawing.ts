import { useState } from 'react';

const STORAGE_KEY = 'ringscope.explore.webgl';

/** Whether this browser can draw with WebGL 2 at all (a graphics card, or a driver that allows it). */
export function webglAvailable(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

/**
 * Whether the canvas draws with Cytoscape's WebGL renderer, as the investigator last chose it
 * (remembered in this browser profile). Off by default: it pays off on graphs of thousands of
 * nodes with a graphics card, and is still marked experimental by Cytoscape.
 */
export function useWebglDrawing(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(STORAGE_KEY) === 'true' && webglAvailable());
  const choose = (next: boolean) => {
    localStorage.setItem(STORAGE_KEY, String(next));
    setOn(next);
  };
  return [on, choose];
}
