import { describe, expect, it } from 'vitest';
import { ringReasonText } from '../../../main/core/evidence/reason-text';
import { RING_REASON_SENTENCES } from '../../support/ring-reason-sentences';

describe('ring reasons in the evidence PDF (English)', () => {
  it.each(RING_REASON_SENTENCES)('words %s as the renderer does', (_what, reason, sentence) => {
    expect(ringReasonText(reason)).toBe(sentence);
  });
});
