// Where each part of a pack lives inside its folder. docs/packs.md describes the layout.

export const PACK_FILES = {
  manifest: 'pack.yaml',
  /** One record type per file, named after its id: record-types/<id>.yaml. */
  recordTypesDir: 'record-types',
  /** A YAML list of rules. */
  rules: 'rules.yaml',
  /** A YAML list of metrics. */
  metrics: 'metrics.yaml',
  /** A YAML map from duty role to its list of duty items. */
  duties: 'duties.yaml',
  /** Report templates (issue 4); their ids are the file names without extension. */
  templatesDir: 'templates',
} as const;

/** The conventional file of a record type, for problems about a pack not loaded from a folder. */
export const recordTypeFile = (id: string): string => `${PACK_FILES.recordTypesDir}/${id}.yaml`;
