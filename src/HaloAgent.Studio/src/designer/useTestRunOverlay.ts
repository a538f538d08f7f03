import { useEffect, useMemo, useState } from 'react';
import type { TestRun } from '../api/testRuns';
import type { InstanceStatus } from '../api/types';
import type { FlowEdge } from '../flow/model';
import { pathFromJournal } from '../flow/path';
import { decorateEdges } from '../flow/testRun';
import type { NodeRunState } from './context';
import { createKeyedStore } from './keyedStore';

/** The path the sandbox test run took, lit up on the canvas (nodes per key, edges decorated) while its panel is open. */
export function useTestRunOverlay(open: boolean, edges: FlowEdge[]) {
  const [testRun, setTestRun] = useState<TestRun | null>(null);
  const runStore = useMemo(() => createKeyedStore<NodeRunState>(), []);
  const testPath = useMemo(() => {
    if (!testRun || !open) return null;
    const status = (testRun.status === 'NotStarted' ? 'Waiting' : testRun.status === 'Ended' ? 'Cancelled' : testRun.status) as InstanceStatus;
    return pathFromJournal(testRun.journal, { status, currentNodeId: testRun.currentNodeId ?? null });
  }, [testRun, open]);
  useEffect(() => runStore.set(testPath?.states ?? {}), [testPath, runStore]);
  const shownEdges = useMemo(() => decorateEdges(edges, testPath?.edges ?? null), [edges, testPath]);
  return { setTestRun, runStore: open ? runStore : null, shownEdges };
}
