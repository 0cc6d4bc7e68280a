/**
 * The real desktop window, driven by Playwright's Electron support. Runs only where the Electron
 * runtime binary is installed (its download is blocked here); otherwise the suite is skipped and
 * the desktop shell is covered by tests/unit/app and the browser e2e of the same renderer.
 */
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../main/app/electron-binary';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));


const electronBinary = installedElectronBinary(appRoot);
const title = electronBinary
  ? 'the desktop window'
  : 'the desktop window — skipped: Electron runtime binary not installed here; the desktop flow is covered by unit tests and the browser e2e';

describe.skipIf(!electronBinary)(title, () => {
  it('opens RingScope and answers system.health through the preload bridge, with no Node in the page', async () => {
    const app = await _electron.launch({ executablePath: electronBinary!, args: [appRoot], env: { ...process.env, RINGSCOPE_USER: 'e2e' } });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('RingScope');
      const health = await page.evaluate(() => {
        const bridge = (globalThis as unknown as { ringscope: { system: { health(input: object): Promise<unknown> } } }).ringscope;
        return bridge.system.health({});
      });
      expect(health).toMatchObject({ ok: true, value: { status: 'ok' } });
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
