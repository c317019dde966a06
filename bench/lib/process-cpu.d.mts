export declare function parseProcStatTicks(text: string): number;
export declare function processCpuMs(pid: number): number | null;
