// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebglDrawingSwitch } from '../../../renderer/explore/WebglDrawingSwitch';
import { renderWithProviders } from './render-with-providers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Makes every canvas answer `getContext('webgl2')` as a browser drawing on `renderer` would. */
function webglOn(renderer: string) {
  const gl = { getExtension: () => ({ UNMASKED_RENDERER_WEBGL: 0x9246 }), getParameter: () => renderer };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((kind: string) => (kind === 'webgl2' ? gl : null)) as unknown as HTMLCanvasElement['getContext']);
}

describe('WebGL drawing setting', () => {
  it('is offered on a graphics card', () => {
    webglOn('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)');
    renderWithProviders(<WebglDrawingSwitch on={false} onChange={() => undefined} />);
    expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByText(/Faster panning and zooming/)).toBeTruthy();
  });

  it('is not offered where WebGL would be drawn in software, and says why', () => {
    webglOn('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)');
    renderWithProviders(<WebglDrawingSwitch on={false} onChange={() => undefined} />);
    expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/no graphics card/)).toBeTruthy();
  });
});
