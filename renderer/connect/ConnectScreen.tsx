import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ConnectionTestResult, DiscoveredSchema, SavedConnection, SchemaMapping } from '../../main/api';
import { useApi } from '../api/api-context';
import { useWorkbench } from '../app/workbench';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionFailure, ConnectionTestSuccess } from './ConnectionNotice';
import { formFromSaved, matchesSaved, NEW_CONNECTION, REQUIRED_MESSAGE, validateConnectionForm, type ConnectionFieldErrors, type ConnectionFormValues } from './connection-form';
import { SchemaMappingPanel } from './SchemaMappingPanel';
import { SourceList } from './SourceList';
import { useConnections } from './use-connections';

type Busy = 'testing' | 'connecting' | 'discovering';
type Outcome = { status: 'idle' } | { status: 'tested'; result: ConnectionTestResult } | { status: 'failed'; error: ApiError };

interface SchemaEditor {
  connection: SavedConnection;
  schema: DiscoveredSchema;
  mapping: SchemaMapping;
  saving: boolean;
  saved: boolean;
  error: ApiError | null;
}

/**
 * Choosing the graph source: the embedded demo graph or a Neo4j connection (saved, tested, connected),
 * and the schema mapping of a connection. Passwords typed here are kept in memory for this window
 * only (browser mode never stores them; the desktop stores them in the OS keychain through the core).
 */
export function ConnectScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { goTo, sourceChanged } = useWorkbench();
  const { state, reload } = useConnections();
  const [editing, setEditing] = useState<SavedConnection | null>(null);
  const [values, setValues] = useState<ConnectionFormValues>(NEW_CONNECTION);
  const [errors, setErrors] = useState<ConnectionFieldErrors>({});
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const [schemaEditor, setSchemaEditor] = useState<SchemaEditor | null>(null);
  const sessionPasswords = useRef(new Map<string, string>());

  const list = state.status === 'ok' ? state.list : null;
  const canStorePasswords = list?.canStorePasswords ?? false;
  const knownPassword = (connection: SavedConnection) => sessionPasswords.current.get(connection.id);
  const hasPassword = (connection: SavedConnection) => connection.hasStoredPassword || knownPassword(connection) !== undefined;

  async function run(kind: Busy, work: () => Promise<void>) {
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      setOutcome({ status: 'failed', error: toApiError(error) });
    } finally {
      setBusy(null);
    }
  }

  function edit(connection: SavedConnection | null, fieldErrors: ConnectionFieldErrors = {}) {
    setEditing(connection);
    setValues(connection ? formFromSaved(connection) : NEW_CONNECTION);
    setErrors(fieldErrors);
    setOutcome({ status: 'idle' });
  }

  function validate() {
    const result = validateConnectionForm(values, { passwordRequired: !editing || !hasPassword(editing), schemaMapping: editing?.schemaMapping });
    setErrors(result.errors);
    return result.settings;
  }

  function test() {
    const settings = validate();
    if (!settings) return;
    const password = values.password || (editing && knownPassword(editing));
    // Changed settings of a connection whose password only the keychain knows cannot be tested before saving.
    if (!password && editing && !matchesSaved(values, editing)) {
      setErrors({ password: REQUIRED_MESSAGE });
      return;
    }
    setOutcome({ status: 'idle' });
    void run('testing', async () => {
      const target = password ? { settings, password } : { connectionId: editing!.id };
      setOutcome({ status: 'tested', result: await api.connections.test(target) });
    });
  }

  async function discover(connection: SavedConnection) {
    const schema = await api.schema.discover({ connectionId: connection.id, password: knownPassword(connection) });
    setSchemaEditor({ connection, schema, mapping: connection.schemaMapping ?? schema.proposedMapping, saving: false, saved: false, error: null });
  }

  async function switchTo(connection: SavedConnection) {
    await api.connections.connect({ connectionId: connection.id, password: knownPassword(connection) });
    sourceChanged();
    await reload();
    goTo('explore');
    // The mapping in use is ready to review when the user comes back to this screen.
    void discover(connection).catch((error: unknown) => setOutcome({ status: 'failed', error: toApiError(error) }));
  }

  function connect() {
    const settings = validate();
    if (!settings) return;
    setOutcome({ status: 'idle' });
    void run('connecting', async () => {
      const saved = await api.connections.save({ ...settings, id: editing?.id, password: values.password || undefined });
      if (values.password) sessionPasswords.current.set(saved.id, values.password);
      edit(saved);
      await switchTo(saved);
    });
  }

  function connectSaved(connection: SavedConnection) {
    if (!hasPassword(connection)) {
      edit(connection, { password: REQUIRED_MESSAGE });
      return;
    }
    edit(connection);
    void run('connecting', () => switchTo(connection));
  }

  function switchToDemo() {
    setOutcome({ status: 'idle' });
    void run('connecting', async () => {
      await api.connections.useDemo({});
      sourceChanged();
      await reload();
      goTo('explore');
    });
  }

  function remove(connection: SavedConnection) {
    void run('connecting', async () => {
      await api.connections.remove({ connectionId: connection.id });
      sessionPasswords.current.delete(connection.id);
      if (editing?.id === connection.id) edit(null);
      if (schemaEditor?.connection.id === connection.id) setSchemaEditor(null);
      // Removing the active connection switched the core back to the demo graph.
      if (list?.active.connectionId === connection.id) sourceChanged();
      await reload();
    });
  }

  async function saveMapping(editor: SchemaEditor) {
    setSchemaEditor({ ...editor, saving: true, saved: false, error: null });
    try {
      const connection = await api.schema.save({ connectionId: editor.connection.id, schemaMapping: editor.mapping, password: knownPassword(editor.connection) });
      // The active source reads with the mapping it was opened with: reconnect to apply the new one.
      if (list?.active.connectionId === connection.id) {
        await api.connections.connect({ connectionId: connection.id, password: knownPassword(connection) });
        sourceChanged();
      }
      if (editing?.id === connection.id) setEditing(connection);
      setSchemaEditor({ ...editor, connection, saving: false, saved: true, error: null });
      await reload();
    } catch (error) {
      setSchemaEditor({ ...editor, saving: false, saved: false, error: toApiError(error) });
    }
  }

  const result =
    outcome.status === 'tested' ? <ConnectionTestSuccess result={outcome.result} /> : outcome.status === 'failed' ? <ConnectionFailure error={outcome.error} /> : null;

  return (
    <Box sx={{ height: '100%', overflowY: 'auto' }} data-testid="connect-screen">
      <Box sx={{ maxWidth: 1240, mx: 'auto', p: 3 }}>
        <Typography variant="h5" component="h2">
          {t('connect.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('connect.subtitle')}
        </Typography>
        {state.status === 'error' && <ErrorNotice error={state.error} sx={{ mt: 2 }} />}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '340px minmax(0, 1fr)' }, gap: 3, mt: 3, alignItems: 'start' }}>
          <SourceList
            connections={list?.connections ?? []}
            demoActive={list?.active.kind === 'embedded'}
            activeConnectionId={list?.active.connectionId ?? null}
            editingId={editing?.id ?? null}
            busy={busy !== null}
            onUseDemo={switchToDemo}
            onConnect={connectSaved}
            onEdit={(connection) => edit(connection)}
            onRemove={remove}
          />
          <Paper variant="outlined" sx={{ p: 3 }}>
            <ConnectionForm
              values={values}
              onChange={setValues}
              errors={errors}
              editing={editing && { name: editing.name, hasStoredPassword: editing.hasStoredPassword }}
              canStorePasswords={canStorePasswords}
              busy={busy}
              onTest={test}
              onConnect={connect}
              onDiscover={editing && hasPassword(editing) ? () => void run('discovering', () => discover(editing)) : null}
              onNew={() => edit(null)}
              result={result}
            />
          </Paper>
        </Box>
        {schemaEditor && (
          <Paper variant="outlined" sx={{ p: 3, mt: 3 }}>
            <SchemaMappingPanel
              connectionName={schemaEditor.connection.name}
              schema={schemaEditor.schema}
              mapping={schemaEditor.mapping}
              onChange={(mapping) => setSchemaEditor({ ...schemaEditor, mapping, saved: false, error: null })}
              onSave={() => void saveMapping(schemaEditor)}
              saving={schemaEditor.saving}
              saved={schemaEditor.saved}
              error={schemaEditor.error}
            />
          </Paper>
        )}
      </Box>
    </Box>
  );
}
