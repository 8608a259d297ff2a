// The kernel's own count of what went on the wire inside a run's network namespace.
// /proc/net/snmp and /proc/net/netstat hold pairs of lines, a header and its values:
//   Tcp: RtoAlgorithm RtoMin ... OutRsts ...
//   Tcp: 1 200 ... 1 ...
// Names come from the kernel's snmp4_tcp_list (net/ipv4/proc.c) and include/uapi/linux/snmp.h.

/** The groups kept: TCP, its extensions, UDP and ICMP; the rest says nothing about sockets. */
const GROUPS = new Set(['Tcp', 'TcpExt', 'Udp', 'Icmp']);
/** Settings printed among the Tcp counters (RFC 2012's tcpRtoAlgorithm...), not counts. */
const SETTINGS = new Set(['Tcp.RtoAlgorithm', 'Tcp.RtoMin', 'Tcp.RtoMax', 'Tcp.MaxConn']);

/**
 * Non-zero counters as `Group.Name` -> value, from the concatenated text of /proc/net/snmp and
 * /proc/net/netstat; undefined when the text holds none (counters were not readable).
 */
export function parseCounters(text: string): Record<string, number> | undefined {
  const lines = text.split('\n');
  const out: Record<string, number> = {};
  let found = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const [group, ...names] = lines[i].trim().split(/\s+/);
    const [valueGroup, ...values] = lines[i + 1].trim().split(/\s+/);
    if (!group?.endsWith(':') || group !== valueGroup || names.length !== values.length || !/^-?\d/.test(values[0] ?? '')) continue;
    i++;
    const g = group.slice(0, -1);
    if (!GROUPS.has(g)) continue;
    found = true;
    names.forEach((n, k) => {
      const v = Number(values[k]);
      const key = `${g}.${n}`;
      if (v !== 0 && Number.isFinite(v) && !SETTINGS.has(key)) out[key] = v;
    });
  }
  return found ? out : undefined;
}
