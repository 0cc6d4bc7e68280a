import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { RISK_COLORS, riskBand } from '../graph/risk';

/** A risk score as a coloured bar with its value and band; "No score" when the model has none. */
export function RiskBar({ score }: { score: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const band = riskBand(score);
  const percent = score === null ? 0 : Math.round(Math.min(1, Math.max(0, score)) * 100);
  return (
    <Box data-testid="risk-bar" sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={t('details.riskScore')}
        sx={{
          flex: 1,
          height: 8,
          borderRadius: 4,
          bgcolor: 'action.hover',
          '& .MuiLinearProgress-bar': { bgcolor: RISK_COLORS[band], borderRadius: 4 },
        }}
      />
      <Typography variant="body2" sx={{ minWidth: 96, fontVariantNumeric: 'tabular-nums' }}>
        {score === null ? t('risk.unknown') : `${format.score(score)} · ${t(`risk.${band}`)}`}
      </Typography>
    </Box>
  );
}
