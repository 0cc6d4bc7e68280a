import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftOf, ruleFromDraft, withBound, withOutput, type StyleRuleDraft } from '../graph/style-rule-edit';
import type { StyleRule } from '../graph/style-rules';

/** A range's fields, left to right. */
const BOUND_ENDS = ['min', 'max'] as const;

export interface StyleRuleEditorProps {
  rule: StyleRule;
  /** The edited rule, valid; applying it is one undoable canvas command. */
  onApply(rule: StyleRule): void;
  onCancel(): void;
}

/**
 * Edits a rule in place: the colour (or size) of each category value, or each range's bounds and
 * output. Nothing reaches the canvas until Apply, and Apply waits until the ranges are ordered,
 * do not overlap and every bound and size is a number, saying what is wrong meanwhile.
 */
export function StyleRuleEditor({ rule, onApply, onCancel }: StyleRuleEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StyleRuleDraft>(() => draftOf(rule));
  const root = useRef<HTMLDivElement>(null);
  // Opened at the bottom of a scrolling panel, the editor brings itself into view.
  useEffect(() => {
    root.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const result = ruleFromDraft(rule, draft);
  const changed = result.rule !== null && JSON.stringify(result.rule) !== JSON.stringify(rule);
  const ranges = rule.mapping.type === 'ranges';
  const categoryValues = rule.mapping.type === 'categories' ? rule.mapping.entries.map((entry) => entry.value) : [];
  const itemName = (index: number) => (ranges ? t('links.rules.edit.range', { index: index + 1 }) : `“${categoryValues[index]}”`);
  const badRows = new Set(result.issues.map((issue) => issue.index));

  const output = (index: number) => {
    const label = t(rule.channel === 'size' ? 'links.rules.edit.sizeOf' : 'links.rules.edit.colourOf', { item: itemName(index) });
    if (rule.channel === 'size') {
      return (
        <TextField
          size="small"
          type="number"
          value={draft.outputs[index]}
          onChange={(event) => setDraft(withOutput(draft, index, event.target.value))}
          error={result.issues.some((issue) => issue.index === index && issue.code === 'size')}
          slotProps={{ htmlInput: { 'aria-label': label, min: 1, max: 120, step: 1, 'data-testid': 'style-rule-output' } }}
          sx={{ width: 76 }}
        />
      );
    }
    return (
      <Box
        component="input"
        type="color"
        value={draft.outputs[index]}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setDraft(withOutput(draft, index, event.target.value))}
        aria-label={label}
        title={label}
        data-testid="style-rule-output"
        sx={{ width: 40, height: 30, p: '2px', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', cursor: 'pointer', flexShrink: 0 }}
      />
    );
  };

  const bound = (index: number, end: (typeof BOUND_ENDS)[number]) => (
    <TextField
      key={end}
      size="small"
      value={draft.bounds[index][end]}
      placeholder={t('links.rules.edit.noLimit')}
      onChange={(event) => setDraft(withBound(draft, index, end, event.target.value))}
      error={badRows.has(index)}
      slotProps={{ htmlInput: { 'aria-label': t(end === 'min' ? 'links.rules.edit.fromOf' : 'links.rules.edit.belowOf', { item: itemName(index) }), inputMode: 'decimal', 'data-testid': `style-rule-${end}` } }}
    />
  );

  return (
    <Box ref={root} data-testid="style-rule-editor" sx={{ mt: 0.5, mb: 1.5, p: 1.25, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'action.hover' }}>
      {ranges ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: rule.channel === 'size' ? '76px 1fr 1fr' : '40px 1fr 1fr', columnGap: 1, rowGap: 0.75, alignItems: 'center' }}>
          <span />
          <Typography variant="caption" color="text.secondary">
            {t('links.rules.edit.from')}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t('links.rules.edit.below')}
          </Typography>
          {draft.bounds.map((_, index) => (
            <Box key={index} data-testid="style-rule-range" sx={{ display: 'contents' }}>
              {output(index)}
              {BOUND_ENDS.map((end) => bound(index, end))}
            </Box>
          ))}
        </Box>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1, rowGap: 0.75, alignItems: 'center' }}>
          {categoryValues.map((value, index) => (
            <Box key={value} data-testid="style-rule-entry" sx={{ display: 'contents' }}>
              {output(index)}
              <Typography variant="body2" noWrap title={value} sx={{ minWidth: 0 }}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {ranges && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.75 }}>
          {t('links.rules.edit.rangesHint')}
        </Typography>
      )}
      {result.issues.map((issue) => (
        <Typography key={`${issue.index}-${issue.code}`} variant="caption" color="error" component="p" role="alert" data-testid="style-rule-issue">
          {t(`links.rules.edit.issues.${issue.code}`, { item: itemName(issue.index) })}
        </Typography>
      ))}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 1 }}>
        <Button size="small" onClick={onCancel}>
          {t('links.rules.edit.cancel')}
        </Button>
        <Button size="small" variant="contained" disabled={!changed} onClick={() => result.rule && onApply(result.rule)} data-testid="apply-style-rule">
          {t('links.rules.edit.apply')}
        </Button>
      </Box>
    </Box>
  );
}
