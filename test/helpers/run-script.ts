import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs one of the project's TypeScript entry points as staff would, asynchronously, so a test server
 * in this process keeps answering while it runs.
 */
export function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, script), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The environment with no model configured, as on a machine without one: the offline composer drafts. */
export function offlineEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|SOANTHAO_MODEL)/.test(k)));
}

/** `npm run draft -- <args>` with no model configured, waited for. */
export function draftCli(...args: string[]) {
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/draft.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: offlineEnv() });
}
