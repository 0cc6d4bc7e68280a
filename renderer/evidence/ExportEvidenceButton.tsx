import DownloadIcon from '@mui/icons-material/Download';
import Inventory2OutlinedIcon from '@mui/icons-material/Inventory2Outlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, EvidenceExportResult, ProgressStep } from '../../main/api';
import { useApi } from '../api/api-context';
import { isDesktopShell, saveEvidenceCopy } from '../api/file-save';
import { currentLanguage } from '../i18n/i18n';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';

/** "Export evidence": a dialog to choose masking, the export's progress, then where the package is and its SHA-256. */
export function ExportEvidenceButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const taskId = `evidence-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [open, setOpen] = useState(false);
  const [includePii, setIncludePii] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number | null; step: ProgressStep | null } | null>(null);
  const [result, setResult] = useState<EvidenceExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [copiedTo, setCopiedTo] = useState<string | null>(null);
  const busy = progress !== null;

  // Progress arrives on its own channel (SSE in the browser) and may land after the export's answer:
  // it only updates an export still in flight, never reopens a finished one (which would lock Close).
  useEffect(() => api.events.onProgress((event) => {
    if (event.taskId === taskId && event.state === 'running') setProgress((current) => current && { done: event.done, total: event.total, step: event.step });
  }), [api, taskId]);

  const close = () => {
    if (busy) return;
    setOpen(false);
    setResult(null);
    setError(null);
    setCopiedTo(null);
    setIncludePii(false);
  };
  const start = () => {
    setError(null);
    setProgress({ done: 0, total: null, step: null });
    api.evidence
      .export({ caseId, includePii, taskId, locale: currentLanguage() })
      .then(setResult, (failure: unknown) => setError(toApiError(failure)))
      .finally(() => setProgress(null));
  };

  return (
    <>
      <Button variant="outlined" startIcon={<Inventory2OutlinedIcon />} onClick={() => setOpen(true)} data-testid="export-evidence">
        {t('evidence.button')}
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby={`${taskId}-title`}>
        <DialogTitle id={`${taskId}-title`}>{t('evidence.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('evidence.description')}</DialogContentText>
          {!result && (
            <>
              <FormControlLabel
                control={<Checkbox checked={includePii} disabled={busy} onChange={(event) => setIncludePii(event.target.checked)} />}
                label={t('evidence.includePii')}
              />
              {includePii && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                  {t('evidence.piiWarning')}
                </Alert>
              )}
            </>
          )}
          {busy && (
            <>
              <LinearProgress
                sx={{ mt: 2 }}
                variant={progress.total ? 'determinate' : 'indeterminate'}
                value={progress.total ? (100 * progress.done) / progress.total : undefined}
                aria-label={t('evidence.exporting')}
              />
              <Typography variant="caption" color="text.secondary">
                {progress.step ? t(`progress.step.${progress.step}`) : t('evidence.exporting')}
              </Typography>
            </>
          )}
          {error && <ErrorNotice error={error} onClose={() => setError(null)} sx={{ mt: 2 }} />}
          {result && (
            <Alert severity="success" data-testid="evidence-result">
              <Typography variant="body2">{t('evidence.done', { count: result.files.length + 1 })}</Typography>
              {/* Browser mode downloads from the HTTP shell; the desktop app has written the file, shows where, and saves a copy where the user chooses. */}
              {isDesktopShell() ? (
                <>
                  <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                    {t('evidence.savedTo')} <code>{result.savedPath}</code>
                  </Typography>
                  <Button
                    size="small"
                    startIcon={<DownloadIcon fontSize="small" />}
                    data-testid="evidence-save-copy"
                    onClick={() => saveEvidenceCopy(result.fileName).then((path) => path && setCopiedTo(path), (failure: unknown) => setError(toApiError(failure)))}
                  >
                    {t('desktopFiles.saveCopy')}
                  </Button>
                  {copiedTo && (
                    <Typography variant="body2" sx={{ wordBreak: 'break-all' }} data-testid="evidence-copied-to">
                      {t('desktopFiles.copiedTo', { path: copiedTo })}
                    </Typography>
                  )}
                </>
              ) : (
                <Link href={`/api/evidence/download/${encodeURIComponent(result.fileName)}`} download={result.fileName} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                  <DownloadIcon fontSize="small" />
                  {t('evidence.download', { fileName: result.fileName })}
                </Link>
              )}
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('evidence.sha256')}
              </Typography>
              <Typography component="code" variant="caption" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="evidence-sha256">
                {result.sha256}
              </Typography>
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {result ? t('evidence.close') : t('evidence.cancel')}
          </Button>
          {!result && (
            <Button variant="contained" onClick={start} disabled={busy}>
              {t('evidence.export')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
