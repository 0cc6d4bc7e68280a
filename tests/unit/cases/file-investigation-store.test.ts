import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Case } from '../../../main/api';
import { verifyAuditChain } from '../../../main/core/audit/audit-chain';
import { ringReasonText } from '../../../main/core/evidence/reason-text';
import { FileInvestigationStore, type StoreFileSystem } from '../../../main/core/store/file-investigation-store';
import { canonicalHash } from '../../../main/core/trust/signing';
import { describeInvestigationStoreContract, sampleCase } from '../../support/investigation-store-contract';

const tempDirs: string[] = [];
async function tempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-store-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describeInvestigationStoreContract('file store in a data directory', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-contract-'));
  return {
    store: new FileInvestigationStore({ dataDir }),
    openAnother: async () => new FileInvestigationStore({ dataDir }),
    cleanup: () => fs.rm(dataDir, { recursive: true, force: true }),
  };
});

/** A file system whose appends write half the bytes and then fail, like a disk filling up mid-write. */
function diskFillsUpOnAppend(failing: { on: boolean }): StoreFileSystem {
  return {
    mkdir: fs.mkdir,
    truncate: fs.truncate,
    chmod: fs.chmod,
    open: (async (file: string, flags?: string) => {
      const handle = await fs.open(file, flags);
      if (flags !== 'a') return handle;
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'appendFile' && failing.on) {
            return async (data: Buffer) => {
              await target.appendFile(data.subarray(0, Math.floor(data.length / 2)));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as StoreFileSystem['open'],
  };
}

describe('FileInvestigationStore', () => {
  it('loads a case saved when ring reasons were English sentences, unchanged, so its signed snapshot still verifies', async () => {
    const dataDir = await tempDataDir();
    const sentences = ['6 accounts share 2 devices', 'money cycle U1→U2→U3→U1 within 2 h'];
    const legacy = sampleCase('RS-OLD', {
      version: 2,
      cluster: { origin: 'ring', ringId: 'C-U1', ringKind: 'laundering-cycle', score: 0.9, reasons: sentences, accounts: [{ nodeId: 'account:U1', userId: 'U1' }], identifierNodeIds: [] },
      snapshot: {
        takenAt: '2025-01-01T09:00:00.000Z',
        accounts: [{ nodeId: 'account:U1', userId: 'U1' }],
        identifierNodeIds: [],
        ringId: 'C-U1',
        ringKind: 'laundering-cycle',
        score: 0.9,
        reasons: sentences,
        nodes: [],
        edges: [],
      },
    });
    await fs.writeFile(path.join(dataDir, 'investigation.jsonl'), `${JSON.stringify({ cases: [legacy] })}\n`);

    const loaded = await new FileInvestigationStore({ dataDir }).getCase('RS-OLD');
    // The contract accepts it as it is: nothing rewritten, so the hash the submission signed is the same.
    const asSent = Case.parse(loaded);
    expect(canonicalHash(asSent.snapshot)).toBe(canonicalHash(legacy.snapshot));
    expect(asSent.cluster.reasons.map((reason) => ringReasonText(reason))).toEqual(sentences);
  });

  it('says the disk is full and leaves nothing half-written when an append fails', async () => {
    const dataDir = await tempDataDir();
    const failing = { on: false };
    const store = new FileInvestigationStore({ dataDir, fs: diskFillsUpOnAppend(failing) });
    await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }], audit: [{ actor: 'ana', action: 'case.created', caseId: 'C1' }] });
    const logBefore = await fs.readFile(path.join(dataDir, 'investigation.jsonl'), 'utf8');

    failing.on = true;
    const failed = store.commit({ cases: [{ doc: sampleCase('C2'), expectedVersion: 0 }], audit: [{ actor: 'ana', action: 'case.created', caseId: 'C2' }] });
    await expect(failed).rejects.toMatchObject({ code: 'unavailable', reason: 'storage_failed', params: { operation: 'save', cause: 'disk_full' } });
    expect(await fs.readFile(path.join(dataDir, 'investigation.jsonl'), 'utf8')).toBe(logBefore);

    failing.on = false;
    await store.commit({ cases: [{ doc: sampleCase('C3'), expectedVersion: 0 }], audit: [{ actor: 'ana', action: 'case.created', caseId: 'C3' }] });
    const restarted = new FileInvestigationStore({ dataDir });
    expect((await restarted.listCases()).map((item) => item.id).sort()).toEqual(['C1', 'C3']);
    expect(verifyAuditChain(await restarted.listAudit())).toMatchObject({ valid: true, count: 2 });
  });

  it('reports a data directory it may not write to as unavailable, naming the reason', async () => {
    const dataDir = await tempDataDir();
    const denied: StoreFileSystem = {
      mkdir: fs.mkdir,
      truncate: fs.truncate,
      chmod: fs.chmod,
      open: (async (file: string, flags?: string) => {
        if (flags === 'a') throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
        return fs.open(file, flags);
      }) as StoreFileSystem['open'],
    };
    const store = new FileInvestigationStore({ dataDir, fs: denied });
    await expect(store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] })).rejects.toMatchObject({
      code: 'unavailable',
      reason: 'storage_failed',
      params: { operation: 'save', place: dataDir, cause: 'not_writable' },
    });
    expect(await store.listCases()).toEqual([]);
  });

  it('ignores and then removes the half line a crashed writer left at the end of the log', async () => {
    const dataDir = await tempDataDir();
    const store = new FileInvestigationStore({ dataDir });
    await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
    await fs.appendFile(path.join(dataDir, 'investigation.jsonl'), '{"cases":[{"id":"C9","vers');

    const restarted = new FileInvestigationStore({ dataDir });
    expect((await restarted.listCases()).map((item) => item.id)).toEqual(['C1']);
    await restarted.commit({ cases: [{ doc: sampleCase('C2'), expectedVersion: 0 }] });
    const lines = (await fs.readFile(path.join(dataDir, 'investigation.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { cases: { id: string }[] }).cases[0].id)).toEqual(['C1', 'C2']);
  });

  it('takes over a lock file left by a process that no longer exists', async () => {
    const dataDir = await tempDataDir();
    const deadPid = 2 ** 22 + 12345; // above the kernel's pid_max: cannot be a live process
    await fs.writeFile(path.join(dataDir, 'investigation.jsonl.lock'), JSON.stringify({ pid: deadPid, at: new Date().toISOString() }));
    const store = new FileInvestigationStore({ dataDir });
    await store.commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
    expect(await store.getCase('C1')).not.toBeNull();
    await expect(fs.access(path.join(dataDir, 'investigation.jsonl.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('file store permissions', () => {
  it('creates the data folder owner-only and the log readable by its owner only', async () => {
    const dataDir = path.join(await tempDataDir(), 'data');
    await new FileInvestigationStore({ dataDir }).commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(dataDir, 'investigation.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it('tightens a data folder and log an earlier version left readable by everyone', async () => {
    const dataDir = await tempDataDir();
    await new FileInvestigationStore({ dataDir }).commit({ cases: [{ doc: sampleCase('C1'), expectedVersion: 0 }] });
    await fs.chmod(dataDir, 0o755);
    await fs.chmod(path.join(dataDir, 'investigation.jsonl'), 0o644);
    await new FileInvestigationStore({ dataDir }).commit({ cases: [{ doc: sampleCase('C2'), expectedVersion: 0 }] });
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(dataDir, 'investigation.jsonl'))).mode & 0o777).toBe(0o600);
  });
});
