import { ConnectionSettings, type SavedConnection } from '../../main/api';

/** What the connection form holds; the password lives only here, never in a saved connection. */
export interface ConnectionFormValues {
  name: string;
  uri: string;
  user: string;
  password: string;
  /** Empty means the server's default database. */
  database: string;
}

export type ConnectionField = keyof ConnectionFormValues;
/** Per field: the contract's message for what is wrong with it. */
export type ConnectionFieldErrors = Partial<Record<ConnectionField, string>>;

export const NEW_CONNECTION: ConnectionFormValues = { name: '', uri: 'bolt://localhost:7687', user: 'neo4j', password: '', database: '' };

/** The form filled from a saved connection; the password stays empty (it is never sent back). */
export function formFromSaved(saved: SavedConnection): ConnectionFormValues {
  return { name: saved.name, uri: saved.uri, user: saved.user, password: '', database: saved.database ?? '' };
}

/** The message a required field gets from the contract, shown as "Required" by the form. */
export const REQUIRED_MESSAGE = 'is required';

/**
 * Checks the form with the contract's own ConnectionSettings schema (the core checks the same),
 * plus a password unless one is stored for the connection. Returns the settings when valid.
 */
export function validateConnectionForm(
  values: ConnectionFormValues,
  options: { passwordRequired: boolean; schemaMapping?: SavedConnection['schemaMapping'] },
): { settings: ConnectionSettings | null; errors: ConnectionFieldErrors } {
  const parsed = ConnectionSettings.safeParse({
    name: values.name,
    uri: values.uri,
    user: values.user,
    database: values.database.trim() === '' ? null : values.database,
    schemaMapping: options.schemaMapping ?? null,
  });
  const errors: ConnectionFieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ConnectionField;
      errors[field] ??= issue.code === 'too_small' && field !== 'name' ? REQUIRED_MESSAGE : issue.message;
    }
  }
  if (options.passwordRequired && values.password === '') errors.password = REQUIRED_MESSAGE;
  return { settings: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/** True when the form describes exactly the saved connection (so the saved one can be tested as is). */
export function matchesSaved(values: ConnectionFormValues, saved: SavedConnection): boolean {
  const form = formFromSaved(saved);
  return (['name', 'uri', 'user', 'database'] as const).every((field) => values[field].trim() === form[field]);
}
