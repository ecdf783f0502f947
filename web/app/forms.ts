import { useEffect } from 'react';
import { Form, type FormInstance } from 'antd';
import type { z } from 'zod';
import type { Translate } from '../i18n';
import { currentLocale, useLocale, useT } from '../i18n';
import { ApiError } from './api';

// The last failed client-side validation of each form, so its messages can follow a language switch.
const lastFailure = new WeakMap<FormInstance, { schema: z.ZodType; values: unknown }>();

type NamePath = (string | number)[];

/** "levels.0.code" → ['levels', 0, 'code'], the antd Form name of that field. */
export function toNamePath(path: string | readonly PropertyKey[]): NamePath {
  const parts = typeof path === 'string' ? path.split(/[.[\]]+/).filter(Boolean) : path.map(String);
  return parts.map((part) => (/^\d+$/.test(String(part)) ? Number(part) : String(part)));
}

function valueAt(values: unknown, path: NamePath): unknown {
  let cursor: unknown = values;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string | number, unknown>)[key];
  }
  return cursor;
}

/** Contract messages are written "english / 中文"; show the half that matches the current language. */
export function localizeMessage(message: string): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return currentLocale() === 'zh-CN' ? parts[1]! : parts[0]!;
}

/**
 * Validate form values with a contract schema. On failure the issues are put on the form fields
 * and null is returned, so the form and the server share one definition of "valid".
 */
export function parseForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown, t: Translate, options: { scroll?: boolean } = {}): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) {
    lastFailure.delete(form);
    return result.data;
  }
  lastFailure.set(form, { schema, values });
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = toNamePath(issue.path);
    const value = valueAt(values, name);
    const isEmpty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    const text = isEmpty && (issue.code === 'too_small' || issue.code === 'invalid_type') ? t('form.required') : localizeMessage(issue.message);
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    // An empty field only needs "required", not every rule it also fails.
    if (isEmpty) entry.errors = [t('form.required')];
    else if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = [...byField.values()][0];
  if (first && options.scroll !== false) form.scrollToField(first.name, { block: 'center' });
  return null;
}

/** Put the server's field errors (error.fields[].path) on the matching form fields. */
export function applyServerErrors(form: FormInstance | undefined, error: unknown): void {
  if (!form || !(error instanceof ApiError) || error.fields.length === 0) return;
  // Validation errors explain each field; for other codes (a taken name, an unknown level) the field
  // only points at the culprit and the error's own message is the explanation.
  form.setFields(
    error.fields.map((field) => ({
      name: toNamePath(field.path),
      errors: [error.code === 'validation' ? localizeMessage(field.message) : error.message],
    })),
  );
}

/** Empty strings from inputs become null (for nullable fields) or are dropped (for optional ones). */
export function blankToNull<T>(value: T | '' | undefined): T | null {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

/**
 * Form.useForm() whose client-side validation messages are re-rendered in the new language when the
 * user switches it while errors are showing.
 */
export function useContractForm<Values = unknown>(): [FormInstance<Values>] {
  const [form] = Form.useForm<Values>();
  const { locale } = useLocale();
  const t = useT();
  useEffect(() => {
    const failure = lastFailure.get(form as FormInstance);
    if (!failure) return;
    const showing = form.getFieldsError().some((field) => field.errors.length > 0);
    if (showing) parseForm(form as FormInstance, failure.schema, failure.values, t, { scroll: false });
    // Only a language switch re-renders the messages; t changes with it.
  }, [locale]);
  return [form];
}

function leafPaths(value: unknown, prefix: NamePath): NamePath[] {
  if (value === null || typeof value !== 'object' || value instanceof Date || (value as { $isDayjsObject?: boolean }).$isDayjsObject) return [prefix];
  if (Array.isArray(value)) {
    // Tag selects and multi-selects change as a whole; lists of objects (Form.List) change per item.
    if (value.every((item) => item === undefined || item === null || typeof item !== 'object')) return [prefix];
    return value.flatMap((item, index) => (item === undefined ? [] : leafPaths(item, [...prefix, index])));
  }
  return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
}

/** onValuesChange handler: editing a field clears the error shown on it (the forms validate on submit). */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: unknown) => {
    const names = leafPaths(changed, []).filter((name) => name.length > 0);
    const withErrors = names.filter((name) => form.getFieldError(name).length > 0);
    if (withErrors.length) form.setFields(withErrors.map((name) => ({ name, errors: [] })));
  };
}
