import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of ARCHITECTURE.md live in eslint.config.mjs; these tests prove they bite,
// by linting snippets as if they were files in each layer.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const layerViolations = (filePath: string, code: string) => ruleMessages('no-restricted-imports', filePath, code);

describe('layer rules', () => {
  it('refuses Node, Electron and driver imports in the renderer', async () => {
    expect(await layerViolations('renderer/explore/Bad.tsx', "import fs from 'node:fs';\nexport const x = fs;")).toHaveLength(1);
    expect(await layerViolations('renderer/explore/Bad.tsx', "import path from 'path';\nexport const x = path;")).toHaveLength(1);
    expect(await layerViolations('renderer/explore/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;")).toHaveLength(1);
    expect(await layerViolations('renderer/explore/Bad.tsx', "import neo4j from 'neo4j-driver';\nexport const x = neo4j;")).toHaveLength(1);
  });

  it('refuses Node globals in the renderer, where they do not exist at run time', async () => {
    const globals = (code: string) => ruleMessages('no-restricted-globals', 'renderer/explore/Bad.tsx', code);
    expect(await globals('export const platform = process.platform;')).toHaveLength(1);
    expect(await globals("export const bytes = Buffer.from('x');")).toHaveLength(1);
    expect(await globals('export const here = __dirname;')).toHaveLength(1);
    expect(await globals('export const width = window.innerWidth;')).toEqual([]);
    expect(await ruleMessages('no-restricted-globals', 'main/core/Ok.ts', 'export const platform = process.platform;')).toEqual([]);
  });

  it('lets the renderer import the contract but not the core', async () => {
    expect(await layerViolations('renderer/explore/Ok.tsx', "import { apiContract } from '../../main/api';\nexport const x = apiContract;")).toEqual([]);
    expect(await layerViolations('renderer/explore/Bad.tsx', "import { ApiDispatcher } from '../../main/core/dispatcher';\nexport const x = ApiDispatcher;")).toHaveLength(1);
  });

  it('keeps electron out of the core, the HTTP shell and the contract', async () => {
    for (const file of ['main/core/cases/Bad.ts', 'main/server/Bad.ts', 'main/api/Bad.ts']) {
      expect(await layerViolations(file, "import { app } from 'electron';\nexport const x = app;")).toHaveLength(1);
    }
    expect(await layerViolations('main/app/Ok.ts', "import { app } from 'electron';\nexport const x = app;")).toEqual([]);
  });

  it('keeps the contract free of Node so the renderer can share it', async () => {
    expect(await layerViolations('main/api/Bad.ts', "import { createHash } from 'node:crypto';\nexport const x = createHash;")).toHaveLength(1);
  });

  it('keeps the core independent of the shells', async () => {
    expect(await layerViolations('main/core/Bad.ts', "import { startServer } from '../server/server';\nexport const x = startServer;")).toHaveLength(1);
  });
});
