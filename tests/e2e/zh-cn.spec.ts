/**
 * The main flows in Chinese, as a risk team in China uses RingScope: browsers whose language is
 * zh-CN open the workbench in Chinese (no CJK font on the machine: the app ships its own). Analyst
 * "ana" explores an account, runs ring detection, opens a case, tags it with a Chinese note and
 * submits it; team lead "lee" approves it, checks the audit chain and exports an evidence package
 * whose report.pdf is in Chinese, rendered to PNG beside the screenshots. Needs `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_OPTIONS, userIdOf } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { verifyEvidencePackage } from '../../main/core/evidence/verify-package';
import { readZip } from '../../main/core/evidence/zip-archive';
import { collectPageErrors, launchChromium, saveScreenshot, SCREENSHOT_DIR } from './support/chromium';
import { loadDemoTeamKey } from '../../main/core/trust/demo-team';
import { publicKeyOf } from '../../main/core/trust/signing';
import { pageUrl, startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

const execFileAsync = promisify(execFile);
const TAG_NOTE = '同一设备农场注册的虚假身份，手机号和银行卡交叉共用。';
const CASE_NOTE = '已与反欺诈中心核实：该团伙上月在其他平台有套现记录，建议全部拉黑。';
const APPROVAL = '证据充分，同意拉黑。';
const HAN = /[\u4e00-\u9fff]/;

describe('RingScope in Chinese (zh-CN)', () => {
  const demo = generateDemoDataset(DEFAULT_DEMO_OPTIONS);
  const ring = demo.plantedRings.filter((planted) => planted.kind === 'shared-identity' && planted.members.length >= 3).sort((a, b) => a.members.length - b.members.length)[0];
  const members = ring.members.map(userIdOf);
  let dataDir: string;
  let analystServer: RingScopeServer;
  let leadServer: RingScopeServer;
  let browser: Browser;
  let analyst: Page;
  let lead: Page;
  const pageErrors: string[][] = [];
  let caseId = '';
  let teamPublicKey = '';

  const openScreen = (page: Page, name: string) => page.locator('nav').getByRole('button', { name, exact: true }).click();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-zh-e2e-'));
    // The demo team key both servers certify the demo identities with; the package's signer is checked against it.
    teamPublicKey = publicKeyOf(await loadDemoTeamKey(dataDir));
    const shared = {
      RINGSCOPE_DATA_DIR: dataDir,
      RINGSCOPE_DEMO_SEED: String(DEFAULT_DEMO_OPTIONS.seed),
      RINGSCOPE_DEMO_ACCOUNTS: String(DEFAULT_DEMO_OPTIONS.accounts),
    };
    [analystServer, leadServer] = await Promise.all([startRingScopeServer(shared), startRingScopeServer(shared)]);
    browser = await launchChromium();
    // The browser's language is Chinese: RingScope starts in Chinese without being told.
    const context = { viewport: { width: 1440, height: 900 }, colorScheme: 'light' as const, locale: 'zh-CN' };
    analyst = await browser.newPage(context);
    lead = await browser.newPage(context);
    pageErrors.push(collectPageErrors(analyst), collectPageErrors(lead));
    await analyst.goto(pageUrl(analystServer));
    await lead.goto(pageUrl(leadServer));
  });

  afterAll(async () => {
    await browser?.close();
    await analystServer?.stop();
    await leadServer?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts in Chinese in a Chinese browser, switches to English and back, and remembers the choice', async () => {
    await expect.poll(() => analyst.locator('nav').textContent(), { timeout: 15_000 }).toBe('图探索团伙案件复核推送队列审计数据源');
    expect(await analyst.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The Han text is drawn with the app's own Noto Sans SC (shipped as woff2 only), not a tofu fallback.
    const loadedHanFont = '(async () => { await document.fonts.ready; return [...document.fonts].some((face) => face.family.includes("Noto Sans SC") && face.status === "loaded"); })()';
    await expect.poll(() => analyst.evaluate(loadedHanFont), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => analyst.getByTestId('user-chip').textContent(), { timeout: 15_000 }).toBe('demo-analyst · 分析师');

    await analyst.getByTestId('language-switch').click();
    await analyst.getByTestId('language-en').click();
    await expect.poll(() => analyst.locator('nav').textContent(), { timeout: 15_000 }).toBe('ExploreRingsCasesReviewOutboxAuditConnect');
    await analyst.reload();
    await expect.poll(() => analyst.locator('nav').textContent(), { timeout: 15_000 }).toBe('ExploreRingsCasesReviewOutboxAuditConnect');

    await analyst.getByTestId('language-switch').click();
    await analyst.getByTestId('language-zh-CN').click();
    await expect.poll(() => analyst.locator('nav').textContent(), { timeout: 15_000 }).toBe('图探索团伙案件复核推送队列审计数据源');
  });

  it('explores an account in Chinese', async () => {
    const input = analyst.getByTestId('search-input');
    await input.fill(members[0]);
    await input.press('Enter');
    await analyst.getByTestId('search-result').filter({ hasText: members[0] }).first().click();
    const panel = analyst.getByTestId('details-panel');
    await panel.getByTestId('property-userId').filter({ hasText: members[0] }).waitFor();
    expect(await panel.textContent()).toContain('风险评分');
    expect(await analyst.getByTestId('source-name').textContent()).toBe('演示图');
    await analyst.waitForTimeout(1_200); // the layout settles
    await saveScreenshot(analyst, 'zh-01-explore');
  });

  it('runs ring detection with Chinese progress steps and a Chinese summary', async () => {
    await openScreen(analyst, '团伙');
    await analyst.getByTestId('run-detection').click();
    const steps = new Set<string>();
    const progress = analyst.getByTestId('detection-progress');
    while (!(await analyst.getByTestId('ring-row').count())) {
      const text = await progress.locator('p').first().textContent({ timeout: 500 }).catch(() => null);
      if (text) steps.add(text);
      await analyst.waitForTimeout(100);
    }
    expect([...steps].some((step) => step.startsWith('正在'))).toBe(true);
    await expect.poll(() => analyst.getByTestId('rings-summary').textContent()).toMatch(/^[\d,]+ 个团伙中标记 \d+ 个 · 20,000 个账户/);
    expect(await analyst.getByTestId('rings-screen').textContent()).toContain('共用身份');
    await saveScreenshot(analyst, 'zh-02-rings');
  });

  it('opens a case on the account, tags it with a Chinese note and submits it for review', async () => {
    await openScreen(analyst, '图探索');
    await analyst.getByTestId('new-case-with-account').click();
    await analyst.getByTestId('case-detail').waitFor();
    expect(await analyst.getByTestId('case-title').textContent()).toBe(`账户 ${members[0]}`);
    caseId = /RS-\d{8}-[0-9a-f]{8}/.exec((await analyst.getByTestId('case-id').textContent()) ?? '')?.[0] ?? '';
    expect(caseId).not.toBe('');
    for (const [index, userId] of members.slice(1).entries()) {
      await analyst.getByTestId('add-member-input').fill(userId);
      await analyst.getByTestId('add-member').click();
      await expect.poll(() => analyst.getByTestId('case-detail').getByTestId('member-row').count()).toBe(index + 2);
    }
    expect(await analyst.getByTestId('case-title').textContent()).toBe(`账户 ${members[0]} 及另外 ${members.length - 1} 个`);

    await analyst.getByTestId('tag-reason-select').click();
    await analyst.getByRole('option', { name: '欺诈团伙' }).click();
    await analyst.getByTestId('tag-note-input').fill(TAG_NOTE);
    await analyst.getByTestId('save-tag').click();
    await analyst.getByRole('textbox', { name: '添加备注' }).fill(CASE_NOTE);
    await analyst.getByRole('button', { name: '保存备注' }).click();
    await analyst.getByTestId('case-detail').getByText(CASE_NOTE).first().waitFor();
    await expect.poll(() => analyst.getByTestId('submit-for-review').isEnabled()).toBe(true);
    await analyst.waitForTimeout(300);
    await saveScreenshot(analyst, 'zh-03-case');

    await analyst.getByTestId('submit-for-review').click();
    await expect.poll(() => analyst.getByTestId('case-detail').getByTestId('case-status').first().textContent()).toBe('待复核');
    await openScreen(analyst, '案件');
    await analyst.getByTestId('case-list-item').filter({ hasText: caseId }).waitFor();
    await saveScreenshot(analyst, 'zh-04-cases');
  });

  it('lets the team lead approve it on the Review screen, in Chinese', async () => {
    await lead.getByTestId('demo-identity-demo-lead').click();
    await expect.poll(() => lead.getByTestId('user-chip').textContent(), { timeout: 15_000 }).toBe('demo-lead · 组长');
    await openScreen(lead, '复核');
    await lead.getByTestId('review-queue-item').filter({ hasText: caseId }).click();
    await expect.poll(() => lead.getByTestId('review-evidence').getByTestId('member-row').count()).toBe(members.length);
    await lead.getByTestId('review-comment').fill(APPROVAL);
    await lead.waitForTimeout(300);
    await saveScreenshot(lead, 'zh-05-review');
    await lead.getByTestId('approve-case').click();
    await lead.getByTestId('review-result').waitFor();
    expect(await lead.getByTestId('review-result').textContent()).toContain(`${caseId} 已审批`);
  });

  it('verifies the audit chain on the Audit screen', async () => {
    await openScreen(lead, '审计');
    await lead.getByTestId('audit-row').first().waitFor();
    await lead.getByTestId('verify-chain').click();
    await expect.poll(() => lead.getByTestId('chain-result').textContent()).toMatch(/^哈希链完整：\d+ 条事件/);
    await saveScreenshot(lead, 'zh-06-audit');
  });

  it('exports an evidence package whose report is written in Chinese, Chinese notes included', async () => {
    await openScreen(lead, '案件');
    await lead.getByTestId('case-list-item').filter({ hasText: caseId }).click();
    await lead.getByTestId('case-detail').getByTestId('export-evidence').click();
    const dialog = lead.getByRole('dialog', { name: '导出证据包' });
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    await dialog.getByTestId('evidence-result').waitFor({ timeout: 60_000 });
    await saveScreenshot(lead, 'zh-07-evidence-export');

    const [download] = await Promise.all([lead.waitForEvent('download'), dialog.getByRole('link', { name: /^下载 / }).click()]);
    const zipBytes = await readFile(await download.path());
    const verification = await verifyEvidencePackage(zipBytes, { teamPublicKey });
    expect(verification.problems).toEqual([]);
    expect(verification.manifest).toMatchObject({ caseId, caseTitle: `账户 ${members[0]} 及另外 ${members.length - 1} 个` });

    const files = new Map((await readZip(zipBytes)).map((entry) => [entry.name, entry.content]));
    const reportPdf = path.join(dataDir, 'report-zh.pdf');
    await writeFile(reportPdf, files.get('report.pdf') ?? Buffer.alloc(0));
    const { stdout } = await execFileAsync('pdftotext', ['-enc', 'UTF-8', reportPdf, '-']);
    const text = stdout.replace(/\s+/g, '');
    for (const expected of [CASE_NOTE, TAG_NOTE, APPROVAL, '证据包', '黑名单标记', '欺诈团伙', '审批通过']) expect(text).toContain(expected.replace(/\s+/g, ''));
    expect(text).not.toContain('??');
    expect(HAN.test(text)).toBe(true);
    await execFileAsync('pdftoppm', ['-png', '-r', '100', reportPdf, path.join(SCREENSHOT_DIR, 'zh-08-evidence-report')]);
  });

  it('kept both pages free of errors', () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
