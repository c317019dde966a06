export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
  scriptId?: string;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[]; hitCount?: number }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface RankedCost {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time, 0..1. */
  share: number;
}

export interface CpuProfileSummary {
  totalMs: number;
  idleMs: number;
  busyMs: number;
  self: RankedCost[];
  inclusive: RankedCost[];
  areas: RankedCost[];
}

export declare function areaOf(callFrame: CallFrame): string;
export declare function summarizeCpuProfile(profile: CpuProfile, options?: { top?: number }): CpuProfileSummary;
