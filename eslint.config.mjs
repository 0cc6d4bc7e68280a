// Lint = style basics + the layer rules of ARCHITECTURE.md, enforced like VS Code's layering lint:
// renderer (browser) ─▶ main/api (anywhere) ◀─ main/core, main/server (Node) ◀─ main/app (Electron).
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/neo4j/target/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // Node globals type-check nowhere in renderer/ (tsconfig.web.json has no Node types); this names the rule.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'exports', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: 'The renderer is browser code: Node globals are not there (reach Node through the typed Api).',
        })),
      ],
      'no-restricted-imports': restrict([
        { group: nodeBuiltins, message: 'The renderer is browser code: reach Node through the typed Api (main/api).' },
        { group: ['electron', 'neo4j-driver'], message: 'The renderer talks to Electron and Neo4j only through the typed Api.' },
        { group: ['**/main/core/**', '**/main/app/**', '**/main/server/**', '**/graph-queries/**'], message: 'The renderer may import only main/api.' },
      ]),
    },
  },
  {
    // Every visible string comes from renderer/i18n: text in JSX, and the props MUI shows as text.
    // Codes, test ids, variants and class names are not visible and not checked.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          message: 'User-visible text must come from t() with a key in renderer/i18n/en.json and zh-CN.json',
          'jsx-attributes': {
            include: ['label', 'title', 'placeholder', 'aria-label', 'aria-description', 'aria-valuetext', 'alt', 'helperText', 'primary', 'secondary', 'tooltip', 'noOptionsText', 'loadingText'],
            exclude: [],
          },
          // Field helpers of forms take field names, not text; the canvas toolbar's button helper a translated label and a test id.
          callees: { exclude: ['i18n(ext)?', 't', 'errorText', 'field', 'button'] },
          // Punctuation and symbols that read the same in every language (dashes, ellipsis, separators, arrows).
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s—–·•…→←↑↓×%]+', '[A-Z_-]+'] },
        },
      ],
    },
  },
  {
    files: ['main/api/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: [...nodeBuiltins, 'electron', 'neo4j-driver'], message: 'main/api is shared with the renderer: no Node, Electron or driver imports.' },
        { group: ['**/core/**', '**/app/**', '**/server/**'], message: 'main/api depends on nothing but zod.' },
      ]),
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/server/**/*.ts', 'graph-queries/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'Only main/app may import electron; the core runs on plain Node.' },
        { group: ['**/renderer/**', '**/main/app/**', '**/app/**'], message: 'The core and the HTTP shell do not depend on the Electron shell or the renderer.' },
      ]),
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'Only main/app may import electron; the core runs on plain Node.' },
        { group: ['**/renderer/**', '**/app/**', '**/server/**'], message: 'The core does not depend on a shell or the renderer.' },
      ]),
    },
  },
);
