import { Button, Popconfirm, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'title'> {
  /** The question, naming what will happen: "停用“办公室”？". */
  confirm: ReactNode;
  /** What else the user should know before saying yes. */
  detail?: ReactNode;
  okText?: string;
  onConfirm: () => unknown;
}

/** A button that asks first: for every destructive or hard-to-undo action. */
export function ConfirmButton({ confirm, detail, okText = '确定', onConfirm, danger = true, children, ...button }: ConfirmButtonProps) {
  return (
    <Popconfirm title={confirm} description={detail} okText={okText} cancelText="取消" okButtonProps={{ danger }} onConfirm={() => onConfirm()}>
      <Button danger={danger} {...button}>
        {children}
      </Button>
    </Popconfirm>
  );
}
