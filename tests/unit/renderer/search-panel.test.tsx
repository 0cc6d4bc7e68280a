// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethodPaths, type ApiEnvelope, type GraphNode, type SearchHit } from '../../../main/api';
import { createDesktopBridge, type RingScopePreloadBridge } from '../../../renderer/api/desktop-bridge';
import { SearchPanel } from '../../../renderer/explore/SearchPanel';
import { useSearch } from '../../../renderer/explore/use-search';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const noFullTextMatches = (): ApiEnvelope<unknown> => ({ ok: true, value: { method: 'fulltext', groups: [] } });

/** The Api as the desktop shell would give it, with graph.search answering `answer` and graph.textSearch `fullText`. */
function apiWithSearch(answer: (input: { query: string }) => ApiEnvelope<unknown>, fullText: (input: { query: string }) => ApiEnvelope<unknown> = noFullTextMatches) {
  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { area, name } of apiMethodPaths) {
    areas[area] ??= {};
    areas[area][name] = async () => ({ ok: false, error: { code: 'not_found', message: 'not in this test' } });
  }
  areas.graph.search = async (input) => answer(input as { query: string });
  areas.graph.textSearch = async (input) => fullText(input as { query: string });
  return createDesktopBridge({ ...areas, events: { onProgress: () => () => undefined } } as unknown as RingScopePreloadBridge);
}

function SearchWithApi({ onOpen }: { onOpen(hit: SearchHit): void }) {
  const search = useSearch();
  const [query, setQuery] = useState('');
  return <SearchPanel query={query} onQueryChange={setQuery} onSearch={search.search} state={search} onOpen={onOpen} selectedId={null} />;
}

function searchFor(text: string) {
  const input = screen.getByTestId('search-input');
  fireEvent.change(input, { target: { value: text } });
  fireEvent.submit(input.closest('form')!);
  return input;
}

const hit: SearchHit = {
  matchedOn: 'phoneNumber',
  node: { id: 'phone:1', kind: 'phone', key: '+49 ••• ••• 67', label: '+49 ••• ••• 67', properties: {}, riskScore: null, blacklisted: false, degree: 3 },
};

describe('SearchPanel', () => {
  it('shows the field message of an invalid_input error under the search box', async () => {
    const api = apiWithSearch(() => ({
      ok: false,
      error: {
        code: 'invalid_input',
        reason: 'input_invalid',
        message: 'Invalid input for graph.search — query: type an account id, phone number, device id or card number',
        fields: [{ path: 'query', message: 'type an account id, phone number, device id or card number' }],
      },
    }));
    renderWithProviders(<SearchWithApi onOpen={vi.fn()} />, api);
    const input = searchFor('   ');
    expect(await screen.findByText('type an account id, phone number, device id or card number')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells the user to check the server when it cannot be reached', async () => {
    const api = apiWithSearch(() => ({ ok: false, error: { code: 'unavailable', reason: 'server_unreachable', message: 'connect ECONNREFUSED 127.0.0.1:5178' } }));
    renderWithProviders(<SearchWithApi onOpen={vi.fn()} />, api);
    searchFor('U0000042');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Cannot reach RingScope's server: check that it is running");
    expect(alert.textContent).not.toContain('ECONNREFUSED');
  });

  it('lists the hits with what they matched on, and opens the one clicked', async () => {
    const onOpen = vi.fn();
    renderWithProviders(<SearchWithApi onOpen={onOpen} />, apiWithSearch(() => ({ ok: true, value: { hits: [hit] } })));
    searchFor('+4917025487867');
    const results = await screen.findAllByTestId('search-result');
    expect(results).toHaveLength(1);
    expect(results[0].textContent).toContain('+49 ••• ••• 67');
    expect(results[0].textContent).toContain('Phone · matched on phoneNumber');
    expect(screen.getByRole('status').textContent).toBe('1 match');
    fireEvent.click(results[0]);
    expect(onOpen).toHaveBeenCalledWith(hit);
  });

  it('says so when nothing matches', async () => {
    renderWithProviders(<SearchWithApi onOpen={vi.fn()} />, apiWithSearch(() => ({ ok: true, value: { hits: [] } })));
    searchFor('U9999999');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Nothing matches “U9999999”'));
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0);
  });

  it('lists full-text matches under a header per kind, says when a list is cut, and keeps exact matches on top', async () => {
    const merchant = (i: number): GraphNode => ({ id: `merchant:M${i}`, kind: 'merchant', key: `M${i}`, label: `Golden Dragon ${i}`, properties: {}, riskScore: null, blacklisted: false, degree: 2 });
    const onOpen = vi.fn();
    const exact: SearchHit = { matchedOn: 'merchantId', node: merchant(0) };
    const fullText = () => ({
      ok: true as const,
      value: {
        method: 'fulltext',
        groups: [
          { kind: 'merchant', hits: Array.from({ length: 20 }, (_, i) => ({ node: merchant(i), matchedOn: 'name' })), total: 134, totalIsLowerBound: false },
          { kind: 'address', hits: [{ node: { ...merchant(99), id: 'address:3', kind: 'address', label: 'Golden Road 3' }, matchedOn: 'address' }], total: 1, totalIsLowerBound: false },
        ],
      },
    });
    renderWithProviders(<SearchWithApi onOpen={onOpen} />, apiWithSearch(() => ({ ok: true, value: { hits: [exact] } }), fullText));
    searchFor('golden');
    const groups = await screen.findAllByTestId('search-group');
    expect(groups.map((group) => group.getAttribute('data-kind'))).toEqual(['merchant', 'address']);
    expect(screen.getAllByTestId('search-group-header').map((header) => header.textContent)).toEqual(['Merchant134', 'Address1']);
    // The exact match is listed once, above the groups.
    expect(screen.getAllByTestId('search-result')).toHaveLength(1);
    expect(within(groups[0]).getAllByTestId('search-group-hit')).toHaveLength(19);
    expect(within(groups[0]).getByTestId('search-group-cut').textContent).toBe('showing 20 of 134 — refine the search');
    expect(within(groups[1]).queryByTestId('search-group-cut')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('135 matches');
    fireEvent.click(within(groups[1]).getByTestId('search-group-hit'));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ node: expect.objectContaining({ id: 'address:3' }) }));
  });

  it('shows the full-text matches when only the exact search finds nothing', async () => {
    const fullText = () => ({ ok: true as const, value: { method: 'prefix', groups: [{ kind: 'card', hits: [{ node: { ...hit.node, id: 'card:4', kind: 'card', label: '•••• 4242' }, matchedOn: 'cardNumber' }], total: 3, totalIsLowerBound: true }] } });
    renderWithProviders(<SearchWithApi onOpen={vi.fn()} />, apiWithSearch(() => ({ ok: true, value: { hits: [] } }), fullText));
    searchFor('4242');
    expect((await screen.findByTestId('search-group-cut')).textContent).toBe('showing 1 of more than 3 — refine the search');
    expect(screen.getByTestId('search-group-header').textContent).toBe('Bank cardmore than 3');
  });
});
