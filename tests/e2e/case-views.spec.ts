/**
 * Named views of a case, and opening into a drawn canvas, in a real browser against the browser-mode
 * server and the embedded demo graph: arrange a ring member's neighbourhood, save it as a view of a
 * case and choose it, export the evidence package and check that its picture follows the view; then
 * "Show in Explore" and "Open in Explore" ask replace or add, and both choices are undone by Ctrl+Z.
 * Needs `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnvelope, Case, Subgraph } from '../../main/api';
import { DEFAULT_DEMO_OPTIONS } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { verifyEvidencePackage } from '../../main/core/evidence/verify-package';
import { readZip } from '../../main/core/evidence/zip-archive';
import { loadDemoTeamKey } from '../../main/core/trust/demo-team';
import { publicKeyOf } from '../../main/core/trust/signing';
import { pdfText, pdfWords } from '../support/pdf-text';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot, SCREENSHOT_DIR } from './support/chromium';
import { findRingMember } from './support/ring-member';
import { findNodeId, startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

const execFileAsync = promisify(execFile);
const sorted = (ids: readonly string[]) => [...ids].sort();

describe('Case views: save the canvas to a case, picture the evidence with it, open it again', () => {
  let dataDir: string;
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const fixture = findRingMember(generateDemoDataset(DEFAULT_DEMO_OPTIONS));
  const members = [fixture.userId, ...fixture.phoneSharers];
  let memberIds: string[];
  let phoneId: string;
  let cardId: string;
  let caseId: string;
  /** What "Show in Explore" draws for the case: its members and the identifiers they share. */
  let caseGraphIds: string[];
  /** The canvas as saved in the view: its nodes, where the members were, and the hidden phone. */
  let viewNodeIds: string[];
  let viewPositions: Map<string, { x: number; y: number }>;

  const hook = () => graphHook(page);
  const openScreen = (name: string) => page.locator('nav').getByRole('button', { name, exact: true }).click();
  const nodeIds = async () => sorted(await hook().nodeIds());

  async function openCasePage() {
    await openScreen('Cases');
    await page.getByTestId('case-list-item').filter({ hasText: caseId }).click();
    await expect.poll(() => page.getByTestId('case-detail').getByTestId('case-id').textContent(), { timeout: 15_000 }).toContain(caseId);
  }

  /** Opens into a drawn canvas (from the case page, or wherever `open` goes) and answers the replace-or-add question. */
  async function openIntoCanvas(open: () => Promise<void>, mode: 'replace' | 'add', screenshot?: string) {
    await open();
    const dialog = page.getByTestId('open-mode-dialog');
    await dialog.getByTestId(`open-mode-${mode}`).waitFor({ timeout: 15_000 });
    // The dialog fades in: photographed once it is fully shown.
    if (screenshot) {
      await expect.poll(() => dialog.locator('.MuiDialog-container').evaluate((element) => (element as unknown as { style: { opacity: string } }).style.opacity)).toBe('1');
      await saveScreenshot(page, screenshot);
    }
    await dialog.getByTestId(`open-mode-${mode}`).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async function undo(expected: string[]) {
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(expected);
  }

  async function apiCall<T>(area: string, method: string, input: unknown): Promise<T> {
    const response = await fetch(new URL(`api/${area}/${method}`, server.baseUrl), { method: 'POST', headers: { 'Content-Type': 'application/json', ...server.authHeaders }, body: JSON.stringify(input) });
    const envelope = (await response.json()) as ApiEnvelope<T>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-case-views-e2e-'));
    server = await startRingScopeServer({ RINGSCOPE_DATA_DIR: dataDir, RINGSCOPE_DEMO_SEED: String(DEFAULT_DEMO_OPTIONS.seed), RINGSCOPE_DEMO_ACCOUNTS: String(DEFAULT_DEMO_OPTIONS.accounts) });
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkbenchPage(browser, server));
    memberIds = await Promise.all(members.map((userId) => findNodeId(server, userId, 'account')));
    phoneId = await findNodeId(server, fixture.sharedPhone, 'phone');
    cardId = await findNodeId(server, fixture.card, 'card');
    caseId = (await apiCall<Case>('cases', 'create', { title: 'Shared phone ring', cluster: { origin: 'selection', accounts: members.map((userId, i) => ({ nodeId: memberIds[i], userId })) } })).id;
    caseGraphIds = sorted((await apiCall<Subgraph>('graph', 'subgraph', { nodeIds: memberIds, includeSharedIdentifiers: true })).nodes.map((node) => node.id));
    expect(caseGraphIds).toEqual(expect.arrayContaining([...memberIds, phoneId]));
    expect(caseGraphIds).not.toContain(cardId);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('saves the arranged canvas as a named view of the case, chosen for the evidence picture', async () => {
    const input = page.getByTestId('search-input');
    await input.fill(fixture.userId);
    await input.press('Enter');
    await page.getByTestId('search-result').filter({ hasText: fixture.userId }).first().click();
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(expect.arrayContaining([memberIds[0], phoneId, cardId]));
    await hook().expand(phoneId);
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(expect.arrayContaining(memberIds));
    // The shared phone is hidden in the view: the package's picture must leave it out.
    await hook().select(phoneId);
    await page.keyboard.press('h');
    await expect.poll(() => hook().visibleNodeIds(), { timeout: 10_000 }).not.toContain(phoneId);
    viewNodeIds = await nodeIds();
    viewPositions = new Map(await Promise.all(memberIds.map(async (id) => [id, (await hook().modelPosition(id))!] as const)));

    await page.getByTestId('save-view-to-case').click();
    const dialog = page.getByTestId('save-view-dialog');
    await expect.poll(() => dialog.getByTestId('save-view-case').inputValue(), { timeout: 15_000 }).toBe(caseId);
    await dialog.getByTestId('save-view-name').fill('Ring overview');
    await dialog.getByTestId('save-view-choose').locator('input').check();
    await saveScreenshot(page, 'case-views-01-save-dialog');
    await dialog.getByTestId('save-view-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('workspace-notice').textContent()).toBe(`View "Ring overview" saved to case ${caseId}.`);
  });

  it('lists the view on the case page, marked as the evidence picture', async () => {
    await openCasePage();
    const view = page.getByTestId('case-view');
    await expect.poll(() => view.count(), { timeout: 15_000 }).toBe(1);
    expect(await view.getByTestId('case-view-name').textContent()).toBe('Ring overview');
    expect(await view.getByTestId('case-view-chosen').textContent()).toBe('Evidence picture');
    await page.getByTestId('case-views-section').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'case-views-02-case-page');
  });

  it('exports an evidence package whose picture follows the view and which still verifies', async () => {
    await page.getByTestId('case-detail').getByTestId('export-evidence').click();
    const dialog = page.getByRole('dialog', { name: 'Export an evidence package' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByTestId('evidence-result').waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: /^Download / }).click()]);
    const zipBytes = await readFile(await download.path());
    const verification = await verifyEvidencePackage(zipBytes, { teamPublicKey: publicKeyOf(await loadDemoTeamKey(dataDir)) });
    expect(verification.problems).toEqual([]);
    expect(verification.valid).toBe(true);

    const pdf = (await readZip(zipBytes)).find((entry) => entry.name === 'report.pdf')!.content;
    expect(pdfText(pdf)).toContain(`Drawnasinthecase'schosenview"Ringoverview"`);
    expect(pdfText(pdf)).toContain('1nodetheviewhidesisleftoutofthepicture');
    // The members' labels in the picture (its small print) run left to right as the view placed them.
    const pictureOrder = pdfWords(pdf).filter((word) => word.height < 10 && members.includes(word.text)).sort((a, b) => a.x - b.x).map((word) => word.text);
    const viewOrder = [...members].sort((a, b) => viewPositions.get(memberIds[members.indexOf(a)])!.x - viewPositions.get(memberIds[members.indexOf(b)])!.x);
    expect(pictureOrder).toEqual(viewOrder);

    const reportPath = path.join(dataDir, 'report.pdf');
    await writeFile(reportPath, pdf);
    await execFileAsync('pdftoppm', ['-png', '-r', '100', reportPath, path.join(SCREENSHOT_DIR, 'case-views-03-evidence-report')]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('"Show in Explore" asks replace or add: replace clears the canvas, add keeps it, and Ctrl+Z undoes either', async () => {
    const showInExplore = async () => {
      await openCasePage();
      await page.getByTestId('case-detail').getByRole('button', { name: 'Show in Explore' }).click();
    };
    const before = await nodeIds();
    expect(before).toEqual(viewNodeIds);

    await openIntoCanvas(showInExplore, 'replace', 'case-views-04-open-mode');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(caseGraphIds);
    await saveScreenshot(page, 'case-views-05-replaced');
    await undo(before);

    await openIntoCanvas(showInExplore, 'add');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(sorted([...new Set([...before, ...caseGraphIds])]));
    expect(await hook().highlightedIds()).toEqual(expect.arrayContaining(memberIds));
    await undo(before);
  });

  it('"Open in Explore" puts the view back as saved (nodes, positions, hidden phone) instead of or beside the canvas, each undoable', async () => {
    const openView = async () => {
      await openCasePage();
      await page.getByTestId('case-view-open').click();
    };
    // Start from the case graph alone, so the view brings back what that lacks (the card).
    await openIntoCanvas(async () => {
      await openCasePage();
      await page.getByTestId('case-detail').getByRole('button', { name: 'Show in Explore' }).click();
    }, 'replace');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(caseGraphIds);
    const caseGraphOnly = await nodeIds();
    // Drawn beside the view, a node of the case graph keeps its place: remember where the members are now.
    const drawnPositions = new Map(await Promise.all(memberIds.map(async (id) => [id, (await hook().modelPosition(id))!] as const)));

    await openIntoCanvas(openView, 'replace');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(viewNodeIds);
    for (const id of memberIds) expect(await hook().modelPosition(id)).toEqual(viewPositions.get(id));
    expect(await hook().visibleNodeIds()).not.toContain(phoneId);
    expect(await hook().visibleNodeIds()).toContain(cardId);
    await saveScreenshot(page, 'case-views-06-view-opened');
    await undo(caseGraphOnly);

    await openIntoCanvas(openView, 'add');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(sorted([...new Set([...caseGraphIds, ...viewNodeIds])]));
    for (const id of memberIds) expect(await hook().modelPosition(id)).toEqual(drawnPositions.get(id));
    await undo(caseGraphOnly);
  });

  it('"Open ring" from Rings asks replace or add too: replace draws the ring alone, add keeps the canvas, Ctrl+Z undoes either', async () => {
    const before = await nodeIds();
    await openScreen('Rings');
    await page.getByTestId('run-detection').click();
    const top = page.getByTestId('ring-row').first();
    await top.waitFor({ timeout: 60_000 });
    const clusterId = (await apiCall<{ clusters: { clusterId: string }[] }>('rings', 'list', { limit: 1 })).clusters[0].clusterId;
    expect(await top.textContent()).toContain(clusterId);
    const ring = await apiCall<{ memberIds: string[]; identifierIds: string[]; reasons: { evidenceNodeIds: string[] }[] }>('rings', 'get', { clusterId });
    const ringNodeIds = [...new Set([...ring.memberIds, ...ring.identifierIds, ...ring.reasons.flatMap((reason) => reason.evidenceNodeIds)])];
    const ringGraphIds = sorted((await apiCall<Subgraph>('graph', 'subgraph', { nodeIds: ringNodeIds, includeSharedIdentifiers: true })).nodes.map((node) => node.id));
    expect(before.filter((id) => !ringGraphIds.includes(id)).length).toBeGreaterThan(0);
    const openRing = async () => {
      await openScreen('Rings');
      await top.getByTestId('open-in-explore').click();
    };

    await openIntoCanvas(openRing, 'replace');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(ringGraphIds);
    await undo(before);

    await openIntoCanvas(openRing, 'add');
    await expect.poll(nodeIds, { timeout: 15_000 }).toEqual(sorted([...new Set([...before, ...ringGraphIds])]));
    await saveScreenshot(page, 'case-views-07-ring-added');
    await undo(before);
    expect(pageErrors).toEqual([]);
  });
});
