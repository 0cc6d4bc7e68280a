import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUIRED_MESSAGE, type ConnectionField, type ConnectionFieldErrors, type ConnectionFormValues } from './connection-form';

export interface ConnectionFormProps {
  values: ConnectionFormValues;
  onChange(values: ConnectionFormValues): void;
  errors: ConnectionFieldErrors;
  /** Editing a saved connection (null: a new one). */
  editing: { name: string; hasStoredPassword: boolean } | null;
  canStorePasswords: boolean;
  busy: 'testing' | 'connecting' | 'discovering' | null;
  onTest(): void;
  onConnect(): void;
  /** Shown only for a saved connection: discovery needs its id to save the mapping. */
  onDiscover: (() => void) | null;
  onNew(): void;
  /** The test result or a failure, under the buttons. */
  result: ReactNode;
}

/** The Neo4j connection form: name, address with scheme help, user, password, database, and its actions. */
export function ConnectionForm({ values, onChange, errors, editing, canStorePasswords, busy, onTest, onConnect, onDiscover, onNew, result }: ConnectionFormProps) {
  const { t } = useTranslation();
  const errorText = (field: ConnectionField) => {
    const message = errors[field];
    if (!message) return undefined;
    return message === REQUIRED_MESSAGE ? t('connect.form.required') : message.charAt(0).toUpperCase() + message.slice(1);
  };
  const field = (name: ConnectionField) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
    error: Boolean(errors[name]),
    slotProps: { htmlInput: { 'data-testid': `connection-${name}`, spellCheck: false } },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConnect();
  };
  const passwordHelp = errorText('password') ?? (editing?.hasStoredPassword ? t('connect.form.passwordStored') : canStorePasswords ? t('connect.form.passwordWillBeStored') : undefined);

  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={t('connect.form.title')}>
      <Stack direction="row" sx={{ alignItems: 'baseline', mb: 2 }}>
        <Typography variant="h6" component="h3" sx={{ flex: 1 }}>
          {editing ? t('connect.form.editTitle', { name: editing.name }) : t('connect.form.title')}
        </Typography>
        {editing && (
          <Button size="small" onClick={onNew}>
            {t('connect.form.new')}
          </Button>
        )}
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <TextField label={t('connect.form.name')} placeholder={t('connect.form.namePlaceholder')} helperText={errorText('name')} {...field('name')} />
        <TextField label={t('connect.form.database')} placeholder={t('connect.form.databasePlaceholder')} helperText={errorText('database') ?? t('connect.form.databaseHelp')} {...field('database')} />
        <TextField
          label={t('connect.form.uri')}
          helperText={errorText('uri') ?? t('connect.form.uriHelp')}
          sx={{ gridColumn: { md: '1 / -1' } }}
          {...field('uri')}
        />
        <TextField label={t('connect.form.user')} autoComplete="username" helperText={errorText('user')} {...field('user')} />
        <TextField
          label={t('connect.form.password')}
          type="password"
          autoComplete="current-password"
          placeholder={editing?.hasStoredPassword ? '••••••••' : undefined}
          helperText={passwordHelp}
          {...field('password')}
        />
      </Box>
      {!canStorePasswords && (
        <Alert severity="info" variant="outlined" sx={{ mt: 2 }} data-testid="password-not-stored">
          {t('connect.form.passwordNotStored')}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Button type="submit" variant="contained" disabled={busy !== null} data-testid="connect-button">
          {busy === 'connecting' ? t('connect.form.connecting') : t('connect.form.connect')}
        </Button>
        <Button variant="outlined" onClick={onTest} disabled={busy !== null} data-testid="test-connection">
          {busy === 'testing' ? t('connect.form.testing') : t('connect.form.test')}
        </Button>
        {onDiscover && (
          <Button onClick={onDiscover} disabled={busy !== null} data-testid="discover-schema">
            {t('connect.form.discover')}
          </Button>
        )}
      </Stack>
      {busy && <LinearProgress sx={{ mt: 2 }} aria-label={t(`connect.form.${busy}`)} />}
      {result && <Box sx={{ mt: 2 }}>{result}</Box>}
    </Box>
  );
}
