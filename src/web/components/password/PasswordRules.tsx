import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { checkPassword, type PasswordProblem, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';

interface Rule {
  text: string;
  /** The problems that break this rule. */
  codes: PasswordProblem['code'][];
  /** Shown only once broken (a list of every common password would be noise). */
  onlyWhenBroken?: boolean;
}

export function passwordRules(policy: SecurityPolicy, withUsername: boolean): Rule[] {
  const rules: Rule[] = [
    { text: `长度${policy.passwordMinLength}～${policy.passwordMaxLength}个字符`, codes: ['TOO_SHORT', 'TOO_LONG', 'WHITESPACE_ONLY'] },
    { text: `包含小写字母、大写字母、数字、特殊字符中的至少${policy.passwordMinClasses}类`, codes: ['TOO_FEW_CLASSES'] },
  ];
  if (withUsername) rules.push({ text: '不包含用户名', codes: ['CONTAINS_USERNAME'] });
  rules.push({ text: '不能是常见密码', codes: ['COMMON'], onlyWhenBroken: true });
  return rules;
}

/** The password rules with a live tick or cross for what the user has typed so far. */
export function PasswordRules({ password, policy, username }: { password: string; policy: SecurityPolicy; username?: string }) {
  const problems = new Set(password ? checkPassword(password, policy, username).map((p) => p.code) : []);
  const rules = passwordRules(policy, !!username).filter((rule) => !rule.onlyWhenBroken || rule.codes.some((c) => problems.has(c)));
  return (
    <Flex vertical gap={2} style={{ margin: '4px 0 8px' }} role="list" aria-label="密码要求">
      {rules.map((rule) => {
        const broken = rule.codes.some((c) => problems.has(c));
        const icon = !password ? (
          <MinusCircleOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
        ) : broken ? (
          <CloseCircleFilled style={{ color: '#cf1322' }} />
        ) : (
          <CheckCircleFilled style={{ color: '#389e0d' }} />
        );
        return (
          <Typography.Text key={rule.text} type={password && broken ? 'danger' : 'secondary'} style={{ fontSize: 12 }} role="listitem">
            {icon} {rule.text}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

/** An antd Form rule that holds a password to the policy before it reaches the server. */
export function passwordValidator(policy: SecurityPolicy, username?: () => string | undefined) {
  return {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (!value) return;
      const problems = checkPassword(value, policy, username?.());
      if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('；'));
    },
  };
}
