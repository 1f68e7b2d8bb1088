import { readdirSync, readFileSync } from 'node:fs';
import { Counter, Gauge } from '../core/serve/prometheus.js';

/**
 * The standard process metrics (the names Prometheus client libraries export, so stock dashboards
 * and alerts work): CPU, memory, file descriptors, start time. Read at each scrape.
 */
export class ProcessMetrics {
  readonly cpuUser = new Counter(
    'process_cpu_user_seconds_total',
    'Total user CPU time spent in seconds.',
  );
  readonly cpuSystem = new Counter(
    'process_cpu_system_seconds_total',
    'Total system CPU time spent in seconds.',
  );
  readonly cpu = new Counter(
    'process_cpu_seconds_total',
    'Total user and system CPU time spent in seconds.',
  );
  readonly start = new Gauge(
    'process_start_time_seconds',
    'Start time of the process since unix epoch in seconds.',
  );
  readonly resident = new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes.');
  readonly virtual = new Gauge('process_virtual_memory_bytes', 'Virtual memory size in bytes.');
  readonly heap = new Gauge('process_heap_bytes', 'Process heap size in bytes.');
  readonly openFds = new Gauge('process_open_fds', 'Number of open file descriptors.');
  readonly maxFds = new Gauge('process_max_fds', 'Maximum number of open file descriptors.');

  all(): (Counter | Gauge)[] {
    const always = [this.cpuUser, this.cpuSystem, this.cpu, this.start, this.resident, this.heap];
    return process.platform === 'linux'
      ? [...always, this.virtual, this.openFds, this.maxFds]
      : always;
  }
}

function linuxFds(): { open: number; max: number } | undefined {
  try {
    // readdir itself holds one descriptor open on the folder while it reads.
    const open = readdirSync('/proc/self/fd').length - 1;
    const limit = /^Max open files\s+(\d+|unlimited)/m.exec(
      readFileSync('/proc/self/limits', 'utf8'),
    );
    const max = limit && limit[1] !== 'unlimited' ? Number(limit[1]) : Infinity;
    return { open, max };
  } catch {
    return undefined;
  }
}

function linuxVirtualBytes(): number | undefined {
  try {
    // /proc/self/stat field 23 is vsize in bytes; the command name (field 2) may hold spaces.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[20]);
  } catch {
    return undefined;
  }
}

export function collectProcessMetrics(m: ProcessMetrics): void {
  const cpu = process.cpuUsage();
  m.cpuUser.set({}, cpu.user / 1e6);
  m.cpuSystem.set({}, cpu.system / 1e6);
  m.cpu.set({}, (cpu.user + cpu.system) / 1e6);
  m.start.set({}, Math.round((performance.timeOrigin / 1000) * 1000) / 1000);
  const mem = process.memoryUsage();
  m.resident.set({}, mem.rss);
  m.heap.set({}, mem.heapTotal);
  if (process.platform !== 'linux') return;
  const fds = linuxFds();
  if (fds) {
    m.openFds.set({}, fds.open);
    m.maxFds.set({}, fds.max);
  }
  const vsize = linuxVirtualBytes();
  if (vsize !== undefined) m.virtual.set({}, vsize);
}
