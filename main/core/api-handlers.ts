import type { ApiArea, ApiMethodName, ApiOutput, ApiParsedInput, ProgressStep } from '../api';

/** Who is calling and how to report back: built by the dispatcher for every call. */
export interface CallContext {
  /** The signed-in investigator (desktop: OS user or configured identity; server: request identity). */
  user: string;
  /** Aborted when the caller cancels the call's task. */
  signal: AbortSignal;
  /** Reports progress of the call's task as a step code the UI words; a no-op when the caller gave no taskId. */
  progress(done: number, total: number | null, step?: ProgressStep): void;
}

/** Areas the dispatcher answers itself rather than the core. */
export type DispatcherArea = 'tasks';
export type CoreArea = Exclude<ApiArea, DispatcherArea>;

/** The core's implementation of the contract: validated input in, plain DTOs out. */
export type ApiHandlers = {
  [A in CoreArea]: {
    [M in ApiMethodName<A>]: (input: ApiParsedInput<A, M>, context: CallContext) => Promise<ApiOutput<A, M>>;
  };
};
