import { verifyAuditLog } from '../../server/modules/audit/audit.verify.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { EXIT, json, line } from '../io.ts';

export const auditVerifyCommand = defineCommand({
  name: 'audit verify',
  summary: 'check the audit log hash chain for changed, deleted or reordered entries',
  usage: `Usage: lvzhi audit verify [--json]

Re-computes the SM3 (or HMAC-SM3, with LVZHI_AUDIT_KEY) hash chain of the audit log and reports
the first entry that was changed, deleted or reordered.

Exit status: 0 when the chain is intact, 3 when it is broken, 1 when it could not be checked.

Options:
  --json   print {"ok", "checked", "problem": null | {"seq", "reason", "message"}}
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const { checked, problem } = await withSession(io, { mustExist: true }, ({ ctx }) => verifyAuditLog(ctx));
    if (values.json) json(io, { ok: problem === null, checked, problem });
    else if (problem) line(io, `audit log BROKEN at entry ${problem.seq}: ${problem.message} (${checked} entries before it are intact)`);
    else line(io, `audit log OK: ${checked} entries`);
    return problem ? EXIT.auditBroken : EXIT.ok;
  },
});
