// Runs one command as a whole process and measures it from outside: wall time
// (spawn to exit), peak RSS of its largest process, and CPU seconds.
//
// Peak RSS and CPU come from GNU time (`/usr/bin/time -f`) when it is installed:
// for a `sh -c` pipeline it reports the largest single process, like the survey.
// Without it, the child's /proc/<pid>/status VmHWM is polled (Linux), and CPU is
// left out.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

function probeGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
}

export const rssMethod = probeGnuTime() ? 'gnu-time' : existsSync('/proc/self/status') ? 'proc-vmhwm' : 'none';

let seq = 0;

/**
 * @returns {Promise<{wallMs:number, rssMiB?:number, cpuS?:number, status:number|null, stdout:string, stderr:string}>}
 */
export async function measure(command, args, { cwd, env } = {}) {
  const stats = path.join(os.tmpdir(), `imprint-bench-${process.pid}-${seq++}.time`);
  const useTime = rssMethod === 'gnu-time';
  const [cmd, argv] = useTime ? [GNU_TIME, ['-o', stats, '-f', '%M %U %S', command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  let hwm = 0;
  let poll;
  if (rssMethod === 'proc-vmhwm') {
    const read = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch {
        /* exited */
      }
    };
    poll = setInterval(read, 10);
  }
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - start;
  if (poll) clearInterval(poll);
  const result = { wallMs, status, stdout, stderr };
  if (useTime) {
    const text = await fs.readFile(stats, 'utf8').catch(() => '');
    await fs.rm(stats, { force: true });
    const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(text);
    if (m) {
      result.rssMiB = Number(m[1]) / 1024;
      result.cpuS = Number(m[2]) + Number(m[3]);
    }
  } else if (hwm) {
    result.rssMiB = hwm / 1024;
  }
  return result;
}

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
