import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ringReasonText } from '../../../main/core/evidence/reason-text';
import { renderReportPdf } from '../../../main/core/evidence/report-pdf';
import { sampleCase } from '../../support/investigation-store-contract';
import { RING_REASON_SENTENCES } from '../../support/ring-reason-sentences';

/** The text the PDF draws, line by line: its Flate streams inflated and their hex-coded TJ strings joined. */
function pdfLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a Flate content stream (e.g. an image)
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push([...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1], 'hex').toString('latin1')).join(''));
    }
  }
  return lines;
}

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
      positions: new Map(),
      auditEvents: [],
      exportedBy: 'ana',
      exportedAt: '2025-01-01T09:00:00.000Z',
      appVersion: '0.0.0',
      source: { kind: 'embedded', name: 'Demo graph', accountCount: 1 },
      includePii: false,
      changedSince: [],
    });
    const text = pdfLines(pdf).join('\n');
    expect(text).toContain('2 members already blacklisted');
    expect(text).toContain('an older saved sentence');
    expect(text).not.toContain('[object Object]');
  });
});
