import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';

type Tree = { [key: string]: string | Tree };

/** i18next's plural suffixes: a language has the forms its plural rules need (zero is optional in all). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

/** Keys with plural forms folded together, each with the placeholder names its forms use. */
function keysWithPlaceholders(tree: Tree): Map<string, string[]> {
  const folded = new Map<string, Set<string>>();
  for (const [key, text] of flatten(tree)) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const names = folded.get(base) ?? new Set<string>();
    for (const [, inner] of text.matchAll(/\{\{([^}]+)\}\}/g)) names.add(inner.split(',')[0].trim());
    folded.set(base, names);
  }
  return new Map([...folded].map(([key, names]) => [key, [...names].sort()]));
}

function pluralFormsOf(tree: Tree): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const key of flatten(tree).keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (match) forms.set(key.replace(PLURAL_SUFFIX, ''), [...(forms.get(key.replace(PLURAL_SUFFIX, '')) ?? []), match[1]]);
  }
  return forms;
}

const locales = { en: en as Tree, 'zh-CN': zhCN as Tree };

describe('locale files', () => {
  it('en and zh-CN have the same keys with the same {{placeholders}} in each', () => {
    const english = keysWithPlaceholders(locales.en);
    const chinese = keysWithPlaceholders(locales['zh-CN']);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, names] of english) expect({ key, names: chinese.get(key) }).toEqual({ key, names });
  });

  it.each(Object.entries(locales))('%s has every plural form its language needs', (language, tree) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, forms] of pluralFormsOf(tree)) {
      expect({ key, forms: forms.filter((form) => form !== 'zero').sort() }).toEqual({ key, forms: [...needed].sort() });
    }
  });

  it('no zh-CN text is left in English', () => {
    // Names and codes read the same in both languages; so do key caps, which Chinese keyboards print in English.
    const keyCaps = ['canvas.shortcuts.keys.Delete', 'canvas.shortcuts.keys.Backspace', 'canvas.shortcuts.keys.Escape'];
    const sameInBoth = new Set(['app.name', 'source.kind.neo4j', 'audit.filters.actionPlaceholder', 'connect.form.databasePlaceholder', 'language.names.en', ...keyCaps]);
    const english = [...flatten(locales['zh-CN'])].filter(([, text]) => /[A-Za-z]{3,}/.test(text.replace(/\{\{[^}]+\}\}/g, '')) && !/[\u4e00-\u9fff]/.test(text));
    expect(english.map(([key]) => key).filter((key) => !sameInBoth.has(key))).toEqual([]);
  });
});
