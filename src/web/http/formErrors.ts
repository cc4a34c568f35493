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

interface FieldIssue {
  field: string;
  message: string;
}

/** Details of the form `[{ field, message }]`: every field a validation found wrong (FIELDS_INVALID). */
const isFieldIssues = (details: unknown): details is FieldIssue[] =>
  Array.isArray(details) &&
  details.every((d) => d !== null && typeof d === 'object' && typeof (d as FieldIssue).field === 'string' && typeof (d as FieldIssue).message === 'string');

/**
 * Puts a server error on the form field it names, when the form has that field; when the error's
 * details list further fields with their messages, those go on their fields too. Returns true when
 * the named field got its message; otherwise the caller shows the message elsewhere (a toast or an
 * alert).
 */
export function applyFieldError(form: FormInstance, error: unknown, options: FormErrorOptions = {}): boolean {
  if (!isApiError(error) || !error.field) return false;
  const pathOf = (field: string) => namePathOf(options.rename?.[field] ?? field);
  const path = pathOf(error.field);
  // getFieldsValue() holds a key for every mounted Form.Item, even when its value is empty.
  const values: unknown = form.getFieldsValue();
  if (!hasPath(values, path)) return false;
  const messages = new Map<string, { path: NamePath; errors: string[] }>([[path.join('.'), { path, errors: [error.message] }]]);
  for (const issue of isFieldIssues(error.details) ? error.details : []) {
    const issuePath = pathOf(issue.field);
    if (!hasPath(values, issuePath)) continue;
    const entry = messages.get(issuePath.join('.')) ?? { path: issuePath, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    messages.set(issuePath.join('.'), entry);
  }
  form.setFields([...messages.values()].map(({ path: name, errors }) => ({ name, errors })));
  form.scrollToField(path);
  return true;
}

/** The message to show for any error thrown by the API client or elsewhere. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}
