// Types mirroring the server's JSON (camelCase). See docs/flow-format.md and src/HaloAgent.Server/Apis.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FlowPosition {
  x: number;
  y: number;
}

export interface RetryPolicy {
  maxRetries?: number;
  delay?: string;
  exponential?: boolean;
}

export interface FlowNodeDef {
  id: string;
  type: string;
  label?: string | null;
  inputs?: Record<string, Json> | null;
  position?: FlowPosition | null;
  retry?: RetryPolicy | null;
}

export interface FlowEdgeDef {
  from: string;
  outcome?: string | null;
  to: string;
}

export interface FlowVariable {
  name: string;
  type?: string | null;
  default?: Json;
}

export interface FlowDefinition {
  id: string;
  name: string;
  description?: string | null;
  version?: number | null;
  options?: { singleton?: boolean; [key: string]: Json | undefined } | null;
  variables?: FlowVariable[] | null;
  nodes?: FlowNodeDef[] | null;
  edges?: FlowEdgeDef[] | null;
}

export type InputKind =
  | 'Text'
  | 'Expression'
  | 'Condition'
  | 'Number'
  | 'Boolean'
  | 'Duration'
  | 'DateTime'
  | 'Select'
  | 'EventName'
  | 'VariableName'
  | 'Cron'
  | 'Cases'
  | 'Variants'
  | 'Json';

export interface InputDescriptor {
  name: string;
  kind: InputKind;
  displayName?: string | null;
  description?: string | null;
  required?: boolean;
  default?: Json;
  options?: string[] | null;
  uiHint?: string | null;
}

export interface OutputDescriptor {
  name: string;
  type: string;
  description?: string | null;
}

export interface ActivityDescriptor {
  type: string;
  displayName: string;
  category: string;
  description?: string;
  inputs: InputDescriptor[];
  outputs: OutputDescriptor[];
  outcomes: string[];
  dynamicOutcomes: boolean;
  isStart: boolean;
  maySuspend: boolean;
  isTerminal: boolean;
}

/** GET /api/events/catalog: an event the product raises into flows, with its payload fields. */
export interface EventDefinition {
  name: string;
  description: string;
  payload: { name: string; type: string; description: string }[];
}

/** GET /api/flows/functions: a built-in expression function; no maxArguments means any number from minArguments. */
export interface ExpressionFunction {
  name: string;
  minArguments: number;
  maxArguments?: number | null;
  arity: string;
  description: string;
  example: string;
}

export interface FlowSummary {
  id: string;
  name: string;
  description?: string | null;
  activeVersion?: number | null;
  latestVersion: number;
  hasDraft: boolean;
  updatedAt: string;
}

/** Status strings as the server writes them: Draft, Published, Retracted. */
export type VersionStatus = 'Draft' | 'Published' | 'Retracted' | string;

export interface FlowVersionInfo {
  flowId: string;
  version: number;
  status: VersionStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string | null;
}

export interface FlowVersionDocument {
  info: FlowVersionInfo;
  definition: FlowDefinition;
}

export interface ValidationError {
  nodeId?: string | null;
  field?: string | null;
  message: string;
}

export interface ValidationReport {
  valid: boolean;
  errors: ValidationError[];
}

export interface ApiProblem {
  status: number;
  title: string;
  detail: string;
  errors?: ValidationError[] | null;
}

export type InstanceStatus = 'Running' | 'Waiting' | 'Faulted' | 'Completed' | 'Cancelled';

export interface InstanceSummary {
  id: string;
  flowId: string;
  version: number;
  status: InstanceStatus;
  correlationKey?: string | null;
  currentNodeId?: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt?: string | null;
  wakeAt?: string | null;
}

export interface JournalEntry {
  sequence: number;
  nodeId: string;
  activityType: string;
  /** executed, resumed, suspended or faulted */
  kind: string;
  inputs?: Record<string, Json> | null;
  outcome?: string | null;
  output?: Json;
  error?: string | null;
  attempts?: number;
  startedAt: string;
  durationMs?: number;
}

export interface Incident {
  nodeId: string;
  message: string;
  errorType?: string | null;
  attempts: number;
  occurredAt: string;
  sequence: number;
  resumedBy?: string | null;
}

export interface BookmarkInfo {
  eventName: string;
  correlationKey: string;
  nodeId: string;
  createdAt: string;
  resumed: boolean;
}

export interface InstanceDetails {
  summary: InstanceSummary;
  variables: Record<string, Json>;
  event?: Json;
  wait?: { bookmarks?: { eventName: string; correlationKey: string }[]; wakeAt?: string | null } | null;
  incident?: Incident | null;
  bookmarks: BookmarkInfo[];
  journal: JournalEntry[];
}
