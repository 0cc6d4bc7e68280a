// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethodPaths, type ApiEnvelope, type SearchHit } from '../../../main/api';
import { createDesktopBridge, type RingScopePreloadBridge } from '../../../renderer/api/desktop-bridge';
import { SearchPanel } from '../../../renderer/explore/SearchPanel';
import { useSearch } from '../../../renderer/explore/use-search';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

/** The Api as the desktop shell would give it, with graph.search answering `answer`. */
function apiWithSearch(answer: (input: { query: string }) => ApiEnvelope<unknown>) {
  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { area, name } of apiMethodPaths) {
    areas[area] ??= {};
    areas[area][name] = async () => ({ ok: false, error: { code: 'not_found', message: 'not in this test' } });
  }
  areas.graph.search = async (input) => answer(input as { query: string });
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
});
