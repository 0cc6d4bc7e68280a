import ClearIcon from '@mui/icons-material/Clear';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutMapIcon from '@mui/icons-material/ZoomOutMap';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Slider from '@mui/material/Slider';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { brushWindow } from './timeline';
import { toWindowMs, type TimeWindowState } from './use-time-window';

const CHART_HEIGHT = 44;

/**
 * The strip under the canvas: a histogram of the drawn money links (and account creations) over
 * time, a brush (a range slider over the bins) setting the window, greyed or hidden links outside
 * it, and play stepping the window through time.
 */
export function TimelineStrip({ timeline }: { timeline: TimeWindowState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const theme = useTheme();
  const { bins, extent, window } = timeline;
  if (timeline.error) return <ErrorNotice error={timeline.error} onClose={timeline.dismissError} sx={{ borderRadius: 0 }} />;
  if (!extent || bins.length === 0) return null;
  const binWidth = bins[0].end - bins[0].start;
  const position = (time: number) => Math.min(bins.length, Math.max(0, (time - extent.start) / binWidth));
  const brushed: [number, number] = window ? [position(window.from), position(window.to)] : [0, bins.length];
  const tallest = Math.max(1, ...bins.map((bin) => bin.moneyLinks + bin.accountsCreated));
  const inWindow = (index: number) => !window || (bins[index].end > window.from && bins[index].start < window.to);

  return (
    <Box data-testid="timeline-strip" sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', px: 2, pt: 1, pb: 0.5, display: 'flex', gap: 2, alignItems: 'center' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25, width: 250, flexShrink: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <Tooltip title={timeline.playing ? t('timeline.pause') : t('timeline.play')}>
            <IconButton size="small" onClick={timeline.togglePlay} aria-label={timeline.playing ? t('timeline.pause') : t('timeline.play')} data-testid="timeline-play">
              {timeline.playing ? <PauseIcon fontSize="small" /> : <PlayArrowIcon fontSize="small" />}
            </IconButton>
          </Tooltip>
          <ToggleButtonGroup size="small" exclusive value={timeline.mode} onChange={(_event, value: 'grey' | 'hide' | null) => value && timeline.setMode(value)} aria-label={t('timeline.outside')} data-testid="timeline-mode">
            <ToggleButton value="grey" sx={{ py: 0.25, px: 1 }}>
              {t('timeline.grey')}
            </ToggleButton>
            <ToggleButton value="hide" sx={{ py: 0.25, px: 1 }}>
              {t('timeline.hide')}
            </ToggleButton>
          </ToggleButtonGroup>
          {timeline.zoomed ? (
            <Tooltip title={t('timeline.zoomOut')}>
              <IconButton size="small" onClick={timeline.zoomOut} aria-label={t('timeline.zoomOut')} data-testid="timeline-zoom-out">
                <ZoomOutMapIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          ) : (
            window && (
              <Tooltip title={t('timeline.zoomIn')}>
                <IconButton size="small" onClick={timeline.zoomToWindow} aria-label={t('timeline.zoomIn')} data-testid="timeline-zoom-in">
                  <ZoomInIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )
          )}
          {window && (
            <Tooltip title={t('timeline.clear')}>
              <IconButton size="small" onClick={() => timeline.setWindow(null)} aria-label={t('timeline.clear')} data-testid="timeline-clear">
                <ClearIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Box>
        <Typography variant="caption" color="text.secondary" data-testid="timeline-window" sx={{ lineHeight: 1.3 }}>
          {window ? t('timeline.window', { from: format.dateTime(new Date(window.from).toISOString()), to: format.dateTime(new Date(window.to).toISOString()) }) : t('timeline.allTime')}
          <br />
          {t('timeline.linksInWindow', { count: timeline.indexedEdges, shown: timeline.edgesInWindow })}
          {timeline.truncated ? ` ${t('timeline.truncated')}` : ''}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'flex', gap: 1.5 }}>
          <Legend color={theme.palette.warning.main} text={t('timeline.moneyLinks')} />
          <Legend color={theme.palette.info.main} text={t('timeline.accountsCreated')} />
        </Typography>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <svg width="100%" height={CHART_HEIGHT} viewBox={`0 0 ${bins.length} ${CHART_HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={t('timeline.chartLabel')}>
          {bins.map((bin, index) => {
            const links = (bin.moneyLinks / tallest) * CHART_HEIGHT;
            const created = (bin.accountsCreated / tallest) * CHART_HEIGHT;
            const opacity = inWindow(index) ? 1 : 0.25;
            return (
              <g key={bin.start} opacity={opacity}>
                <rect x={index + 0.1} width={0.8} y={CHART_HEIGHT - links} height={links} fill={theme.palette.warning.main} />
                <rect x={index + 0.1} width={0.8} y={CHART_HEIGHT - links - created} height={created} fill={theme.palette.info.main} />
              </g>
            );
          })}
        </svg>
        <Slider
          size="small"
          min={0}
          max={bins.length}
          step={1}
          value={brushed}
          disableSwap
          onChange={(_event, value) => {
            const [low, high] = value as number[];
            timeline.setWindow(low <= 0 && high >= bins.length ? null : toWindowMs(brushWindow(bins, low, Math.max(low, high - 1)) as { from: string; to: string }));
          }}
          getAriaLabel={(thumb) => (thumb === 0 ? t('timeline.windowStart') : t('timeline.windowEnd'))}
          data-testid="timeline-brush"
          sx={{ py: 0.5, mt: -0.5 }}
        />
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, mt: -0.5, whiteSpace: 'nowrap' }}>
          <Typography variant="caption" color="text.secondary">
            {format.dateTime(new Date(extent.start).toISOString())}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {format.dateTime(new Date(extent.end).toISOString())}
          </Typography>
        </Box>
      </Box>
    </Box>
  );
}

function Legend({ color, text }: { color: string; text: string }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <Box component="span" sx={{ width: 10, height: 10, bgcolor: color, borderRadius: 0.5 }} />
      {text}
    </Box>
  );
}
