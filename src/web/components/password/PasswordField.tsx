import { Form, Input } from 'antd';
import type { SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { passwordValidator, PasswordRules } from './PasswordRules.tsx';

type NamePath = string | (string | number)[];

interface PasswordFieldProps {
  name: NamePath;
  label: string;
  policy: SecurityPolicy;
  /** The form field holding the account's user name, which the password may not contain. */
  usernameField?: NamePath;
  /** A fixed user name, when the form has no such field (changing one's own password). */
  username?: string;
  /** Adds a second field that must repeat the password. */
  confirm?: boolean;
  autoComplete?: string;
}

function valueAt(values: Record<string, unknown>, path: NamePath): string | undefined {
  let node: unknown = values;
  for (const key of [path].flat()) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A new password with the policy's rules ticked off live, checked before it is sent. */
export function PasswordField({ name, label, policy, usernameField, username, confirm, autoComplete = 'new-password' }: PasswordFieldProps) {
  const form = Form.useFormInstance();
  const password = Form.useWatch(name, form) as string | undefined;
  const watchedUsername = Form.useWatch((values: Record<string, unknown>) => (usernameField ? valueAt(values, usernameField) : undefined), form);
  const currentUsername = username ?? (usernameField ? watchedUsername : undefined);
  const confirmName = Array.isArray(name) ? [...name.slice(0, -1), `${String(name.at(-1))}Confirm`] : `${name}Confirm`;
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={<PasswordRules password={password ?? ''} policy={policy} username={currentUsername} />}
        rules={[{ required: true, message: '请输入密码' }, passwordValidator(policy, () => currentUsername)]}
        dependencies={usernameField ? [usernameField] : undefined}
      >
        <Input.Password autoComplete={autoComplete} />
      </Form.Item>
      {confirm ? (
        <Form.Item
          name={confirmName}
          label="确认密码"
          dependencies={[name]}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue(name)) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete={autoComplete} />
        </Form.Item>
      ) : null}
    </>
  );
}
