import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { DiscoveredSchema, EventLinkFarEnd, SchemaMapping } from '../../main/api';
import { NameSelect, Section } from './mapping-fields';
import { choicesWith, eventFarEnd, propertiesOf, relationshipPropertiesOf, withAccountLink, withEventLink, withNewAccountLink, withNewEventLink } from './schema-mapping-edit';

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
    <Section title={t('connect.schema.eventLinks')} columns={8}>
      {mapping.eventLinks.flatMap((link, index) => {
        const patch = (change: Parameters<typeof withEventLink>[2]) => onChange(withEventLink(mapping, index, change, schema));
        const keys = propertiesOf(schema, link.eventLabel);
        return [
          <NameSelect key={`${index}-from`} testId={`event-link-${index}-from`} label={t('connect.schema.fromType')} value={link.fromType} choices={schema.relationshipTypes} onChange={(fromType) => patch({ fromType: fromType ?? '' })} />,
          <NameSelect key={`${index}-label`} testId={`event-link-${index}-label`} label={t('connect.schema.eventLabel')} value={link.eventLabel} choices={schema.labels} onChange={(eventLabel) => patch({ eventLabel: eventLabel ?? '' })} />,
          <NameSelect key={`${index}-to`} testId={`event-link-${index}-to`} label={t('connect.schema.toType')} value={link.toType} choices={schema.relationshipTypes} onChange={(toType) => patch({ toType: toType ?? '' })} />,
          <EventFarEndFields key={`${index}-far-end`} index={index} schema={schema} farEnd={link.farEnd} onChange={(farEnd) => patch({ farEnd })} />,
          <NameSelect key={`${index}-amount`} testId={`event-link-${index}-amount`} optional label={t('connect.schema.amountProperty')} value={link.amountProperty} choices={keys} onChange={(amountProperty) => patch({ amountProperty })} />,
          <NameSelect key={`${index}-time`} testId={`event-link-${index}-time`} optional label={t('connect.schema.timeProperty')} value={link.timeProperty} choices={keys} onChange={(timeProperty) => patch({ timeProperty })} />,
          <WeightField key={`${index}-weight`} testId={`event-link-${index}-weight`} value={link.weight} onChange={(weight) => patch({ weight })} />,
          <Button key={`${index}-remove`} onClick={() => patch(null)}>
            {t('connect.schema.removeLink')}
          </Button>,
        ];
      })}
      <Button onClick={() => onChange(withNewEventLink(mapping, schema))} data-testid="add-event-link" disabled={schema.labels.length === 0} sx={{ gridColumn: '1 / -1', justifySelf: 'start' }}>
        {t('connect.schema.addEventLink')}
      </Button>
    </Section>
  );
}

/** An event link's far end: an account, or a merchant label (payments the cash-out check reads) with the key telling merchants apart. */
function EventFarEndFields({ index, schema, farEnd, onChange }: { index: number; schema: DiscoveredSchema; farEnd: EventLinkFarEnd; onChange(farEnd: EventLinkFarEnd): void }) {
  const { t } = useTranslation();
  const merchantLabel = farEnd.kind === 'merchant' ? farEnd.label : null;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <TextField select size="small" label={t('connect.schema.eventFarEnd.label')} value={merchantLabel ?? ACCOUNT_FAR_END} onChange={(event) => onChange(eventFarEnd(schema, event.target.value === ACCOUNT_FAR_END ? null : event.target.value, farEnd))} slotProps={{ htmlInput: { 'data-testid': `event-link-${index}-far-end` } }}>
        <MenuItem value={ACCOUNT_FAR_END}>{t('connect.schema.eventFarEnd.account')}</MenuItem>
        {choicesWith(schema.labels, merchantLabel).map((label) => (
          <MenuItem key={label} value={label}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      {farEnd.kind === 'merchant' && (
        <NameSelect testId={`event-link-${index}-merchant-id`} label={t('connect.schema.eventFarEnd.merchantIdProperty')} value={farEnd.idProperty} choices={propertiesOf(schema, farEnd.label)} onChange={(idProperty) => onChange({ ...farEnd, idProperty: idProperty ?? '' })} />
      )}
    </Box>
  );
}

/** The far-end select's value for "an account": no label has a colon (GraphName), and MUI shows an empty value as no choice. */
const ACCOUNT_FAR_END = ':account';
