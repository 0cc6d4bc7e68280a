/**
 * Money links in a real browser against the browser-mode server and the embedded demo graph: open a
 * laundering-cycle member's neighbourhood, click the folded transfer edge to the next member, read
 * each transaction behind it in the details panel, list the transactions among a selection (fitting
 * between both side panels), colour nodes by a styling rule that the legend then shows, edit its colours
 * and bounds, and see an opened ring's members coloured by the ring's score. Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_OPTIONS, userIdOf, type DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { formattersFor } from '../../renderer/i18n/format';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot } from './support/chromium';
import { startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

/** The pair of laundering-cycle members with the most transfers from one to the other, and those transfers oldest first. */
function parallelTransfers(dataset: DemoDataset) {
  let best: { from: number; to: number; rows: number[] } | null = null;
  for (const ring of dataset.plantedRings.filter((candidate) => candidate.kind === 'laundering-cycle')) {
    const members = new Set(ring.members);
    const rowsOf = new Map<string, number[]>();
    for (let row = 0; row < dataset.transfers.count; row++) {
      const from = dataset.transfers.from[row];
      const to = dataset.transfers.to[row];
      if (members.has(from) && members.has(to)) rowsOf.set(`${from}>${to}`, [...(rowsOf.get(`${from}>${to}`) ?? []), row]);
    }
    for (const [pair, rows] of rowsOf) {
      const [from, to] = pair.split('>').map(Number);
      if (!best || rows.length > best.rows.length) best = { from, to, rows };
    }
  }
  if (!best || best.rows.length < 2) throw new Error('The demo graph has no laundering-cycle members with parallel transfers');
  const rows = [...best.rows].sort((a, b) => dataset.transfers.at[a] - dataset.transfers.at[b]);
  return {
    from: userIdOf(best.from),
    to: userIdOf(best.to),
    transfers: rows.map((row) => ({ amount: Math.round(dataset.transfers.amount[row] * 100) / 100, at: new Date(dataset.transfers.at[row]).toISOString() })),
  };
}

describe('Money links: read a folded link, list transactions, style by a rule', () => {
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const fixture = parallelTransfers(generateDemoDataset(DEFAULT_DEMO_OPTIONS));
  const edgeId = `account:${fixture.from}-TRANSFERRED_TO->account:${fixture.to}`;
  const format = formattersFor('en');
  /** Layouts animate; screenshots wait for them to settle. */
  const settle = () => page.waitForTimeout(1_200);

  beforeAll(async () => {
    server = await startRingScopeServer({ RINGSCOPE_DEMO_SEED: String(DEFAULT_DEMO_OPTIONS.seed), RINGSCOPE_DEMO_ACCOUNTS: String(DEFAULT_DEMO_OPTIONS.accounts) });
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkbenchPage(browser, server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the parallel transfers between two cycle members as one edge labelled with count and total', async () => {
    await page.getByTestId('search-input').fill(fixture.from);
    await page.getByTestId('search-input').press('Enter');
    const result = page.getByTestId('search-result').filter({ hasText: fixture.from });
    await result.first().click({ timeout: 15_000 });
    await expect.poll(() => graphHook(page).edges().then((edges) => edges.map((edge) => edge.id)), { timeout: 15_000 }).toContain(edgeId);
    const edges = (await graphHook(page).edges()).filter((edge) => edge.source === `account:${fixture.from}` && edge.target === `account:${fixture.to}`);
    expect(edges).toHaveLength(1);
    const total = Math.round(fixture.transfers.reduce((sum, transfer) => sum + transfer.amount, 0) * 100) / 100;
    expect(edges[0].properties).toMatchObject({ count: fixture.transfers.length, totalAmount: total });
    const drawn = await graphHook(page).drawnData(edgeId);
    expect(drawn?.data.label).toBe(`${fixture.transfers.length}× ${format.number(total, 2)}`);
    expect(drawn?.data.moneyWidth).toBeGreaterThan(1.5);
    await settle();
    await saveScreenshot(page, 'money-01-folded-edge');
  });

  it('clicking the link shows its kind, count, total and each transaction with amount and time', async () => {
    const at = (await graphHook(page).edgeClientPosition(edgeId))!;
    await page.mouse.click(at.x, at.y);
    // A real click can land on a label or node overlapping the midpoint; the hook selects as a tap would.
    if (!(await page.getByTestId('link-details').isVisible())) await graphHook(page).selectEdge(edgeId);
    const panel = page.getByTestId('link-details');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('link-kind').textContent()).toBe('Money transfer');
    expect(await panel.getByTestId('link-count').textContent()).toBe(String(fixture.transfers.length));
    const rows = panel.getByTestId('link-transaction');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(fixture.transfers.length);
    const [first] = fixture.transfers;
    expect(await rows.first().getByTestId('link-transaction-amount').textContent()).toBe(format.number(first.amount, 2));
    expect(await rows.first().getByTestId('link-transaction-time').textContent()).toBe(format.dateTime(first.at));
    await saveScreenshot(page, 'money-02-link-details');
  });

  it('lists every money link among the selection in the transactions table', async () => {
    await page.getByTestId('tab-selection').click();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByTestId('show-transactions').click();
    const drawer = page.getByTestId('transactions-drawer');
    await drawer.waitFor();
    const table = drawer.getByRole('table', { name: 'Transactions among the selection' });
    await table.waitFor({ timeout: 15_000 });
    const pairRows = table.getByRole('row').filter({ hasText: fixture.from }).filter({ hasText: fixture.to });
    await expect.poll(() => pairRows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(fixture.transfers.length);
    expect(await drawer.getByText(/^\d+ of \d+ transactions$/).textContent()).toMatch(/^(\d+) of \1 transactions$/);
    await saveScreenshot(page, 'money-03-transactions-table');
  });

  it('fits the transactions table between both side panels without scrolling sideways, at 1440×900 and 1280×800', async () => {
    // The link details panel on the right, the search/selection panel on the left, the table between them.
    if (!(await page.getByTestId('link-details').isVisible())) await graphHook(page).selectEdge(edgeId);
    await page.getByTestId('link-details').waitFor();
    const drawer = page.getByTestId('transactions-drawer');
    type Box = { scrollWidth: number; clientWidth: number };
    type DomWindow = { document: { scrollingElement: Box; querySelector(selector: string): { parentElement: Box } } };
    const widths = () =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as DomWindow;
        // The table's scrolling box (MUI's TableContainer).
        const table = document.querySelector('[data-testid="transactions-drawer"] table').parentElement;
        const root = document.scrollingElement;
        return { table: table.scrollWidth - table.clientWidth, page: root.scrollWidth - root.clientWidth };
      });
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ]) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => widths().then((measured) => measured.table), { timeout: 10_000 }).toBeLessThanOrEqual(0);
      expect((await widths()).page).toBeLessThanOrEqual(0);
      // Every column header is still there to read and sort by.
      for (const name of ['Time', 'From', 'To', 'Kind', 'Amount', 'Currency']) expect(await drawer.getByRole('button', { name }).isVisible()).toBe(true);
      await saveScreenshot(page, `money-03-transactions-both-panels-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await drawer.getByRole('button', { name: 'Close the transactions' }).click();
  });

  it('adds a styling rule: nodes take its colours and the legend shows it', async () => {
    await page.getByTestId('tab-filters').click();
    await page.getByRole('combobox', { name: 'Property' }).click();
    await page.getByRole('option', { name: 'riskScore', exact: true }).click();
    await page.getByTestId('add-style-rule').click();
    const legendRule = page.getByTestId('legend').getByTestId('legend-style-rule');
    await legendRule.waitFor();
    expect(await legendRule.textContent()).toContain('Node colour by riskScore');
    const colours = await Promise.all((await graphHook(page).nodeIds()).map((id) => graphHook(page).drawnData(id).then((drawn) => drawn?.data.ruleColor)));
    expect(new Set(colours.filter(Boolean)).size).toBeGreaterThan(1);
    await settle();
    await saveScreenshot(page, 'money-04-style-rule');
  });

  it("edits the rule's colours and bounds in the panel: the canvas and the legend follow, undo brings the old colour back", async () => {
    const nodeColours = async () => Object.fromEntries(await Promise.all((await graphHook(page).nodeIds()).map(async (id) => [id, (await graphHook(page).drawnData(id))?.data.ruleColor ?? null] as const)));
    const before = await nodeColours();
    await page.getByTestId('style-rule').getByRole('button', { name: 'Edit colours and ranges' }).click();
    const editor = page.getByTestId('style-rule-editor');
    await editor.waitFor();
    // A bound that leaves the next range holding nothing is refused with a reason, and Apply waits.
    const secondUpper = editor.getByLabel('Upper bound of Range 2');
    const upper = await secondUpper.inputValue();
    await editor.getByLabel('Upper bound of Range 1').fill(String(Number(upper) + 1));
    expect(await editor.getByTestId('style-rule-issue').first().textContent()).toBe('Range 2 holds no value: its lower bound must be below its upper bound.');
    expect(await editor.getByTestId('apply-style-rule').isDisabled()).toBe(true);
    await editor.getByTestId('style-rule-issue').first().scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'money-06-style-rule-invalid-bound');
    await editor.getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('style-rule').getByRole('button', { name: 'Edit colours and ranges' }).click();
    await editor.getByLabel('Colour for Range 1').fill('#4e79a7');
    await editor.getByTestId('apply-style-rule').click();
    const firstRange = Object.entries(before).filter(([, colour]) => colour === '#B4A7D6').map(([id]) => id);
    expect(firstRange.length).toBeGreaterThan(0);
    await expect.poll(() => nodeColours().then((colours) => firstRange.map((id) => colours[id])), { timeout: 10_000 }).toEqual(firstRange.map(() => '#4e79a7'));
    // Nodes in the other ranges keep their colours.
    const after = await nodeColours();
    for (const [id, colour] of Object.entries(before)) if (!firstRange.includes(id)) expect(after[id]).toBe(colour);
    const legendSwatch = page.getByTestId('legend').getByTestId('legend-style-swatch').first();
    expect(await legendSwatch.evaluate((swatch) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(swatch).backgroundColor)).toBe('rgb(78, 121, 167)');
    await settle();
    await saveScreenshot(page, 'money-07-style-rule-edited');

    // The edit is one canvas command: undo brings the first colour back, a second undo takes the rule away.
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeColours().then((colours) => firstRange.map((id) => colours[id])), { timeout: 10_000 }).toEqual(firstRange.map(() => '#B4A7D6'));
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('legend').getByTestId('legend-style-rule').count()).toBe(0);
  });

  it('colours the members of an opened ring by the higher of their own risk and the ring score', async () => {
    await page.getByRole('button', { name: 'Rings' }).click();
    await page.getByTestId('run-detection').click();
    const top = page.getByTestId('ring-row').first();
    await top.waitFor({ timeout: 60_000 });
    const ringScore = Number(await top.getByTestId('ring-score').textContent());
    expect(ringScore).toBeGreaterThanOrEqual(0.7);
    await top.getByTestId('open-in-explore').click();
    await page.getByRole('button', { name: 'Replace the canvas' }).click();
    await expect.poll(() => graphHook(page).highlightedIds().then((ids) => ids.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const members = await graphHook(page).highlightedIds();
    const drawn = await Promise.all(members.map((id) => graphHook(page).drawnData(id)));
    // Every member of a high-scoring ring reads high, whatever its own model score.
    expect(drawn.map((member) => member?.classes.find((name) => name.startsWith('risk-')))).toEqual(members.map(() => 'risk-high'));
    expect(drawn.some((member) => typeof member?.data.riskScore === 'number' && member.data.riskScore >= ringScore)).toBe(true);
    expect(await page.getByTestId('legend-ring-halo').textContent()).toContain("higher of its own risk and the ring's score");
    await settle();
    await saveScreenshot(page, 'money-05-ring-members');
  });

  it('raised no page or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
