import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { UpstreamSummary } from '../../main/api';

/** What an upstream-results run read: the top communities and how ranked, and any community read only in part. */
export function UpstreamNotice({ upstream }: { upstream: UpstreamSummary }) {
  const { t } = useTranslation();
  const rank = t(`rings.mode.rankedBy.${upstream.rankBy}`);
  return (
    <Alert severity={upstream.cappedCommunities > 0 ? 'warning' : 'info'} sx={{ mb: 1 }} data-testid="upstream-notice">
      {t('rings.mode.upstreamSummary', { count: upstream.communities, rank, maxMembers: upstream.maxMembers })}
      {upstream.cappedCommunities > 0 && ` ${t('rings.mode.upstreamCapped', { count: upstream.cappedCommunities, maxMembers: upstream.maxMembers })}`}
    </Alert>
  );
}
