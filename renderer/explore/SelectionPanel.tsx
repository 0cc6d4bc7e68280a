import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../main/api';
import { KindBadge } from '../shared/KindBadge';
import { nodeKindName } from '../graph/identifier-names';

/** Lists the selected nodes; a click focuses one (details panel). */
export function SelectionPanel({ nodes, focusedId, onFocus, onSelectAll, onInvert, onClear, onShowTransactions }: { nodes: readonly GraphNode[]; focusedId: string | null; onFocus(nodeId: string): void; onSelectAll(): void; onInvert(): void; onClear(): void; onShowTransactions?(): void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} data-testid="selection-panel">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 1.5, pt: 1 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status" data-testid="selection-count">
          {t('canvas.selection.count', { count: nodes.length })}
        </Typography>
        <Button size="small" onClick={onSelectAll}>
          {t('canvas.selection.all')}
        </Button>
        <Button size="small" onClick={onInvert}>
          {t('canvas.selection.invert')}
        </Button>
        <Button size="small" onClick={onClear} disabled={nodes.length === 0}>
          {t('canvas.selection.none')}
        </Button>
      </Box>
      {onShowTransactions && (
        <Box sx={{ px: 1.5 }}>
          <Button size="small" startIcon={<ReceiptLongIcon />} onClick={onShowTransactions} disabled={nodes.length < 2} data-testid="show-transactions">
            {t('links.transactions.show')}
          </Button>
        </Box>
      )}
      {nodes.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
          {t('canvas.selection.hint')}
        </Typography>
      )}
      <List dense sx={{ overflowY: 'auto', flex: 1, px: 0.5 }}>
        {nodes.map((node) => (
          <ListItemButton key={node.id} selected={node.id === focusedId} onClick={() => onFocus(node.id)} sx={{ borderRadius: 1, gap: 1 }}>
            <ListItemIcon sx={{ minWidth: 0 }}>
              <KindBadge kind={node.kind} riskScore={node.riskScore} size={22} icon={node.identifierType?.icon} />
            </ListItemIcon>
            <ListItemText primary={node.label} secondary={nodeKindName(node, t)} slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true, variant: 'caption' } }} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
