// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type ConnectionsListResult, type DiscoveredSchema, type SavedConnection } from '../../../main/api';
import { useWorkbench, WorkbenchProvider } from '../../../renderer/app/workbench';
import { ConnectScreen } from '../../../renderer/connect/ConnectScreen';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const DEMO_ACTIVE: ConnectionsListResult['active'] = { kind: 'embedded', name: 'Demo graph', accountCount: 20_000, connectionId: null };

const saved: SavedConnection = {
  id: 'fraud-prod',
  name: 'Fraud graph',
  uri: 'neo4j+s://graph.example.com:7687',
  user: 'analyst',
  database: 'fraud',
  schemaMapping: null,
  schemaMappingInvalidFields: [],
  hasStoredPassword: false,
};

const discovered: DiscoveredSchema = {
  labels: ['Customer', 'Handset'],
  relationshipTypes: ['OWNS'],
  nodeProperties: { Customer: ['customerId', 'score'], Handset: ['imei'] },
  relationshipProperties: {},
  proposedMapping: {
    account: { labels: ['Customer'], idProperty: 'customerId', createdAtProperty: null, riskScoreProperty: 'score', blacklistedProperty: null, knownGoodProperty: null, communityProperty: null },
    identifiers: [{ kind: 'device', displayName: null, icon: null, label: 'Handset', valueProperty: 'imei', relationshipType: 'OWNS', direction: 'from-account', weight: null, masking: 'mask' }],
    transfer: null,
    payment: null,
    accountLinks: [],
    eventLinks: [],
  },
  notes: [{ code: 'no-transfers', params: { relationshipType: 'TRANSFERRED_TO' } }],
};

/** The part of the Api the Connect screen uses; every other area is absent on purpose. */
function fakeApi(options: { canStorePasswords?: boolean; connections?: SavedConnection[]; active?: ConnectionsListResult['active'] } = {}) {
  let active = options.active ?? DEMO_ACTIVE;
  const connections = {
    list: vi.fn(async () => ({ connections: options.connections ?? [], canStorePasswords: options.canStorePasswords ?? false, active })),
    test: vi.fn(async () => ({ serverVersion: '5.26.0', edition: 'community', database: 'neo4j', accountCount: 20_000 })),
    save: vi.fn(async (input: Record<string, unknown>) => ({ ...saved, ...input, id: (input.id as string | undefined) ?? 'new-connection', hasStoredPassword: false }) as SavedConnection),
    connect: vi.fn(async ({ connectionId }: { connectionId?: string }) => {
      active = { kind: 'neo4j', name: 'Neo4j', accountCount: 20_000, connectionId: connectionId ?? null };
      return active;
    }),
    useDemo: vi.fn(async () => DEMO_ACTIVE),
    remove: vi.fn(async () => ({ removed: true })),
  };
  const schema = { discover: vi.fn(async () => discovered), save: vi.fn(async () => saved) };
  return { api: { connections, schema } as unknown as Api, connections, schema };
}

function ActiveScreen() {
  return <span data-testid="active-screen">{useWorkbench().activeScreen}</span>;
}

function renderScreen(api: Api) {
  return renderWithProviders(
    <WorkbenchProvider initialScreen="connect">
      <ActiveScreen />
      <ConnectScreen />
    </WorkbenchProvider>,
    api,
  );
}

function fill(field: string, value: string) {
  fireEvent.change(screen.getByTestId(`connection-${field}`), { target: { value } });
}

async function fillValidForm() {
  await screen.findByTestId('demo-source');
  fill('name', 'Local test server');
  fill('uri', 'bolt://127.0.0.1:7687');
  fill('user', 'neo4j');
  fill('password', 'secret-password');
}

describe('the Connect screen', () => {
  it('names what is wrong with each field and calls nothing while the form is invalid', async () => {
    const { api, connections } = fakeApi();
    renderScreen(api);
    await screen.findByTestId('demo-source');
    fill('uri', 'http://graph.example.com');
    fill('user', '');
    fireEvent.click(screen.getByTestId('connect-button'));

    const form = screen.getByRole('form');
    expect(within(form).getByText('Give the connection a name')).toBeTruthy();
    expect(within(form).getByText(/^Must look like bolt:\/\/host:7687/)).toBeTruthy();
    expect(within(form).getAllByText('Required')).toHaveLength(2); // user and password
    fireEvent.click(screen.getByTestId('test-connection'));
    expect(connections.save).not.toHaveBeenCalled();
    expect(connections.test).not.toHaveBeenCalled();
  });

  it('tests the typed settings and shows the server version, edition and database', async () => {
    const { api, connections } = fakeApi();
    renderScreen(api);
    await fillValidForm();
    fireEvent.click(screen.getByTestId('test-connection'));

    const result = await screen.findByTestId('test-result');
    expect(result.textContent).toContain('Connection works');
    expect(result.textContent).toContain('Neo4j 5.26.0 (community) · neo4j database');
    expect(result.textContent).toContain('20,000 accounts');
    expect(connections.test).toHaveBeenCalledWith({
      settings: { name: 'Local test server', uri: 'bolt://127.0.0.1:7687', user: 'neo4j', database: null, schemaMapping: null },
      password: 'secret-password',
    });
  });

  it.each([
    ['auth_failed', { reason: 'credentials_rejected', params: { server: 'bolt://127.0.0.1:7687' } }, 'Neo4j at bolt://127.0.0.1:7687 rejected the user name or password.', 'Wrong user name or password'],
    ['not_found', { reason: 'database_missing', params: { server: 'bolt://127.0.0.1:7687', database: 'fraud' } }, 'Neo4j at bolt://127.0.0.1:7687 has no database named "fraud": fix the name, or leave it empty for the default database.', 'Unknown database'],
    [
      'unavailable',
      { reason: 'neo4j_tls_mismatch', params: { server: 'bolt://127.0.0.1:7687', suggested: 'bolt+s://127.0.0.1:7687' } },
      'Neo4j at bolt://127.0.0.1:7687 answered, but the encryption does not match: switch the address to bolt+s://127.0.0.1:7687.',
      'Neo4j did not accept the connection',
    ],
  ] as const)('shows a failed test (%s) with its kind as the title and advice for its reason, not the server text', async (code, details, message, title) => {
    const { api, connections } = fakeApi();
    connections.test.mockRejectedValueOnce(new ApiError(code, 'raw driver text: Neo.ClientError.Security.Unauthorized at 0x7f', details));
    renderScreen(api);
    await fillValidForm();
    fireEvent.click(screen.getByTestId('test-connection'));

    const alert = await screen.findByTestId('connection-error');
    expect(alert.textContent).toContain(title);
    expect(within(alert).getByTestId('error-message').textContent).toBe(message);
    expect(alert.textContent).not.toContain('raw driver text');
    expect(screen.queryByTestId('test-result')).toBeNull();
  });

  it('in browser mode says the password is not stored; where the shell can store it, says where', async () => {
    renderScreen(fakeApi({ canStorePasswords: false }).api);
    expect((await screen.findByTestId('password-not-stored')).textContent).toContain('never stores passwords');
    cleanup();
    renderScreen(fakeApi({ canStorePasswords: true }).api);
    await screen.findByTestId('demo-source');
    await waitFor(() => expect(screen.queryByTestId('password-not-stored')).toBeNull());
    expect(screen.getByText('Stored encrypted in the OS keychain, never in plain text')).toBeTruthy();
  });

  it('saves the connection, connects with the typed password and returns to Explore', async () => {
    const { api, connections, schema } = fakeApi();
    renderScreen(api);
    await fillValidForm();
    fireEvent.click(screen.getByTestId('connect-button'));

    await waitFor(() => expect(screen.getByTestId('active-screen').textContent).toBe('explore'));
    expect(connections.save).toHaveBeenCalledWith(expect.objectContaining({ name: 'Local test server', password: 'secret-password' }));
    expect(connections.connect).toHaveBeenCalledWith({ connectionId: 'new-connection', password: 'secret-password' });
    // The mapping in use is discovered for review, with the password typed in this window.
    await waitFor(() => expect(schema.discover).toHaveBeenCalledWith({ connectionId: 'new-connection', password: 'secret-password' }));
    expect(await screen.findByTestId('schema-mapping')).toBeTruthy();
  });

  it('never shows a saved password: editing a connection leaves the password field empty and asks for it to connect', async () => {
    const { api, connections } = fakeApi({ connections: [saved] });
    renderScreen(api);
    const card = await screen.findByTestId('saved-connection');
    expect(card.textContent).toContain('neo4j+s://graph.example.com:7687');
    fireEvent.click(within(card).getByRole('button', { name: 'Connect' }));

    expect((screen.getByTestId('connection-uri') as HTMLInputElement).value).toBe('neo4j+s://graph.example.com:7687');
    expect((screen.getByTestId('connection-password') as HTMLInputElement).value).toBe('');
    expect(within(screen.getByRole('form')).getByText('Required')).toBeTruthy();
    expect(connections.connect).not.toHaveBeenCalled();
  });

  it('marks the demo graph active and switches back to it from a Neo4j connection', async () => {
    const demo = fakeApi();
    renderScreen(demo.api);
    const demoCard = await screen.findByTestId('demo-source');
    expect((await within(demoCard).findByTestId('active-badge')).textContent).toBe('Active');
    cleanup();

    const neo4j = fakeApi({ connections: [saved], active: { kind: 'neo4j', name: 'Fraud graph', accountCount: 5, connectionId: saved.id } });
    renderScreen(neo4j.api);
    const savedCard = await screen.findByTestId('saved-connection');
    expect(await within(savedCard).findByTestId('active-badge')).toBeTruthy();
    expect(within(screen.getByTestId('demo-source')).queryByTestId('active-badge')).toBeNull();
    fireEvent.click(screen.getByTestId('use-demo'));
    await waitFor(() => expect(screen.getByTestId('active-screen').textContent).toBe('explore'));
    expect(neo4j.connections.useDemo).toHaveBeenCalledWith({});
  });

  it('shows the discovered mapping and the core’s message naming a label the database lacks', async () => {
    const withPassword = { ...saved, hasStoredPassword: true };
    const { api, schema } = fakeApi({ connections: [withPassword], canStorePasswords: true });
    schema.save.mockRejectedValueOnce(
      new ApiError('invalid_input', 'The schema mapping does not fit this database: label Handset (device identifiers) does not exist in the database.', {
        reason: 'schema_mapping_mismatch',
        params: { problems: 1 },
      }),
    );
    renderScreen(api);
    fireEvent.click(within(await screen.findByTestId('saved-connection')).getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByTestId('discover-schema'));

    const panel = await screen.findByTestId('schema-mapping');
    expect((within(panel).getByTestId('mapping-account-label') as HTMLInputElement).value).toBe('Customer');
    expect((within(panel).getByTestId('identifier-0-label') as HTMLInputElement).value).toBe('Handset');
    expect(panel.textContent).toContain('money transfers are not mapped');
    fireEvent.click(within(panel).getByTestId('save-mapping'));

    const alert = await within(panel).findByTestId('connection-error');
    expect(alert.textContent).toContain('The schema mapping does not fit this database (1 problems)');
    expect(schema.save).toHaveBeenCalledWith({ connectionId: saved.id, schemaMapping: discovered.proposedMapping, password: undefined });
  });

  it('adds a link through event nodes and a direct account link with their weights, and saves them with the mapping', async () => {
    const withPassword = { ...saved, hasStoredPassword: true };
    const { api, schema } = fakeApi({ connections: [withPassword], canStorePasswords: true });
    renderScreen(api);
    fireEvent.click(within(await screen.findByTestId('saved-connection')).getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByTestId('discover-schema'));

    const panel = await screen.findByTestId('schema-mapping');
    fireEvent.click(within(panel).getByTestId('add-event-link'));
    fireEvent.click(within(panel).getByTestId('add-account-link'));
    fireEvent.change(within(panel).getByTestId('account-link-0-weight'), { target: { value: '0.3' } });
    expect((within(panel).getByTestId('event-link-0-label') as HTMLInputElement).value).toBe('Handset');
    fireEvent.click(within(panel).getByTestId('save-mapping'));

    await waitFor(() =>
      expect(schema.save).toHaveBeenCalledWith(
        expect.objectContaining({
          schemaMapping: expect.objectContaining({
            eventLinks: [{ fromType: 'OWNS', eventLabel: 'Handset', toType: 'OWNS', farEnd: { kind: 'account' as const }, amountProperty: null, timeProperty: null, weight: 0.5 }],
            accountLinks: [{ relationshipType: 'OWNS', directed: false, amountProperty: null, timeProperty: null, weight: 0.3 }],
          }),
        }),
      ),
    );
  });

  it('names the far end of an event-node link as a merchant, with the key telling merchants apart, and saves it', async () => {
    const withPassword = { ...saved, hasStoredPassword: true };
    const { api, schema } = fakeApi({ connections: [withPassword], canStorePasswords: true });
    renderScreen(api);
    fireEvent.click(within(await screen.findByTestId('saved-connection')).getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByTestId('discover-schema'));

    const panel = await screen.findByTestId('schema-mapping');
    fireEvent.click(within(panel).getByTestId('add-event-link'));
    expect((within(panel).getByTestId('event-link-0-far-end') as HTMLInputElement).value).toBe(':account');
    expect(within(panel).queryByTestId('event-link-0-merchant-id')).toBeNull();
    fireEvent.change(within(panel).getByTestId('event-link-0-far-end'), { target: { value: 'Customer' } });
    // The label's key ending in id is proposed.
    expect((within(panel).getByTestId('event-link-0-merchant-id') as HTMLInputElement).value).toBe('customerId');
    fireEvent.change(within(panel).getByTestId('event-link-0-far-end'), { target: { value: 'Handset' } });
    expect((within(panel).getByTestId('event-link-0-merchant-id') as HTMLInputElement).value).toBe('imei');
    fireEvent.click(within(panel).getByTestId('save-mapping'));

    await waitFor(() =>
      expect(schema.save).toHaveBeenCalledWith(
        expect.objectContaining({
          schemaMapping: expect.objectContaining({ eventLinks: [expect.objectContaining({ eventLabel: 'Handset', farEnd: { kind: 'merchant', label: 'Handset', idProperty: 'imei' } })] }),
        }),
      ),
    );
  });

  it('names an identifier entry, gives it a picture and shows its values, and saves a kind of its own with its name', async () => {
    const withPassword = { ...saved, hasStoredPassword: true };
    const { api, schema } = fakeApi({ connections: [withPassword], canStorePasswords: true });
    renderScreen(api);
    fireEvent.click(within(await screen.findByTestId('saved-connection')).getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByTestId('discover-schema'));

    const panel = await screen.findByTestId('schema-mapping');
    fireEvent.change(within(panel).getByTestId('identifier-0-name'), { target: { value: 'IMEI' } });
    fireEvent.change(within(panel).getByTestId('identifier-0-masking'), { target: { value: 'show' } });
    fireEvent.change(within(panel).getByTestId('identifier-0-icon'), { target: { value: 'id-card' } });
    fireEvent.click(within(panel).getByTestId('add-identifier'));
    // The new entry is a kind of the team's own, named after its label until renamed.
    expect((within(panel).getByTestId('identifier-1-kind') as HTMLInputElement).value).toBe('');
    fireEvent.change(within(panel).getByTestId('identifier-1-name'), { target: { value: 'Wallet' } });
    fireEvent.change(within(panel).getByTestId('identifier-1-direction'), { target: { value: 'to-account' } });
    fireEvent.click(within(panel).getByTestId('save-mapping'));

    await waitFor(() =>
      expect(schema.save).toHaveBeenCalledWith(
        expect.objectContaining({
          schemaMapping: expect.objectContaining({
            identifiers: [
              { kind: 'device', displayName: 'IMEI', icon: 'id-card', label: 'Handset', valueProperty: 'imei', relationshipType: 'OWNS', direction: 'from-account', weight: null, masking: 'show' },
              { kind: null, displayName: 'Wallet', icon: null, label: 'Customer', valueProperty: 'customerId', relationshipType: 'OWNS', direction: 'to-account', weight: null, masking: 'mask' },
            ],
          }),
        }),
      ),
    );
  });
});
