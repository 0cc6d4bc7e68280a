// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethodPaths } from '../../../main/api';
import type { RingScopePreloadBridge } from '../../../renderer/api/desktop-bridge';
import { createApiForCurrentShell } from '../../../renderer/api/select-bridge';

afterEach(() => {
  delete window.ringscope;
  vi.unstubAllGlobals();
});

const health = { status: 'ok', version: '0.1.0', source: { kind: 'embedded', name: 'Demo graph', accountCount: 1 } };

describe('createApiForCurrentShell', () => {
  it('uses the preload bridge when the desktop shell provides window.ringscope', async () => {
    const areas: Record<string, Record<string, () => Promise<unknown>>> = {};
    for (const { area, name } of apiMethodPaths) (areas[area] ??= {})[name] = async () => ({ ok: true, value: health });
    window.ringscope = { ...areas, events: { onProgress: () => () => undefined } } as unknown as RingScopePreloadBridge;
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    await expect(createApiForCurrentShell().system.health({})).resolves.toEqual(health);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('falls back to HTTP on the page’s own origin in a plain browser', async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: health }), { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    await expect(createApiForCurrentShell().system.health({})).resolves.toEqual(health);
    expect(fetchSpy.mock.calls[0]).toEqual(['/api/system/health', expect.objectContaining({ method: 'POST' })]);
  });
});
