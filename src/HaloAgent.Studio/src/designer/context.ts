import { createContext, useContext } from 'react';
import type { ValidationError } from '../api/types';
import type { DescriptorMap } from '../flow/model';
import type { KeyedStore } from './keyedStore';

export type NodeRunState = 'visited' | 'current' | 'faulted' | 'waiting';

export interface CanvasContextValue {
  descriptors: DescriptorMap;
  errors: KeyedStore<ValidationError[]> | null;
  runState: KeyedStore<NodeRunState> | null;
  readOnly: boolean;
}

export const CanvasContext = createContext<CanvasContextValue>({ descriptors: new Map(), errors: null, runState: null, readOnly: false });

export const useCanvasContext = () => useContext(CanvasContext);
