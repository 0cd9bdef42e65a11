import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';

export function createAppHandlers(context: HostContext): Pick<ApiHandlers, 'app:info'> {
  return {
    'app:info': () => ({
      name: 'InCamera',
      version: context.version,
      shell: context.shell,
      startedAt: context.startedAt.toISOString(),
      training: context.training === true,
    }),
  };
}
