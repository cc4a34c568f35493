import { App } from 'antd';
import { useCallback, useEffect } from 'react';
import { useBlocker } from 'react-router';

// A paragraph's editor holds the user's text until it is saved: nothing may drop it unasked. Opening
// another paragraph asks first (confirmDiscard); so does leaving the page inside the app (the data
// router's blocker: another page, another version of this report) and closing or reloading the tab
// (beforeunload, where the browser asks in its own words).

export const DISCARD_TITLE = '这一段的修改还没有保存';
export const DISCARD_SWITCH = '打开其他段落将放弃这些修改。';
export const DISCARD_LEAVE = '离开本页将放弃这些修改。';

/** Asks before discarding unsaved text; `discard` runs when the user agrees. */
export function useConfirmDiscard() {
  const { modal } = App.useApp();
  return useCallback(
    (content: string, discard: () => void, onKeep?: () => void) =>
      modal.confirm({
        title: DISCARD_TITLE,
        content,
        okText: '放弃修改',
        okButtonProps: { danger: true },
        cancelText: '继续编辑',
        onOk: discard,
        onCancel: onKeep,
      }),
    [modal],
  );
}

/** While `dirty`, leaving the page — by a link, back or forward, or closing the tab — asks first. */
export function useUnsavedGuard(dirty: boolean): void {
  const confirmDiscard = useConfirmDiscard();
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: { pathname: string; search: string }; nextLocation: { pathname: string; search: string } }) =>
        dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [dirty],
    ),
  );
  const { state, proceed, reset } = blocker;

  useEffect(() => {
    if (state !== 'blocked' || !proceed || !reset) return;
    const dialog = confirmDiscard(DISCARD_LEAVE, proceed, reset);
    return () => dialog.destroy();
  }, [state, proceed, reset, confirmDiscard]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
