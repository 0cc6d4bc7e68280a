// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethodPaths, type ApiEnvelope, type GraphNode, type PathsInput } from '../../../main/api';
import { createDesktopBridge, type RingScopePreloadBridge } from '../../../renderer/api/desktop-bridge';
import { PathDialog } from '../../../renderer/explore/PathDialog';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const account = (id: string): GraphNode => ({ id: `account:${id}`, kind: 'account', key: id, label: id, properties: {}, riskScore: null, blacklisted: false, degree: 2 });
const ends = { from: account('U0000001'), to: account('U0000002') };
const mapped = [
  { type: 'USES_DEVICE', kind: 'identifier', identifierKind: 'device', mappedAs: 'identifier' },
  { type: 'HAS_PHONE', kind: 'identifier', identifierKind: 'phone', mappedAs: 'identifier' },
  { type: 'TRANSFERRED_TO', kind: 'transfer', identifierKind: null, mappedAs: 'transfer' },
  { type: 'REFERRED', kind: 'identifier', identifierKind: null, mappedAs: 'account-link' },
  { type: 'Transaction', kind: 'transfer', identifierKind: null, mappedAs: 'event-link' },
];

/** The Api as the desktop shell gives it, with the mapping above and graph.paths answering `answer`. */
function apiWithPaths(answer: (input: PathsInput) => ApiEnvelope<unknown>) {
  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { area, name } of apiMethodPaths) {
    areas[area] ??= {};
    areas[area][name] = async () => ({ ok: false, error: { code: 'not_found', message: 'not in this test' } });
  }
  areas.graph.pathLinkTypes = async () => ({ ok: true, value: { linkTypes: mapped } });
  areas.graph.paths = async (input) => answer(input as PathsInput);
  return createDesktopBridge({ ...areas, events: { onProgress: () => () => undefined } } as unknown as RingScopePreloadBridge);
}

const none = (input: PathsInput): ApiEnvelope<unknown> => ({ ok: true, value: { status: 'no_path_within_hops', maxHops: input.maxHops, length: null, paths: [], truncated: false, nodes: [], edges: [] } });

describe('PathDialog', () => {
  it('offers the mapped link kinds, sends only the chosen ones with the length and mode, and says when no path is that short', async () => {
    const asked = vi.fn(none);
    const onFound = vi.fn();
    renderWithProviders(<PathDialog ends={ends} onClose={vi.fn()} onFound={onFound} />, apiWithPaths(asked));
    const phone = await screen.findByRole('checkbox', { name: 'Phone' });
    // A direct account link and an event-node link read by the team's own names, with what they are.
    expect(screen.getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual(['Device', 'Phone', 'Money transfer', 'REFERRED (account link)', 'Transaction (money via event nodes)']);
    fireEvent.click(phone);
    fireEvent.change(screen.getByTestId('path-max-hops'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('radio', { name: 'All shortest paths, at most' }));
    fireEvent.click(screen.getByTestId('path-submit'));
    expect((await screen.findByTestId('path-none')).textContent).toBe('No path within 3 hops between U0000001 and U0000002. Allow longer paths or more link kinds.');
    expect(asked).toHaveBeenCalledWith(expect.objectContaining({ fromId: 'account:U0000001', toId: 'account:U0000002', linkTypes: ['USES_DEVICE', 'TRANSFERRED_TO', 'REFERRED', 'Transaction'], maxHops: 3, all: true, limit: 25 }));
    expect(onFound).not.toHaveBeenCalled();
  });

  it('refuses a maximum length outside 1–10 before asking, and hands a found path to the canvas', async () => {
    const path = { nodeIds: ['account:U0000001', 'device:1', 'account:U0000002'], edgeIds: ['e1', 'e2'] };
    const asked = vi.fn((): ApiEnvelope<unknown> => ({ ok: true, value: { status: 'found', maxHops: 6, length: 2, paths: [path], truncated: false, nodes: [], edges: [] } }));
    const onFound = vi.fn();
    renderWithProviders(<PathDialog ends={ends} onClose={vi.fn()} onFound={onFound} />, apiWithPaths(asked));
    await screen.findByRole('checkbox', { name: 'Device' });
    fireEvent.change(screen.getByTestId('path-max-hops'), { target: { value: '11' } });
    expect(screen.getByText('Enter a whole number from 1 to 10')).toBeTruthy();
    expect((screen.getByTestId('path-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('path-max-hops'), { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('path-submit'));
    await waitFor(() => expect(onFound).toHaveBeenCalledWith(expect.objectContaining({ status: 'found', paths: [path] })));
    expect(asked).toHaveBeenCalledTimes(1);
  });
});
