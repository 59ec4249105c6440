import { readFileSync } from 'node:fs';

/**
 * Readings from /proc (Linux), so a process can be measured from outside without its help:
 * the idle-connection figure is the server's VmRSS as the kernel sees it, not what
 * the server reports about itself. Every reader returns null where /proc is unavailable.
 */

const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux architecture Node supports

/** VmRSS and VmHWM (peak RSS) of a process, in MB. */
export function readMemoryMB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: toMB(kb('VmRSS')), peakRssMB: toMB(kb('VmHWM')) };
  } catch {
    return { rssMB: null, peakRssMB: null };
  }
}

/**
 * Context switches of a process's main thread (in Node, the event loop's): involuntary ones
 * are the kernel taking the CPU away while the loop still had work, the sign of a machine with
 * more runnable threads than cores.
 */
export function readContextSwitches(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const count = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { voluntary: count('voluntary_ctxt_switches'), involuntary: count('nonvoluntary_ctxt_switches') };
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used so far (its own threads, not its children). */
export function readCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The soft open-file limit this process runs with (what `ulimit -n` set), or null. */
export function readOwnFdLimit() {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const [soft, hard] = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits)?.slice(1) ?? [];
    return { soft: asLimit(soft), hard: asLimit(hard) };
  } catch {
    return { soft: null, hard: null };
  }
}

/** The 1/5/15-minute load averages: how busy the shared machine was around a measurement. */
export function readLoadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
}

/**
 * CPU seconds the whole machine has spent busy (all cores, /proc/stat), and stolen by the hypervisor.
 * Over a phase, busy seconds minus the server's and the load generators' own are the
 * neighbours': this machine is shared, and that share is what makes two runs differ.
 */
export function readMachineCpuSeconds() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: steal is the hypervisor's, not this VM's.
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return { busy: (user + nice + system + irq + softirq) / CLOCK_TICKS, steal: steal / CLOCK_TICKS };
  } catch {
    return null;
  }
}

function toMB(kb) {
  return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
}

function asLimit(text) {
  if (text === undefined) return null;
  return text === 'unlimited' ? Infinity : Number(text);
}
