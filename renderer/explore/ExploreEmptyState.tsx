import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** An account of the demo graph to start from. */
export const EXAMPLE_QUERY = 'U0000042';

/** What the empty canvas says: what to search for and an example to click, or to pick a result. */
export function ExploreEmptyState({ hasResults, onTryExample }: { hasResults: boolean; onTryExample(query: string): void }) {
  const { t } = useTranslation();
  return (
    <Box data-testid="explore-empty" sx={{ textAlign: 'center', maxWidth: 420, px: 3, color: 'text.secondary' }}>
      <HubOutlinedIcon sx={{ fontSize: 48, opacity: 0.5 }} />
      <Typography variant="h6" component="p" color="text.primary" sx={{ mt: 1 }}>
        {hasResults ? t('explore.pickResultTitle') : t('explore.emptyTitle')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('explore.emptyHint')}
      </Typography>
      {!hasResults && (
        <Button variant="outlined" sx={{ mt: 2, pointerEvents: 'auto' }} onClick={() => onTryExample(EXAMPLE_QUERY)}>
          {t('explore.tryExample', { example: EXAMPLE_QUERY })}
        </Button>
      )}
    </Box>
  );
}
