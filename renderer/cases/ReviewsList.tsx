import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ReviewDecision } from '../../main/api';
import { useFormat } from '../i18n/format';

const DECISION_COLORS = { approved: 'success', rejected: 'error', revoked: 'default' } as const;

/** The team leads' decisions on a case, oldest first, with their comments. */
export function ReviewsList({ reviews }: { reviews: readonly ReviewDecision[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack spacing={1} data-testid="reviews-list">
      {reviews.map((review) => (
        <Box key={review.at}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip size="small" color={DECISION_COLORS[review.decision]} label={t(`review.decision.${review.decision}`)} />
            <Typography variant="caption" color="text.secondary">
              {t('cases.byAt', { user: review.by, at: format.dateTime(review.at) })}
            </Typography>
          </Stack>
          {review.comment && (
            <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
              {review.comment}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}
