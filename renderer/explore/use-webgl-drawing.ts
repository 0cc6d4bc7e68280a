import { useState } from 'react';

const STORAGE_KEY = 'ringscope.explore.webgl';
/** Renderers that draw WebGL on the CPU: there WebGL is slower than the 2D canvas (canvas bench). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

/** Whether WebGL drawing can help here: WebGL 2 on a graphics card, not a software fallback. */
export function webglHelps(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return !info || !SOFTWARE_RENDERERS.test(String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)));
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
  const [on, setOn] = useState(() => localStorage.getItem(STORAGE_KEY) === 'true' && webglHelps());
  const choose = (next: boolean) => {
    localStorage.setItem(STORAGE_KEY, String(next));
    setOn(next);
  };
  return [on, choose];
}
