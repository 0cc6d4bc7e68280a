import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import ReplayIcon from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { useHealth } from './use-health';

/** What a user pastes into a bug report when a screen fails to render. */
export function errorReport({ screen, version, error, componentStack }: { screen: string; version: string; error: unknown; componentStack: string | null }): string {
  const failure = error instanceof Error ? error : new Error(String(error));
  return [
    `RingScope ${version}`,
    `Screen: ${screen}`,
    `Error: ${failure.message}`,
    '',
    failure.stack ?? '',
    ...(componentStack ? ['', 'Components:', componentStack.trim()] : []),
  ].join('\n');
}

/**
 * Keeps a render error inside one screen: the screen shows what failed, a report to copy and a
 * retry, while the navigation and the other screens go on working.
 */
export function ScreenErrorBoundary({ screen, children }: { screen: string; children: ReactNode }) {
  const [componentStack, setComponentStack] = useState<string | null>(null);
  return (
    <ErrorBoundary
      onError={(_error, info) => setComponentStack(info.componentStack ?? null)}
      onReset={() => setComponentStack(null)}
      fallbackRender={(props) => <ScreenErrorFallback {...props} screen={screen} componentStack={componentStack} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function ScreenErrorFallback({ error, resetErrorBoundary, screen, componentStack }: FallbackProps & { screen: string; componentStack: string | null }) {
  const { t } = useTranslation();
  const health = useHealth();
  const [copied, setCopied] = useState(false);
  const version = health.status === 'ok' ? health.health.version : t('screenError.unknownVersion');
  const report = errorReport({ screen, version, error, componentStack });
  const copy = () => void navigator.clipboard.writeText(report).then(
    () => setCopied(true),
    // Without clipboard access the report can still be selected in the box.
    () => setCopied(false),
  );
  return (
    <Box role="alert" data-testid="screen-error" sx={{ p: 3, maxWidth: 960 }}>
      <Alert severity="error" sx={{ mb: 2 }}>
        <AlertTitle>{t('screenError.title', { screen })}</AlertTitle>
        {t('screenError.hint')}
      </Alert>
      <TextField
        label={t('screenError.report')}
        value={report}
        multiline
        fullWidth
        minRows={6}
        maxRows={16}
        slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'screen-error-report', style: { fontFamily: 'monospace', fontSize: 12 } } }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" startIcon={<ReplayIcon />} onClick={resetErrorBoundary}>
          {t('screenError.retry')}
        </Button>
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={copy}>
          {copied ? t('screenError.copied') : t('screenError.copy')}
        </Button>
      </Stack>
    </Box>
  );
}
