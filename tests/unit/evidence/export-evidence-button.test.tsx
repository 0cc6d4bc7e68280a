// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../main/api';
import { ExportEvidenceButton } from '../../../renderer/evidence/ExportEvidenceButton';
import { renderWithProviders } from '../renderer/render-with-providers';

afterEach(cleanup);

const exported = {
  fileName: 'case-1-20251125T101530123Z.zip',
  savedPath: '/data/exports/case-1-20251125T101530123Z.zip',
  bytes: 1234,
  sha256: 'c'.repeat(64),
  files: [{ name: 'report.pdf', sha256: 'd'.repeat(64), bytes: 1000 }],
};

function apiWith(exportCase: (input: unknown) => Promise<unknown>): Api {
  return { evidence: { export: exportCase, verify: vi.fn() }, events: { onProgress: () => () => undefined } } as unknown as Api;
}

describe('ExportEvidenceButton', () => {
  it('exports masked by default and offers the download link with the package SHA-256', async () => {
    const exportCase = vi.fn(async () => exported);
    renderWithProviders(<ExportEvidenceButton caseId="case-1" />, apiWith(exportCase));
    fireEvent.click(screen.getByRole('button', { name: 'Export evidence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const result = await screen.findByTestId('evidence-result');
    expect(exportCase).toHaveBeenCalledWith(expect.objectContaining({ caseId: 'case-1', includePii: false }));
    expect(screen.getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(`/api/evidence/download/${exported.fileName}`);
    expect(result.textContent).toContain(exported.sha256);
  });

  it('warns that unmasked personal data is audited before exporting it', async () => {
    const exportCase = vi.fn(async () => exported);
    renderWithProviders(<ExportEvidenceButton caseId="case-1" />, apiWith(exportCase));
    fireEvent.click(screen.getByRole('button', { name: 'Export evidence' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Include unmasked personal data/ }));
    expect(screen.getByRole('alert').textContent).toContain('recorded in the audit trail');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByTestId('evidence-result');
    expect(exportCase).toHaveBeenCalledWith(expect.objectContaining({ includePii: true }));
  });

  it('shows why an export failed, such as a full disk', async () => {
    const { ApiError } = await import('../../../main/api');
    renderWithProviders(<ExportEvidenceButton caseId="case-1" />, apiWith(async () => Promise.reject(new ApiError('unavailable', 'Could not write the evidence package to /x: disk full'))));
    fireEvent.click(screen.getByRole('button', { name: 'Export evidence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByText(/disk full/)).textContent).toContain('disk full');
  });
});
