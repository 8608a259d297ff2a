// Every internal address in one place, so pages, the API and the search index agree.
import type { ErrorPlatform } from '../schemas/index.ts';

/** `/linux/econnreset/` */
export const errorUrl = (platform: ErrorPlatform, name: string): string => `/${platform}/${name.toLowerCase()}/`;

/** `/winsock/10054/`: a permalink by number that redirects to the page by name. */
export const errorNumberUrl = (platform: ErrorPlatform, number: number): string => `/${platform}/${number}/`;

export const scenarioUrl = (slug: string): string => `/scenarios/${slug}/`;

/** The raw snippet, downloadable and runnable with `node <slug>.ts`. */
export const snippetUrl = (slug: string): string => `/snippets/${slug}.ts`;

export const platformLabels: Record<ErrorPlatform, string> = {
  linux: 'Linux errno',
  winsock: 'Windows Sockets (Winsock)',
  windows: 'Windows system error',
  resolver: 'Resolver (getaddrinfo)',
};
