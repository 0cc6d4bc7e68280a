import 'i18next';
import type en from './en.json';

// Typed keys: t('search.placeholder') compiles, a misspelt key does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
