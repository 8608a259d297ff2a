import { describe, expect, it } from 'vitest';
import { attribution, osName } from '../../src/lib/platform-names.ts';

describe('platform names as their owners write them', () => {
  it.each([
    ['darwin', 'macOS'],
    ['linux', 'Linux'],
    ['windows', 'Windows'],
    ['freebsd', 'FreeBSD'],
  ])('%s -> %s', (p, name) => {
    expect(osName(p)).toBe(name);
  });
  it.each([
    [{ program: 'Windows', platform: 'windows' }, 'Windows'],
    [{ program: 'Windows Explorer', platform: 'windows' }, 'Windows Explorer'],
    [{ program: 'curl', platform: 'linux' }, 'curl, Linux'],
    [{ program: 'Python', platform: 'darwin' }, 'Python, macOS'],
    [{ program: 'nginx', platform: 'any' }, 'nginx'],
  ])('%j -> %s', (m, text) => {
    expect(attribution(m)).toBe(text);
  });
});
