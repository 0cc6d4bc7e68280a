import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/** The one i18next instance of the renderer; resources are bundled, so it is ready synchronously. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
});
