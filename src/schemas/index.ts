// Every content schema, in one place. Types come from here (z.infer), never written twice.
export * from './common.ts';
export * from './source.ts';
export * from './error.ts';
export * from './platforms.ts';
export * from './libuv.ts';
export * from './message.ts';
export * from './scenario.ts';
export * from './counter.ts';
export * from './content.ts';
export * from './verification.ts';
export * from './translation.ts';
