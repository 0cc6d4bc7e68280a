import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasModel } from '../graph/canvas-model';
import { proposeStyleRule, STYLE_CHANNELS, STYLE_TARGETS, styleableProperties, styleValue, type StyleChannel, type StyleRule, type StyleTarget } from '../graph/style-rules';
import { withRule } from '../graph/style-rule-edit';
import { styleRuleTitle } from '../graph/StyleRulesLegend';
import { StyleRuleEditor } from './StyleRuleEditor';

/**
 * Adds, edits and removes styling rules: pick nodes or links, a property and colour, size or border;
 * the first mapping is proposed from the values drawn (ranges for numbers, one colour per category),
 * then each colour, size and range bound can be changed. Every change goes through `onChange` as one
 * undoable canvas command.
 */
export function StyleRulesPanel({ model, onChange }: { model: CanvasModel; onChange(rules: StyleRule[]): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<StyleTarget>('node');
  const [channel, setChannel] = useState<StyleChannel>('color');
  const [property, setProperty] = useState('');
  const [noValues, setNoValues] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const elements = useMemo(() => (target === 'node' ? Object.values(model.nodes).map((drawn) => drawn.node) : Object.values(model.edges)), [model.nodes, model.edges, target]);
  const properties = useMemo(() => styleableProperties(target, elements), [target, elements]);
  const channels = STYLE_CHANNELS.filter((candidate) => target === 'node' || candidate !== 'border');
  const chosen = properties.includes(property) ? property : '';
  const usedChannel = channels.includes(channel) ? channel : 'color';

  const add = () => {
    const rule = proposeStyleRule(`rule-${crypto.randomUUID()}`, target, chosen, usedChannel, elements.map((element) => styleValue(element, target, chosen)));
    setNoValues(rule === null);
    if (rule) onChange([...model.styleRules, rule]);
  };

  return (
    <Box data-testid="style-rules-panel" sx={{ px: 2, py: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle2" component="h3">
        {t('links.rules.panelTitle')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('links.rules.panelHint')}
      </Typography>
      {model.styleRules.map((rule) => (
        <Box key={rule.id} data-testid="style-rule">
          <Box sx={{ display: 'flex', alignItems: 'center' }}>
            <Typography variant="body2" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
              {styleRuleTitle(rule, t)}
            </Typography>
            <Tooltip title={t('links.rules.edit.open')}>
              <IconButton size="small" aria-label={t('links.rules.edit.open')} aria-expanded={editingId === rule.id} color={editingId === rule.id ? 'primary' : 'default'} onClick={() => setEditingId(editingId === rule.id ? null : rule.id)}>
                <EditIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            <Tooltip title={t('links.rules.remove')}>
              <IconButton size="small" aria-label={t('links.rules.remove')} onClick={() => onChange(model.styleRules.filter((other) => other.id !== rule.id))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Box>
          {editingId === rule.id && (
            // Keyed by the rule itself: an undo that changes it underneath starts the draft again from what is drawn.
            <StyleRuleEditor
              key={JSON.stringify(rule)}
              rule={rule}
              onCancel={() => setEditingId(null)}
              onApply={(edited) => {
                onChange(withRule(model.styleRules, edited));
                setEditingId(null);
              }}
            />
          )}
        </Box>
      ))}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mt: 1 }}>
        <TextField select size="small" label={t('links.rules.target')} value={target} onChange={(event) => setTarget(event.target.value as StyleTarget)} slotProps={{ htmlInput: { 'data-testid': 'style-rule-target' } }}>
          {STYLE_TARGETS.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`links.rules.targets.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('links.rules.channel')} value={usedChannel} onChange={(event) => setChannel(event.target.value as StyleChannel)} slotProps={{ htmlInput: { 'data-testid': 'style-rule-channel' } }}>
          {channels.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`links.rules.channels.${target}.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('links.rules.property')} value={chosen} onChange={(event) => setProperty(event.target.value)} sx={{ gridColumn: '1 / -1' }} slotProps={{ htmlInput: { 'data-testid': 'style-rule-property' } }}>
          {properties.map((value) => (
            <MenuItem key={value} value={value} sx={{ fontFamily: 'monospace' }}>
              {value}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {noValues && (
        <Typography variant="caption" color="warning.main" component="p">
          {t('links.rules.noValues')}
        </Typography>
      )}
      <Button size="small" variant="outlined" sx={{ mt: 1 }} disabled={!chosen} onClick={add} data-testid="add-style-rule">
        {t('links.rules.add')}
      </Button>
    </Box>
  );
}
