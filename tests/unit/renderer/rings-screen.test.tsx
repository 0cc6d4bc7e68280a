// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMethodPaths, type ProgressEvent } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService } from '../../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { createDesktopBridge, type RingScopePreloadBridge } from '../../../renderer/api/desktop-bridge';
import { useWorkbench, WorkbenchProvider } from '../../../renderer/app/workbench';
import { RingsScreen } from '../../../renderer/rings/RingsScreen';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const dataset = generateDemoDataset({ seed: 20261125, accounts: 5_000 });

/** The renderer's Api backed by the real ring service over a small demo graph, as the desktop bridge would give it. */
function realRingsApi() {
  const source = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(dataset));
  const dispatcher = new ApiDispatcher({ ...createRingHandlers(new RingService({ source })) } as ApiHandlers);
  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { area, name } of apiMethodPaths) {
    areas[area] ??= {};
    areas[area][name] = (input) => dispatcher.call(area, name, input, { user: 'ana' });
  }
  const events = { onProgress: (listener: (event: ProgressEvent) => void) => dispatcher.onProgress(listener) };
  return createDesktopBridge({ ...areas, events } as unknown as RingScopePreloadBridge);
}

/** Shows what the Rings screen asked Explore to draw. */
function ExploreRequestProbe() {
  const { exploreRequest, activeScreen } = useWorkbench();
  return (
    <output data-testid="probe" data-screen={activeScreen} data-nodes={exploreRequest?.nodeIds.join(' ') ?? ''} data-highlight={exploreRequest?.highlightIds.join(' ') ?? ''}>
      {exploreRequest?.title}
    </output>
  );
}

function renderRings() {
  renderWithProviders(
    <WorkbenchProvider initialScreen="rings">
      <RingsScreen />
      <ExploreRequestProbe />
    </WorkbenchProvider>,
    realRingsApi(),
  );
}

describe('RingsScreen', () => {
  it('says detection has not run, runs it, and ranks flagged clusters with their reasons and the score chart', async () => {
    renderRings();
    expect(await screen.findByTestId('rings-empty')).toBeTruthy();
    fireEvent.click(screen.getByTestId('run-detection'));
    const rows = await screen.findAllByTestId('ring-row', {}, { timeout: 15_000 });
    const scores = rows.map((row) => Number(within(row).getByTestId('ring-score').textContent));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Reasons arrive as codes with parameters and read as sentences, never as the codes themselves.
    const reasons = rows.map((row) => within(row).getByTestId('ring-reasons').textContent ?? '').join('\n');
    expect(reasons).toMatch(/\d+ accounts share \d+ |\d+ of \d+ accounts opened within \d+ hours|money moved in a cycle through \d+ accounts|pay into one account|round amounts/);
    expect(reasons).not.toMatch(/shared_identifiers|opening_burst|money_cycle|blacklisted_members|fan_in|merchant_burst|\{\{/);
    expect(screen.getByTestId('score-histogram').querySelectorAll('rect')).toHaveLength(20);
    expect(screen.getByTestId('rings-summary').textContent).toMatch(/flagged of .* clusters · 5,000 accounts/);
  });

  it('offers upstream results with how many communities and members to load, and says they need a Neo4j connection on the demo graph', async () => {
    renderRings();
    expect(await screen.findByTestId('rings-empty')).toBeTruthy();
    expect(screen.queryByTestId('upstream-communities')).toBeNull();
    fireEvent.change(screen.getByTestId('detection-mode'), { target: { value: 'upstream' } });
    expect((screen.getByTestId('upstream-communities') as HTMLInputElement).value).toBe('200');
    fireEvent.click(screen.getByTestId('run-detection'));
    const message = await screen.findByTestId('error-message', {}, { timeout: 15_000 });
    expect(message.textContent).toContain('Upstream results are read from a connected Neo4j');
  });

  it('filters the list by ring kind', async () => {
    renderRings();
    fireEvent.click(screen.getByTestId('run-detection'));
    await screen.findAllByTestId('ring-row', {}, { timeout: 15_000 });
    const before = screen.getByTestId('rings-shown').textContent;
    fireEvent.click(screen.getByTestId('kind-filter-cash-out'));
    await waitFor(() => expect(screen.getByTestId('rings-shown').textContent).not.toBe(before));
    for (const chip of screen.queryAllByTestId('ring-kind')) expect(chip.textContent).toBe('Cash-out');
  });

  it('opens a cluster in Explore with its members highlighted and its score in the title', async () => {
    renderRings();
    fireEvent.click(screen.getByTestId('run-detection'));
    const [top] = await screen.findAllByTestId('ring-row', {}, { timeout: 15_000 });
    const score = within(top).getByTestId('ring-score').textContent;
    fireEvent.click(within(top).getByTestId('open-in-explore'));
    const probe = screen.getByTestId('probe');
    await waitFor(() => expect(probe.dataset.screen).toBe('explore'));
    const members = probe.dataset.highlight!.split(' ');
    expect(members.length).toBeGreaterThanOrEqual(3);
    expect(probe.dataset.nodes!.split(' ')).toEqual(expect.arrayContaining(members));
    expect(probe.dataset.nodes!.split(' ').length).toBeGreaterThan(members.length);
    expect(probe.textContent).toContain(`score ${score}`);
  });
});
