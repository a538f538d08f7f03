import type { ActivityDescriptor, Json } from '../api/types';

/** Names of the items of a Cases/Variants input value, in order, skipping malformed items. */
export function itemNames(value: Json | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const item of value) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const name = (item as Record<string, Json>).name;
      if (typeof name === 'string' && name.trim() !== '' && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The outcomes a node offers, one output handle each: the static outcomes of its activity, or for activities with
 * dynamic outcomes the names of its Cases/Variants items followed by the static ones (Switch: cases, then Default;
 * Split: its variants).
 */
export function outcomesFor(descriptor: ActivityDescriptor | undefined, inputs: Record<string, Json> | null | undefined): string[] {
  if (!descriptor) return [];
  if (!descriptor.dynamicOutcomes) return [...descriptor.outcomes];
  const dynamic: string[] = [];
  for (const input of descriptor.inputs) {
    if (input.kind === 'Cases' || input.kind === 'Variants') {
      for (const name of itemNames(inputs?.[input.name] ?? input.default)) {
        if (!dynamic.includes(name)) dynamic.push(name);
      }
    }
  }
  return [...dynamic, ...descriptor.outcomes.filter((o) => !dynamic.includes(o))];
}
