import { http } from './http';

const enc = encodeURIComponent;

export interface Interval { low: number; high: number }

export interface Verdict { kind: 'not_enough_data' | 'sample_ratio_mismatch' | 'no_winner_yet' | 'winner'; winner?: string | null; sentence: string }

/** A variant against the control (the server's Comparison); lifts are relative, 0.18 = +18 %. */
export interface Comparison {
  lift: number;
  liftStandardError: number;
  chanceToWin: number;
  risk: number;
  controlRisk: number;
  credibleInterval: Interval;
  pValue: number;
  confidenceInterval: Interval;
  sequentialInterval: Interval;
}

export interface ExperimentVariant {
  name: string;
  weight: number;
  share: number;
  target?: string | null;
  control: boolean;
  exposed: number;
  delivered: number;
  read: number;
  replied: number;
  converted: number;
  revenueKobo: number;
  conversionRate: number;
  conversionInterval: Interval;
  vsControl?: Comparison | null;
}

export type ExperimentStatus = 'running' | 'stopped' | 'promoted';

/** The server's ExperimentSummary. */
export interface ExperimentSummary {
  id: string;
  flowId: string;
  flowName: string;
  nodeId: string;
  label?: string | null;
  status: ExperimentStatus;
  flowPublished: boolean;
  variants: string[];
  exposed: number;
  verdict: Verdict;
  sampleRatioMismatch: boolean;
}

/** The server's ExperimentView. */
export interface Experiment {
  id: string;
  flowId: string;
  flowName: string;
  nodeId: string;
  label?: string | null;
  status: ExperimentStatus;
  flowPublished: boolean;
  flowVersion?: number | null;
  variants: ExperimentVariant[];
  sampleRatio: { chiSquare: number; pValue: number; mismatch: boolean };
  minimumSampleReached: boolean;
  verdict: Verdict;
  rules: { minimumExposed: number; minimumConversions: number; goalWindowDays: number; chanceToWin: number; sequentialTuning: number };
  stoppedAt?: string | null;
  winner?: string | null;
  promotedVersion?: number | null;
}

export const experimentsApi = {
  list: () => http.get<ExperimentSummary[]>('/api/experiments'),
  get: (id: string) => http.get<Experiment>(`/api/experiments/${enc(id)}`),
  stop: (id: string) => http.post<Experiment>(`/api/experiments/${enc(id)}/stop`),
  promote: (id: string, variant?: string) => http.post<Experiment>(`/api/experiments/${enc(id)}/promote`, variant ? { variant } : {}),
};

/** 0.183 → "18.3 %"; a rate to one decimal, as owners compare small rates. */
export const rate = (share: number) => `${(share * 100).toFixed(1)} %`;

/** A chance as the verdict says it: never "100 %" or "0 %", which no finite sample supports. */
export const chance = (share: number) => (share >= 0.995 ? '> 99 %' : share <= 0.005 ? '< 1 %' : `${Math.round(share * 100)} %`);

/** A p-value to three decimals, "< 0.001" below that. */
export const pValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** 0.18 → "+18 %", -0.05 → "−5 %". */
export const lift = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(Math.round(value * 100))} %`;

export const STATUS_LABELS: Record<ExperimentStatus, string> = { running: 'Running', stopped: 'Stopped', promoted: 'Promoted' };

/** What the owner may do now: nothing on a promoted experiment or a retracted flow; stop only while running. */
export function allowedActions(e: Pick<Experiment, 'status' | 'flowPublished' | 'minimumSampleReached'>): { stop: boolean; promote: boolean } {
  const open = e.flowPublished && e.status !== 'promoted';
  return { stop: open && e.status === 'running', promote: open && e.minimumSampleReached };
}
