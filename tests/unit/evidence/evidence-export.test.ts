import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, Case, EvidenceExportResult, EvidenceManifest, EvidenceVerification } from '../../../main/api';
import { createRingScopeCore, type RingScopeCore } from '../../../main/core/bootstrap';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { userIdOf } from '../../../main/core/demo/dataset';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { verifyEvidencePackage } from '../../../main/core/evidence/verify-package';
import { createZip, readZip } from '../../../main/core/evidence/zip-archive';
import { startServer, type RunningServer } from '../../../main/server/server';

let dataDir: string;
let core: RingScopeCore;
let server: RunningServer;
let ringCase: Case;
let dataset: EmbeddedGraphSource['dataset'];

async function call<T>(area: string, name: string, input: unknown, user = 'ana'): Promise<T> {
  const envelope = await core.dispatcher.call(area, name, input, { user });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-evidence-'));
  core = await createRingScopeCore({
    version: 'test',
    demo: { accounts: 2000 },
    investigation: resolveInvestigationConfig({ RINGSCOPE_TEAM_LEADS: 'lee' }, { dataDir }),
    validateOutput: true,
  });
  dataset = ((core.source as ActiveGraphSource).current as EmbeddedGraphSource).dataset;
  // A planted shared-identity ring: its members share phones and cards, the PII the package must mask.
  const ring = dataset.plantedRings.find((planted) => planted.kind === 'shared-identity')!;
  const accounts = ring.members.map((index) => ({ nodeId: `account:${userIdOf(index)}`, userId: userIdOf(index) }));
  const created = await call<Case>('cases', 'create', {
    title: 'Shared identity ring',
    // Picked by hand: a ring case needs a detection run that has the ring (the core takes its metadata from it).
    cluster: { origin: 'selection', accounts },
  });
  await call('cases', 'addNote', { caseId: created.id, text: 'Same emulator farm as last month' });
  ringCase = await call<Case>('cases', 'get', { caseId: created.id });
  server = await startServer({ core, port: 0, user: 'ana', rendererDir: dataDir });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function packageFiles(result: EvidenceExportResult): Promise<Map<string, Buffer>> {
  const entries = await readZip(await fs.readFile(result.savedPath));
  return new Map(entries.map((entry) => [entry.name, entry.content]));
}

/** The raw phone and card values of the identifiers the ring's members use. */
function rawPhonesAndCards(): string[] {
  const memberIndexes = new Set(ringCase.cluster.accounts.map((account) => Number(account.userId.slice(1))));
  const values = new Set<string>();
  for (let link = 0; link < dataset.identifierLinks.count; link++) {
    if (!memberIndexes.has(dataset.identifierLinks.account[link])) continue;
    const identifier = dataset.identifierLinks.identifier[link];
    const kind = dataset.identifiers.kind[identifier];
    if (kind === 1 || kind === 3) values.add(dataset.identifiers.value[identifier]); // IDENTIFIER_KINDS: phone = 1, card = 3
  }
  return [...values];
}

async function rebuildZip(zipPath: string, change: (entries: { name: string; content: Buffer }[]) => { name: string; content: Buffer }[]): Promise<Buffer> {
  return createZip(change(await readZip(await fs.readFile(zipPath))), new Date());
}

describe('evidence package export', () => {
  let masked: EvidenceExportResult;

  beforeAll(async () => {
    masked = await call<EvidenceExportResult>('evidence', 'export', { caseId: ringCase.id });
  });

  it('writes one zip into <dataDir>/exports with every file and a manifest whose hashes match', async () => {
    expect(path.dirname(masked.savedPath)).toBe(path.join(dataDir, 'exports'));
    expect(masked.fileName.startsWith(`${ringCase.id}-`)).toBe(true);
    const files = await packageFiles(masked);
    expect([...files.keys()].sort()).toEqual(
      ['audit.jsonl', 'cytoscape.json', 'edges.csv', 'graph.graphml', 'manifest.json', 'nodes.csv', 'queries.cypher', 'report.pdf'].sort(),
    );
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as EvidenceManifest;
    expect(manifest).toMatchObject({ caseId: ringCase.id, exportedBy: 'ana', appVersion: 'test', includePii: false, source: { kind: 'embedded' } });
    const { createHash } = await import('node:crypto');
    for (const file of manifest.files) {
      expect(createHash('sha256').update(files.get(file.name)!).digest('hex'), file.name).toBe(file.sha256);
      expect(files.get(file.name)!.length).toBe(file.bytes);
    }
    expect(files.get('report.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('masks phone and card numbers in nodes.csv unless PII is included', async () => {
    const files = await packageFiles(masked);
    const rows = parse(files.get('nodes.csv')!, { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.kind === 'account').map((row) => row.key).sort()).toEqual(ringCase.cluster.accounts.map((a) => a.userId).sort());
    const phones = rows.filter((row) => row.kind === 'phone');
    expect(phones.length).toBeGreaterThan(0);
    // The leading ' keeps a spreadsheet from reading "+49 …" as a formula; it shows the number as text.
    for (const phone of phones) expect(phone.key).toMatch(/^'\+\d{1,3} ••• ••• \d{2}$/);
    const everything = [...files.values()].map((content) => content.toString('latin1')).join('\n');
    const raw = rawPhonesAndCards();
    expect(raw.length).toBeGreaterThan(0);
    for (const value of raw) expect(everything.includes(value), value).toBe(false);
  });

  it('writes well-formed GraphML whose data all refer to declared, typed keys', async () => {
    // happy-dom's DOMParser rejects attribute names with dots (GraphML's attr.name), so the check is by hand:
    // every start tag closed in order, and every <data key> declared by a <key>.
    const text = (await packageFiles(masked)).get('graph.graphml')!.toString('utf8');
    const open: string[] = [];
    for (const [, closing, name, , selfClosing] of text.replace(/^<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/g)) {
      if (closing) expect(open.pop()).toBe(name);
      else if (!selfClosing) open.push(name);
    }
    expect(open).toEqual([]);
    const keys = new Map([...text.matchAll(/<key id="([^"]+)" for="(node|edge)" attr.name="([^"]+)" attr.type="(string|double|boolean)"\/>/g)].map((m) => [m[1], m[3]]));
    expect([...keys.values()]).toEqual(expect.arrayContaining(['kind', 'riskScore', 'blacklisted', 'type']));
    for (const [, key] of text.matchAll(/<data key="([^"]+)">/g)) expect(keys.has(key), key).toBe(true);
    expect([...text.matchAll(/<node id=/g)].length).toBeGreaterThanOrEqual(ringCase.cluster.accounts.length);
  });

  it('keeps the case audit events as stored and records the export in the audit trail', async () => {
    const files = await packageFiles(masked);
    const events = files.get('audit.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditEvent);
    expect(events.map((event) => event.action)).toEqual(['case.created', 'case.note_added']);
    const trail = await call<{ events: AuditEvent[] }>('audit', 'list', { caseId: ringCase.id, action: 'evidence.exported' });
    expect(trail.events[0]).toMatchObject({ actor: 'ana', details: { fileName: masked.fileName, sha256: masked.sha256, includePii: false } });
  });

  it('verifies an untouched package as valid', async () => {
    expect(await call<EvidenceVerification>('evidence', 'verify', { fileName: masked.fileName })).toMatchObject({ valid: true, problems: [] });
  });

  it('reports a changed byte in nodes.csv as a hash mismatch of that file', async () => {
    const tampered = await rebuildZip(masked.savedPath, (entries) =>
      entries.map((entry) => (entry.name === 'nodes.csv' ? { ...entry, content: Buffer.from(entry.content.toString('utf8').replace('U0', 'U9')) } : entry)),
    );
    expect(await verifyEvidencePackage(tampered)).toMatchObject({ valid: false, problems: ['nodes.csv: SHA-256 mismatch'] });
  });

  it('reports a removed file and an added one', async () => {
    const tampered = await rebuildZip(masked.savedPath, (entries) => [
      ...entries.filter((entry) => entry.name !== 'edges.csv'),
      { name: 'evil.sh', content: Buffer.from('rm -rf /') },
    ]);
    const result = await verifyEvidencePackage(tampered);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining(['edges.csv: missing from the package', 'extra file evil.sh']));
  });

  it('reports an edited audit event by its seq', async () => {
    const tampered = await rebuildZip(masked.savedPath, (entries) =>
      entries.map((entry) => (entry.name === 'audit.jsonl' ? { ...entry, content: Buffer.from(entry.content.toString('utf8').replace('"actor":"ana"', '"actor":"eve"')) } : entry)),
    );
    const result = await verifyEvidencePackage(tampered);
    expect(result.problems).toEqual(expect.arrayContaining(['audit.jsonl: SHA-256 mismatch', expect.stringMatching(/^audit\.jsonl: chain broken at seq 1 /)]));
  });

  it('includes unmasked values only when asked, and audits the reveal', async () => {
    const revealed = await call<EvidenceExportResult>('evidence', 'export', { caseId: ringCase.id, includePii: true }, 'lee');
    const files = await packageFiles(revealed);
    const nodes = files.get('nodes.csv')!.toString('utf8');
    const raw = rawPhonesAndCards();
    expect(raw.some((value) => nodes.includes(value))).toBe(true);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8'))).toMatchObject({ includePii: true, exportedBy: 'lee' });
    const reveals = await call<{ events: AuditEvent[] }>('audit', 'list', { caseId: ringCase.id, action: 'pii.revealed' });
    expect(reveals.events).toHaveLength(1);
    expect(reveals.events[0].actor).toBe('lee');
    // The package's own audit trail shows the reveal.
    expect(files.get('audit.jsonl')!.toString('utf8')).toContain('"action":"pii.revealed"');
  });

  it('says the disk could not be written and leaves no file when the exports folder is unwritable', async () => {
    const exportsDir = path.join(dataDir, 'exports');
    const before = await fs.readdir(exportsDir);
    // A plain file where the exports folder should be fails even when the tests run as root.
    await fs.rename(exportsDir, `${exportsDir}-moved`);
    await fs.writeFile(exportsDir, 'not a folder');
    try {
      await expect(call('evidence', 'export', { caseId: ringCase.id })).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/^Could not write the evidence package to .*exports.*: /),
      });
    } finally {
      await fs.rm(exportsDir);
      await fs.rename(`${exportsDir}-moved`, exportsDir);
    }
    expect(await fs.readdir(exportsDir)).toEqual(before);
  });
});

function get(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathname, headers: { Authorization: `Bearer ${server.token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('evidence download in browser mode', () => {
  it('serves an exported package as an attachment, byte for byte', async () => {
    const exported = await call<EvidenceExportResult>('evidence', 'export', { caseId: ringCase.id });
    const response = await get(`/api/evidence/download/${exported.fileName}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${exported.fileName}"`);
    expect(response.body.equals(await fs.readFile(exported.savedPath))).toBe(true);
  });

  it('refuses names that are not package names, such as ../ paths', async () => {
    await fs.writeFile(path.join(dataDir, 'secret-20250101T000000000Z.zip'), 'outside the exports folder');
    for (const name of ['..%2Fsecret-20250101T000000000Z.zip', '../secret-20250101T000000000Z.zip', 'manifest.json']) {
      const response = await get(`/api/evidence/download/${name}`);
      expect(response.status, name).toBe(404);
      expect(response.body.toString()).not.toContain('outside the exports folder');
    }
  });
});
