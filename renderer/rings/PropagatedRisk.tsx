import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { AccountRisk } from '../../main/api';
import { useApi } from '../api/api-context';
import { RiskBar } from '../shared/RiskBar';

/**
 * "Why is this account risky": its risk propagated from blacklisted accounts by the latest ring
 * detection, and the neighbours it came from. Re-read when the account changes or detection reruns.
 */
export function PropagatedRisk({ nodeId, onSelect }: { nodeId: string; onSelect?(nodeId: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const [risk, setRisk] = useState<AccountRisk | null>(null);

  useEffect(() => {
    let stale = false;
    setRisk(null);
    api.rings.accountRisk({ nodeId }).then(
      (result) => !stale && setRisk(result),
      () => !stale && setRisk(null),
    );
    return () => {
      stale = true;
    };
  }, [api, nodeId]);

  if (!risk) return null;
  if (risk.status !== 'ok') {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="propagated-risk">
        {risk.status === 'not-run' ? t('rings.risk.notRun') : t('rings.risk.notInDetection')}
      </Typography>
    );
  }
  return (
    <Box data-testid="propagated-risk">
      {risk.seed && <Typography variant="body2">{t('rings.risk.seed')}</Typography>}
      {!risk.seed && risk.contributors.length > 0 && <RiskBar score={risk.risk} />}
      {!risk.seed && risk.relativeRisk !== null && risk.contributors.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="relative-risk">
          {t('rings.risk.relative', { percent: Math.round(risk.relativeRisk * 100) })}
        </Typography>
      )}
      {/* Nothing flowed in: a bar at 0.00 would only look like a measurement. */}
      {!risk.seed && risk.contributors.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('rings.risk.noContributors')}
        </Typography>
      )}
      {risk.contributors.length > 0 && (
        <>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
            {t('rings.risk.contributors')}
          </Typography>
          {risk.contributors.map((contributor) => (
            <Box key={contributor.nodeId} data-testid="risk-contributor" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
              <Link component="button" variant="body2" onClick={() => onSelect?.(contributor.nodeId)} color={contributor.blacklisted ? 'error' : 'primary'}>
                {contributor.label}
              </Link>
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('rings.risk.contribution', { percent: format.percent(contributor.contribution) })}
              </Typography>
            </Box>
          ))}
        </>
      )}
    </Box>
  );
}
