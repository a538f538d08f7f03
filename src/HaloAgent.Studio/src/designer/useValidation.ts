import { useEffect, useMemo, useState } from 'react';
import { flowsApi } from '../api/flows';
import { ApiError, errorMessage } from '../api/http';
import type { FlowDefinition, ValidationError } from '../api/types';
import type { ActivityNode } from '../flow/model';
import { mapValidationErrors, NO_ERRORS } from '../flow/validation';
import { createKeyedStore } from './keyedStore';

export type Validation = { state: 'pending' } | { state: 'done'; errors: ValidationError[] } | { state: 'failed'; message: string };

/**
 * Server validation as you edit (debounced, the previous request aborted), and the errors a refused publish
 * returned until the next edit; mapped to nodes and published per node, so only the affected nodes re-render.
 */
export function useValidation(docKey: string, nodes: ActivityNode[], offline: boolean | undefined) {
  const [validation, setValidation] = useState<Validation>({ state: 'pending' });
  const [publishErrors, setPublishErrors] = useState<ValidationError[] | null>(null);
  const errorStore = useMemo(() => createKeyedStore<ValidationError[]>(), []);

  useEffect(() => {
    if (offline) return;
    setValidation({ state: 'pending' });
    setPublishErrors(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      flowsApi.validate(JSON.parse(docKey) as FlowDefinition, controller.signal).then(
        (report) => setValidation({ state: 'done', errors: report.errors }),
        (e) => {
          if (controller.signal.aborted) return;
          if (e instanceof ApiError && e.status === 400) setValidation({ state: 'done', errors: [{ message: e.message }] });
          else setValidation({ state: 'failed', message: errorMessage(e) });
        },
      );
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [docKey, offline]);

  const nodeIdsKey = useMemo(() => nodes.map((n) => n.id).join('\u0000'), [nodes]);
  const mapped = useMemo(() => {
    const errors = publishErrors ?? (validation.state === 'done' ? validation.errors : []);
    return errors.length ? mapValidationErrors(errors, nodeIdsKey.split('\u0000')) : NO_ERRORS;
  }, [validation, publishErrors, nodeIdsKey]);
  useEffect(() => errorStore.set(mapped.byNode), [mapped, errorStore]);

  return { validation, mapped, errorStore, setPublishErrors };
}
