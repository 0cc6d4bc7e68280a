import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RingsDetectResult } from '../../main/api';
import { nodeKindName } from '../graph/identifier-names';
import { KindBadge } from '../shared/KindBadge';

/** The hubs left out of the projection, collapsed by default: what the cutoff removed, largest first. */
export function ExcludedHubs({ detection }: { detection: RingsDetectResult }) {
  const { t } = useTranslation();
  const { excludedHubs, excludedHubCount, supernodeCutoff } = detection;
  return (
    <Accordion disableGutters variant="outlined" data-testid="excluded-hubs" sx={{ '&:before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">{t('rings.hubs', { count: excludedHubCount, cutoff: supernodeCutoff })}</Typography>
      </AccordionSummary>
      <AccordionDetails sx={{ pt: 0, maxHeight: 240, overflowY: 'auto' }}>
        {excludedHubs.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('rings.noHubs', { cutoff: supernodeCutoff })}
          </Typography>
        )}
        {excludedHubs.map((hub) => (
          <Box key={hub.nodeId} data-testid="excluded-hub" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
            <KindBadge kind={hub.kind} size={20} title={nodeKindName(hub, t)} icon={hub.identifierType?.icon} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.2 }}>
                {nodeKindName(hub, t)}
              </Typography>
              <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                {hub.maskedLabel}
              </Typography>
            </Box>
            <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('rings.hubAccounts', { count: hub.accountCount })}
            </Typography>
          </Box>
        ))}
        {excludedHubCount > excludedHubs.length && (
          <Typography variant="caption" color="text.secondary">
            {t('rings.hubsMore', { count: excludedHubCount - excludedHubs.length })}
          </Typography>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
