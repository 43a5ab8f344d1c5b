import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-script.js';

export interface ServerProcess {
  url: string;
  /** What the process printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` as its own process, as an office would run one more instance, on a free port. */
export function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', OPENAI_BASE_URL: '', OPENAI_API_KEY: '', SOANTHAO_MODEL: '', OPENAI_MODEL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      resolve({
        url: `http://${m[1]}`,
        output: () => out,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`the server stopped before listening (exit ${code}):\n${out}`)));
  });
}
