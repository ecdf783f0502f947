import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { Locale } from '../../contracts/common';
import { enUS, type Dictionary, type MessageKey } from './en-US';
import { zhCN } from './zh-CN';

export type { MessageKey };
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const dictionaries: Record<Locale, Dictionary> = { 'en-US': enUS, 'zh-CN': zhCN };
const STORAGE_KEY = 'showrunner.locale';

/** The browser's language mapped onto the two product locales: anything Chinese → zh-CN, else en-US. */
export function browserLocale(): Locale {
  const lang = typeof navigator === 'undefined' ? '' : navigator.language || '';
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

function storedLocale(): Locale | null {
  try {
    const parsed = Locale.safeParse(localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function rememberLocale(locale: Locale | null) {
  try {
    if (locale) localStorage.setItem(STORAGE_KEY, locale);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or storage disabled: the choice lasts for this tab only.
  }
}

// Module-level copy so the API client (outside React) can send Accept-Language.
let current: Locale = storedLocale() ?? browserLocale();
applyGlobalLocale(current);

/** The locale in force right now; read by the API client for Accept-Language. */
export function currentLocale(): Locale {
  return current;
}

function applyGlobalLocale(locale: Locale) {
  current = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  z.config(locale === 'zh-CN' ? zodZhCN() : zodEn());
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function translate(locale: Locale, key: MessageKey, vars?: TranslateVars): string {
  const text = dictionaries[locale][key] ?? enUS[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

interface I18nContextValue {
  locale: Locale;
  t: Translate;
  /** Switch the language; remember=false applies it without storing it in this browser. */
  setLocale: (locale: Locale, options?: { remember?: boolean }) => void;
  /** Forget the stored choice and follow the browser's language again. */
  followBrowser: () => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(current);
  const queryClient = useQueryClient();
  const previous = useRef(locale);

  const setLocale = useCallback((next: Locale, options?: { remember?: boolean }) => {
    if (options?.remember !== false) rememberLocale(next);
    applyGlobalLocale(next);
    setLocaleState(next);
  }, []);

  const followBrowser = useCallback(() => {
    rememberLocale(null);
    const next = browserLocale();
    applyGlobalLocale(next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    if (previous.current === locale) return;
    previous.current = locale;
    // Server texts (error messages, audit summaries) come in the request's language: fetch them again.
    void queryClient.invalidateQueries();
  }, [locale, queryClient]);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, followBrowser, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale, followBrowser],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? antdZhCN : antdEnUS} theme={{ token: { colorPrimary: '#1677ff' } }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs <I18nProvider>');
  return value;
}

/** The translate function for the current locale. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLocale() {
  const { locale, setLocale, followBrowser } = useI18n();
  return { locale, setLocale, followBrowser };
}

/** Pick the zh or en variant of a bilingual record for the current locale. */
export function useLocalized() {
  const { locale } = useI18n();
  return useCallback(
    (zh: string, en: string) => (locale === 'zh-CN' ? zh || en : en || zh),
    [locale],
  );
}
