// Which Node.js lines this checkout verifies on: the pinned one that runs the build, and the
// other LTS lines that `npm ci` installs under npm aliases (package.json devDependencies).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const OTHER_RUNTIME_PACKAGES = ['node24', 'node26'];

/** The binary and version of each other line, from its package; undefined where it is not installed. */
export function otherRuntimes(nodeModules = resolve('node_modules')): Array<{ pkg: string; execPath: string; version?: string }> {
  return OTHER_RUNTIME_PACKAGES.map((pkg) => {
    const manifest = join(nodeModules, pkg, 'package.json');
    const version = existsSync(manifest) ? `v${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}` : undefined;
    return { pkg, execPath: join(nodeModules, pkg, 'bin', 'node'), version };
  });
}

/** The versions a build made now would verify on, the pinned one first. */
export function installedRuntimeVersions(nodeModules?: string): string[] {
  return [process.version, ...otherRuntimes(nodeModules).flatMap((r) => (r.version ? [r.version] : []))];
}
