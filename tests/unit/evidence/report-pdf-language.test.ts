import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Case, UiLocale } from '../../../main/api';
import { renderReportPdf } from '../../../main/core/evidence/report-pdf';
import { pdfText } from '../../support/pdf-text';

const NOTE = '该团伙共用同一批设备和手机号，疑似中介包装的虚假身份，建议拉入黑名单。';

const chineseCase: Case = {
  id: 'RS-20261130-abcd1234',
  version: 3,
  title: '',
  description: '',
  assignee: null,
  status: 'in_review',
  cluster: { origin: 'ring', ringId: 'R-42', ringKind: 'shared-identity', score: 0.91, reasons: [], accounts: [{ nodeId: 'account:U0000001', userId: 'U0000001' }], identifierNodeIds: [] },
  tag: { reasonCode: 'fraud_ring', confidence: 0.8, note: '', taggedBy: '王芳', taggedAt: '2026-11-30T02:00:00.000Z' },
  taggedBy: ['王芳'],
  submittedBy: '王芳',
  submittedAt: '2026-11-30T02:05:00.000Z',
  notes: [{ author: '王芳', at: '2026-11-30T02:01:00.000Z', text: NOTE }],
  reviews: [],
  createdBy: '王芳',
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedBy: '王芳',
  updatedAt: '2026-11-30T02:05:00.000Z',
  snapshot: null,
  signatures: [],
  views: [],
  chosenViewId: null,
};


/** The PDF's text as a reader's viewer extracts it (poppler's pdftotext), spaces squeezed out. */
async function reportText(locale: UiLocale): Promise<string> {
  const pdf = await renderReportPdf({
    caseRecord: chineseCase,
    graph: { nodes: [], edges: [] },
    picture: { drawn: { nodes: [], edges: [] }, positions: new Map(), view: null },
    auditEvents: [],
    changedSince: [],
    exportedBy: '李明',
    exportedAt: '2026-11-30T03:00:00.000Z',
    appVersion: 'test',
    source: { kind: 'embedded', name: 'Demo', accountCount: 1 },
    includePii: false,
    locale,
  });
  return pdfText(pdf);
}

describe.skipIf(!hasPdftotext())('report.pdf languages', () => {
  it('prints a Chinese note and names as Chinese, not question marks, in an English report', async () => {
    const text = await reportText('en');
    expect(text).toContain(NOTE);
    expect(text).toContain('Notes(1)');
    expect(text).toContain('RingR-42·Sharedidentity');
    expect(text).not.toContain('??');
  });

  it('words the whole report in Chinese when exported in zh-CN, from the codes the case keeps', async () => {
    const text = await reportText('zh-CN');
    expect(text).toContain(NOTE);
    expect(text).toContain('备注（1）');
    expect(text).toContain('团伙R-42·共用身份');
    expect(text).toContain('待复核');
    expect(text).toContain('欺诈团伙');
    expect(text).not.toContain('Notes');
  });
});

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
