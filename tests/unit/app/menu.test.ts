import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { fakeElectron, resetFakeElectron } from './fake-electron';
import { applicationMenuTemplate, installApplicationMenu } from '../../../main/app/menu';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

/** Every role in a menu template, depth first. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const viewMenu = (items: MenuItemConstructorOptions[]) => items.find((item) => item.label === 'View')!.submenu as MenuItemConstructorOptions[];

describe('the application menu', () => {
  beforeEach(() => resetFakeElectron());

  it('offers Quit, the edit shortcuts, reload, zoom, full screen and About RingScope', () => {
    const template = applicationMenuTemplate({ isMac: false, isPackaged: true });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'help']);
    expect(roles(template)).toEqual(expect.arrayContaining(['quit', 'editMenu', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'about']));
    const about = (template.at(-1)!.submenu as MenuItemConstructorOptions[])[0];
    expect(about).toMatchObject({ role: 'about', label: 'About RingScope' });
  });

  it('shows the developer tools entry in development builds only', () => {
    expect(roles(viewMenu(applicationMenuTemplate({ isMac: false, isPackaged: false })))).toContain('toggleDevTools');
    expect(roles(viewMenu(applicationMenuTemplate({ isMac: false, isPackaged: true })))).not.toContain('toggleDevTools');
  });

  it('follows macOS conventions: an application menu first, Close Window under File', () => {
    const template = applicationMenuTemplate({ isMac: true, isPackaged: true });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template[1]).toEqual({ label: 'File', submenu: [{ role: 'close' }] });
  });

  it('installs the menu and names the app in the About panel', () => {
    fakeElectron.app.isPackaged = true;
    installApplicationMenu();
    expect(roles(fakeElectron.Menu.applicationMenu!.template as MenuItemConstructorOptions[])).not.toContain('toggleDevTools');
    expect(fakeElectron.app.aboutPanelOptions).toEqual({ applicationName: 'RingScope', applicationVersion: '0.1.0-test' });
  });
});
