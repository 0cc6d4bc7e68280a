import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeSession, FakeWebContents, fakeElectron, resetFakeElectron } from './fake-electron';
import { ApiError } from '../../../main/api';
import { APP_ENTRY_URL } from '../../../main/app/app-protocol';
import { FILES_CHANNELS } from '../../../main/app/channels';
import { registerFileDialogs } from '../../../main/app/file-dialogs';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const PACKAGE = 'RS-20261130-abcd1234-20261130T080000000Z.zip';
let dir: string;
let window: FakeBrowserWindow;

function setUp() {
  window = new FakeBrowserWindow({});
  window.webContents.mainFrame.url = APP_ENTRY_URL;
  registerFileDialogs({
    appWindow: () => window as never,
    evidencePackagePath: async (fileName) => {
      if (fileName !== PACKAGE) throw new ApiError('not_found', `No evidence package named ${fileName}`, { reason: 'evidence_package_missing', params: { fileName } });
      return path.join(dir, 'exports', fileName);
    },
  });
}

/** Calls a dialog channel as the app window's page does (or as `sender` when given). */
function invoke(channel: string, input: unknown, sender: { sender: unknown; senderFrame: unknown } = { sender: window.webContents, senderFrame: window.webContents.mainFrame }) {
  return fakeElectron.ipcMain.handlers.get(channel)!(sender as never, input as never) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; reason: string; fields?: { path: string }[] } }>;
}

describe('the desktop save and open dialogs', () => {
  beforeEach(async () => {
    resetFakeElectron();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-dialogs-'));
    await fs.mkdir(path.join(dir, 'exports'));
    await fs.writeFile(path.join(dir, 'exports', PACKAGE), 'zip bytes');
    setUp();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes an export where the user chose in the save dialog, offered under its name in Downloads', async () => {
    fakeElectron.dialog.nextPath = path.join(dir, 'picked.png');
    const answer = await invoke(FILES_CHANNELS.save, { suggestedName: 'ringscope-2026-11-30-0800@2x.png', kind: 'png', contentBase64: Buffer.from('PNG bytes').toString('base64') });
    expect(answer).toEqual({ ok: true, value: { path: path.join(dir, 'picked.png') } });
    expect(await fs.readFile(path.join(dir, 'picked.png'), 'utf8')).toBe('PNG bytes');
    expect(fakeElectron.dialog.shown).toEqual([
      { kind: 'save', window, options: { defaultPath: '/home/ana/.config/RingScope/downloads/ringscope-2026-11-30-0800@2x.png', filters: [{ name: 'PNG', extensions: ['png'] }] } },
    ]);
  });

  it('says where and why when the chosen place cannot be written', async () => {
    fakeElectron.dialog.nextPath = path.join(dir, 'exports', PACKAGE, 'inside-a-file.csv');
    const answer = await invoke(FILES_CHANNELS.save, { suggestedName: 'selection.csv', kind: 'csv', contentBase64: '' });
    expect(answer.error).toMatchObject({ code: 'unavailable', reason: 'file_write_failed', params: { path: fakeElectron.dialog.nextPath, cause: 'path_blocked' } });
  });

  it('writes nothing when the user cancels', async () => {
    fakeElectron.dialog.nextPath = null;
    expect(await invoke(FILES_CHANNELS.save, { suggestedName: 'selection.csv', kind: 'csv', contentBase64: '' })).toEqual({ ok: true, value: { path: null } });
    expect(await fs.readdir(dir)).toEqual(['exports']);
  });

  it('refuses a name that is a path, an unknown kind, content that is not base64 and extra fields, before any dialog', async () => {
    const bad = [
      { suggestedName: '../../.bashrc', kind: 'csv', contentBase64: '' },
      { suggestedName: 'a.exe', kind: 'exe', contentBase64: '' },
      { suggestedName: 'a.csv', kind: 'csv', contentBase64: 'not base64!' },
      { suggestedName: 'a.csv', kind: 'csv', contentBase64: '', folder: '/etc' },
    ];
    const answers = await Promise.all(bad.map((input) => invoke(FILES_CHANNELS.save, input)));
    expect(answers.map((answer) => [answer.ok, answer.error?.reason, answer.error?.fields?.map((field) => field.path)])).toEqual([
      [false, 'input_invalid', ['suggestedName']],
      [false, 'input_invalid', ['kind']],
      [false, 'input_invalid', ['contentBase64']],
      [false, 'input_invalid', ['(input)']],
    ]);
    expect(fakeElectron.dialog.shown).toEqual([]);
  });

  it('copies an exported evidence package where the user chose, and names a missing one', async () => {
    fakeElectron.dialog.nextPath = path.join(dir, 'for-the-bank.zip');
    expect(await invoke(FILES_CHANNELS.saveEvidence, { fileName: PACKAGE })).toEqual({ ok: true, value: { path: path.join(dir, 'for-the-bank.zip') } });
    expect(await fs.readFile(path.join(dir, 'for-the-bank.zip'), 'utf8')).toBe('zip bytes');
    const missing = await invoke(FILES_CHANNELS.saveEvidence, { fileName: PACKAGE.replace('abcd1234', 'ffff0000') });
    expect(missing.error).toMatchObject({ code: 'not_found', reason: 'evidence_package_missing' });
    expect((await invoke(FILES_CHANNELS.saveEvidence, { fileName: '../secrets.zip' })).error).toMatchObject({ reason: 'input_invalid' });
  });

  it('reads the workspace file chosen in the open dialog, or nothing when cancelled', async () => {
    await fs.writeFile(path.join(dir, 'ring-7.ringscope'), '{"format":"ringscope-workspace"}');
    fakeElectron.dialog.nextPath = path.join(dir, 'ring-7.ringscope');
    expect(await invoke(FILES_CHANNELS.openWorkspace, {})).toEqual({ ok: true, value: { name: 'ring-7.ringscope', text: '{"format":"ringscope-workspace"}' } });
    expect(fakeElectron.dialog.shown[0]).toMatchObject({ kind: 'open', options: { properties: ['openFile'] } });
    fakeElectron.dialog.nextPath = null;
    expect(await invoke(FILES_CHANNELS.openWorkspace, {})).toEqual({ ok: true, value: null });
  });

  it('answers only the top frame of the app window', async () => {
    const stranger = new FakeWebContents(new FakeSession());
    stranger.mainFrame.url = 'https://evil.example/';
    fakeElectron.dialog.nextPath = path.join(dir, 'x.csv');
    const answer = await invoke(FILES_CHANNELS.save, { suggestedName: 'x.csv', kind: 'csv', contentBase64: '' }, { sender: stranger, senderFrame: stranger.mainFrame });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'cross_origin' } });
    expect(fakeElectron.dialog.shown).toEqual([]);
  });
});
