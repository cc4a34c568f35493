// @vitest-environment happy-dom
import { Form, Input, type FormInstance } from 'antd';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render, waitFor, type Rendered } from '../testing/dom.tsx';
import { ApiError } from './client.ts';
import { applyFieldError, namePathOf } from './formErrors.ts';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

/** A form like the first-run page's: nested admin fields, one of them still empty. */
async function renderForm(): Promise<FormInstance> {
  let instance: FormInstance | undefined;
  function Probe() {
    const [form] = Form.useForm();
    instance = form;
    return (
      <Form form={form}>
        <Form.Item name={['org', 'name']} label="组织全称">
          <Input />
        </Form.Item>
        <Form.Item name={['sysadmin', 'password']} label="密码">
          <Input.Password />
        </Form.Item>
      </Form>
    );
  }
  rendered = await render(<Probe />);
  return instance!;
}

describe('server errors on form fields', () => {
  it('splits dotted field names into antd name paths', () => {
    expect(namePathOf('sysadmin.password')).toEqual(['sysadmin', 'password']);
    expect(namePathOf('rows.2.name')).toEqual(['rows', 2, 'name']);
  });

  it('puts a 422 message on the nested field it names, even when that field is empty', async () => {
    const form = await renderForm();
    const error = new ApiError(422, 'PASSWORD_POLICY', '密码至少需要8个字符', 'sysadmin.password');
    let applied = false;
    await act(async () => {
      applied = applyFieldError(form, error);
    });
    expect(applied).toBe(true);
    expect(form.getFieldError(['sysadmin', 'password'])).toEqual(['密码至少需要8个字符']);
    await waitFor(() => expect(rendered!.container.textContent).toContain('密码至少需要8个字符'));
  });

  it('leaves errors about fields the form does not have to the caller', async () => {
    const form = await renderForm();
    expect(applyFieldError(form, new ApiError(422, 'X', '初始化令牌无效', 'setupToken'))).toBe(false);
    expect(applyFieldError(form, new ApiError(409, 'SETUP_DONE', '系统已完成初始化'))).toBe(false);
    expect(applyFieldError(form, new Error('boom'))).toBe(false);
  });

  it('follows a rename when the form names a field differently from the API', async () => {
    const form = await renderForm();
    await act(async () => {
      applyFieldError(form, new ApiError(400, 'VALIDATION', '请输入组织全称', 'name'), { rename: { name: 'org.name' } });
    });
    expect(form.getFieldError(['org', 'name'])).toEqual(['请输入组织全称']);
  });
});
