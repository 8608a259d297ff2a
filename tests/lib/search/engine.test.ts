// The instant search over the real content: the index is built with the same function the
// /api/search-index.json endpoint uses (buildSiteSearchIndex).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteSearchIndex } from '../../../src/lib/api.ts';
import type { SearchIndex } from '../../../src/lib/search/index-format.ts';
import { realSiteData } from '../../support/site-data.ts';
import { createSearcher, type Searcher } from '../../../src/lib/search/engine.ts';

function realIndex(): SearchIndex {
  return buildSiteSearchIndex(realSiteData());
}

let searcher: Searcher;
beforeAll(() => {
  searcher = createSearcher(realIndex());
});

const top = (q: string) => searcher.search(q)[0]?.url;

describe('top result', () => {
  it.each([
    // numbers and names
    ['10054', '/winsock/wsaeconnreset/'],
    ['104', '/linux/econnreset/'],
    ['errno 104', '/linux/econnreset/'],
    ['Errno 104', '/linux/econnreset/'],
    ['error 10053', '/winsock/wsaeconnaborted/'],
    ['Error code : 10054', '/winsock/wsaeconnreset/'],
    ['socket error # 10054', '/winsock/wsaeconnreset/'],
    ['econnreset', '/linux/econnreset/'],
    ['ECONNRESET', '/linux/econnreset/'],
    ['EConnReset', '/linux/econnreset/'],
    ['WSAECONNRESET', '/winsock/wsaeconnreset/'],
    ['wsaeconnreset', '/winsock/wsaeconnreset/'],
    ['EWOULDBLOCK', '/linux/eagain/'],
    ['ConnectionResetError', '/linux/econnreset/'],
    ['ERROR_NETNAME_DELETED', '/windows/error_netname_deleted/'],
    ['econnr', '/linux/econnreset/'],
    // Node.js: libuv's negative numbers
    ['errno=-4077', '/linux/econnreset/'],
    ['errno: -4077', '/linux/econnreset/'],
    ['-104', '/linux/econnreset/'],
    // pasted log lines
    ['read ECONNRESET', '/linux/econnreset/'],
    ['Error: read ECONNRESET', '/linux/econnreset/'],
    ['java.net.SocketException: Connection reset by peer: socket write error', '/winsock/wsaeconnreset/'],
    ['[WinError 10053] An established connection was aborted by the software in your host machine', '/winsock/wsaeconnaborted/'],
    ['ConnectionResetError: [WinError 10054] An existing connection was forcibly closed by the remote host', '/winsock/wsaeconnreset/'],
    ['curl: (56) Recv failure: Connection reset by peer', '/linux/econnreset/'],
    [
      '2024-05-01 12:00:01 [error] 1234#0: *5 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 192.0.2.1',
      '/linux/econnreset/',
    ],
    ['[Errno 104] Connection reset by peer', '/linux/econnreset/'],
    // Python raises PermissionError for both: the number decides
    ['PermissionError: [Errno 1] Operation not permitted', '/linux/eperm/'],
    ['PermissionError: [Errno 13] Permission denied', '/linux/eacces/'],
    ['connect() failed (111: Connection refused) while connecting to upstream', '/linux/econnrefused/'],
    [
      'System.Net.Sockets.SocketException (10053): An established connection was aborted by the software in your host machine.',
      '/winsock/wsaeconnaborted/',
    ],
    // words and typos
    ['connection reset by peer', '/linux/econnreset/'],
    ['conection refused', '/linux/econnrefused/'],
    ['brokn pipe', '/linux/epipe/'],
    ['broken pipe', '/linux/epipe/'],
    ['adress already in use', '/linux/eaddrinuse/'],
    ['too many open files', '/linux/emfile/'],
    // Chinese
    ['管道破裂', '/linux/epipe/'],
  ])('%j -> %s', (q, url) => {
    expect(top(q)).toBe(url);
  });

  it.each([
    ['连接被重置', ['/linux/econnreset/', '/winsock/wsaeconnreset/']],
    ['对方复位连接', ['/linux/econnreset/', '/winsock/wsaeconnreset/']],
    ['软件导致连接中止', ['/winsock/wsaeconnaborted/', '/linux/econnaborted/']],
  ])('%j -> one of %j, both among the first three', (q, urls) => {
    const results = searcher
      .search(q)
      .slice(0, 3)
      .map((r) => r.url);
    expect(urls).toContain(results[0]);
    for (const u of urls) expect(results).toContain(u);
  });
});

describe('numbers on every platform', () => {
  const labels = (q: string) => searcher.search(q).map((r) => `${r.title} (${r.label})`);
  it('lists 54 on Linux and as ECONNRESET on macOS', () => {
    const r = labels('54');
    expect(r).toContain('ECONNRESET (macOS errno 54)');
    expect(r.some((l) => l.includes('Linux errno 54'))).toBe(true);
  });
  it('lists 64 as a Windows system error and a Linux errno', () => {
    const r = labels('64');
    expect(r).toContain('ERROR_NETNAME_DELETED (Windows system error 64)');
    expect(r.some((l) => l.includes('Linux errno 64'))).toBe(true);
  });
  it('labels Node.js numbers by platform', () => {
    expect(labels('errno: -4077')[0]).toBe('ECONNRESET (Node.js on Windows, errno -4077)');
    expect(labels('-104')[0]).toBe('ECONNRESET (Node.js on Linux, errno -104)');
  });
  it('puts exact matches before fuzzy ones', () => {
    const r = searcher.search('10054');
    expect(r[0]).toMatchObject({ title: 'WSAECONNRESET', match: 'exact', label: 'Winsock 10054' });
    const exact = r.filter((x) => x.match === 'exact').length;
    expect(r.slice(0, exact).every((x) => x.match === 'exact')).toBe(true);
  });
});

describe('nonsense and hostile input', () => {
  it.each(['asdfghjkl qwerty', 'zzzzzzzz', '99999', 'xyzzy plugh', '😀😀😀', '   ', ''])('%j gives no results', (q) => {
    expect(searcher.search(q)).toEqual([]);
  });

  it.each([
    ['regex characters', '.*+?^${}()|[]\\'],
    ['10,000 characters', 'connection reset '.repeat(600)],
    ['10,000 x', 'x'.repeat(10_000)],
    ['emoji', '🔥 ECONNRESET 🔥'],
    ['CJK', '连接'.repeat(2000)],
    ['only spaces', ' '.repeat(10_000)],
    ['null bytes', '\u0000ECONNRESET\u0000'],
    ['lone surrogate', '\ud800\udc00\ud800 errno 104'],
    ['nested brackets', '('.repeat(3000) + '104: x' + ')'.repeat(3000)],
    ['many numbers', Array.from({ length: 3000 }, (_, i) => `errno ${i}`).join(' ')],
  ])('%s: never throws, stays fast', (_label, q) => {
    const started = performance.now();
    const r = searcher.search(q);
    expect(Array.isArray(r)).toBe(true);
    expect(r.length).toBeLessThanOrEqual(8);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never throws on non-strings', () => {
    expect(searcher.search(undefined as unknown as string)).toEqual([]);
    expect(searcher.search(null as unknown as string)).toEqual([]);
  });
});

describe('file and process log lines land on their error page', () => {
  it.each([
    // Node.js fs and child_process (content/messages/files-processes-node.yaml)
    ["Error: ENOENT: no such file or directory, open '/app/dist/index.html'", '/linux/enoent/'],
    ['Error: spawn git ENOENT', '/linux/enoent/'],
    ['spawn ENOENT', '/linux/enoent/'],
    ["Error: EACCES: permission denied, open '/app/dist/bundle.js'", '/linux/eacces/'],
    ['Error: spawn EACCES', '/linux/eacces/'],
    ["Error: EPERM: operation not permitted, unlink '/tmp/build.lock'", '/linux/eperm/'],
    ['Error: kill EPERM', '/linux/eperm/'],
    ['Error: ENOSPC: no space left on device, write', '/linux/enospc/'],
    ['ENOSPC: System limit for number of file watchers reached', '/linux/enospc/'],
    ["Error: EEXIST: file already exists, mkdir '/app/.cache'", '/linux/eexist/'],
    ['Error: EISDIR: illegal operation on a directory, read', '/linux/eisdir/'],
    ["Error: ENOTDIR: not a directory, scandir '/app/src/index.ts'", '/linux/enotdir/'],
    ["Error: ENOTEMPTY: directory not empty, rmdir '/app/node_modules/.cache'", '/linux/enotempty/'],
    ["Error: ELOOP: too many symbolic links encountered, stat '/app/node_modules/@app/core'", '/linux/eloop/'],
    ["Error: EXDEV: cross-device link not permitted, rename '/tmp/upload_3f2a9b' -> '/srv/app/uploads/photo.jpg'", '/linux/exdev/'],
    ["Error: EROFS: read-only file system, open '/app/.next/cache/config.json'", '/linux/erofs/'],
    ["Error: EBUSY: resource busy or locked, rmdir '/app/node_modules'", '/linux/ebusy/'],
    ["Error: ETXTBSY: text file is busy, open '/usr/local/bin/app'", '/linux/etxtbsy/'],
    ['ETXTBSY: text file busy', '/linux/etxtbsy/'],
    ['Error: spawn E2BIG', '/linux/e2big/'],
    ['E2BIG: argument list too long', '/linux/e2big/'],
    ['Error: kill ESRCH', '/linux/esrch/'],
    ['Error: EIO: i/o error, read', '/linux/eio/'],
    ['Error: ESPIPE: invalid seek, read', '/linux/espipe/'],
    // npm and watchers
    ["npm ERR! enoent ENOENT: no such file or directory, open '/app/package.json'", '/linux/enoent/'],
    ["npm ERR! Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/typescript'", '/linux/eacces/'],
    [
      "npm ERR! ENOTEMPTY: directory not empty, rename '/app/node_modules/webpack' -> '/app/node_modules/.webpack-Xk2pQf1a'",
      '/linux/enotempty/',
    ],
    [
      "Watchpack Error (watcher): Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src/components'",
      '/linux/enospc/',
    ],
    ["[nodemon] Internal watch failed: ENOSPC: System limit for number of file watchers reached, watch '/app'", '/linux/enospc/'],
    // Python (content/messages/files-processes-python.yaml)
    ["FileNotFoundError: [Errno 2] No such file or directory: 'config.yaml'", '/linux/enoent/'],
    ["PermissionError: [Errno 13] Permission denied: '/var/log/app.log'", '/linux/eacces/'],
    ['ProcessLookupError: [Errno 3] No such process', '/linux/esrch/'],
    ['ChildProcessError: [Errno 10] No child processes', '/linux/echild/'],
    ['OSError: [Errno 28] No space left on device', '/linux/enospc/'],
    ["FileExistsError: [Errno 17] File exists: 'build'", '/linux/eexist/'],
    ["IsADirectoryError: [Errno 21] Is a directory: '/app/config.json'", '/linux/eisdir/'],
    ["OSError: [Errno 39] Directory not empty: 'build'", '/linux/enotempty/'],
    ["OSError: [Errno 18] Invalid cross-device link: '/tmp/tmpab12cd' -> '/data/out.bin'", '/linux/exdev/'],
    ["OSError: [Errno 30] Read-only file system: '/app/logs'", '/linux/erofs/'],
    ["OSError: [Errno 26] Text file busy: './server'", '/linux/etxtbsy/'],
    ["OSError: [Errno 7] Argument list too long: '/usr/bin/git'", '/linux/e2big/'],
    ['OSError: [Errno 12] Cannot allocate memory', '/linux/enomem/'],
    ['OSError: [Errno 122] Disk quota exceeded', '/linux/edquot/'],
    ['OSError: [Errno 29] Illegal seek', '/linux/espipe/'],
    ["OSError: [Errno 6] No such device or address: '/dev/tty'", '/linux/enxio/'],
    ['OSError: [Errno 38] Function not implemented', '/linux/enosys/'],
    ['OSError: [Errno 95] Operation not supported', '/linux/eopnotsupp/'],
    // Python on Windows
    ['FileNotFoundError: [WinError 2] The system cannot find the file specified', '/windows/error_file_not_found/'],
    [
      "FileNotFoundError: [WinError 3] The system cannot find the path specified: 'C:\\build\\out\\report.html'",
      '/windows/error_path_not_found/',
    ],
    ["PermissionError: [WinError 5] Access is denied: 'C:\\project\\build\\app.exe'", '/windows/error_access_denied/'],
    [
      "PermissionError: [WinError 32] The process cannot access the file because it is being used by another process: 'C:\\project\\build\\out.log'",
      '/windows/error_sharing_violation/',
    ],
    [
      "FileExistsError: [WinError 183] Cannot create a file when that file already exists: 'build\\tmp' -> 'build\\out'",
      '/windows/error_already_exists/',
    ],
    ["OSError: [WinError 145] The directory is not empty: 'C:\\project\\build'", '/windows/error_dir_not_empty/'],
    [
      "OSError: [WinError 1314] A required privilege is not held by the client: 'C:\\src\\lib' -> 'C:\\src\\link'",
      '/windows/error_privilege_not_held/',
    ],
    ['ConnectionResetError: [WinError 64] The specified network name is no longer available', '/windows/error_netname_deleted/'],
    ['OSError: [WinError 121] The semaphore timeout period has expired', '/windows/error_sem_timeout/'],
    // shells, coreutils, git, Docker, Go, Java, the kernel (content/messages/files-processes-tools.yaml)
    ["/usr/bin/env: 'node\\r': No such file or directory", '/linux/enoent/'],
    ['exec /usr/local/bin/docker-entrypoint.sh: no such file or directory', '/linux/enoent/'],
    ['java.io.FileNotFoundException: /etc/app/config.properties (No such file or directory)', '/linux/enoent/'],
    ['bash: ./deploy.sh: Permission denied', '/linux/eacces/'],
    ['java.nio.file.AccessDeniedException: /opt/app/data', '/linux/eacces/'],
    ["chown: changing ownership of '/data': Operation not permitted", '/linux/eperm/'],
    ['write /var/lib/docker/tmp/GetImageBlob123456: no space left on device', '/linux/enospc/'],
    ["mkdir: cannot create directory 'build': File exists", '/linux/eexist/'],
    ["rmdir: failed to remove 'build': Directory not empty", '/linux/enotempty/'],
    ["ln: failed to create hard link 'backup/data.db' => 'data.db': Invalid cross-device link", '/linux/exdev/'],
    ["ls: cannot access 'current': Too many levels of symbolic links", '/linux/eloop/'],
    ['EXT4-fs (sda1): Remounting filesystem read-only', '/linux/erofs/'],
    ['umount: /mnt/data: target is busy.', '/linux/ebusy/'],
    ["cp: cannot create regular file '/usr/local/bin/app': Text file busy", '/linux/etxtbsy/'],
    ['fork/exec ./bin/app: text file busy', '/linux/etxtbsy/'],
    ['bash: /usr/bin/rm: Argument list too long', '/linux/e2big/'],
    ['bash: kill: (12345) - No such process', '/linux/esrch/'],
    ["cp: error reading 'video.mp4': Input/output error", '/linux/eio/'],
    ['java.io.IOException: Cannot run program "git": error=12, Cannot allocate memory', '/linux/enomem/'],
    ['File size limit exceeded (core dumped)', '/linux/efbig/'],
    ['tar: data.tar: Cannot write: Disk quota exceeded', '/linux/edquot/'],
    ["mount: /mnt/usb: unknown filesystem type 'exfat'.", '/linux/enodev/'],
    ["gpg: cannot open '/dev/tty': No such device or address", '/linux/enxio/'],
    ['fallocate: fallocate failed: Operation not supported', '/linux/eopnotsupp/'],
    // Windows tools
    [
      "System.IO.IOException: The process cannot access the file 'C:\\app\\data.db' because it is being used by another process.",
      '/windows/error_sharing_violation/',
    ],
    [
      'error MSB3027: Could not copy "obj\\Debug\\net8.0\\App.dll" to "bin\\Debug\\net8.0\\App.dll". Exceeded retry count of 10. Failed.',
      '/windows/error_sharing_violation/',
    ],
    ['ERROR 32 (0x00000020) Copying File C:\\src\\data.db', '/windows/error_sharing_violation/'],
    ["Remove-Item : Access to the path 'C:\\project\\dist\\app.exe' is denied.", '/windows/error_access_denied/'],
    ["System.IO.DirectoryNotFoundException: Could not find a part of the path 'C:\\app\\logs\\app.log'.", '/windows/error_path_not_found/'],
    ['You do not have sufficient privilege to perform this operation.', '/windows/error_privilege_not_held/'],
  ])('%j -> %s', (q, url) => {
    expect(top(q)).toBe(url);
  });
});

// The messages quoted at the top of the coverage issue (12), as developers paste them.
describe('the file, process, pipe and resolver errors people paste', () => {
  it.each([
    ["ENOENT: no such file or directory, open '/app/config.json'", '/linux/enoent/'],
    ['Error: spawn git ENOENT', '/linux/enoent/'],
    ["EACCES: permission denied, open '/var/log/app.log'", '/linux/eacces/'],
    ["EPERM: operation not permitted, unlink 'C:\\Users\\dev\\app\\node_modules\\.bin\\vite'", '/linux/eperm/'],
    ["Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'", '/linux/enospc/'],
    ["EEXIST: file already exists, mkdir '/tmp/cache'", '/linux/eexist/'],
    ["EXDEV: cross-device link not permitted, rename '/tmp/upload' -> '/data/upload'", '/linux/exdev/'],
    ['ETXTBSY: text file busy', '/linux/etxtbsy/'],
    ['EISDIR: illegal operation on a directory, read', '/linux/eisdir/'],
    ["ENOTEMPTY: directory not empty, rmdir '/app/dist'", '/linux/enotempty/'],
    ["EBUSY: resource busy or locked, rmdir 'node_modules'", '/linux/ebusy/'],
    ["EROFS: read-only file system, open '/usr/lib/app.conf'", '/linux/erofs/'],
    ['Error: spawn E2BIG', '/linux/e2big/'],
    ['E2BIG: argument list too long', '/linux/e2big/'],
    ['Error: write EPIPE', '/linux/epipe/'],
    ['getaddrinfo ENOTFOUND registry.npmjs.org', '/resolver/enotfound/'],
    ['Error: getaddrinfo EAI_AGAIN registry.npmjs.org', '/resolver/eai_again/'],
  ])('%s → %s', (query, url) => {
    expect(top(query)).toBe(url);
  });
});

describe('words that tell errors apart outweigh words many errors share (issue 13)', () => {
  const urls = (q: string) => searcher.search(q).map((r) => r.url);
  it('a libpq line with "timed out" lands on ETIMEDOUT, although its other words match an ECONNRESET log line', () => {
    expect(top('could not receive data from server: Connection timed out')).toBe('/linux/etimedout/');
  });
  it('[Errno 54] with the reset message is ECONNRESET on macOS, and Linux EXFULL (54) is not offered next to it', () => {
    const r = searcher.search('[Errno 54] Connection reset by peer');
    expect(r[0]).toMatchObject({ url: '/linux/econnreset/', label: 'macOS errno 54' });
    expect(r.map((x) => x.url)).not.toContain('/linux/exfull/');
  });
  it('"reset" puts ECONNRESET and WSAECONNRESET above the legacy EL3RST', () => {
    const r = urls('reset');
    expect(r.slice(0, 2)).toEqual(['/linux/econnreset/', '/winsock/wsaeconnreset/']);
  });
  it('a bare 54 still lists Linux EXFULL: only a message takes it away', () => {
    expect(urls('54')).toContain('/linux/exfull/');
  });

  // Hex and HRESULT forms of Winsock and Windows codes, and ten more lines from real logs.
  it.each([
    ['0x2746', '/winsock/wsaeconnreset/'],
    ['0x80072746', '/winsock/wsaeconnreset/'],
    ['-2147014842', '/winsock/wsaeconnreset/'],
    ['HRESULT: 0x80072745', '/winsock/wsaeconnaborted/'],
    ['0x80070005', '/windows/error_access_denied/'],
    ['System.UnauthorizedAccessException (0x80070005): Access is denied.', '/windows/error_access_denied/'],
    ['HResult=-2147024864', '/windows/error_sharing_violation/'],
    ['could not receive data from server: Software caused connection abort (0x00002745/10053)', '/winsock/wsaeconnaborted/'],
    ['ssh: connect to host example.com port 22: Connection timed out', '/linux/etimedout/'],
    ['upstream timed out (110: Connection timed out) while reading response header from upstream', '/linux/etimedout/'],
    ['TimeoutError: [Errno 60] Operation timed out', '/linux/etimedout/'],
    ['ConnectionRefusedError: [Errno 61] Connection refused', '/linux/econnrefused/'],
    ['OSError: [Errno 48] Address already in use', '/linux/eaddrinuse/'],
    ['redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.', '/linux/econnrefused/'],
    ['dial tcp 127.0.0.1:5432: connect: connection refused', '/linux/econnrefused/'],
    ['read tcp 10.0.0.2:5432->10.0.0.3:40112: read: connection reset by peer', '/linux/econnreset/'],
    ['System.Net.Sockets.SocketException (0x80004005): Connection refused', '/linux/econnrefused/'],
    ['BrokenPipeError: [Errno 32] Broken pipe', '/linux/epipe/'],
  ])('%j -> %s', (q, url) => {
    expect(top(q)).toBe(url);
  });

  it('labels a hex code with the form the query used', () => {
    expect(searcher.search('0x80072746')[0]?.label).toBe('Winsock 10054 (0x80072746)');
    expect(searcher.search('-2147014842')[0]?.label).toBe('Winsock 10054 (-2147014842)');
  });
  it('a macOS number found through the exception class is labelled as macOS', () => {
    expect(searcher.search('TimeoutError: [Errno 60] Operation timed out')[0]?.label).toBe('macOS errno 60');
    expect(urls('TimeoutError: [Errno 60] Operation timed out')).not.toContain('/linux/enostr/');
  });
});
