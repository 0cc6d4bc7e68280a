import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readableDuration, type RingMoneyFlows } from '../../main/api';
import { useApi } from '../api/api-context';
import { useFormat } from '../i18n/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';

/** Flows listed before "and N more" opens the rest. */
const FIRST_SHOWN = 3;

type Flow = RingMoneyFlows['cycles'][number] | RingMoneyFlows['fanIns'][number];

/** The flow shown on the canvas and the step of it in focus. */
export interface FlowFocus {
  flow: Flow;
  step: number;
}

export interface MoneyFlowsListProps {
  clusterId: string;
  /** How a node id reads (its label when drawn). */
  labelOf: (nodeId: string) => string;
  focus: FlowFocus | null;
  onFocus: (focus: FlowFocus | null) => void;
}

/**
 * Every money cycle and fan-in of a ring (rings.moneyFlows), a few at first and the rest on request;
 * choosing one highlights its path on the canvas and lists its transfers in order with amounts and
 * times, stepped through one by one.
 */
export function MoneyFlowsList({ clusterId, labelOf, focus, onFocus }: MoneyFlowsListProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [flows, setFlows] = useState<RingMoneyFlows | null>(null);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  useEffect(() => {
    let current = true;
    setFlows(null);
    api.rings.moneyFlows({ clusterId }).then(
      (answer) => current && setFlows(answer),
      (failure: unknown) => current && setError(toApiError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, clusterId]);

  if (error) return <ErrorNotice error={error} onClose={() => setError(null)} />;
  if (!flows) return null;
  if (flows.cycles.length === 0 && flows.fanIns.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="money-flows-none">
        {t('timeline.flows.none')}
      </Typography>
    );
  }
  return (
    <Box data-testid="money-flows">
      <FlowSection
        title={t('timeline.flows.cycles', { count: flows.cycles.length })}
        flows={flows.cycles}
        moreLabel={(count) => t('timeline.flows.moreCycles', { count })}
        describe={(flow) => [...(flow as RingMoneyFlows['cycles'][number]).accountIds, (flow as RingMoneyFlows['cycles'][number]).accountIds[0]].map(labelOf).join(' → ')}
        testId="money-cycle"
        labelOf={labelOf}
        focus={focus}
        onFocus={onFocus}
      />
      <FlowSection
        title={t('timeline.flows.fanIns', { count: flows.fanIns.length })}
        flows={flows.fanIns}
        moreLabel={(count) => t('timeline.flows.moreFanIns', { count })}
        describe={(flow) => {
          const fan = flow as RingMoneyFlows['fanIns'][number];
          return t('timeline.flows.fanIn', { count: fan.senderIds.length, receiver: labelOf(fan.receiverId) });
        }}
        testId="money-fan-in"
        labelOf={labelOf}
        focus={focus}
        onFocus={onFocus}
      />
    </Box>
  );
}

interface FlowSectionProps extends Omit<MoneyFlowsListProps, 'clusterId'> {
  title: string;
  flows: readonly Flow[];
  moreLabel: (count: number) => string;
  describe: (flow: Flow) => string;
  testId: string;
}

function FlowSection({ title, flows, moreLabel, describe, testId, labelOf, focus, onFocus }: FlowSectionProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [showAll, setShowAll] = useState(false);
  if (flows.length === 0) return null;
  const shown = showAll ? flows : flows.slice(0, FIRST_SHOWN);
  const duration = (flow: Flow) => {
    const { value, unit } = readableDuration(Date.parse(flow.endedAt) - Date.parse(flow.startedAt));
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="overline" color="text.secondary" component="h4">
        {title}
      </Typography>
      <List dense disablePadding>
        {shown.map((flow, index) => {
          const selected = focus?.flow === flow;
          return (
            <Box key={`${flow.startedAt}-${index}`}>
              <ListItemButton selected={selected} onClick={() => onFocus(selected ? null : { flow, step: 0 })} data-testid={testId} sx={{ borderRadius: 1 }}>
                <ListItemText
                  primary={describe(flow)}
                  secondary={t('timeline.flows.summary', { count: flow.steps.length, duration: duration(flow), at: format.dateTime(flow.startedAt) })}
                  slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
                />
              </ListItemButton>
              {selected && focus && <FlowSteps focus={focus} labelOf={labelOf} onFocus={onFocus} />}
            </Box>
          );
        })}
      </List>
      {!showAll && flows.length > FIRST_SHOWN && (
        <Button size="small" onClick={() => setShowAll(true)} data-testid={`${testId}-more`}>
          {moreLabel(flows.length - FIRST_SHOWN)}
        </Button>
      )}
    </Box>
  );
}

/** The transfers of the focused flow in order; the one in focus is the step drawn strongest on the canvas. */
function FlowSteps({ focus, labelOf, onFocus }: { focus: FlowFocus; labelOf: (nodeId: string) => string; onFocus: (focus: FlowFocus) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { flow, step } = focus;
  return (
    <Box sx={{ pl: 2, pr: 1, pb: 1 }} data-testid="flow-steps">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <IconButton size="small" disabled={step === 0} onClick={() => onFocus({ flow, step: step - 1 })} aria-label={t('timeline.flows.previous')} data-testid="flow-previous">
          <NavigateBeforeIcon fontSize="small" />
        </IconButton>
        <Typography variant="caption" data-testid="flow-step-position">
          {t('timeline.flows.step', { step: step + 1, count: flow.steps.length })}
        </Typography>
        <IconButton size="small" disabled={step >= flow.steps.length - 1} onClick={() => onFocus({ flow, step: step + 1 })} aria-label={t('timeline.flows.next')} data-testid="flow-next">
          <NavigateNextIcon fontSize="small" />
        </IconButton>
      </Box>
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        {flow.steps.map((transfer, index) => (
          <Typography
            key={`${transfer.at}-${index}`}
            component="li"
            variant="caption"
            onClick={() => onFocus({ flow, step: index })}
            sx={{ cursor: 'pointer', fontWeight: index === step ? 700 : 400, color: index === step ? 'primary.main' : 'text.primary', display: 'list-item' }}
          >
            {t('timeline.flows.transfer', {
              source: labelOf(transfer.source),
              target: labelOf(transfer.target),
              // Flow steps carry no currency: the amount is shown as stored, never in an assumed currency.
              amount: transfer.amount === null ? t('money.unknown') : format.number(transfer.amount, 2),
              at: format.dateTime(transfer.at),
            })}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
