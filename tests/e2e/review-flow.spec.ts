/**
 * The four-eyes flow in real browsers against two real browser-mode servers sharing one data
 * directory, with the embedded demo's identities: the demo analyst opens a case on a planted
 * shared-identity ring through the UI, tags it and submits it (signed); the other window switches
 * to the demo team lead and approves it (signed, naming the submission). The reference scoring
 * receiver must accept exactly one request whose HMAC, signatures, certificate and four-eyes check
 * out, the Outbox shows it delivered, Explore shows the write-back and the audit chain verifies.
 * Then the lead exports a masked evidence package whose signature verifies under the demo team key;
 * he may not revoke his own approval, so the first window switches to the second demo lead, who
 * does: the receiver accepts one signed 'clear' decision and the write-back is gone.
 * Needs `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, type NodeDetails, type ScoringDecision, type SearchResult } from '../../main/api';
import { DEFAULT_DEMO_OPTIONS, userIdOf, type DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { sha256Hex, verifyEvidencePackage } from '../../main/core/evidence/verify-package';
import { readZip } from '../../main/core/evidence/zip-archive';
import { loadDemoTeamKey } from '../../main/core/trust/demo-team';
import { publicKeyOf } from '../../main/core/trust/signing';
import { maskPhoneNumber } from '../../main/core/privacy/mask';
import { ScoringReceiver } from '../support/scoring-receiver';
import { collectPageErrors, launchChromium, saveScreenshot, SCREENSHOT_DIR } from './support/chromium';
import { pageUrl, startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

const SECRET = 'e2e-scoring-secret-0123456789';
const execFileAsync = promisify(execFile);

/** The smallest planted shared-identity ring of the demo graph: its members' account indexes. */
function plantedRing(demo: DemoDataset): number[] {
  const rings = demo.plantedRings.filter((ring) => ring.kind === 'shared-identity' && ring.members.length >= 4);
  const smallest = rings.sort((a, b) => a.members.length - b.members.length)[0];
  if (!smallest) throw new Error('The demo graph has no shared-identity ring of 4 or more accounts');
  return smallest.members;
}

/** The raw phone numbers linked to these accounts, as the generator made them (never masked). */
function rawPhonesOf(demo: DemoDataset, accounts: readonly number[]): string[] {
  const wanted = new Set(accounts);
  const phoneKind = IDENTIFIER_KINDS.indexOf('phone');
  const { identifierLinks, identifiers } = demo;
  const phones = new Set<string>();
  for (let link = 0; link < identifierLinks.count; link++) {
    const identifier = identifierLinks.identifier[link];
    if (wanted.has(identifierLinks.account[link]) && identifiers.kind[identifier] === phoneKind) phones.add(identifiers.value[identifier]);
  }
  return [...phones];
}

/** Calls a server's Api as its page does (the server's identity applies). */
async function callApi<T>(server: RingScopeServer, method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${method}`, server.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...server.authHeaders },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.message}`);
  return envelope.value;
}

async function accountDetails(server: RingScopeServer, userId: string): Promise<NodeDetails['node']> {
  const { hits } = await callApi<SearchResult>(server, 'graph/search', { query: userId });
  const hit = hits.find((candidate) => candidate.node.kind === 'account' && candidate.node.key === userId);
  if (!hit) throw new Error(`No account ${userId}`);
  return (await callApi<NodeDetails>(server, 'graph/nodeDetails', { nodeId: hit.node.id })).node;
}

describe('Review flow: analyst tags and submits a planted ring, a team lead approves it', () => {
  const demo = generateDemoDataset(DEFAULT_DEMO_OPTIONS);
  const ring = plantedRing(demo);
  const members = ring.map(userIdOf);
  let dataDir: string;
  let receiver: ScoringReceiver;
  let analystServer: RingScopeServer;
  let leadServer: RingScopeServer;
  let browser: Browser;
  let analyst: Page;
  let lead: Page;
  const pageErrors: string[][] = [];
  let caseId = '';
  let teamPublicKey = '';

  const openScreen = (page: Page, name: string) => page.locator('nav').getByRole('button', { name, exact: true }).click();
  const memberRows = (page: Page) => page.getByTestId('case-detail').getByTestId('member-row');

  async function openCasePage(page: Page, id: string) {
    await openScreen(page, 'Cases');
    await page.getByTestId('case-list-item').filter({ hasText: id }).click();
    await expect.poll(() => page.getByTestId('case-detail').getByTestId('case-id').textContent()).toContain(id);
  }

  async function searchAndOpen(page: Page, userId: string) {
    const input = page.getByTestId('search-input');
    await input.fill(userId);
    await input.press('Enter');
    await page.getByTestId('search-result').filter({ hasText: userId }).first().click();
    await page.getByTestId('details-panel').getByTestId('property-userId').filter({ hasText: userId }).waitFor();
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-review-e2e-'));
    // The demo team key both servers certify the demo identities with; the receiver trusts it.
    teamPublicKey = publicKeyOf(await loadDemoTeamKey(dataDir));
    receiver = await ScoringReceiver.start({ secret: SECRET, teamPublicKey });
    const shared = {
      RINGSCOPE_DATA_DIR: dataDir,
      RINGSCOPE_SCORING_URL: receiver.url,
      RINGSCOPE_SCORING_SECRET: SECRET,
      RINGSCOPE_DEMO_SEED: String(DEFAULT_DEMO_OPTIONS.seed),
      RINGSCOPE_DEMO_ACCOUNTS: String(DEFAULT_DEMO_OPTIONS.accounts),
    };
    [analystServer, leadServer] = await Promise.all([startRingScopeServer(shared), startRingScopeServer(shared)]);
    browser = await launchChromium();
    analyst = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    lead = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    pageErrors.push(collectPageErrors(analyst), collectPageErrors(lead));
    await analyst.goto(pageUrl(analystServer));
    await lead.goto(pageUrl(leadServer));
  });

  afterAll(async () => {
    await browser?.close();
    await analystServer?.stop();
    await leadServer?.stop();
    await receiver?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts as the demo analyst, and the demo identity switch makes the second window the demo team lead', async () => {
    // The first look at each page also waits for the app to boot (seconds on a loaded CI machine).
    await expect.poll(() => analyst.getByTestId('user-chip').textContent(), { timeout: 15_000 }).toBe('demo-analyst · Analyst');
    await expect.poll(() => lead.getByTestId('user-chip').textContent(), { timeout: 15_000 }).toBe('demo-analyst · Analyst');
    expect(await lead.getByTestId('demo-identity-switch').textContent()).toContain('Demo identity');
    await lead.getByTestId('demo-identity-demo-lead').click();
    await expect.poll(() => lead.getByTestId('user-chip').textContent()).toBe('demo-lead · Team lead');
    await saveScreenshot(lead, 'review-00-demo-identity');
  });

  it('lets the analyst open a case from a ring member in Explore and add the other members', async () => {
    expect((await accountDetails(leadServer, members[0])).properties.blacklistCaseId).toBeUndefined();
    await searchAndOpen(analyst, members[0]);
    await analyst.getByTestId('new-case-with-account').click();

    await analyst.getByTestId('case-detail').waitFor();
    expect(await analyst.getByTestId('case-title').textContent()).toBe(`Account ${members[0]}`);
    caseId = /RS-\d{8}-[0-9a-f]{8}/.exec((await analyst.getByTestId('case-id').textContent()) ?? '')?.[0] ?? '';
    expect(caseId).not.toBe('');
    await expect.poll(() => memberRows(analyst).count()).toBe(1);

    for (const [index, userId] of members.slice(1).entries()) {
      await analyst.getByTestId('add-member-input').fill(userId);
      await analyst.getByTestId('add-member').click();
      await expect.poll(() => memberRows(analyst).count()).toBe(index + 2);
    }
    const listed = await memberRows(analyst).locator('td:first-child').allTextContents();
    expect([...listed].sort()).toEqual([...members].sort());
  });

  it('refuses to submit before the cluster is tagged, then tags it and submits it', async () => {
    expect(await analyst.getByTestId('submit-for-review').isDisabled()).toBe(true);
    expect(await analyst.getByTestId('case-actions-hint').textContent()).toContain('Tag the cluster');

    await analyst.getByTestId('tag-reason-select').click();
    await analyst.getByRole('option', { name: 'Fraud ring' }).click();
    const confidence = analyst.getByRole('slider');
    await confidence.focus();
    await confidence.press('ArrowRight');
    await confidence.press('ArrowRight');
    expect(await confidence.getAttribute('aria-valuenow')).toBe('90');
    await analyst.getByTestId('tag-note-input').fill('Shared devices and phones across all accounts, opened within days.');
    await analyst.getByTestId('save-tag').click();
    await expect.poll(() => analyst.getByTestId('submit-for-review').isEnabled()).toBe(true);
    await analyst.waitForTimeout(300); // the button's colour animates in
    await saveScreenshot(analyst, 'review-01-cases');

    await analyst.getByTestId('submit-for-review').click();
    await expect.poll(() => analyst.getByTestId('case-detail').getByTestId('case-status').first().textContent()).toBe('In review');
    expect(await analyst.getByTestId('case-tag').getByTestId('tag-summary').textContent()).toContain('Fraud ring');
    expect(await analyst.getByTestId('case-tag').getByTestId('tag-summary').textContent()).toContain('90%');
    await saveScreenshot(analyst, 'review-02-submitted');
  });

  it('does not let the analyst approve: the Review screen says why', async () => {
    await openScreen(analyst, 'Review');
    await analyst.getByTestId('review-queue-item').filter({ hasText: caseId }).click();
    expect(await analyst.getByTestId('approve-case').isDisabled()).toBe(true);
    expect(await analyst.getByTestId('reject-case').isDisabled()).toBe(true);
    expect(await analyst.getByTestId('review-block').textContent()).toContain('Only team leads can approve or reject, and demo-analyst is not one');
    await saveScreenshot(analyst, 'review-03-analyst-cannot-approve');
  });

  it('shows the case in the team lead’s queue with its evidence, and he approves it with a comment', async () => {
    await openScreen(lead, 'Review');
    await lead.getByTestId('review-queue-item').filter({ hasText: caseId }).click();
    const evidence = lead.getByTestId('review-evidence');
    await expect.poll(() => evidence.getByTestId('member-row').count()).toBe(members.length);
    expect(await evidence.getByTestId('tag-summary').textContent()).toContain('demo-analyst');
    await lead.getByTestId('review-comment').fill('Confirmed: one device farm behind all accounts.');
    await lead.waitForTimeout(300); // the comment's label animates up
    await saveScreenshot(lead, 'review-04-lead-review');

    await lead.getByTestId('approve-case').click();
    await lead.getByTestId('review-result').waitFor();
    expect(await lead.getByTestId('review-result').textContent()).toContain(`${caseId} approved`);
    await expect.poll(() => lead.getByTestId('review-queue-item').filter({ hasText: caseId }).count()).toBe(0);
  });

  it('delivers exactly one validly signed decision with the ring’s accounts to the scoring service', async () => {
    await expect.poll(() => receiver.applied.size, { timeout: 20_000 }).toBe(1);
    // Both servers run an outbox worker over the shared store: give a second delivery the chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.signatureValid).toBe(true);
    expect(request.refusal).toBeNull();
    expect(request.outcome).toBe('applied');
    const body = JSON.parse(request.body) as ScoringDecision;
    expect(request.idempotencyKey).toBe(body.decisionId);
    expect(body).toMatchObject({ caseId, decision: 'blacklist', reasonCode: 'fraud_ring', confidence: 0.9, approvedBy: 'demo-lead' });
    expect(body.submission).toMatchObject({ decision: 'submit', actor: 'demo-analyst' });
    expect(body.approval).toMatchObject({ decision: 'approve', actor: 'demo-lead' });
    expect(body.approverCertificate).toMatchObject({ subject: 'demo-lead', role: 'team_lead' });
    expect([...body.accounts].sort()).toEqual([...members].sort());
  });

  it('shows the delivery as delivered on the Outbox screen', async () => {
    await openScreen(lead, 'Outbox');
    const row = lead.getByTestId('outbox-row').filter({ hasText: caseId });
    await expect.poll(() => row.getByTestId('outbox-state').textContent(), { timeout: 15_000 }).toBe('Delivered');
    expect(await lead.getByTestId('outbox-endpoint').textContent()).toContain(receiver.url);
    await saveScreenshot(lead, 'review-05-outbox');
  });

  it('marks the ring’s accounts in the graph: Explore shows them blacklisted by the case', async () => {
    await openScreen(lead, 'Explore');
    await searchAndOpen(lead, members[1]);
    const panel = lead.getByTestId('details-panel');
    await expect.poll(() => panel.getByTestId('property-blacklistCaseId').textContent()).toContain(caseId);
    expect(await panel.getByText('Blacklisted', { exact: true }).first().isVisible()).toBe(true);
    await lead.waitForTimeout(1_200);
    await saveScreenshot(lead, 'review-06-write-back');
    for (const userId of members) expect((await accountDetails(leadServer, userId)).properties.blacklistCaseId).toBe(caseId);
  });

  it('verifies the audit chain on the Audit screen, with the whole story of the case', async () => {
    await openScreen(lead, 'Audit');
    await lead.getByTestId('audit-row').first().waitFor();
    const actions = await lead.getByTestId('audit-table').locator('tbody td:nth-child(4)').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['case.created', 'case.members_changed', 'case.tagged', 'case.submitted', 'case.approved', 'push.queued', 'push.delivered']));
    await lead.getByTestId('verify-chain').click();
    await expect.poll(() => lead.getByTestId('chain-result').textContent()).toMatch(/^Chain intact: \d+ events/);
    await saveScreenshot(lead, 'review-07-audit');
  });

  it('exports a masked evidence package from the lead’s case page that verifies and holds no raw phone number', async () => {
    await openCasePage(lead, caseId);
    await lead.getByTestId('case-detail').getByTestId('export-evidence').click();
    const dialog = lead.getByRole('dialog', { name: 'Export an evidence package' });
    expect(await dialog.getByRole('checkbox').isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByTestId('evidence-result').waitFor({ timeout: 60_000 });
    await saveScreenshot(lead, 'review-08-evidence-export');

    const [download] = await Promise.all([lead.waitForEvent('download'), dialog.getByRole('link', { name: /^Download / }).click()]);
    const zipBytes = await readFile(await download.path());
    expect(sha256Hex(zipBytes)).toBe(await dialog.getByTestId('evidence-sha256').textContent());
    const verification = await verifyEvidencePackage(zipBytes, { teamPublicKey });
    expect(verification.problems).toEqual([]);
    expect(verification.valid).toBe(true);
    expect(verification.manifest).toMatchObject({ caseId, exportedBy: 'demo-lead', includePii: false });
    expect(verification.signedBy).toMatchObject({ subject: 'demo-lead', role: 'team_lead' });

    const files = new Map((await readZip(zipBytes)).map((entry) => [entry.name, entry.content]));
    const nodesCsv = files.get('nodes.csv')?.toString('utf8') ?? '';
    const phones = rawPhonesOf(demo, ring);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) {
      expect(nodesCsv).not.toContain(phone);
      expect(nodesCsv).not.toContain(phone.replace(/\D/g, ''));
    }
    // The ring's shared phones are in the package, masked: the check above is not vacuous.
    expect(phones.filter((phone) => nodesCsv.includes(maskPhoneNumber(phone))).length).toBeGreaterThan(0);

    const reportPdf = path.join(dataDir, 'report.pdf');
    await writeFile(reportPdf, files.get('report.pdf') ?? Buffer.alloc(0));
    await execFileAsync('pdftoppm', ['-png', '-r', '100', reportPdf, path.join(SCREENSHOT_DIR, 'review-08-evidence-report')]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the analyst the approval made on the lead’s server, and does not let her revoke it: the case page says why', async () => {
    // Her case page still showed the case in review: coming back to Cases brings the lead's approval.
    await openCasePage(analyst, caseId);
    await expect.poll(() => analyst.getByTestId('case-detail').getByTestId('case-status').first().textContent()).toBe('Approved');
    await expect.poll(() => memberRows(analyst).locator('td:nth-child(3)').allTextContents()).toEqual(members.map(() => 'Yes'));
    expect(await analyst.getByTestId('revoke-approval').isDisabled()).toBe(true);
    expect(await analyst.getByTestId('revoke-block').textContent()).toBe('Only team leads can revoke an approval, and demo-analyst is not one.');
    await analyst.waitForTimeout(300); // the status chips change colour
    await saveScreenshot(analyst, 'review-09-revoke-analyst');
  });

  it('does not let the approving lead revoke his own approval: the case page says why', async () => {
    await openCasePage(lead, caseId);
    expect(await lead.getByTestId('revoke-approval').isDisabled()).toBe(true);
    expect(await lead.getByTestId('revoke-block').textContent()).toBe('Four-eyes rule: you approved this case, so another team lead must revoke the approval.');
  });

  it('lets the second demo lead revoke the approval with a required comment: the case opens again', async () => {
    await analyst.getByTestId('demo-identity-demo-lead-2').click();
    await expect.poll(() => analyst.getByTestId('user-chip').textContent()).toBe('demo-lead-2 · Team lead');
    await openCasePage(analyst, caseId);
    await analyst.getByTestId('revoke-approval').click();
    const dialog = analyst.getByRole('dialog', { name: `Revoke the approval of ${caseId}` });
    expect(await dialog.getByTestId('confirm-revoke').isDisabled()).toBe(true);
    await dialog.getByTestId('revoke-comment').fill('Customer proved identity at a branch: the shared devices are a kiosk.');
    await analyst.waitForTimeout(300); // the dialog fades in
    await saveScreenshot(analyst, 'review-09-revoke');

    await dialog.getByTestId('confirm-revoke').click();
    await dialog.waitFor({ state: 'hidden' });
    const detail = analyst.getByTestId('case-detail');
    await expect.poll(() => detail.getByTestId('case-status').first().textContent()).toBe('Open');
    expect(await detail.getByTestId('reviews-list').textContent()).toContain('Customer proved identity at a branch');
    expect(await analyst.getByTestId('revoke-approval').count()).toBe(0);
    const wasBlacklisted = ring.map((index) => (demo.accounts.blacklisted[index] === 1 ? 'Yes' : 'No'));
    await expect.poll(() => memberRows(analyst).locator('td:nth-child(3)').allTextContents()).toEqual(wasBlacklisted);
    await analyst.waitForTimeout(300); // the status chip changes colour
    await saveScreenshot(analyst, 'review-10-revoked');
  });

  it('sends the scoring service exactly one more validly signed request, a clear decision under a new key', async () => {
    await expect.poll(() => receiver.applied.size, { timeout: 20_000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.requests).toHaveLength(2);
    const [approval, clear] = receiver.requests;
    expect(clear.signatureValid).toBe(true);
    expect(clear.refusal).toBeNull();
    expect(clear.outcome).toBe('applied');
    expect(clear.idempotencyKey).not.toBe(approval.idempotencyKey);
    const body = JSON.parse(clear.body) as ScoringDecision;
    expect(clear.idempotencyKey).toBe(body.decisionId);
    expect(body).toMatchObject({ caseId, decision: 'clear', approvedBy: 'demo-lead-2' });
    expect(body.approval).toMatchObject({ decision: 'revoke', actor: 'demo-lead-2' });
    expect([...body.accounts].sort()).toEqual([...members].sort());
  });

  it('clears the write-back: Explore no longer shows the accounts blacklisted by the case', async () => {
    await openScreen(lead, 'Explore');
    // Nodes drawn before the revoke keep the state they were drawn with: start from an empty canvas.
    await lead.getByRole('button', { name: 'Clear the canvas' }).click();
    await searchAndOpen(lead, members[1]);
    const panel = lead.getByTestId('details-panel');
    await expect.poll(() => panel.getByTestId('property-blacklistCaseId').count()).toBe(0);
    await lead.waitForTimeout(1_200);
    await saveScreenshot(lead, 'review-11-write-back-cleared');
    for (const [index, userId] of members.entries()) {
      const account = await accountDetails(leadServer, userId);
      expect(account.properties.blacklistCaseId).toBeUndefined();
      expect(account.blacklisted).toBe(demo.accounts.blacklisted[ring[index]] === 1);
    }
  });

  it('raised no page or console errors', () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
