import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../main/api';
import { addSubgraph, addWithHighlight, emptyCanvas, groupNodes, moveNodes, setFilters, setGroupsCollapsed, setHidden, setHighlighted, setPinned, NO_FILTERS } from '../../../renderer/graph/canvas-model';
import { setStyleRules, type StyleRule } from '../../../renderer/graph/style-rules';
import { openSavedCanvas } from '../../../renderer/explore/open-saved-canvas';
import { parseWorkspaceFile, toWorkspaceFile, workspaceModel, WorkspaceFileError } from '../../../renderer/graph/workspace-file';

function account(id: string): GraphNode {
  return { id, kind: 'account', key: id, label: id, properties: {}, riskScore: 0.5, blacklisted: false, degree: 1 };
}
const link = (source: string, target: string): GraphEdge => ({ id: `${source}-${target}`, source, target, type: 'TRANSFERRED_TO', kind: 'transfer', properties: {} });

const graph = { nodes: [account('a'), account('b'), account('c')], edges: [link('a', 'b'), link('b', 'c')] };
const built = [setPinned(['a'], true), setHidden(['c'], true), groupNodes([{ id: 'g', label: 'Ring', memberIds: ['a', 'b'] }]), setFilters({ ...NO_FILTERS, riskBands: ['high'], mode: 'hide' })].reduce(
  (model, command) => command.apply(model),
  addSubgraph(graph).apply(emptyCanvas()),
);
const source = { kind: 'embedded' as const, name: 'Demo graph', accountCount: 3 };

describe('workspace files', () => {
  it('saves the canvas by reference and opens it back exactly when the source has every node', () => {
    const text = JSON.stringify(toWorkspaceFile(built, source, new Date('2026-11-30T05:00:00Z')));
    expect(text).not.toContain('"properties"');
    const { model, missingNodeIds } = workspaceModel(parseWorkspaceFile(text), graph);
    expect(missingNodeIds).toEqual([]);
    expect(model).toEqual(built);
  });

  it('names the nodes the source lacks and shows the rest without their links and empty groups', () => {
    const file = parseWorkspaceFile(JSON.stringify(toWorkspaceFile(built, source, new Date())));
    const { model, missingNodeIds } = workspaceModel(file, { nodes: [account('b'), account('c')], edges: [link('b', 'c')] });
    expect(missingNodeIds).toEqual(['a']);
    expect(Object.keys(model.nodes)).toEqual(['b', 'c']);
    expect(Object.keys(model.edges)).toEqual(['b-c']);
    expect(model.nodes.b.groupId).toBe('g');
  });

  it('says why a file is not a workspace it can open', () => {
    const codeOf = (text: string) => {
      try {
        parseWorkspaceFile(text);
        return null;
      } catch (error) {
        return error instanceof WorkspaceFileError ? error.code : 'other';
      }
    };
    const valid = toWorkspaceFile(built, source, new Date());
    expect(codeOf('not json')).toBe('notJson');
    expect(codeOf('{"format":"something-else"}')).toBe('notWorkspace');
    expect(codeOf(JSON.stringify({ ...valid, version: 3 }))).toBe('unsupportedVersion');
    expect(codeOf(JSON.stringify({ ...valid, groups: [{ id: 'g', label: 'Ring' }] }))).toBe('invalid');
    expect(codeOf(JSON.stringify({ ...valid, nodes: [{ id: 'a' }] }))).toBe('invalid');
    expect(codeOf(JSON.stringify({ ...valid, extra: true }))).toBe('invalid');
  });

  it('keeps a collapsed group collapsed through a save and open', () => {
    const collapsed = setGroupsCollapsed(['g'], true).apply(built);
    const { model } = workspaceModel(parseWorkspaceFile(JSON.stringify(toWorkspaceFile(collapsed, source, new Date()))), graph);
    expect(model.groups.g.collapsed).toBe(true);
    expect(model).toEqual(collapsed);
  });

  it('opens a version 1 file (saved before groups could collapse) with its groups expanded', () => {
    const current = toWorkspaceFile(built, source, new Date('2026-11-30T05:00:00Z'));
    const { styleRules: _rules, ringScores: _scores, ...withoutVersionTwoFields } = current;
    const versionOne = { ...withoutVersionTwoFields, version: 1, groups: current.groups.map(({ id, label }) => ({ id, label })) };
    const { model } = workspaceModel(parseWorkspaceFile(JSON.stringify(versionOne)), graph);
    expect(model).toEqual(built);
    expect(() => parseWorkspaceFile(JSON.stringify({ ...versionOne, groups: [{ id: 'g', label: 'Ring', collapsed: true }] }))).toThrow(WorkspaceFileError);
  });

  it('keeps styling rules and ring scores through a save and open (version 2)', () => {
    const rule: StyleRule = { id: 'r1', target: 'node', property: 'riskScore', channel: 'color', mapping: { type: 'ranges', ranges: [{ min: null, max: 0.5, output: '#C6DBEF' }, { min: 0.5, max: null, output: '#08306B' }] } };
    const styled = [setStyleRules([rule]), addWithHighlight({ nodes: [], edges: [] }, ['a', 'b'], 0.93)].reduce((model, command) => command.apply(model), built);
    const file = parseWorkspaceFile(JSON.stringify(toWorkspaceFile(styled, source, new Date())));
    expect(file.version).toBe(2);
    const { model } = workspaceModel(file, graph);
    expect(model.styleRules).toEqual([rule]);
    expect(model.ringScores).toEqual({ a: 0.93, b: 0.93 });
    expect(model).toEqual(styled);
  });

  it('rejects a rule that does not fit its channel', () => {
    const bad = { ...toWorkspaceFile(built, source, new Date()), styleRules: [{ id: 'r', target: 'node', property: 'kind', channel: 'size', mapping: { type: 'categories', entries: [{ value: 'account', output: '#FF0000' }] } }] };
    expect(() => parseWorkspaceFile(JSON.stringify(bad))).toThrow(WorkspaceFileError);
  });
});

describe('opening a saved canvas onto a drawn one', () => {
  const drawn = [moveNodes({ b: { x: 900, y: 900 } }), setHighlighted(['b'])].reduce((model, command) => command.apply(model), addSubgraph({ nodes: [account('b'), account('d')], edges: [] }).apply(emptyCanvas()));

  it('replaces what is drawn with the saved canvas as it was saved', () => {
    expect(openSavedCanvas(built, 'replace').apply(drawn)).toEqual(built);
  });

  it('adds the saved canvas beside what is drawn: drawn nodes keep their place, saved ones bring theirs, pins, hidden marks and groups', () => {
    const added = openSavedCanvas(built, 'add').apply(drawn);
    expect(Object.keys(added.nodes).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(added.nodes.b.position).toEqual({ x: 900, y: 900 });
    expect(added.nodes.a).toEqual(built.nodes.a);
    expect(added.nodes.c.hidden).toBe(true);
    expect(added.groups).toEqual(built.groups);
    expect(Object.keys(added.edges).sort()).toEqual(['a-b', 'b-c']);
    expect(added.highlighted).toEqual(['b']);
    expect(added.filters).toEqual(drawn.filters);
  });
});
