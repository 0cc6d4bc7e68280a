import type { TFunction } from 'i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '../i18n/format';
import type { StyleRule } from './style-rules';

/** One line per rule, e.g. "Node colour by riskScore". */
export function styleRuleTitle(rule: StyleRule, t: TFunction): string {
  return t('links.rules.title', { what: t(`links.rules.channels.${rule.target}.${rule.channel}`), property: rule.property });
}

/** What a rule's entry or range holds: "merchant", "< 0.25", "0.25 – 0.5", "≥ 0.75". */
export function styleEntryLabels(rule: StyleRule, format: Formatters): string[] {
  if (rule.mapping.type === 'categories') return rule.mapping.entries.map((entry) => entry.value);
  const bound = (value: number | null) => format.number(value, 4);
  return rule.mapping.ranges.map(({ min, max }) => (min === null ? `< ${bound(max)}` : max === null ? `≥ ${bound(min)}` : `${bound(min)} – ${bound(max)}`));
}

/** A swatch for a rule's output: a filled dot for colours, a dot of that size (capped) for sizes, a ring for borders. */
function Swatch({ rule, output }: { rule: StyleRule; output: string | number }) {
  if (typeof output === 'number') {
    const diameter = rule.target === 'node' ? Math.min(24, 6 + output / 3) : 18;
    return rule.target === 'node' ? <Box data-testid="legend-style-swatch" sx={{ width: diameter, height: diameter, borderRadius: '50%', bgcolor: 'text.secondary' }} /> : <Box data-testid="legend-style-swatch" sx={{ width: 22, height: Math.min(10, output), bgcolor: 'text.secondary' }} />;
  }
  if (rule.channel === 'border') return <Box data-testid="legend-style-swatch" sx={{ width: 14, height: 14, borderRadius: '50%', border: `3px solid ${output}` }} />;
  return rule.target === 'node' ? <Box data-testid="legend-style-swatch" sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: output }} /> : <Box data-testid="legend-style-swatch" sx={{ width: 22, height: 3, bgcolor: output }} />;
}

/** The active styling rules in the legend, each with what its colours or sizes mean. */
export function StyleRulesLegend({ rules }: { rules: readonly StyleRule[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rules.length === 0) return null;
  return (
    <Box data-testid="legend-style-rules">
      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontWeight: 600, mb: 0.25 }}>
        {t('links.rules.legendTitle')}
      </Typography>
      {rules.map((rule) => {
        const labels = styleEntryLabels(rule, format);
        const outputs = rule.mapping.type === 'categories' ? rule.mapping.entries.map((entry) => entry.output) : rule.mapping.ranges.map((range) => range.output);
        return (
          <Box key={rule.id} data-testid="legend-style-rule" sx={{ mb: 0.5 }}>
            <Typography variant="caption" component="div">
              {styleRuleTitle(rule, t)}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1, rowGap: 0.25 }}>
              {outputs.map((output, index) => (
                <Box key={labels[index]} sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                  <Box sx={{ width: 28, display: 'flex', justifyContent: 'center', flexShrink: 0 }}>
                    <Swatch rule={rule} output={output} />
                  </Box>
                  <Typography variant="caption" noWrap>
                    {labels[index]}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
