import { z } from 'zod';
import packageJson from '../../package.json';

const ServerEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5178),
  RINGSCOPE_DEMO_ACCOUNTS: z.coerce.number().int().min(100).max(5_000_000).optional(),
  RINGSCOPE_DEMO_SEED: z.coerce.number().int().optional(),
});

export interface ServerConfig {
  port: number;
  version: string;
  demo: { accounts?: number; seed?: number };
}

/** Reads the server's settings from the environment, with a clear message naming a bad variable. */
export function resolveServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = ServerEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment — ${problems}`);
  }
  const { PORT, RINGSCOPE_DEMO_ACCOUNTS, RINGSCOPE_DEMO_SEED } = parsed.data;
  return {
    port: PORT,
    version: packageJson.version,
    demo: { accounts: RINGSCOPE_DEMO_ACCOUNTS, seed: RINGSCOPE_DEMO_SEED },
  };
}
