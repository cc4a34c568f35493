import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/context.ts';
import { insertAttachment } from '../ledger/attachment.repository.ts';
import { fileStore } from '../ledger/attachment.store.ts';

// One small PDF stands in for the demo's evidence (minutes, sign-in sheets, reports): stored once
// (content-addressed), with an attachment row per unit so that every unit can open its own.

/** A one-page PDF that any viewer opens, saying what it is. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 62>>stream\nBT /F1 18 Tf 40 110 Td (lvzhi demo evidence / sample file) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Stores the demo file and returns, per org id, the attachment to cite; an empty map when there is
 * no data folder to store files in.
 */
export async function demoEvidence(trx: Transaction<Database>, actor: Actor, dataDir: string | null, orgs: readonly { id: string }[]): Promise<Map<string, string>> {
  if (!dataDir) return new Map();
  const sm3 = await fileStore(dataDir).put(DEMO_PDF);
  const ids = new Map<string, string>();
  for (const org of orgs) {
    const row = await insertAttachment(trx, actor, { sm3, size: DEMO_PDF.length, mime: 'application/pdf', name: '演示佐证材料.pdf', orgId: org.id });
    ids.set(org.id, row.id);
  }
  return ids;
}
