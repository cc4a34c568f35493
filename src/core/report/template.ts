import type { MetricDef } from '../pack/schema.ts';
import { bindPlaceholders } from './bind.ts';
import { parseOutline } from './outline.ts';
import { findPlaceholders } from './placeholders.ts';
import type { ImportedTemplate } from './types.ts';

export type { ImportedTemplate, Node, Placeholder, PlaceholderKind, Signature } from './types.ts';

/**
 * Reads an old report's text as a template: its outline, title and signature, and its placeholders,
 * each figure bound to the metric of `metrics` its context names (null where none fits).
 */
export function importTemplate(text: string, metrics: readonly MetricDef[] = []): ImportedTemplate {
  const { title, sections, signature } = parseOutline(text);
  return { title, sections, placeholders: bindPlaceholders(findPlaceholders(text), metrics), signature };
}
