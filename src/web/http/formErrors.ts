import type { FormInstance } from 'antd';
import { isApiError } from './client.ts';

type NamePath = (string | number)[];

/** "sysadmin.password" → ["sysadmin", "password"]; "rows.2.name" → ["rows", 2, "name"]. */
export function namePathOf(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function hasPath(values: unknown, path: NamePath): boolean {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

export interface FormErrorOptions {
  /** Server field name → form field name, where the form names a field differently. */
  rename?: Record<string, string>;
}

/**
 * Puts a server error on the form field it names, when the form has that field. Returns true when
 * it did; otherwise the caller shows the message elsewhere (a toast or an alert).
 */
export function applyFieldError(form: FormInstance, error: unknown, options: FormErrorOptions = {}): boolean {
  if (!isApiError(error) || !error.field) return false;
  const path = namePathOf(options.rename?.[error.field] ?? error.field);
  // getFieldsValue() holds a key for every mounted Form.Item, even when its value is empty.
  if (!hasPath(form.getFieldsValue(), path)) return false;
  form.setFields([{ name: path, errors: [error.message] }]);
  form.scrollToField(path);
  return true;
}

/** The message to show for any error thrown by the API client or elsewhere. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}
