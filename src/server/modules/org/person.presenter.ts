import { maskEmail, maskPhone } from '../../../core/org/contact.ts';
import type { FieldKeys } from '../../platform/crypto.ts';
import { openContact } from './person.repository.ts';
import type { PersonListRow } from './person.query.ts';
import type { PersonDto } from './person.schema.ts';

/** The person as lists and details show them: contact details masked, whoever is asking. */
export function presentPerson(keys: FieldKeys, row: PersonListRow): PersonDto {
  const contact = openContact(keys, row);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    position: row.position,
    phone: contact.phone ? maskPhone(contact.phone) : null,
    email: contact.email ? maskEmail(contact.email) : null,
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    hasAccount: Boolean(row.has_account),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
