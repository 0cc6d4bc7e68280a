import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { ScoreHistogram as Histogram } from '../../main/api';

const WIDTH = 320;
const HEIGHT = 110;
const AXIS = 16;

/**
 * The distribution of cluster scores as a small bar chart in plain SVG. Heights are on a log scale:
 * a graph has thousands of harmless clusters and a few dozen rings, and on a linear scale the rings'
 * bars would be invisible.
 */
export function ScoreHistogram({ histogram }: { histogram: Histogram }) {
  const { t } = useTranslation();
  const format = useFormat();
  const theme = useTheme();
  const { counts, threshold } = histogram;
  const bins = counts.length;
  const barWidth = WIDTH / bins;
  const maxHeight = Math.log1p(Math.max(1, ...counts));
  const plotHeight = HEIGHT - AXIS;
  const thresholdX = threshold * WIDTH;
  return (
    <Box>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={t('rings.distribution')} data-testid="score-histogram">
        {counts.map((count, bin) => {
          const from = bin / bins;
          const height = count === 0 ? 0 : Math.max(2, (Math.log1p(count) / maxHeight) * (plotHeight - 4));
          const flagged = from + 1e-9 >= threshold;
          return (
            <rect
              key={bin}
              x={bin * barWidth + 1}
              y={plotHeight - height}
              width={barWidth - 2}
              height={height}
              rx={1.5}
              fill={flagged ? theme.palette.warning.main : theme.palette.text.disabled}
            >
              <title>{t('rings.distributionBar', { count, from: format.score(from), to: format.score((bin + 1) / bins) })}</title>
            </rect>
          );
        })}
        <line x1={0} x2={WIDTH} y1={plotHeight + 0.5} y2={plotHeight + 0.5} stroke={theme.palette.divider} />
        <line x1={thresholdX} x2={thresholdX} y1={0} y2={plotHeight} stroke={theme.palette.warning.dark} strokeDasharray="3 3" />
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <text
            key={tick}
            x={Math.min(WIDTH - 2, Math.max(2, tick * WIDTH))}
            y={HEIGHT - 3}
            fontSize={10}
            textAnchor={tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle'}
            fill={theme.palette.text.secondary}
          >
            {tick}
          </text>
        ))}
      </svg>
      <Typography variant="caption" color="text.secondary">
        {t('rings.distributionHint')}
      </Typography>
    </Box>
  );
}
