// Where the reports pages live, and the links between them.

export const REPORTS_PATH = '/reports';
export const TEMPLATES_PATH = '/reports/templates';
export const SUBMISSIONS_PATH = '/reports/submissions';

/** A draft in the editor; with `version`, an older version read-only. */
export const reportPath = (id: string, version?: number): string => `${REPORTS_PATH}/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`;

export const templatePath = (id: string): string => `${TEMPLATES_PATH}/${encodeURIComponent(id)}`;

/** The report list with the draft form open on a template. */
export const draftFromTemplatePath = (templateId: string): string => `${REPORTS_PATH}?draft=${encodeURIComponent(templateId)}`;
