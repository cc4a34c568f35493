import { policyCache } from '../../server/platform/policyCache.ts';
import { auditedWrite } from '../../server/modules/audit/audit.repository.ts';
import { getPolicy, POLICY_KEY, putSetting } from '../../server/modules/settings/setting.repository.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { json, line } from '../io.ts';

export const policyAdminIpCommand = defineCommand({
  name: 'policy admin-ip',
  summary: "show or clear the administrators' IP allowlist (recovery after a network change)",
  usage: `Usage: lvzhi policy admin-ip [--clear] [--json]

Prints the CIDRs from which the three administrators may log in (the security policy's
allowlist; empty: anywhere). With --clear, empties it, for when a network change has shut every
administrator out; audited as policy.update by "cli". Running servers pick the change up within
a few seconds.

Options:
  --clear   remove every entry
  --json    print {"adminIpAllowlist": [...]}
`,
  options: { clear: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const list = await withSession(io, { mustExist: true }, async ({ ctx, actor }) => {
      const policy = await getPolicy(ctx.db);
      if (!values.clear || policy.adminIpAllowlist.length === 0) return policy.adminIpAllowlist;
      await auditedWrite(ctx, actor, async (trx) => {
        await putSetting(trx, POLICY_KEY, { ...(await getPolicy(trx)), adminIpAllowlist: [] }, null);
        return {
          result: null,
          audit: { action: 'policy.update', targetType: 'setting', targetId: POLICY_KEY, summary: { adminIpAllowlist: { from: policy.adminIpAllowlist, to: [] } } },
        };
      });
      policyCache.invalidate(ctx.db);
      return [];
    });
    if (values.json) json(io, { adminIpAllowlist: list });
    else if (list.length === 0) line(io, values.clear ? 'administrators IP allowlist cleared: administrators may log in from anywhere' : 'administrators IP allowlist: empty (no restriction)');
    else line(io, `administrators IP allowlist: ${list.join(', ')}`);
    return 0;
  },
});
