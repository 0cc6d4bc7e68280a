import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, EvidenceExportResult, EvidenceVerification, GraphNode, Subgraph } from '../../../main/api';
import { createRingScopeCore, type RingScopeCore } from '../../../main/core/bootstrap';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { casePicture } from '../../../main/core/evidence/case-picture';
import { readZip } from '../../../main/core/evidence/zip-archive';
import { pdfText, pdfWords } from '../../support/pdf-text';
import { workspaceOf } from '../../support/workspace-fixture';

const node = (id: string): GraphNode => ({ id, kind: id.startsWith('account:') ? 'account' : 'device', key: id, label: id, properties: {}, riskScore: null, blacklisted: false, degree: 1 });

describe('the picture of a case with a chosen view', () => {
  const graph: Subgraph = {
    nodes: ['account:A', 'account:B', 'account:C', 'device:D'].map(node),
    edges: [
      { id: 'e1', source: 'account:A', target: 'device:D', kind: 'identifier', type: 'USES_DEVICE', properties: {} },
      { id: 'e2', source: 'account:B', target: 'device:D', kind: 'identifier', type: 'USES_DEVICE', properties: {} },
    ],
  } as Subgraph;
  const withView = (workspace: ReturnType<typeof workspaceOf>, chosen = true) =>
    ({ views: [{ id: 'v1', name: 'Overview', savedBy: 'ana', savedAt: '2026-03-02T09:00:00.000Z', workspace }], chosenViewId: chosen ? 'v1' : null }) as unknown as Case;

  it('places the nodes where the view has them and leaves out the ones it hides, with their links', () => {
    const picture = casePicture(withView(workspaceOf([{ id: 'account:A', x: 10, y: 20 }, { id: 'account:B', x: 300, y: 20 }, { id: 'account:C', x: 150, y: -80 }, { id: 'device:D', x: 0, y: 0, hidden: true }])), graph);
    expect(Object.fromEntries([...picture.positions].filter(([id]) => id.startsWith('account:')))).toEqual({ 'account:A': { x: 10, y: 20 }, 'account:B': { x: 300, y: 20 }, 'account:C': { x: 150, y: -80 } });
    expect(picture.drawn.nodes.map((n) => n.id)).toEqual(['account:A', 'account:B', 'account:C']);
    expect(picture.drawn.edges).toEqual([]);
    expect(picture.view).toMatchObject({ name: 'Overview', hiddenNodes: 1, addedNodes: 0 });
  });

  it('draws case nodes the view does not hold below it, so no member goes missing', () => {
    const picture = casePicture(withView(workspaceOf([{ id: 'account:A', x: 0, y: 0 }, { id: 'account:B', x: 200, y: 50 }])), graph);
    expect(picture.drawn.nodes).toHaveLength(4);
    for (const id of ['account:C', 'device:D']) expect(picture.positions.get(id)!.y).toBeGreaterThan(50);
    expect(picture.view).toMatchObject({ hiddenNodes: 0, addedNodes: 2 });
  });

  it('lays the case graph out itself when no view is chosen', () => {
    const picture = casePicture(withView(workspaceOf([{ id: 'account:A', x: 0, y: 0, hidden: true }]), false), graph);
    expect(picture.view).toBeNull();
    expect(picture.drawn).toBe(graph);
    expect(picture.positions.size).toBe(4);
  });
});

describe('an evidence package of a case with a chosen view', () => {
  let dataDir: string;
  let core: RingScopeCore;
  let created: Case;
  let accounts: string[];

  async function call<T>(area: string, name: string, input: unknown): Promise<T> {
    const envelope = await core.dispatcher.call(area, name, input, { user: 'demo-analyst' });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
    return envelope.value as T;
  }

  /** Saves a view placing the accounts left to right in this order (one hidden, if named), chooses it and exports. */
  async function exportWithView(order: string[], hidden: string | null) {
    const subgraph = await call<Subgraph>('graph', 'subgraph', { nodeIds: accounts, includeSharedIdentifiers: true });
    const others = subgraph.nodes.filter((n) => !accounts.includes(n.id)).map((n, i) => ({ id: n.id, x: i * 40, y: 400 }));
    const workspace = workspaceOf([...order.map((id, i) => ({ id, x: i * 300, y: 0, hidden: id === hidden })), ...others], subgraph.edges.map((edge) => edge.id));
    const saved = await call<Case>('cases', 'saveView', { caseId: created.id, name: 'Left to right', workspace, choose: true });
    expect(saved.chosenViewId).toBe(saved.views[0].id);
    const result = await call<EvidenceExportResult>('evidence', 'export', { caseId: created.id });
    const files = new Map((await readZip(await fs.readFile(result.savedPath))).map((entry) => [entry.name, entry.content]));
    return { result, files, workspace };
  }

  /** The member labels drawn in the picture (the small print; the members table is larger), left to right. */
  function pictureLabels(pdf: Buffer): string[] {
    const userIds = new Set(accounts.map((id) => id.replace('account:', '')));
    return pdfWords(pdf).filter((word) => word.height < 10 && userIds.has(word.text)).sort((a, b) => a.x - b.x).map((word) => `account:${word.text}`);
  }

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-view-evidence-'));
    core = await createRingScopeCore({ version: 'test', demo: { accounts: 1000 }, investigation: resolveInvestigationConfig({}, { dataDir }), validateOutput: true });
    accounts = ['account:U0000001', 'account:U0000002', 'account:U0000003'];
    created = await call<Case>('cases', 'create', { title: 'Picked accounts', cluster: { origin: 'selection', accounts: accounts.map((nodeId) => ({ nodeId, userId: nodeId.replace('account:', '') })) } });
  });
  afterAll(async () => {
    await core?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('draws the members where the view put them, names the view, and still verifies', async () => {
    const order = ['account:U0000003', 'account:U0000001', 'account:U0000002'];
    const { result, files, workspace } = await exportWithView(order, null);
    const pdf = files.get('report.pdf')!;
    expect(pictureLabels(pdf)).toEqual(order);
    expect(pdfText(pdf)).toContain(`Drawnasinthecase'schosenview"Lefttoright"(savedbydemo-analyston`);
    const cytoscape = JSON.parse(files.get('cytoscape.json')!.toString('utf8')) as { elements: { nodes: { data: { id: string }; position: { x: number; y: number } }[] } };
    const saved = new Map(workspace.nodes.map((n) => [n.id, n.position]));
    for (const element of cytoscape.elements.nodes) expect(element.position, element.data.id).toEqual(saved.get(element.data.id));
    expect(await call<EvidenceVerification>('evidence', 'verify', { fileName: result.fileName })).toMatchObject({ valid: true, problems: [] });
  });

  it('follows a changed view: another order, and a hidden member left out of the picture but kept in the table', async () => {
    const order = ['account:U0000002', 'account:U0000003', 'account:U0000001'];
    const { files } = await exportWithView(order, 'account:U0000003');
    const pdf = files.get('report.pdf')!;
    expect(pictureLabels(pdf)).toEqual(['account:U0000002', 'account:U0000001']);
    expect(pdfText(pdf)).toContain('1nodetheviewhidesisleftoutofthepicture');
    expect(pdfText(pdf)).toContain('U0000003');
  });
});
