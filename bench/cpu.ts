import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks a second of /proc's utime and stime (USER_HZ: 100 on every Linux this runs on). */
const TICKS = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  command: string;
  /** user + system CPU, in ms */
  cpuMs: number;
  /** of which in the kernel (system calls: the loopback TCP of HTTP and the database protocol), in ms */
  systemMs: number;
}

/** One process's line of /proc/PID/stat; undefined when it has gone. */
function procStat(pid: number): ProcStat | undefined {
  let line: string;
  try {
    line = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command is in parentheses and may itself hold spaces or parentheses: the fields start after the last ')'.
  const close = line.lastIndexOf(')');
  const command = line.slice(line.indexOf('(') + 1, close);
  const fields = line.slice(close + 2).split(' ');
  return { pid, ppid: Number(fields[1]), command, cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS, systemMs: (Number(fields[12]) * 1000) / TICKS };
}

function allProcesses(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procStat(Number(name)))
    .filter((p): p is ProcStat => p !== undefined);
}

/** CPU time (ms) used so far by a process and all its descendants (an API's cluster workers count with it). */
export function treeCpuMs(rootPid: number): { cpuMs: number; systemMs: number } {
  const processes = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const total = { cpuMs: 0, systemMs: 0 };
  const visit = (pid: number) => {
    const self = processes.find((p) => p.pid === pid);
    if (self) {
      total.cpuMs += self.cpuMs;
      total.systemMs += self.systemMs;
    }
    for (const child of children.get(pid) ?? []) visit(child.pid);
  };
  visit(rootPid);
  return total;
}

/** CPU time (ms) used so far by one process alone. */
export function processCpuMs(pid: number): number {
  return procStat(pid)?.cpuMs ?? 0;
}

/** The processes `pid` started (a cluster primary's API processes). */
export function childPids(pid: number): number[] {
  return allProcesses().filter((p) => p.ppid === pid).map((p) => p.pid);
}

/** CPU time (ms) used so far by every PostgreSQL and Redis server process on this machine. */
export function serviceCpuMs(): { postgres: number; redis: number } {
  let postgres = 0;
  let redis = 0;
  for (const p of allProcesses()) {
    if (p.command === 'postgres' || p.command.startsWith('postgres:')) postgres += p.cpuMs;
    else if (p.command.startsWith('redis-server')) redis += p.cpuMs;
  }
  return { postgres, redis };
}

/** The whole machine's busy and total CPU time (ms, all cores), from /proc/stat: how loaded the shared machine was. */
export function machineCpuMs(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: ((total - idle) * 1000) / TICKS, total: (total * 1000) / TICKS };
}

/** What a stretch of work cost: CPU of the app's processes, of Postgres and Redis, and how busy the machine was. */
export interface CpuSpent {
  appMs: number;
  /** of appMs, in the kernel */
  appSystemMs: number;
  postgresMs: number;
  redisMs: number;
  /** Busy share of all cores over the stretch, 0 to 1 (the app, the services, the load generator and everyone else). */
  machineBusy: number;
}

/** Starts counting CPU for the process trees given; the returned function reads what was spent since. */
export function startCpuMeter(rootPids: number[]): () => CpuSpent {
  const app = () => rootPids.map(treeCpuMs).reduce((sum, t) => ({ cpuMs: sum.cpuMs + t.cpuMs, systemMs: sum.systemMs + t.systemMs }), { cpuMs: 0, systemMs: 0 });
  const appBefore = app();
  const servicesBefore = serviceCpuMs();
  const machineBefore = machineCpuMs();
  return () => {
    const services = serviceCpuMs();
    const machine = machineCpuMs();
    const total = machine.total - machineBefore.total;
    const appNow = app();
    return {
      appMs: appNow.cpuMs - appBefore.cpuMs,
      appSystemMs: appNow.systemMs - appBefore.systemMs,
      postgresMs: services.postgres - servicesBefore.postgres,
      redisMs: services.redis - servicesBefore.redis,
      machineBusy: total > 0 ? Math.round(((machine.busy - machineBefore.busy) / total) * 100) / 100 : 0,
    };
  };
}

export const coreCount = () => cpus().length;
