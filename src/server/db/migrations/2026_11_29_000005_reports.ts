import type { Kysely } from 'kysely';
import { jsonType } from '../dialectSql.ts';

// Reports: templates imported from old reports (or written by hand) per org; drafts of a template
// for an org and a period; their generations (the ledger's facts and provenance at one moment) and
// versions (a generation plus the user's edits per block). A paragraph edit makes a new version
// that points at its generation instead of copying it: a city's provenance runs to megabytes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const json = await jsonType(db);

  await db.schema
    .createTable('report_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    // The template in the model of core/report/templateModel.ts.
    .addColumn('body', json, (c) => c.notNull())
    // The old report it was imported from, for display; null when written by hand.
    .addColumn('source_name', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_template_org_idx').on('report_template').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('report_draft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('pack_id', 'text', (c) => c.notNull())
    // A pack template's id (template_source 'pack') or a stored template's id ('stored').
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_source', 'text', (c) => c.notNull())
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The template as drafted: regenerating uses it even after the stored template changed or went.
    .addColumn('template', json, (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // draft → approved (frozen) → submitted.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_version', 'integer')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_version', 'integer')
    // The ledger record (upward_report) written on submission, when the template names one.
    .addColumn('submitted_record_id', 'text', (c) => c.references('record.id'))
    .execute();
  await db.schema.createIndex('report_draft_org_idx').on('report_draft').columns(['org_id', 'period_from']).execute();
  await db.schema.createIndex('report_draft_status_idx').on('report_draft').columns(['status', 'kind', 'period_from']).execute();

  await db.schema
    .createTable('report_generation')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('report_draft.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    // The figures, lists and statuses drafted from (without record ids), the drafted document, the
    // provenance of each filled run (with record ids) and the sentences left out.
    .addColumn('facts', json, (c) => c.notNull())
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('provenance', json, (c) => c.notNull())
    .addColumn('omitted', json, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_generation_pk', ['draft_id', 'n'])
    .execute();

  await db.schema
    .createTable('report_version')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('report_draft.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    // The user's text per block id, with the generated text it replaced; the document as it reads.
    .addColumn('edits', json, (c) => c.notNull())
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_version_pk', ['draft_id', 'n'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_version', 'report_generation', 'report_draft', 'report_template']) await db.schema.dropTable(table).ifExists().execute();
}
