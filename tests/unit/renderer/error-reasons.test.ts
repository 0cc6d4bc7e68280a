import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, API_ERROR_REASONS, ApiError } from '../../../main/api';
import en from '../../../renderer/i18n/en.json';
import { i18n } from '../../../renderer/i18n/i18n';
import { errorText } from '../../../renderer/shared/error-text';

describe('error reasons', () => {
  it('gives each reason exactly one code, and every reason a text in English', () => {
    const all = API_ERROR_CODES.flatMap((code) => API_ERROR_REASONS[code]);
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(en.errors.reason).sort()).toEqual([...all].sort());
  });

  it('words the four kinds of conflict differently, and never as "wait for the running task" unless a task runs', () => {
    const t = i18n.t;
    const texts = (['task_running', 'stale_version', 'transition_refused', 'tag_missing'] as const).map((reason) =>
      errorText(t, new ApiError('conflict', 'developer text', { reason, params: { taskId: 't1', updatedBy: 'lee', updatedAt: '09:30', status: 'approved', action: 'submit' } })),
    );
    expect(new Set(texts).size).toBe(4);
    expect(texts.filter((text) => /wait for/i.test(text))).toEqual([texts[0]]);
    expect(texts.join(' ')).not.toContain('developer text');
  });

  it('words code-valued parameters in the reader\'s language (a Chinese text never shows "case" or "members")', async () => {
    const zh = i18n.cloneInstance({ lng: 'zh-CN' });
    await zh.changeLanguage('zh-CN');
    const missing = errorText(zh.t, new ApiError('not_found', 'No case c1', { reason: 'record_missing', params: { kind: 'case', id: 'c1' } }));
    const altered = errorText(zh.t, new ApiError('conflict', 'altered', { reason: 'case_altered', params: { part: 'members' } }));
    expect(missing).toContain('c1');
    const refused = errorText(zh.t, new ApiError('conflict', 'refused', { reason: 'transition_refused', params: { status: 'in_review', action: 'changeMembers' } }));
    expect(`${missing} ${altered} ${refused}`).not.toMatch(/\b(case|members|in_review|changeMembers)\b/);
    expect(errorText(i18n.t, new ApiError('conflict', 'altered', { reason: 'case_altered', params: { part: 'members' } }))).toContain('members');
  });

  it('words a graph too large for this computer with what works on the connection: GDS, upstream results, both, or what to map', () => {
    const text = (advice: string, language: string) =>
      errorText(i18n.getFixedT(language), new ApiError('invalid_input', 'developer text', { reason: 'graph_too_large', params: { accounts: 120_000_000, maxAccounts: 5_000_000, advice } }));
    expect(text('gds', 'en')).toContain('run detection server-side with GDS (this server has it)');
    expect(text('upstream', 'en')).toContain('choose upstream results');
    expect(text('upstream', 'en')).not.toContain('GDS');
    expect(text('none', 'en')).toContain('map the upstream community id');
    expect(text('gds_or_upstream', 'zh-CN')).toContain('选择上游结果');
    expect(text('gds_or_upstream', 'zh-CN')).not.toContain('choose');
  });
});
