// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyCanvas } from '../../../renderer/graph/canvas-model';
import type { StyleRule } from '../../../renderer/graph/style-rules';
import { StyleRulesPanel } from '../../../renderer/explore/StyleRulesPanel';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const byChannel: StyleRule = { id: 'c', target: 'node', property: 'channel', channel: 'color', mapping: { type: 'categories', entries: [{ value: 'app', output: '#4e79a7' }, { value: 'web', output: '#f28e2b' }] } };
const byRisk: StyleRule = {
  id: 'r',
  target: 'node',
  property: 'riskScore',
  channel: 'color',
  mapping: { type: 'ranges', ranges: [{ min: null, max: 0.3, output: '#b4a7d6' }, { min: 0.3, max: 0.7, output: '#8e7cc3' }, { min: 0.7, max: null, output: '#351c75' }] },
};

function renderPanel(rules: StyleRule[]) {
  const onChange = vi.fn<(rules: StyleRule[]) => void>();
  renderWithProviders(<StyleRulesPanel model={{ ...emptyCanvas(), styleRules: rules }} onChange={onChange} />);
  return onChange;
}
const editButtons = () => screen.getAllByRole('button', { name: 'Edit colours and ranges' });

describe('editing a styling rule in the panel', () => {
  it('changes the colour of one category value and applies it as one change', () => {
    const onChange = renderPanel([byRisk, byChannel]);
    fireEvent.click(editButtons()[1]);
    expect(screen.getByTestId('apply-style-rule')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Colour for “web”'), { target: { value: '#e15759' } });
    fireEvent.click(screen.getByTestId('apply-style-rule'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toEqual([byRisk, { ...byChannel, mapping: { type: 'categories', entries: [{ value: 'app', output: '#4e79a7' }, { value: 'web', output: '#e15759' }] } }]);
    expect(screen.queryByTestId('style-rule-editor')).toBeNull();
  });

  it('moves a range bound, and says why it cannot apply ranges that overlap or a bound that is no number', () => {
    const onChange = renderPanel([byRisk]);
    fireEvent.click(editButtons()[0]);
    fireEvent.change(screen.getByLabelText('Upper bound of Range 1'), { target: { value: '0.8' } });
    expect(screen.getAllByTestId('style-rule-issue').map((issue) => issue.textContent)).toEqual([
      'Range 2 holds no value: its lower bound must be below its upper bound.',
      'Range 3 overlaps the range before it: it must start at or above where that one ends.',
    ]);
    expect(screen.getByTestId('apply-style-rule')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Upper bound of Range 1'), { target: { value: '1,5' } });
    expect(screen.getAllByTestId('style-rule-issue')[0].textContent).toMatch(/^Range 1: a bound must be a plain number/);
    fireEvent.change(screen.getByLabelText('Upper bound of Range 1'), { target: { value: '0.25' } });
    expect(screen.queryAllByTestId('style-rule-issue')).toEqual([]);
    fireEvent.click(screen.getByTestId('apply-style-rule'));
    expect(onChange.mock.calls[0][0][0].mapping).toMatchObject({ ranges: [{ min: null, max: 0.25 }, { min: 0.25, max: 0.7 }, { min: 0.7, max: null }] });
  });

  it('cancel leaves the rule as it was', () => {
    const onChange = renderPanel([byRisk]);
    fireEvent.click(editButtons()[0]);
    fireEvent.change(screen.getByLabelText('Colour for Range 2'), { target: { value: '#000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.queryByTestId('style-rule-editor')).toBeNull();
  });
});
