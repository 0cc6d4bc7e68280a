import AccessTimeIcon from '@mui/icons-material/AccessTime';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowMoneyInput, GraphEdge, GraphNode, RingClusterDetail } from '../../main/api';
import { useRingReasonText } from '../i18n/ring-reason';
import { ErrorNotice } from '../shared/ErrorNotice';
import { MoneyFlowsList, type FlowFocus } from './MoneyFlowsList';
import { stepEdgeIds } from './time-filter';
import type { useFollowMoney } from './use-follow-money';
import { toWindowMs, type TimeWindowState } from './use-time-window';

const HOP_CHOICES = [1, 2, 3, 4, 5, 6] as const;

export interface MoneyPanelProps {
  /** The ring opened from the Rings screen, if any. */
  ring: { clusterId: string; reasons: RingClusterDetail['reasons'] } | null;
  timeline: TimeWindowState;
  followMoney: ReturnType<typeof useFollowMoney>;
  /** The node in focus (details panel), where the money is followed from. */
  focusedNode: GraphNode | null;
  edges: readonly GraphEdge[];
  labelOf: (nodeId: string) => string;
}

/**
 * The Money tab beside the canvas: an opened ring's reasons (those citing a time window set the
 * timeline's window and highlight the movements they cite), its money cycles and fan-ins, and
 * "follow the money" from the node in focus.
 */
export function MoneyPanel({ ring, timeline, followMoney, focusedNode, edges, labelOf }: MoneyPanelProps) {
  const { t } = useTranslation();
  const reasonText = useRingReasonText();
  const [flowFocus, setFlowFocus] = useState<FlowFocus | null>(null);
  const { focusWindow, setHighlight } = timeline;

  const focusFlow = (focus: FlowFocus | null) => {
    setFlowFocus(focus);
    if (!focus) {
      setHighlight(null);
      return;
    }
    const ids = stepEdgeIds(focus.flow.steps, edges);
    setHighlight({ kind: 'edges', edgeIds: ids.filter((id): id is string => id !== null), currentId: ids[focus.step] });
    // The flow's own span: the rest of the money greys out around it.
    focusWindow({ from: Date.parse(focus.flow.startedAt), to: Date.parse(focus.flow.endedAt) + 1 });
  };

  return (
    <Box sx={{ p: 1.5, overflowY: 'auto', height: '100%' }} data-testid="money-panel">
      {ring && (
        <>
          <Section title={t('timeline.reasons')}>
            <List dense disablePadding>
              {ring.reasons.map((reason) => {
                const timeWindow = reason.timeWindow;
                if (!timeWindow) {
                  return (
                    <Typography key={reason.kind} variant="body2" color="text.secondary" sx={{ px: 2, py: 0.75, overflowWrap: 'anywhere' }}>
                      {reasonText(reason)}
                    </Typography>
                  );
                }
                return (
                  <ListItemButton
                    key={reason.kind}
                    data-testid={`reason-window-${reason.code}`}
                    onClick={() => {
                      setFlowFocus(null);
                      const window = toWindowMs(timeWindow);
                      focusWindow(window);
                      setHighlight({ kind: 'among', nodeIds: reason.evidenceNodeIds, window });
                    }}
                    sx={{ borderRadius: 1, alignItems: 'flex-start' }}
                  >
                    <ListItemIcon sx={{ minWidth: 30, mt: 0.5 }}>
                      <AccessTimeIcon fontSize="small" color="primary" />
                    </ListItemIcon>
                    <ListItemText primary={reasonText(reason)} secondary={t('timeline.showWindow')} slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }} />
                  </ListItemButton>
                );
              })}
            </List>
          </Section>
          <Section title={t('timeline.flows.title')}>
            <MoneyFlowsList clusterId={ring.clusterId} labelOf={labelOf} focus={flowFocus} onFocus={focusFlow} />
          </Section>
        </>
      )}
      {timeline.highlight && (
        <Button size="small" onClick={() => focusFlow(null)} data-testid="clear-money-highlight" sx={{ mb: 1 }}>
          {t('timeline.clearHighlight')}
        </Button>
      )}
      <Section title={t('timeline.follow.title')}>
        <FollowMoneyForm node={focusedNode} timeline={timeline} followMoney={followMoney} />
      </Section>
    </Box>
  );
}

function FollowMoneyForm({ node, timeline, followMoney }: { node: GraphNode | null; timeline: TimeWindowState; followMoney: ReturnType<typeof useFollowMoney> }) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<FollowMoneyInput['direction']>('forward');
  const [maxHops, setMaxHops] = useState(2);
  const [withinWindow, setWithinWindow] = useState(true);
  const canFollow = node !== null && (node.kind === 'account' || node.kind === 'merchant');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.25 }} data-testid="follow-money">
      <Typography variant="body2" color={canFollow ? 'text.primary' : 'text.secondary'}>
        {canFollow ? t('timeline.follow.from', { label: node.label }) : t('timeline.follow.pickNode')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <ToggleButtonGroup size="small" exclusive value={direction} sx={{ flex: 1, '& .MuiToggleButton-root': { flex: 1, textTransform: 'none' } }} onChange={(_event, value: FollowMoneyInput['direction'] | null) => value && setDirection(value)} aria-label={t('timeline.follow.direction')}>
          <ToggleButton value="forward" data-testid="follow-forward">
            {t('timeline.follow.forward')}
          </ToggleButton>
          <ToggleButton value="backward" data-testid="follow-backward">
            {t('timeline.follow.backward')}
          </ToggleButton>
        </ToggleButtonGroup>
        <TextField select size="small" label={t('timeline.follow.hops')} value={maxHops} onChange={(event) => setMaxHops(Number(event.target.value))} sx={{ width: 96 }}>
          {HOP_CHOICES.map((hops) => (
            <MenuItem key={hops} value={hops}>
              {hops}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <FormControlLabel
        control={<Checkbox size="small" checked={withinWindow && timeline.window !== null} disabled={timeline.window === null} onChange={(event) => setWithinWindow(event.target.checked)} />}
        label={<Typography variant="body2">{t('timeline.follow.withinWindow')}</Typography>}
      />
      <Button
        variant="contained"
        size="small"
        disabled={!canFollow || followMoney.busy}
        onClick={() => canFollow && void followMoney.follow({ nodeId: node.id, direction, maxHops, withinWindow })}
        data-testid="follow-money-run"
      >
        {t('timeline.follow.run')}
      </Button>
      {followMoney.last && (
        <Typography variant="caption" color="text.secondary" data-testid="follow-money-result">
          {t('timeline.follow.found', { count: followMoney.last.links })}
          {followMoney.last.truncated ? ` ${t('timeline.truncated')}` : ''}
        </Typography>
      )}
      {followMoney.error && <ErrorNotice error={followMoney.error} onClose={followMoney.dismissError} />}
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="overline" color="text.secondary" component="h3" sx={{ display: 'block', mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}
