import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { DiscoveredSchema, SchemaMapping } from '../../main/api';
import { NameSelect, Section } from './mapping-fields';
import { propertiesOf, relationshipPropertiesOf, withAccountLink, withEventLink, withNewAccountLink, withNewEventLink } from './schema-mapping-edit';

interface LinkSectionProps {
  schema: DiscoveredSchema;
  mapping: SchemaMapping;
  onChange(mapping: SchemaMapping): void;
}

/** How strongly one link ties two accounts (0.01..1); an unreadable entry keeps the last value. */
function WeightField({ value, onChange, testId }: { value: number; onChange(weight: number): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      size="small"
      type="number"
      label={t('connect.schema.weight')}
      value={value}
      onChange={(event) => {
        const weight = Number(event.target.value);
        if (Number.isFinite(weight)) onChange(weight);
      }}
      slotProps={{ htmlInput: { min: 0.01, max: 1, step: 0.05, 'data-testid': testId } }}
    />
  );
}

/** Direct relationships between accounts (calls, referrals, guarantees, co-signing), any number of them. */
export function AccountLinksSection({ schema, mapping, onChange }: LinkSectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('connect.schema.accountLinks')} columns={6}>
      {mapping.accountLinks.flatMap((link, index) => {
        const patch = (change: Parameters<typeof withAccountLink>[2]) => onChange(withAccountLink(mapping, index, change, schema));
        const keys = relationshipPropertiesOf(schema, link.relationshipType);
        return [
          <NameSelect key={`${index}-type`} testId={`account-link-${index}-type`} label={t('connect.schema.relationshipType')} value={link.relationshipType} choices={schema.relationshipTypes} onChange={(relationshipType) => patch({ relationshipType: relationshipType ?? '' })} />,
          <TextField key={`${index}-directed`} select size="small" label={t('connect.schema.direction')} value={link.directed ? 'directed' : 'undirected'} onChange={(event) => patch({ directed: event.target.value === 'directed' })} slotProps={{ htmlInput: { 'data-testid': `account-link-${index}-directed` } }}>
            <MenuItem value="directed">{t('connect.schema.directed')}</MenuItem>
            <MenuItem value="undirected">{t('connect.schema.undirected')}</MenuItem>
          </TextField>,
          <NameSelect key={`${index}-amount`} testId={`account-link-${index}-amount`} optional label={t('connect.schema.amountProperty')} value={link.amountProperty} choices={keys} onChange={(amountProperty) => patch({ amountProperty })} />,
          <NameSelect key={`${index}-time`} testId={`account-link-${index}-time`} optional label={t('connect.schema.timeProperty')} value={link.timeProperty} choices={keys} onChange={(timeProperty) => patch({ timeProperty })} />,
          <WeightField key={`${index}-weight`} testId={`account-link-${index}-weight`} value={link.weight} onChange={(weight) => patch({ weight })} />,
          <Button key={`${index}-remove`} onClick={() => patch(null)}>
            {t('connect.schema.removeLink')}
          </Button>,
        ];
      })}
      <Button onClick={() => onChange(withNewAccountLink(mapping, schema))} data-testid="add-account-link" disabled={schema.relationshipTypes.length === 0}>
        {t('connect.schema.addAccountLink')}
      </Button>
    </Section>
  );
}

/** Two-hop links through an event node, `(a)-[T1]->(e:Label)-[T2]->(b)`: payments or transactions stored as nodes. */
export function EventLinksSection({ schema, mapping, onChange }: LinkSectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('connect.schema.eventLinks')} columns={7}>
      {mapping.eventLinks.flatMap((link, index) => {
        const patch = (change: Parameters<typeof withEventLink>[2]) => onChange(withEventLink(mapping, index, change, schema));
        const keys = propertiesOf(schema, link.eventLabel);
        return [
          <NameSelect key={`${index}-from`} testId={`event-link-${index}-from`} label={t('connect.schema.fromType')} value={link.fromType} choices={schema.relationshipTypes} onChange={(fromType) => patch({ fromType: fromType ?? '' })} />,
          <NameSelect key={`${index}-label`} testId={`event-link-${index}-label`} label={t('connect.schema.eventLabel')} value={link.eventLabel} choices={schema.labels} onChange={(eventLabel) => patch({ eventLabel: eventLabel ?? '' })} />,
          <NameSelect key={`${index}-to`} testId={`event-link-${index}-to`} label={t('connect.schema.toType')} value={link.toType} choices={schema.relationshipTypes} onChange={(toType) => patch({ toType: toType ?? '' })} />,
          <NameSelect key={`${index}-amount`} testId={`event-link-${index}-amount`} optional label={t('connect.schema.amountProperty')} value={link.amountProperty} choices={keys} onChange={(amountProperty) => patch({ amountProperty })} />,
          <NameSelect key={`${index}-time`} testId={`event-link-${index}-time`} optional label={t('connect.schema.timeProperty')} value={link.timeProperty} choices={keys} onChange={(timeProperty) => patch({ timeProperty })} />,
          <WeightField key={`${index}-weight`} testId={`event-link-${index}-weight`} value={link.weight} onChange={(weight) => patch({ weight })} />,
          <Button key={`${index}-remove`} onClick={() => patch(null)}>
            {t('connect.schema.removeLink')}
          </Button>,
        ];
      })}
      <Button onClick={() => onChange(withNewEventLink(mapping, schema))} data-testid="add-event-link" disabled={schema.labels.length === 0}>
        {t('connect.schema.addEventLink')}
      </Button>
    </Section>
  );
}
