import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import { UI_LOCALES, type UiLocale } from '../../main/api/model';

/** The languages RingScope speaks, in the order the language switch lists them. */
export const LANGUAGES = UI_LOCALES;
export type Language = UiLocale;

export const LANGUAGE_STORAGE_KEY = 'ringscope.language';

/**
 * The language to start in: the one the user picked before, else the first of the browser's (the OS's)
 * preferred languages RingScope speaks — any Chinese variant reads the simplified Chinese UI — else English.
 */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (privacy settings); the language then follows the browser each start.
    return null;
  }
}

/**
 * Loads the shipped Chinese font's subsets for every character of the Chinese UI before it shows:
 * text painted while its subset is still loading can stay as empty boxes (seen in Chromium on
 * scaled MUI field labels) on machines without a CJK font.
 */
async function loadFontFor(language: Language): Promise<void> {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (language !== 'zh-CN' || !fonts) return;
  const characters = [...new Set(JSON.stringify(zhCN))].join('');
  await Promise.all(['400', '700'].map((weight) => fonts.load(`${weight} 16px "Noto Sans SC"`, characters))).catch(() => undefined);
}

/** Switches the UI language and remembers the choice for the next start. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this session.
  }
  await loadFontFor(language);
  await i18n.changeLanguage(language);
}

/** The one i18next instance of the renderer; resources are bundled, so it is ready synchronously. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(readStoredLanguage(), globalThis.navigator?.languages ?? []),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
});

/** The current UI language as one of ours (i18next may report a fallback while switching). */
export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '') ? (i18n.resolvedLanguage as Language) : 'en';
}

// Screen readers and the browser's font selection (CJK glyph variants) follow <html lang>.
const syncDocumentLanguage = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
syncDocumentLanguage(currentLanguage());
i18n.on('languageChanged', syncDocumentLanguage);
