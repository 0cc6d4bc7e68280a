import { ApiError, parseMethodInput, parseMethodOutput, type ApiEnvelope, type ProgressEvent, type ProgressStep } from '../api';
import type { ApiHandlers, CallContext } from './api-handlers';

export interface Caller {
  user: string;
}

/**
 * The one place where a shell's raw call becomes a core call: validates the input against the
 * contract, runs the handler with a cancellable task context, and turns every outcome into an
 * envelope. Both the IPC shell and the HTTP shell go through here, so they behave identically.
 */
export class ApiDispatcher {
  private readonly runningTasks = new Map<string, AbortController>();
  private readonly progressListeners = new Set<(event: ProgressEvent) => void>();

  constructor(
    private readonly handlers: ApiHandlers,
    private readonly options: { validateOutput?: boolean; log?: (message: string) => void } = {},
  ) {}

  onProgress(listener: (event: ProgressEvent) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  async call(area: string, name: string, rawInput: unknown, caller: Caller): Promise<ApiEnvelope<unknown>> {
    try {
      const input = parseMethodInput(area, name, rawInput) as Record<string, unknown>;
      if (area === 'tasks' && name === 'cancel') return { ok: true, value: this.cancel(String(input.taskId)) };
      const value = await this.runHandler(area, name, input, caller);
      return { ok: true, value: this.options.validateOutput ? parseMethodOutput(area, name, value) : value };
    } catch (error) {
      return { ok: false, error: this.toApiError(error, `${area}.${name}`).toBody() };
    }
  }

  private async runHandler(area: string, name: string, input: Record<string, unknown>, caller: Caller): Promise<unknown> {
    const handler = (this.handlers as unknown as Record<string, Record<string, (i: unknown, c: CallContext) => Promise<unknown>>>)[area][name];
    const taskId = typeof input.taskId === 'string' ? input.taskId : undefined;
    const controller = new AbortController();
    if (taskId) {
      if (this.runningTasks.has(taskId)) throw new ApiError('conflict', `Task ${taskId} is already running`, { reason: 'task_running', params: { taskId } });
      this.runningTasks.set(taskId, controller);
    }
    const emit = (done: number, total: number | null, state: ProgressEvent['state'], step: ProgressStep = 'working') => {
      if (taskId) this.emit({ taskId, step, done, total, state });
    };
    const context: CallContext = {
      user: caller.user,
      signal: controller.signal,
      progress: (done, total, step) => emit(done, total, 'running', step),
    };
    try {
      const value = await handler(input, context);
      if (controller.signal.aborted) throw new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
      emit(1, 1, 'done', 'done');
      return value;
    } catch (error) {
      emit(0, null, controller.signal.aborted ? 'cancelled' : 'failed');
      if (controller.signal.aborted) throw new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
      throw error;
    } finally {
      if (taskId) this.runningTasks.delete(taskId);
    }
  }

  private cancel(taskId: string): { cancelled: boolean } {
    const controller = this.runningTasks.get(taskId);
    controller?.abort();
    return { cancelled: Boolean(controller) };
  }

  private emit(event: ProgressEvent): void {
    for (const listener of this.progressListeners) listener(event);
  }

  private toApiError(error: unknown, label: string): ApiError {
    if (error instanceof ApiError) return error;
    // Unknown failures are logged in full here and reach the UI only as a short message.
    this.options.log?.(`${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return new ApiError('internal', `Something went wrong in ${label}: ${error instanceof Error ? error.message : String(error)}`, { reason: 'internal_error' });
  }
}
