import type { JsonSchema } from './json-schema';

const CONSTRAINTS = ['type', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength'] as const;

/**
 * Why a consumer written against `previous` would break on messages valid under `next` (the public
 * topics' compatibility rule: every message of the new schema must still be a valid, understandable
 * message of the old one). Returns one line per break; empty when `next` is compatible.
 *
 * Breaking: removing a property or making a required one optional (consumers read it); adding a
 * property where `previous` forbids additional properties; changing a property's type, const,
 * pattern or bounds; adding an enum value (old consumers do not know it); turning
 * additionalProperties off→on. Compatible: annotations (title, description, examples), removing
 * enum values, and new optional properties where `previous` allowed additional ones.
 */
export function breakingChanges(previous: JsonSchema, next: JsonSchema, path = '$'): string[] {
  const breaks: string[] = [];
  for (const keyword of CONSTRAINTS) {
    if (JSON.stringify(previous[keyword]) !== JSON.stringify(next[keyword])) {
      breaks.push(`${path}: ${keyword} changed from ${JSON.stringify(previous[keyword])} to ${JSON.stringify(next[keyword])}`);
    }
  }
  if (previous.enum !== undefined || next.enum !== undefined) {
    if (next.enum === undefined) breaks.push(`${path}: enum removed (any value now allowed)`);
    else {
      const added = next.enum.filter((value) => !(previous.enum ?? []).includes(value));
      if (previous.enum !== undefined && added.length > 0) breaks.push(`${path}: enum gained ${added.join(', ')}`);
      if (previous.enum === undefined) breaks.push(`${path}: enum added`);
    }
  }
  if (previous.type === 'object' || next.type === 'object') {
    const nextRequired = new Set(next.required ?? []);
    for (const name of previous.required ?? []) if (!nextRequired.has(name)) breaks.push(`${path}: "${name}" is no longer required`);
    for (const [name, oldProperty] of Object.entries(previous.properties ?? {})) {
      const newProperty = next.properties?.[name];
      if (!newProperty) breaks.push(`${path}: property "${name}" removed`);
      else breaks.push(...breakingChanges(oldProperty, newProperty, `${path}.${name}`));
    }
    for (const name of Object.keys(next.properties ?? {})) {
      if (previous.properties?.[name] === undefined && previous.additionalProperties === false) breaks.push(`${path}: property "${name}" added where the previous schema forbids additional properties`);
    }
    if (previous.additionalProperties === false && next.additionalProperties !== false) breaks.push(`${path}: additionalProperties turned on`);
  }
  return breaks;
}
