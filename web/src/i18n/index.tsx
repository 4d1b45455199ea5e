// Language (French or English): from the switch in the header, else the browser; remembered on this device.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';
import { makeFormat, type Format } from './format.ts';

export type Language = 'en' | 'fr';
const STORAGE_KEY = 'cadran.language';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, fr };

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    if (tag.toLowerCase().startsWith('fr')) return 'fr';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/** The browser's own variant of the language when it has one (en-GB, fr-CA), else en-US / fr-FR. */
function localeTag(language: Language): string {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return (
    preferred.find((tag) => tag.toLowerCase().startsWith(`${language}-`)) ??
    (language === 'fr' ? 'fr-FR' : 'en-US')
  );
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
/** A message with a count, in the form the language's plural rules pick (`KEY.one`, `KEY.other`). */
export type TranslatePlural = (key: string, count: number, shown?: string) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  plural: TranslatePlural;
  format: Format;
  currency: string;
  setCurrency: (currency: string) => void;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [currency, setCurrency] = useState('EUR');
  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    const t: Translate = (key, values) =>
      dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
    document.documentElement.lang = language;
    const rules = new Intl.PluralRules(language);
    const format = makeFormat(localeTag(language), language, currency);
    const plural: TranslatePlural = (key, count, shown) => {
      const form = `${key}.${rules.select(count)}` as MessageKey;
      const chosen = form in dictionary ? form : (`${key}.other` as MessageKey);
      return t(chosen, { count: shown ?? format.number(count) });
    };
    return {
      language,
      plural,
      setLanguage: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setLanguageState(next);
      },
      t,
      format,
      currency,
      setCurrency,
    };
  }, [language, currency]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
