import type { CommandFunction } from './command-server';

/**
 * The functions a command server exposes: each named method of `target`, bound to it. Only the
 * listed names are callable remotely (never private helpers of the class).
 * Throws Error when a name is not a method of `target`.
 */
export function commandTable<T extends object>(target: T, names: readonly (keyof T & string)[]): Record<string, CommandFunction> {
  const table: Record<string, CommandFunction> = {};
  for (const name of names) {
    const method = target[name];
    if (typeof method !== 'function') throw new Error(`${name} is not a method of the commands object`);
    table[name] = (...args: unknown[]) => Promise.resolve((method as (...a: unknown[]) => unknown).apply(target, args));
  }
  return table;
}
