import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuSettings {
  isMac: boolean;
  /** Packaged builds hide the developer tools. */
  isPackaged: boolean;
}

/** The application menu: standard roles only, so shortcuts follow each platform's conventions. */
export function applicationMenuTemplate({ isMac, isPackaged }: MenuSettings): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    // macOS expects the first menu to be the application menu (About, Hide, Quit).
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    // On macOS Quit lives in the application menu; File closes the window there.
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    // Without an Edit menu, copy and paste shortcuts do nothing on macOS.
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'help', submenu: [{ role: 'about', label: 'About RingScope' }] },
  ];
}

/** Installs the menu and the About panel's text. */
export function installApplicationMenu(): void {
  app.setAboutPanelOptions({ applicationName: 'RingScope', applicationVersion: app.getVersion() });
  const template = applicationMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
