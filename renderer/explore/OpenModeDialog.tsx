import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import type { OpenMode } from './use-explore-graph';

/** Asks whether what another screen opened replaces the canvas or is added to it (both undoable). */
export function OpenModeDialog({ title, drawnNodes, onChoose, onCancel }: { title: string | null; drawnNodes: number; onChoose(mode: OpenMode): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={title !== null} onClose={onCancel} data-testid="open-mode-dialog">
      <DialogTitle>{t('canvas.openMode.title', { title })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('canvas.openMode.body', { count: drawnNodes })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('canvas.openMode.cancel')}</Button>
        <Button onClick={() => onChoose('add')} data-testid="open-mode-add">
          {t('canvas.openMode.add')}
        </Button>
        <Button variant="contained" onClick={() => onChoose('replace')} data-testid="open-mode-replace">
          {t('canvas.openMode.replace')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
