// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RING_REASON_CODES } from '../../../main/api';
import { ClusterOrigin } from '../../../renderer/cases/CaseEvidence';
import { i18n } from '../../../renderer/i18n/i18n';
import { formatRingReason } from '../../../renderer/i18n/ring-reason';
import { RING_REASON_SENTENCES } from '../../support/ring-reason-sentences';
import { caseFixture } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

describe('ring reasons in English', () => {
  it('has a sentence for every reason code the core sends', () => {
    const covered = new Set(RING_REASON_SENTENCES.flatMap(([, reason]) => (typeof reason === 'string' ? [] : [reason.code])));
    expect([...covered].sort()).toEqual([...RING_REASON_CODES].sort());
  });

  it.each(RING_REASON_SENTENCES)('words %s', (_what, reason, sentence) => {
    expect(formatRingReason(reason, i18n.getFixedT('en'), 'en')).toBe(sentence);
  });
});

describe('a case’s ring reasons', () => {
  it('shows coded reasons and reasons a case stored as sentences before, side by side', () => {
    const { cluster } = caseFixture();
    renderWithProviders(
      <ClusterOrigin
        cluster={{ ...cluster, reasons: ['4 accounts share 2 devices (saved before)', { code: 'blacklisted_members', params: { members: 2 } }] }}
      />,
    );
    const items = within(screen.getByTestId('ring-evidence'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual(['4 accounts share 2 devices (saved before)', '2 members already blacklisted']);
  });
});
