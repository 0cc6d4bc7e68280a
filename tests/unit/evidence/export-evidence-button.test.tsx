// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
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

type ProgressListener = (event: { taskId: string; state: string; done: number; total: number | null; step: string }) => void;

function apiWith(exportCase: (input: unknown) => Promise<unknown>, listeners: ProgressListener[] = []): Api {
  const onProgress = (listener: ProgressListener) => {
    listeners.push(listener);
    return () => undefined;
  };
  return { evidence: { export: exportCase, verify: vi.fn() }, events: { onProgress } } as unknown as Api;
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
    renderWithProviders(<ExportEvidenceButton caseId="case-1" />, apiWith(async () => Promise.reject(new ApiError('unavailable', 'Could not write the evidence package to /x: disk_full', { reason: 'file_write_failed', params: { path: '/x', cause: 'disk_full' } }))));
    fireEvent.click(screen.getByRole('button', { name: 'Export evidence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByText(/disk full/)).textContent).toContain('disk full');
  });

  it('can be closed when a progress event arrives after the export finished (SSE may lag the answer)', async () => {
    const listeners: ProgressListener[] = [];
    let taskId = '';
    const exportCase = vi.fn(async (input: unknown) => {
      taskId = (input as { taskId: string }).taskId;
      return exported;
    });
    renderWithProviders(<ExportEvidenceButton caseId="case-1" />, apiWith(exportCase, listeners));
    fireEvent.click(screen.getByRole('button', { name: 'Export evidence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByTestId('evidence-result');
    act(() => listeners.forEach((listener) => listener({ taskId, state: 'running', done: 3, total: 8, step: 'evidence.draw-report' })));
    const close = screen.getByRole('button', { name: 'Close' });
    expect(close.hasAttribute('disabled')).toBe(false);
    fireEvent.click(close);
    await waitFor(() => expect(screen.queryByTestId('evidence-result')).toBeNull());
  });
});
