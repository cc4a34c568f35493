import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { authProblemOf, isApiError } from '../http/client.ts';
import { applyFieldError, errorMessage, type FormErrorOptions } from '../http/formErrors.ts';

export interface ApiMutationOptions<TVars, TResult> {
  /** Toast shown when the change worked. */
  success?: string | ((result: TResult, vars: TVars) => string);
  /** Query key prefixes whose cached data the change makes stale. */
  invalidate?: readonly QueryKey[];
  /** Where field errors from the server go; other errors become a toast. */
  form?: FormInstance;
  formErrors?: FormErrorOptions;
  onSuccess?: (result: TResult, vars: TVars) => void;
  onError?: (error: unknown) => void;
}

/**
 * A server change with the app's usual manners: stale lists refreshed, a short success toast, and
 * errors on the form field they concern or else as a toast. Session problems are left to the
 * global handler, which redirects.
 */
export function useApiMutation<TVars = void, TResult = unknown>(
  mutationFn: (vars: TVars) => Promise<TResult>,
  options: ApiMutationOptions<TVars, TResult> = {},
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, vars) => {
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      const text = typeof options.success === 'function' ? options.success(result, vars) : options.success;
      if (text) void message.success(text);
      options.onSuccess?.(result, vars);
    },
    onError: (error) => {
      options.onError?.(error);
      if (isApiError(error) && authProblemOf(error)) return;
      if (options.form && applyFieldError(options.form, error, options.formErrors)) return;
      void message.error(errorMessage(error));
    },
  });
}
