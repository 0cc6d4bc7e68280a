import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Case, CaseView } from '../../main/api';
import { useFormat } from '../i18n/format';

interface CaseViewsProps {
  item: Case;
  /** Whether the case's status lets its views change (not once closed). */
  editable: boolean;
  busy: boolean;
  onOpen(view: CaseView): void;
  /** null: no chosen view, the evidence package lays the case graph out itself. */
  onChoose(viewId: string | null): void;
  onRemove(view: CaseView): void;
}

/** The named views of the canvas a case keeps: open one in Explore, choose the evidence picture, remove one. */
export function CaseViews({ item, editable, busy, onOpen, onChoose, onRemove }: CaseViewsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (item.views.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="case-views-empty">
        {t('caseViews.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} data-testid="case-views">
      {item.views.map((view) => {
        const chosen = view.id === item.chosenViewId;
        return (
          // Name and details above, actions below: the case page's side column is narrow.
          <Box key={view.id} data-testid="case-view" sx={{ borderLeft: 3, borderColor: chosen ? 'primary.main' : 'divider', pl: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="case-view-name">
                {view.name}
              </Typography>
              {chosen && <Chip size="small" color="primary" variant="outlined" label={t('caseViews.chosen')} data-testid="case-view-chosen" />}
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div">
              {t('caseViews.meta', { count: view.workspace.nodes.length, user: view.savedBy, at: format.dateTime(view.savedAt) })}
            </Typography>
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', ml: -0.75 }}>
              <Button size="small" startIcon={<TravelExploreIcon />} onClick={() => onOpen(view)} data-testid="case-view-open">
                {t('caseViews.open')}
              </Button>
              <Button size="small" disabled={!editable || busy} onClick={() => onChoose(chosen ? null : view.id)} data-testid="case-view-choose">
                {chosen ? t('caseViews.unchoose') : t('caseViews.choose')}
              </Button>
              <Tooltip title={t('caseViews.remove')}>
                <span>
                  <IconButton size="small" aria-label={t('caseViews.remove')} disabled={!editable || busy} onClick={() => onRemove(view)} data-testid="case-view-remove">
                    <DeleteOutlineIcon fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}
