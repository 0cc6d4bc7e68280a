import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CANVAS_SHORTCUTS, shortcutKeys } from './use-canvas-keys';

/** The keyboard shortcuts of the canvas, opened with `?`. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Dialog open={open} onClose={onClose} data-testid="shortcuts-help">
      <DialogTitle>{t('canvas.shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 3, rowGap: 1 }}>
          {CANVAS_SHORTCUTS.map((shortcut) => (
            <Box key={shortcut.action} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                {shortcutKeys(shortcut, mac, t)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {t(`canvas.shortcuts.${shortcut.action}`)}
              </Typography>
            </Box>
          ))}
        </Box>
      </DialogContent>
    </Dialog>
  );
}
