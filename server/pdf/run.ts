import { spawn } from 'node:child_process';

export type RunOutcome =
  | { kind: 'done'; status: number | null; stderr: string }
  | { kind: 'missing' }
  | { kind: 'timeout' };

/**
 * Runs a program in its own process group and kills the whole group when it outlives `timeoutMs`:
 * soffice starts helper processes (oosplash, soffice.bin) that a plain kill of the child leaves behind.
 */
export function runProgram(command: string, args: string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: process.env.HOME ?? '/tmp' } });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      if (stderr.length < 4000) stderr += d;
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
      finish({ kind: 'timeout' });
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ENOENT' || e.code === 'EACCES' ? { kind: 'missing' } : { kind: 'done', status: null, stderr: e.message }));
    child.on('close', (status) => finish({ kind: 'done', status, stderr }));
  });
}
