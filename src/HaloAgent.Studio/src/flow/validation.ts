import type { ValidationError } from '../api/types';

export interface MappedErrors {
  /** Errors per node id (for the badge on the node). */
  byNode: Record<string, ValidationError[]>;
  /** Messages per node id and field (for the property panel's editors); errors without a field are under ''. */
  byField: Record<string, Record<string, string[]>>;
  /** Errors about the document, or about nodes that are not on the canvas. */
  general: ValidationError[];
  count: number;
}

export const NO_ERRORS: MappedErrors = { byNode: {}, byField: {}, general: [], count: 0 };

/** Places the validator's `{nodeId, field, message}` errors onto the canvas's nodes and their fields. */
export function mapValidationErrors(errors: readonly ValidationError[], nodeIds: Iterable<string>): MappedErrors {
  if (errors.length === 0) return NO_ERRORS;
  const ids = new Set(nodeIds);
  const byNode: MappedErrors['byNode'] = {};
  const byField: MappedErrors['byField'] = {};
  const general: ValidationError[] = [];
  for (const error of errors) {
    const nodeId = error.nodeId ?? null;
    if (nodeId === null || !ids.has(nodeId)) {
      general.push(error);
      continue;
    }
    (byNode[nodeId] ??= []).push(error);
    const fields = (byField[nodeId] ??= {});
    // Item errors of Cases/Variants may come as "cases[1].condition": keep them under the input's name too.
    const field = error.field ?? '';
    (fields[field] ??= []).push(error.message);
    const base = field.replace(/[[.].*$/, '');
    if (base !== field) (fields[base] ??= []).push(error.message);
  }
  return { byNode, byField, general, count: errors.length };
}

/** The text form the docs use: `Node 'wait', input 'timeout': …`. */
export function describeError(error: ValidationError): string {
  const where = [error.nodeId ? `Node '${error.nodeId}'` : null, error.field ? `input '${error.field}'` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${error.message}` : error.message;
}
