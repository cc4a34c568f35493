import { type RawBuilder, sql } from 'kysely';
import type { Actor } from './context.ts';

/**
 * The scope rule (谁主管谁负责): an actor sees its own org and everything below it, never sideways
 * or up. `pathColumn` is an org `path` column reference, e.g. 'org.path'. Paths hold only ids and
 * slashes, so no LIKE wildcard can come from them.
 */
export function inScope(pathColumn: string, actor: Pick<Actor, 'orgPath'>): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(pathColumn)} like ${`${actor.orgPath}%`}`;
}

export function isInScope(path: string, actor: Pick<Actor, 'orgPath'>): boolean {
  return path.startsWith(actor.orgPath);
}
