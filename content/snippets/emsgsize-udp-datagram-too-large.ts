// How big can one UDP datagram be? On a link with MTU 1400, Linux fragments a 3,000-byte
// datagram by default (IP_PMTUDISC_WANT) and the send succeeds; EMSGSIZE comes only above
// 65,507 bytes, or at the MTU when the socket forbids fragmentation (IP_PMTUDISC_DO).
// Needs root: it runs itself again in a network namespace of its own, with loopback's MTU at 1400.
// Run: sudo node emsgsize-udp-datagram-too-large.ts   (Linux, Node >= 22.18, no install)
import dgram from 'node:dgram';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

if (process.argv[2] === 'inside') await inside();
else outside();

// In the caller's namespace: never touch its interfaces; start a copy in a fresh namespace.
function outside(): void {
  if (process.getuid?.() !== 0) {
    // A skipped run must not look like a pass: 77 is the status test suites use for "skipped".
    console.log('skipped: this scenario needs root to create a network namespace (exit status 77)');
    process.exitCode = 77;
    return;
  }
  const r = spawnSync('unshare', ['--net', '--', process.execPath, import.meta.filename, 'inside'], {
    stdio: 'inherit',
    timeout: 10_000,
  });
  process.exitCode = r.status ?? 1;
}

/** Ip.FragCreates from /proc/net/snmp: fragments this namespace's IP layer has made. */
function fragCreates(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Ip:'));
  const [names, values] = lines.map((l) => l.trim().split(/\s+/));
  return Number(values[names.indexOf('FragCreates')]);
}

async function inside(): Promise<void> {
  setTimeout(() => {
    console.log('gave up: nothing happened within 8 s');
    process.exit(1);
  }, 8000).unref();
  const ip = spawnSync('ip', ['link', 'set', 'lo', 'mtu', '1400', 'up'], { encoding: 'utf8', timeout: 4000 });
  if (ip.status !== 0) throw new Error(`ip link set lo failed: ${ip.stderr || ip.error}`);
  console.log('setup: a private network namespace, loopback MTU 1400');

  const receiver = dgram.createSocket('udp4');
  const arrived: Array<(size: number) => void> = [];
  receiver.on('message', (msg) => arrived.shift()?.(msg.length));
  await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
  const { port } = receiver.address();
  const sender = dgram.createSocket('udp4');

  // Sends `size` bytes; resolves with the error code, or with the size the receiver got.
  const send = (size: number) =>
    new Promise<string>((resolve) => {
      arrived.push((got) => resolve(`receiver got ${got} bytes`));
      sender.send(Buffer.alloc(size, 0x61), port, '127.0.0.1', (err) => {
        if (err) {
          arrived.pop();
          resolve(`failed ${(err as NodeJS.ErrnoException).code}`);
        }
      });
    });

  for (const size of [1000, 3000, 65_507, 65_508]) {
    const before = fragCreates();
    const result = await send(size);
    const fragments = fragCreates() - before;
    console.log(`sender: ${size} bytes: ${result}, ${fragments ? `sent as ${fragments} fragments` : 'not fragmented'}`);
  }
  sender.close();
  receiver.close();

  // Node cannot set IP_MTU_DISCOVER; Python can. With IP_PMTUDISC_DO the MTU is the limit.
  const py = [
    'import socket',
    's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
    '# Linux values, for Pythons whose socket module lacks the names',
    "s.setsockopt(socket.IPPROTO_IP, getattr(socket, 'IP_MTU_DISCOVER', 10), getattr(socket, 'IP_PMTUDISC_DO', 2))",
    'try:',
    "    s.sendto(b'a' * 3000, ('127.0.0.1', 9))",
    "    print('python: IP_PMTUDISC_DO, 3000 bytes: sent')",
    'except OSError as e:',
    "    print(f'python: IP_PMTUDISC_DO, 3000 bytes: failed errno {e.errno} ({e.strerror})')",
  ].join('\n');
  const r = spawnSync('python3', ['-c', py], { encoding: 'utf8', timeout: 4000 });
  process.stdout.write(r.status === 0 ? r.stdout : 'python: python3 is not available, IP_PMTUDISC_DO not shown\n');
}
