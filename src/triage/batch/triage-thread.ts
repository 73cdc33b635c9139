import { computeTriage, type ComputeOutcome, type ComputeTask } from './triage-compute.js';

/** The entry of a triage worker thread (TriageThreads): one batch's step, computed off the main event loop. */
export default function triageThread(task: ComputeTask): ComputeOutcome[] {
  return computeTriage(task);
}
