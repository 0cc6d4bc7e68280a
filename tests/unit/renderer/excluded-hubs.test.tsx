// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphNode, RingsDetectResult } from '../../../main/api';
import { nodeElement } from '../../../renderer/graph/elements';
import { hubCountLine } from '../../../renderer/graph/identifier-names';
import { i18n } from '../../../renderer/i18n/i18n';
import { ExcludedHubs } from '../../../renderer/rings/ExcludedHubs';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const detection = {
  supernodeCutoff: 50,
  excludedHubCount: 2,
  excludedHubs: [
    { nodeId: 'identifier:4:x:9', kind: 'identifier', maskedLabel: '•••89', accountCount: 120, identifierType: { displayName: 'SSN', icon: 'id-card' } },
    { nodeId: 'ip:4:x:8', kind: 'ip', maskedLabel: '193.15.249.•••', accountCount: 80 },
  ],
} as unknown as RingsDetectResult;

describe('hubs of kinds a team named', () => {
  it('the run summary names an excluded hub by its mapping entry (SSN), a built-in kind by its word', () => {
    renderWithProviders(<ExcludedHubs detection={detection} />);
    fireEvent.click(screen.getByText(/2 hubs excluded/));
    const [ssn, ip] = screen.getAllByTestId('excluded-hub');
    expect(within(ssn).getByRole('img').getAttribute('aria-label')).toBe('SSN');
    expect(ssn.textContent).toContain('SSN');
    expect(ssn.textContent).not.toMatch(/identifier/i);
    expect(within(ip).getByRole('img').getAttribute('aria-label')).toBe('IP address');
  });

  it('a collapsed hub on the canvas says which kind it is when the mapping names it', () => {
    const t = i18n.getFixedT('en');
    const ssnHub: GraphNode = { id: 'identifier:4:x:9', kind: 'identifier', key: '•••89', label: '•••89', properties: {}, riskScore: null, blacklisted: false, degree: 1337, identifierType: { displayName: 'SSN', icon: 'id-card' } };
    expect(nodeElement(ssnHub, 50, (count, node) => hubCountLine(t, count, node)).data.label).toBe('•••89\nSSN · 1,337 linked');
    const officeIp: GraphNode = { ...ssnHub, id: 'ip:7', kind: 'ip', label: '193.15.249.•••', identifierType: undefined };
    expect(nodeElement(officeIp, 50, (count, node) => hubCountLine(t, count, node)).data.label).toBe('193.15.249.•••\n1,337 linked');
  });
});
