/**
 * The IPC vocabulary shared by the main process (ipc.ts, window.ts) and the preload. Deliberately
 * free of runtime imports: the preload is bundled from it and must stay small (no zod).
 */

/** Invoke channel of one Api method, e.g. "ringscope:graph.search". */
export const apiChannel = (methodPath: string): string => `ringscope:${methodPath}`;

/** The desktop file dialogs (file-dialogs.ts), exposed by the preload as window.ringscope.files. */
export const FILES_CHANNELS = {
  save: 'ringscope:files.save',
  saveEvidence: 'ringscope:files.saveEvidence',
  openWorkspace: 'ringscope:files.openWorkspace',
} as const;

/** Main → renderer channel carrying the core's ProgressEvents. */
export const PROGRESS_CHANNEL = 'ringscope:progress';

/**
 * The preload learns the contract's method list from the main process through this command-line
 * switch (webPreferences.additionalArguments), so the list has one source, main/api's
 * apiMethodPaths, without pulling zod into the sandboxed preload.
 */
const METHODS_SWITCH = '--ringscope-api-methods=';
const METHOD_PATH = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

/** Encodes method paths ("graph.search") as the switch the window hands to its preload. */
export function methodListArgument(methodPaths: readonly string[]): string {
  return METHODS_SWITCH + methodPaths.join(',');
}

/** Reads the method paths back from the renderer's argv; malformed entries are dropped. */
export function readMethodListArgument(argv: readonly string[]): string[] {
  const switchValue = argv.find((arg) => arg.startsWith(METHODS_SWITCH));
  if (!switchValue) return [];
  return switchValue
    .slice(METHODS_SWITCH.length)
    .split(',')
    .filter((path) => METHOD_PATH.test(path));
}
