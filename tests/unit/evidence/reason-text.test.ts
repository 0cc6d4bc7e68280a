import { describe, expect, it } from 'vitest';
import { ringReasonText } from '../../../main/core/evidence/reason-text';
import { renderReportPdf } from '../../../main/core/evidence/report-pdf';
import { sampleCase } from '../../support/investigation-store-contract';
import { pdfText } from '../../support/pdf-text';
import { RING_REASON_SENTENCES } from '../../support/ring-reason-sentences';

describe('ring reasons in the evidence PDF (English)', () => {
  it.each(RING_REASON_SENTENCES)('words %s as the renderer does', (_what, reason, sentence) => {
    expect(ringReasonText(reason)).toBe(sentence);
  });

  it('prints a case’s coded and saved-as-sentence reasons as sentences in the report', async () => {
    const caseRecord = sampleCase('RS-PDF', {
      version: 1,
      cluster: {
        origin: 'ring',
        ringId: 'C-U1',
        ringKind: 'shared-identity',
        score: 0.8,
        reasons: [{ code: 'blacklisted_members', params: { members: 2 } }, 'an older saved sentence'],
        accounts: [{ nodeId: 'account:U1', userId: 'U1' }],
        identifierNodeIds: [],
      },
    });
    const pdf = await renderReportPdf({
      caseRecord,
      graph: { nodes: [], edges: [] },
      picture: { drawn: { nodes: [], edges: [] }, positions: new Map(), view: null },
      auditEvents: [],
      exportedBy: 'ana',
      exportedAt: '2025-01-01T09:00:00.000Z',
      appVersion: '0.0.0',
      source: { kind: 'embedded', name: 'Demo graph', accountCount: 1 },
      includePii: false,
      changedSince: [],
      locale: 'en',
    });
    const text = pdfText(pdf);
    expect(text).toContain('2membersalreadyblacklisted');
    expect(text).toContain('anoldersavedsentence');
    expect(text).not.toContain('[object Object]');
  });
});
