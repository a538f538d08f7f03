import type { FlowDefinition, FlowEdgeDef, FlowNodeDef } from '../api/types';

/**
 * A valid flow of `count` core-activity nodes for performance checks: a Start, then a chain with a Decision every
 * fifth node whose two branches (a Log each) join again, Waits and Delays in between, and an End.
 */
export function generateFlow(count = 200, id = 'perf-200'): FlowDefinition {
  const nodes: FlowNodeDef[] = [];
  const edges: FlowEdgeDef[] = [];
  const add = (node: FlowNodeDef) => nodes.push(node);
  add({ id: 'start', type: 'Start', label: 'Start', inputs: { trigger: 'event', event: 'perf.start' }, position: { x: 0, y: 0 } });
  let previous = 'start';
  let previousOutcome = 'Done';
  let y = 0;
  let i = 1;
  while (nodes.length < count - 1) {
    y += 130;
    const remaining = count - 1 - nodes.length;
    if (i % 5 === 0 && remaining >= 4) {
      const decision = `check-${i}`;
      add({ id: decision, type: 'Decision', label: `Check ${i}`, inputs: { condition: `vars.n > ${i}` }, position: { x: 0, y } });
      edges.push({ from: previous, outcome: previousOutcome, to: decision });
      y += 130;
      const yes = `yes-${i}`;
      const no = `no-${i}`;
      add({ id: yes, type: 'Log', label: `Yes ${i}`, inputs: { message: `Branch yes at ${i} for {{event.name}}` }, position: { x: -180, y } });
      add({ id: no, type: 'Log', label: `No ${i}`, inputs: { message: `Branch no at ${i}`, level: 'Warning' }, position: { x: 180, y } });
      edges.push({ from: decision, outcome: 'True', to: yes }, { from: decision, outcome: 'False', to: no });
      y += 130;
      const join = `count-${i}`;
      add({ id: join, type: 'SetVariable', inputs: { name: 'n', value: `coalesce(vars.n, 0) + ${i}` }, position: { x: 0, y } });
      edges.push({ from: yes, outcome: 'Done', to: join }, { from: no, outcome: 'Done', to: join });
      previous = join;
      previousOutcome = 'Done';
    } else if (i % 7 === 0) {
      const wait = `wait-${i}`;
      add({ id: wait, type: 'WaitForEvent', label: `Wait ${i}`, inputs: { event: 'order.created', timeout: '1d' }, position: { x: 0, y } });
      edges.push({ from: previous, outcome: previousOutcome, to: wait });
      previous = wait;
      previousOutcome = 'Received';
    } else if (i % 3 === 0) {
      const delay = `delay-${i}`;
      add({ id: delay, type: 'Delay', inputs: { duration: `${i}m` }, position: { x: 0, y } });
      edges.push({ from: previous, outcome: previousOutcome, to: delay });
      previous = delay;
      previousOutcome = 'Done';
    } else {
      const log = `log-${i}`;
      add({ id: log, type: 'Log', label: `Step ${i}`, inputs: { message: `Step ${i}: {{vars.n}}` }, position: { x: 0, y } });
      edges.push({ from: previous, outcome: previousOutcome, to: log });
      previous = log;
      previousOutcome = 'Done';
    }
    i++;
  }
  add({ id: 'end', type: 'End', position: { x: 0, y: y + 130 } });
  edges.push({ from: previous, outcome: previousOutcome, to: 'end' });
  return {
    id,
    name: `Generated flow (${count} nodes)`,
    description: 'Generated for the designer performance check.',
    variables: [{ name: 'n', type: 'number', default: 0 }],
    nodes,
    edges,
  };
}
