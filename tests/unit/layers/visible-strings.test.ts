import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// eslint.config.mjs refuses user-visible string literals in renderer JSX (i18next/no-literal-string):
// these snippets, linted as renderer files, prove it bites and stays quiet on what users never read.
const eslint = new ESLint({ cwd: process.cwd() });

async function literalStrings(code: string, filePath = 'renderer/cases/Snippet.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.message);
}

const component = (jsx: string) => `import TextField from '@mui/material/TextField';\nexport const Snippet = ({ t }: { t: (key: string) => string }) => (${jsx});\n`;

describe('visible strings in the renderer', () => {
  it('refuses English text in JSX', async () => {
    expect(await literalStrings(component('<p>Export evidence</p>'))).toHaveLength(1);
    expect(await literalStrings(component('<p>导出证据包</p>'))).toHaveLength(1);
  });

  it('refuses literal labels, titles, placeholders, aria-labels and helper texts', async () => {
    for (const prop of ['label', 'title', 'placeholder', 'aria-label', 'helperText']) {
      expect(await literalStrings(component(`<TextField ${prop}="Case title" />`))).toHaveLength(1);
    }
    expect(await literalStrings(component(`<TextField label={'Case title'} />`))).toHaveLength(1);
  });

  it('covers every renderer folder, Explore and the graph view included', async () => {
    expect(await literalStrings(component('<p>Expand neighbours</p>'), 'renderer/explore/Snippet.tsx')).toHaveLength(1);
    expect(await literalStrings(component('<p>Legend</p>'), 'renderer/graph/Snippet.tsx')).toHaveLength(1);
  });

  it('accepts translated text, test ids, variants and punctuation', async () => {
    const ok = component(`<><TextField label={t('cases.fields.title')} data-testid="case-title" variant="outlined" size="small" /><span>{t('app.name')} · —</span></>`);
    expect(await literalStrings(ok)).toEqual([]);
  });
});
