import { ORG_KIND_LABELS, type OrgKind } from '../../core/org/kinds.ts';
import { buildTree, depth, type TreeNode } from '../../core/org/path.ts';
import type { OrgRow } from '../../server/modules/org/org.table.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { json, table } from '../io.ts';

/** Orgs in tree order: each one followed by its children, siblings by sort order then name. */
function treeOrder(rows: OrgRow[]): OrgRow[] {
  const out: OrgRow[] = [];
  const walk = (nodes: TreeNode<OrgRow>[]) => nodes.forEach((n) => (out.push(n.item), walk(n.children)));
  walk(buildTree(rows));
  return out;
}

export const orgListCommand = defineCommand({
  name: 'org list',
  summary: 'print the organization tree',
  usage: `Usage: lvzhi org list [--json]

Prints the organization tree, indented, with each org's kind, code and id (the id is what
"lvzhi user create --org" takes).

Options:
  --json   print a JSON array of {id, parentId, name, kind, code, path, active}, in tree order
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const rows = await withSession(io, { mustExist: true }, ({ ctx }) => ctx.db.selectFrom('org').selectAll().execute());
    const orgs = treeOrder(rows);
    if (values.json) {
      json(io, orgs.map((o) => ({ id: o.id, parentId: o.parent_id, name: o.name, kind: o.kind, code: o.code, path: o.path, active: o.deactivated_at === null })));
      return 0;
    }
    if (orgs.length === 0) {
      io.err('lvzhi: no organizations yet: complete the first-run page or run "lvzhi demo"\n');
      return 0;
    }
    table(io, ['NAME', 'KIND', 'CODE', 'ID'], orgs.map((o) => [
      `${'  '.repeat(depth(o.path))}${o.name}${o.deactivated_at ? '（已停用）' : ''}`,
      ORG_KIND_LABELS[o.kind as OrgKind] ?? o.kind,
      o.code ?? '',
      o.id,
    ]));
    return 0;
  },
});
